//! The status grid of every measure by month, with a switch to show only the
//! measures that missed their target in some month.

use crate::chart::heatmap::status_grid_of;
use crate::engine::Results;
use crate::ui::chart_frame::ChartFrame;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StatusGridProps {
    pub results: Rc<Results>,
}

#[component]
pub fn StatusGrid(p: &StatusGridProps) -> Html {
    // Local: the filter is a way of reading, not part of the work to save.
    let only_misses = use_state(|| false);
    let chart = use_memo((p.results.clone(), *only_misses), |(r, only)| {
        status_grid_of(r, *only)
    });
    let toggle = {
        let only_misses = only_misses.clone();
        Callback::from(move |_: Event| only_misses.set(!*only_misses))
    };
    // A few months draw a narrow grid: kept near its own size rather than
    // stretched (no inline style: the content policy forbids it).
    let class = classes!("status-grid", (chart.width <= 800).then_some("narrow"));
    html! {
        <div {class}>
            <ChartFrame chart={chart.clone()} id="status-grid">
                <label class="chart-pick">
                    <input type="checkbox" data-testid="grid-only-misses" checked={*only_misses} onchange={toggle} />
                    { " Only measures below target in some month" }
                </label>
            </ChartFrame>
        </div>
    }
}
