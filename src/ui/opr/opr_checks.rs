//! The year's figures against what the submission states: differences
//! first, each with a symbol as well as a colour.

use crate::engine::margin::{Agreement, MarginCheck};
use crate::ui::opr_view::MarginRc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct OprChecksProps {
    pub margin: MarginRc,
}

fn label(a: Agreement) -> (&'static str, &'static str, &'static str) {
    match a {
        Agreement::Differs => ("differs", "✗", "differs"),
        Agreement::WithinRounding => ("within_rounding", "≈", "within rounding"),
        Agreement::Agrees => ("agrees", "✓", "agrees"),
    }
}

fn rank(a: Agreement) -> u8 {
    match a {
        Agreement::Differs => 0,
        Agreement::WithinRounding => 1,
        Agreement::Agrees => 2,
    }
}

#[component]
pub fn OprChecks(p: &OprChecksProps) -> Html {
    let Some(m) = p.margin.as_ref() else {
        return html! {};
    };
    let mut checks: Vec<&MarginCheck> = m.checks.iter().collect();
    // Stable: within each kind the submission's order is kept.
    checks.sort_by_key(|c| rank(c.agreement));
    let differ = checks
        .iter()
        .filter(|c| c.agreement == Agreement::Differs)
        .count();
    // What needs reading first stays open; the many agreements fold away.
    let (agree, attention): (Vec<&MarginCheck>, Vec<&MarginCheck>) = checks
        .iter()
        .partition(|c| c.agreement == Agreement::Agrees);
    html! {
        <section class="opr-section" data-testid="opr-checks" aria-label="Checks against the submission">
            <h2>{ format!("Checks against the submission: {differ} differ, {} within rounding, {} agree",
                attention.len() - differ, agree.len()) }</h2>
            if checks.is_empty() {
                <p>{ format!("{} has no stated figures to check against.", m.year) }</p>
            } else {
                if !attention.is_empty() { { table(&attention) } }
                if !agree.is_empty() {
                    <details class="opr-agree">
                        <summary>{ format!("✓ {} figures agree with the submission", agree.len()) }</summary>
                        { table(&agree) }
                    </details>
                }
            }
        </section>
    }
}

fn table(checks: &[&MarginCheck]) -> Html {
    html! {
        <div class="table-wrap" tabindex="0" role="region" aria-label="OPR checks (scrolls sideways)">
            <table class="measures opr-checks-table">
                <thead><tr><th scope="col">{ "Figure" }</th><th scope="col" class="num">{ "Stated" }</th>
                    <th scope="col" class="num">{ "Computed" }</th><th scope="col">{ "Result" }</th><th scope="col">{ "Note" }</th></tr></thead>
                <tbody>
                    { for checks.iter().map(|c| {
                        let (key, sym, words) = label(c.agreement);
                        html! {
                            <tr class={classes!("check", key)} data-testid="opr-check" data-agreement={key}>
                                <th scope="row">{ &c.what }</th>
                                <td class="num">{ &c.stated }</td>
                                <td class="num">{ &c.computed }</td>
                                <td class="agreement">{ format!("{sym} {words}") }</td>
                                <td>{ &c.note }</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </div>
    }
}
