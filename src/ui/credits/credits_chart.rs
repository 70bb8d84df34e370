//! The 12-month tab's chart: credits by company per month, drawn from the
//! very tables shown below it, so the two can never disagree.

use crate::chart::credits::by_provider_at;
use crate::engine::credit_table::YearTables;
use crate::ui::chart_frame::{use_chart_width, ChartFrame};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CreditsChartProps {
    pub tables: Rc<YearTables>,
}

#[component]
pub fn CreditsChart(p: &CreditsChartProps) -> Html {
    // Redrawn only when the tables are rebuilt (figures, scheme, month or source).
    let (measure, width) = use_chart_width();
    let chart = use_memo((p.tables.clone(), width), |(t, w)| by_provider_at(t, *w));
    html! {
        <section class="money-chart" aria-label="Service credits by company">
            <ChartFrame chart={chart} id="credits-by-provider" {measure} hint="Hover over a bar, or tab to it, to read a company's credit for the month." />
        </section>
    }
}
