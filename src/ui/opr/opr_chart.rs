//! The OPR page's chart: the year's margin kept and lost by measure, from
//! the same computed margin as the table below it.

use crate::chart::opr::year_margin_at;
use crate::ui::chart_frame::{use_chart_width, ChartFrame};
use crate::ui::opr_view::MarginRc;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct OprChartProps {
    pub margin: MarginRc,
}

#[component]
pub fn OprChart(p: &OprChartProps) -> Html {
    // Redrawn only when the margin is recomputed (a what-if, another year).
    let (measure, width) = use_chart_width();
    let chart = use_memo((p.margin.clone(), width), |(m, w)| {
        m.as_ref().as_ref().map(|y| Rc::new(year_margin_at(y, *w)))
    });
    match chart.as_ref() {
        Some(c) => html! {
            <section class="money-chart" aria-label="OPR margin by measure">
                <ChartFrame chart={c.clone()} id="opr-margin" {measure} hint="Hover over a bar, or tab to it, to read the margin kept and lost." />
            </section>
        },
        None => Html::default(),
    }
}
