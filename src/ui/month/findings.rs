//! What the report gets wrong: every discrepancy found, each one click from
//! its explanation.

use crate::engine::review::{Finding, Subject};
use crate::engine::Month;
use crate::ui::state::{Action, CreditTab, View};
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FindingsProps {
    pub findings: Vec<Finding>,
    /// What the other reports get wrong in the month ([`other_reports`]).
    pub other: std::rc::Rc<Vec<String>>,
    pub month: Month,
    pub on_action: Callback<Action>,
}

/// What the other reports get wrong in `month`, as their view last worked
/// it out and kept it ([`crate::ui::reports::FINDINGS_KEY`]): read as text
/// here, so that the first load carries none of their code.
pub fn other_reports(month: Month) -> Vec<String> {
    let text = crate::ui::storage::local()
        .and_then(|l| l.get_item(crate::ui::reports::FINDINGS_KEY).ok().flatten())
        .unwrap_or_default();
    let month = month.to_string();
    (text.lines())
        .filter_map(|l| l.split_once('\t'))
        .filter(|(m, _)| *m == month)
        .map(|(_, t)| t.to_string())
        .collect()
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
    let other = &p.other;
    let to_reports = {
        let cb = p.on_action.clone();
        Callback::from(move |_| cb.emit(Action::SetView(View::Reports)))
    };
    html! {
        <section class="findings" data-testid="month-findings" aria-labelledby="findings-title">
            <h3 id="findings-title">{ format!("What the report gets wrong ({})", p.findings.len() + other.len()) }</h3>
            if p.findings.is_empty() && other.is_empty() {
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
                { for other.iter().map(|t| html! {
                    <li data-kind="OtherReport">
                        <button type="button" class="link" onclick={to_reports.clone()}>{ "Other reports" }</button>{ " " }{ t }
                    </li>
                }) }
                </ul>
            }
            if other.is_empty() {
                <p class="muted" data-testid="other-reports-hint">{ "The report's other tables (exclusions, aged incidents, problem records) and the variance and RDP reports are checked under " }
                    <button type="button" class="link" onclick={to_reports}>{ "Other reports" }</button>{ "." }</p>
            }
        </section>
    }
}
