//! Counts by status, and the statuses the chosen rule flips.

use crate::engine::{ComparisonRule, Compliance, MeasureResult};
use crate::ui::explanation::reveal_later;
use crate::ui::state::ResultKey;
use crate::ui::status::StatusBadge;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    pub rows: Rc<Vec<MeasureResult>>,
    pub rule: ComparisonRule,
    pub on_select: Callback<Option<ResultKey>>,
}

fn flip_heading(rule: ComparisonRule, n: usize) -> String {
    let what = if n == 1 {
        "1 status depends".to_string()
    } else {
        format!("{n} statuses depend")
    };
    match rule {
        ComparisonRule::Unrounded => format!("Rounding-sensitive: {what} on the comparison rule; rounding levels to 2 decimals first would change:"),
        ComparisonRule::Rounded(dp) => {
            let places = if dp == 1 { "1 decimal".to_string() } else { format!("{dp} decimals") };
            format!("Rounding-sensitive: {what} on rounding to {places}; the PMR's unrounded comparison would give:")
        }
    }
}

#[component]
pub fn Summary(p: &SummaryProps) -> Html {
    let count = |s: Compliance| p.rows.iter().filter(|r| r.status == s).count();
    let flips: Vec<&MeasureResult> = p.rows.iter().filter(|r| r.flip.is_some()).collect();
    let mismatches = p
        .rows
        .iter()
        .filter(|r| r.reported_check.as_ref().is_some_and(|c| !c.agrees))
        .count();
    let restated = p
        .rows
        .iter()
        .filter(|r| r.previous.as_ref().is_some_and(|x| x.restated))
        .count();
    let item = |s: Compliance| {
        html! {
            <li><StatusBadge status={s} />{ format!(": {}", count(s)) }</li>
        }
    };
    html! {
        <section class="summary" aria-label="Summary">
            <ul class="counts" data-testid="status-counts">
                { item(Compliance::BelowMinimum) }
                { item(Compliance::BelowTarget) }
                { item(Compliance::MeetsTarget) }
                { item(Compliance::NotAssessed) }
                if mismatches > 0 {
                    <li class="flag">{ format!("≠ {mismatches} differ from the printed figure") }</li>
                }
                if restated > 0 {
                    <li class="flag">{ format!("↺ {restated} previous figures restated") }</li>
                }
            </ul>
            if !flips.is_empty() {
                <div class="flips" data-testid="rule-flips" role="note">
                    <strong>{ flip_heading(p.rule, flips.len()) }</strong>
                    <ul>
                        { for flips.iter().map(|r| {
                            let key = crate::engine::MeasureKey::new(r.period, &r.measure, r.provider);
                            let cb = p.on_select.clone();
                            // Opens the explanation and brings its row into view.
                            let row = format!("tr.measure-row[data-measure=\"{}\"][data-provider=\"{}\"]", r.measure, r.provider.code());
                            let other = r.flip.as_ref().map(|f| f.status.label()).unwrap_or_default();
                            html! {
                                <li>
                                    <button type="button" class="link" onclick={move |_| { cb.emit(Some(key.clone())); reveal_later(row.clone()); }}>
                                        { format!("{} {}", r.provider, r.measure) }
                                    </button>
                                    { format!(" {}: {} now, {} under the other rule.", r.display, r.status.label(), other) }
                                </li>
                            }
                        }) }
                    </ul>
                </div>
            }
        </section>
    }
}
