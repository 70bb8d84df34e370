//! The status grid of every measure by month, with a switch to show only the
//! measures that missed their target in some month.

use crate::chart::heatmap::status_grid_for;
use crate::engine::Results;
use crate::ui::chart_frame::{use_chart_width, ChartFrame};
use crate::ui::widgets::copy_table::CopyTable;
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
    // Too many months to draw narrow: on a phone it keeps its size and scrolls.
    let (measure, width) = use_chart_width();
    let chart = use_memo((p.results.clone(), *only_misses, width), |(r, only, w)| {
        status_grid_for(r, *only, *w)
    });
    let native = chart.width > width;
    let toggle = {
        let only_misses = only_misses.clone();
        Callback::from(move |_: Event| only_misses.set(!*only_misses))
    };
    // A few months draw a narrow grid: kept near its own size rather than
    // stretched (no inline style: the content policy forbids it).
    let class = classes!("status-grid", (chart.width <= 800).then_some("narrow"));
    html! {
        <div {class} id="status-grid-data">
            <CopyTable target="status-grid-data" label="status grid" />
            <ChartFrame chart={chart.clone()} id="status-grid" {measure} {native}>
                <label class="chart-pick">
                    <input type="checkbox" data-testid="grid-only-misses" checked={*only_misses} onchange={toggle} />
                    { " Only measures below target in some month" }
                </label>
            </ChartFrame>
        </div>
    }
}
