//! The report's claims in words, each against what the loaded figures give;
//! and a claim added by hand.

use crate::engine::claim::{Claim, Stated, StatedStatus};
use crate::engine::review::{ClaimCheck, Verdict};
use crate::engine::{Month, Provider};
use crate::ui::state::Action;
use crate::ui::widgets::copy_table::CopyTable;
use crate::ui::widgets::select::select_value;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ClaimsProps {
    pub month: Month,
    pub claims: Vec<ClaimCheck>,
    /// The measures of the month, for a claim added by hand: (provider, code).
    pub measures: std::rc::Rc<Vec<(Provider, String)>>,
    pub on_action: Callback<Action>,
}

fn verdict(v: &Verdict) -> Html {
    let (class, more) = match v {
        Verdict::Agrees => ("v-agrees", String::new()),
        Verdict::Differs { by } => ("v-differs", format!(": {by}")),
        Verdict::CannotCheck { why } => ("v-cannot", format!(": {why}")),
    };
    html! { <span class={classes!("claim-verdict", class)}><strong>{ v.label() }</strong>{ more }</span> }
}

/// The kinds of claim a user can add, with the words the value takes.
const KINDS: [(&str, &str); 5] = [
    ("level", "Level stated (%)"),
    ("below-target", "Stated below target"),
    ("below-minimum", "Stated below the minimum"),
    ("meets", "Stated at or above target"),
    ("run", "Below target for (months)"),
];

fn stated(kind: &str, value: &str) -> Result<Stated, String> {
    let v = value.trim().trim_end_matches('%').trim();
    let status = |status| Ok(Stated::Status { status });
    match kind {
        "level" => v
            .parse()
            .map(|level| Stated::Level { level })
            .map_err(|_| format!("\u{201c}{value}\u{201d} is not a level: type a percentage such as 92.75")),
        "below-target" => status(StatedStatus::BelowTarget),
        "below-minimum" => status(StatedStatus::BelowMinimum),
        "meets" => status(StatedStatus::MeetsTarget),
        _ => v
            .parse()
            .map(|months| Stated::BelowTargetRun { months })
            .map_err(|_| format!("\u{201c}{value}\u{201d} is not a number of months: type a whole number such as 21")),
    }
}

/// "24 claims: 2 differ, 20 agree, 2 cannot be checked".
fn summary(claims: &[ClaimCheck]) -> String {
    let count = |f: fn(&Verdict) -> bool| claims.iter().filter(|c| f(&c.verdict)).count();
    format!(
        "{} claims: {} differ, {} agree, {} cannot be checked",
        claims.len(),
        count(|v| matches!(v, Verdict::Differs { .. })),
        count(|v| matches!(v, Verdict::Agrees)),
        count(|v| matches!(v, Verdict::CannotCheck { .. }))
    )
}

#[component]
pub fn Claims(p: &ClaimsProps) -> Html {
    let kind = use_state(|| "level".to_string());
    let measure = use_state(|| 0usize);
    let value = use_state(String::new);
    let problem = use_state(|| None::<String>);
    let add = {
        let (kind, measure, value, problem) = (
            kind.clone(),
            measure.clone(),
            value.clone(),
            problem.clone(),
        );
        let (measures, month, cb) = (p.measures.clone(), p.month, p.on_action.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some((provider, code)) = measures.get(*measure).cloned() else {
                return;
            };
            match stated(&kind, &value) {
                Ok(stated) => {
                    problem.set(None);
                    cb.emit(Action::AddClaim(Claim {
                        period: month,
                        measure: code,
                        provider,
                        stated,
                        words: "Added by hand".into(),
                        line: None,
                    }));
                }
                Err(e) => problem.set(Some(e)),
            }
        })
    };
    let needs_value = matches!(kind.as_str(), "level" | "run");
    html! {
        <section class="claims" data-testid="month-claims" aria-labelledby="claims-title">
            <h3 id="claims-title">{ "The report's claims" }</h3>
            <details id="claims-details">
            <summary>{ summary(&p.claims) }</summary>
            <CopyTable target="month-claims-table" label="the report's claims" />
            <div class="table-scroll" tabindex="0" role="region" aria-label="The report's claims">
            <table class="compact" id="month-claims-table">
                <thead><tr>
                    <th scope="col">{ "Measure" }</th><th scope="col">{ "The report says" }</th>
                    <th scope="col">{ "Computed" }</th><th scope="col">{ "Verdict" }</th>
                    <th scope="col">{ "Where" }</th><th scope="col"><span class="visually-hidden">{ "Remove" }</span></th>
                </tr></thead>
                <tbody>
                if p.claims.is_empty() {
                    <tr><td colspan="6">{ "No claims loaded for this month: paste the report's text, or add one below." }</td></tr>
                }
                { for p.claims.iter().enumerate().map(|(i, c)| {
                    let remove = {
                        let (cb, claim) = (p.on_action.clone(), c.claim.clone());
                        Callback::from(move |_| cb.emit(Action::RemoveClaim(claim.clone())))
                    };
                    html! {
                        <tr key={i} id={format!("claim-{i}")} tabindex="-1" data-verdict={c.verdict.label()}>
                            <th scope="row">{ format!("{} {}", c.claim.provider, c.claim.measure) }</th>
                            <td>{ c.claim.stated.to_string() }</td>
                            <td>{ &c.computed }</td>
                            <td>{ verdict(&c.verdict) }</td>
                            <td class="where" title={c.claim.words.clone()}>
                                { c.claim.line.map_or_else(|| c.claim.words.clone(), |l| format!("line {l}")) }
                            </td>
                            <td><button type="button" class="link" onclick={remove}
                                aria-label={format!("Remove the claim \u{201c}{}\u{201d} about {} {}", c.claim.stated, c.claim.provider, c.claim.measure)}>{ "Remove" }</button></td>
                        </tr>
                    }
                }) }
                </tbody>
            </table>
            </div>
            </details>
            <form class="add-claim no-print" onsubmit={add} aria-label="Add a claim by hand">
                <label>{ "Measure " }
                    <select onchange={{ let m = measure.clone(); Callback::from(move |e: Event| m.set(select_value(&e).and_then(|v| v.parse().ok()).unwrap_or(0))) }}>
                        { for p.measures.iter().enumerate().map(|(i, (prov, code))| html! {
                            <option value={i.to_string()} selected={i == *measure}>{ format!("{prov} {code}") }</option>
                        }) }
                    </select>
                </label>
                <label>{ " Claim " }
                    <select onchange={{ let k = kind.clone(); Callback::from(move |e: Event| k.set(select_value(&e).unwrap_or_default())) }}>
                        { for KINDS.iter().map(|(k, words)| html! { <option value={*k} selected={*k == kind.as_str()}>{ *words }</option> }) }
                    </select>
                </label>
                if needs_value {
                    <label>{ " Value " }
                        <input type="text" inputmode="decimal" size="8" value={(*value).clone()}
                            oninput={{ let v = value.clone(); Callback::from(move |e: InputEvent| if let Some(i) = e.target_dyn_into::<HtmlInputElement>() { v.set(i.value()) }) }} />
                    </label>
                }
                { " " }<button type="submit">{ "Add claim" }</button>
                if let Some(e) = &*problem { <p class="error" role="alert">{ e }</p> }
            </form>
        </section>
    }
}
