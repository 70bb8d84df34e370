//! What the report gets wrong: every discrepancy found, each one click from
//! its explanation.

use crate::engine::review::{Finding, Subject};
use crate::ui::state::{Action, CreditTab, View};
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FindingsProps {
    pub findings: Vec<Finding>,
    pub on_action: Callback<Action>,
}

fn open(f: &Finding, on_action: &Callback<Action>) -> Html {
    let cb = on_action.clone();
    match &f.subject {
        Subject::Measure {
            period,
            measure,
            provider,
        } => {
            let click = super::open_measure(on_action, *period, measure, *provider);
            html! { <button type="button" class="link" onclick={click}>{ "Explain" }</button> }
        }
        Subject::Credits => {
            let click = Callback::from(move |_| {
                cb.emit(Action::SetView(View::Credits));
                cb.emit(Action::SetCreditTab(CreditTab::Checks));
            });
            html! { <button type="button" class="link" onclick={click}>{ "Credit checks" }</button> }
        }
        Subject::Opr { year } => {
            let year = year.clone();
            let click = Callback::from(move |_| {
                cb.emit(Action::SetOprYear(year.clone()));
                cb.emit(Action::SetView(View::Opr));
            });
            html! { <button type="button" class="link" onclick={click}>{ "OPR checks" }</button> }
        }
        // The claim's row, below on this page: its list opened, the row focused.
        Subject::Claim { index } => {
            let row = format!("claim-{index}");
            let click = Callback::from(move |_| show_claim(&row));
            html! {
                <button type="button" class="link" onclick={click}
                    aria-label={format!("Show the claim: {}", f.what)}>{ "The claim" }</button>
            }
        }
    }
}

/// Opens the claims list and brings the claim's row into view, focused.
fn show_claim(row: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(list) = doc.get_element_by_id("claims-details") {
        let _ = list.set_attribute("open", "");
    }
    if let Some(el) = doc
        .get_element_by_id(row)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        el.scroll_into_view();
        let _ = el.focus();
    }
}

#[component]
pub fn Findings(p: &FindingsProps) -> Html {
    html! {
        <section class="findings" data-testid="month-findings" aria-labelledby="findings-title">
            <h3 id="findings-title">{ format!("What the report gets wrong ({})", p.findings.len()) }</h3>
            if p.findings.is_empty() {
                <p>{ "Nothing: every printed figure, total and claim loaded agrees with the computed one." }</p>
            } else {
                <ul>
                { for p.findings.iter().map(|f| html! {
                    <li data-kind={format!("{:?}", f.kind)} title={f.note.clone().unwrap_or_default()}>
                        { open(f, &p.on_action) }{ " " }
                        <span class="finding-kind">{ f.kind.label() }</span>{ " " }
                        <strong>{ &f.what }</strong>{ ": report " }{ &f.stated }{ ", computed " }{ &f.computed }
                        if let Some(n) = &f.note { <span class="finding-note">{ format!(" — {n}") }</span> }
                    </li>
                }) }
                </ul>
            }
        </section>
    }
}
