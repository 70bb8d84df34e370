//! The 12-month tab's chart: credits by company per month, drawn from the
//! very tables shown below it, so the two can never disagree.

use crate::chart::credits::by_provider;
use crate::engine::credit_table::YearTables;
use crate::ui::chart_frame::ChartFrame;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CreditsChartProps {
    pub tables: Rc<YearTables>,
}

#[component]
pub fn CreditsChart(p: &CreditsChartProps) -> Html {
    // Redrawn only when the tables are rebuilt (figures, scheme, month or source).
    let chart = use_memo(p.tables.clone(), |t| by_provider(t));
    html! {
        <section class="money-chart" aria-label="Service credits by company">
            <ChartFrame chart={chart} id="credits-by-provider" hint="Hover over a bar, or tab to it, to read a company's credit for the month." />
        </section>
    }
}
