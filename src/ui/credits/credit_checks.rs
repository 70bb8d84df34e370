//! Every reported credit figure checked: against the computed one where the
//! month is loaded, and every reported total against its reported parts.
//! Differences first, each with both values.

use crate::engine::credit_table::{Check, CheckKind};
use crate::engine::reported::pounds;
use crate::ui::widgets::copy_table::CopyTable;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CreditChecksProps {
    pub checks: Rc<Vec<Check>>,
}

fn row(c: &Check) -> Html {
    let kind = match c.kind {
        CheckKind::AgainstComputed => "Reported vs computed",
        CheckKind::TotalOfParts => "Total vs its parts",
    };
    let other_label = match c.kind {
        CheckKind::AgainstComputed => "computed",
        CheckKind::TotalOfParts => "sum of parts",
    };
    html! {
        <tr class={classes!((!c.agrees).then_some("differs"))} data-testid="check" data-agrees={c.agrees.to_string()}>
            <td>{ c.period.short_name() }</td>
            <td>{ kind }</td>
            <th scope="row">{ &c.what }</th>
            <td class="num">{ &c.reported }</td>
            <td class="num">{ format!("{} ({other_label})", c.other) }</td>
            <td class="num">{ c.difference.map(pounds).unwrap_or_else(|| if c.agrees { "agrees".into() } else { "differs".into() }) }</td>
            <td>{ c.note.clone().unwrap_or_default() }</td>
        </tr>
    }
}

#[component]
pub fn CreditChecks(p: &CreditChecksProps) -> Html {
    let show_all = use_state(|| false);
    let differ: Vec<&Check> = p.checks.iter().filter(|c| !c.agrees).collect();
    let agree = p.checks.len() - differ.len();
    let toggle = {
        let s = show_all.clone();
        Callback::from(move |_| s.set(!*s))
    };
    html! {
        <div class="table-wrap" data-testid="credit-checks" tabindex="0" role="region" aria-label="Checks against the report (scrolls sideways)">
            <p data-testid="checks-summary">
                { format!("{} figures checked: {} differences, {} agree. ", p.checks.len(), differ.len(), agree) }
                { "Reported totals are claims to check: each is recomputed from its parts, and each reported credit is compared with the one computed from the loaded figures and the scheme." }
            </p>
            if p.checks.is_empty() {
                <p>{ "No reported credits are loaded. Import a credits file (see the README) to check a report's figures." }</p>
            } else {
                <CopyTable target="credit-checks-table" label="credit checks" />
                <table id="credit-checks-table" class="measures checks-table">
                    <thead><tr>
                        <th scope="col">{ "Month" }</th><th scope="col">{ "Check" }</th><th scope="col">{ "Figure" }</th>
                        <th scope="col" class="num">{ "Reported" }</th><th scope="col" class="num">{ "Against" }</th>
                        <th scope="col" class="num">{ "Difference" }</th><th scope="col">{ "Notes" }</th>
                    </tr></thead>
                    <tbody>
                        { for differ.iter().map(|c| row(c)) }
                        if *show_all { { for p.checks.iter().filter(|c| c.agrees).map(row) } }
                    </tbody>
                </table>
                <button type="button" onclick={toggle} data-testid="show-agreeing">
                    { if *show_all { "Hide the figures that agree".to_string() } else { format!("Show the {agree} figures that agree") } }
                </button>
            }
        </div>
    }
}
