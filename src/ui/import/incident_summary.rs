//! What an incident list yields, laid out as the report's incident tables:
//! per month and category, incidents closed and resolved within target,
//! and the incidents excluded by exclusion type.

use crate::engine::format::{decimal, thousands};
use crate::engine::level::percent;
use crate::engine::{Dataset, Input, Observation};
use std::collections::BTreeMap;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct IncidentSummaryProps {
    /// The imported CPM4/CPM5 figures.
    pub data: Dataset,
}

fn rows(o: &Observation) -> Html {
    let Input::Incidents { categories } = &o.input else {
        return html! {
            <tr><td>{ o.period.long_name() }</td><td>{ &o.measure }</td><td colspan="4">{ "No incidents closed" }</td></tr>
        };
    };
    html! {
        { for categories.iter().map(|c| {
            let excluded: u64 = c.excluded.values().fold(0, |a, n| a.saturating_add(*n));
            html! {
                <tr>
                    <td>{ o.period.long_name() }</td>
                    <td>{ format!("{} category {}", o.measure, c.category) }</td>
                    <td class="num">{ thousands(c.total) }</td>
                    <td class="num">{ thousands(c.within) }</td>
                    <td class="num">{ percent(c.within, c.total).map_or("—".into(), |p| format!("{}%", decimal(p, 2))) }</td>
                    <td class="num">{ thousands(excluded) }</td>
                </tr>
            }
        }) }
    }
}

#[component]
pub fn IncidentSummary(p: &IncidentSummaryProps) -> Html {
    // Exclusion types per month, all categories together (the report's "PMEL Exclusions Detail").
    let mut exclusions: BTreeMap<(crate::engine::Month, &str), u64> = BTreeMap::new();
    for o in &p.data.observations {
        if let Input::Incidents { categories } = &o.input {
            for (kind, n) in categories.iter().flat_map(|c| &c.excluded) {
                let e = exclusions.entry((o.period, kind.as_str())).or_default();
                *e = e.saturating_add(*n);
            }
        }
    }
    html! {
        <div class="incident-summary" data-testid="incident-summary">
            <div class="table-wrap">
                <table>
                    <caption>{ "Incidents closed in each month, after exclusions" }</caption>
                    <thead><tr><th>{ "Month" }</th><th>{ "Measure" }</th><th class="num">{ "Closed" }</th><th class="num">{ "Within target" }</th><th class="num">{ "% within" }</th><th class="num">{ "Excluded" }</th></tr></thead>
                    <tbody>{ for p.data.observations.iter().map(|o| rows(o)) }</tbody>
                </table>
            </div>
            if !exclusions.is_empty() {
                <div class="table-wrap">
                    <table>
                        <caption>{ "Excluded incidents by exclusion type" }</caption>
                        <thead><tr><th>{ "Month" }</th><th>{ "Exclusion type" }</th><th class="num">{ "Incidents" }</th></tr></thead>
                        <tbody>
                            { for exclusions.iter().map(|((m, kind), n)| html! {
                                <tr><td>{ m.long_name() }</td><td>{ *kind }</td><td class="num">{ thousands(*n) }</td></tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            }
        </div>
    }
}
