//! The CPM trends page: each CPM against its target over the loaded months,
//! and the status grid of measures by month.

use crate::chart::cpm::cpm_overview_at;
use crate::engine::Results;
use crate::ui::chart_frame::{use_chart_width, ChartFrame};
use crate::ui::status_grid::StatusGrid;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct TrendsViewProps {
    pub results: Rc<Results>,
}

#[component]
pub fn TrendsView(p: &TrendsViewProps) -> Html {
    // Drawing is the costly part: redrawn only when the results change, not
    // when the toolbar month does (the charts show every loaded month).
    let (measure, width) = use_chart_width();
    let overview = use_memo((p.results.clone(), width), |(r, w)| cpm_overview_at(r, *w));
    html! {
        <section class="trends" data-testid="trends-view" aria-label="CPM trends">
            <h2>{ "CPMs against their targets" }</h2>
            <ChartFrame chart={overview} id="cpm-overview" {measure} />
            <h2>{ "Status of every measure by month" }</h2>
            <StatusGrid results={p.results.clone()} />
        </section>
    }
}
