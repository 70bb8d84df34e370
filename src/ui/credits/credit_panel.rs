//! A credit line explained, with a manual decision: override the points or
//! the money, or mark it pending, always with a reason.

use crate::engine::credits::CreditLine;
use crate::engine::explain::Explanation;
use crate::engine::reported::pounds;
use crate::engine::scheme::Decision;
use crate::io::values::non_negative;
use crate::ui::explanation::use_escape;
use crate::ui::explanation_body::{panel_head, ExplanationBody};
use crate::ui::state::{Action, SchemeRef};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CreditPanelProps {
    pub line: CreditLine,
    /// How the line was reached (the line itself carries its figures only).
    pub explanation: Explanation,
    pub scheme: SchemeRef,
    pub on_action: Callback<Action>,
}

#[component]
pub fn CreditPanel(p: &CreditPanelProps) -> Html {
    let l = &p.line;
    let kind = use_node_ref();
    let value = use_node_ref();
    let reason = use_node_ref();
    let error = use_state(|| None::<String>);
    let current = p
        .scheme
        .0
        .adjustment(l.period, l.provider, &l.measure)
        .cloned();
    let close = {
        let cb = p.on_action.clone();
        Callback::from(move |_| cb.emit(Action::SelectLine(None)))
    };
    {
        let cb = p.on_action.clone();
        use_escape(Callback::from(move |_: ()| {
            cb.emit(Action::SelectLine(None))
        }));
    }
    let decide = {
        let (kind, value, reason, error) =
            (kind.clone(), value.clone(), reason.clone(), error.clone());
        let (cb, scheme, l) = (p.on_action.clone(), p.scheme.clone(), l.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let k = kind
                .cast::<HtmlSelectElement>()
                .map(|s| s.value())
                .unwrap_or_default();
            let v = value
                .cast::<HtmlInputElement>()
                .map(|i| i.value())
                .unwrap_or_default();
            let why = reason
                .cast::<HtmlInputElement>()
                .map(|i| i.value())
                .unwrap_or_default();
            let amount = || non_negative(&v);
            let decision = match k.as_str() {
                "pending" => Some(Decision::Pending),
                "points" => amount().map(|points| Decision::Points { points }),
                "money" => amount().map(|gbp| Decision::Money { gbp }),
                _ => None,
            };
            let mut next = (*scheme.0).clone();
            let what = match (k.as_str(), decision) {
                ("clear", _) => {
                    next.set_adjustment(l.period, l.provider, &l.measure, None);
                    format!("Decision on {} {} removed", l.provider, l.measure)
                }
                (_, None) => return error.set(Some(format!("“{v}” is not a number of 0 or more"))),
                (_, Some(_)) if why.trim().is_empty() => {
                    return error.set(Some("Give a reason: it is shown with the credit".into()))
                }
                (_, Some(d)) => {
                    next.set_adjustment(
                        l.period,
                        l.provider,
                        &l.measure,
                        Some((d, why.trim().to_string())),
                    );
                    format!("Decision recorded for {} {}", l.provider, l.measure)
                }
            };
            error.set(None);
            cb.emit(Action::SetScheme(next, what));
        })
    };
    let money = l.money.map_or("Pending".to_string(), pounds);
    html! {
        <aside class="explanation" data-testid="credit-explanation" aria-label="How this credit was reached" aria-live="polite">
            { panel_head(format!("{} {}", l.provider, l.measure), "Close explanation", close) }
            <p class="what">{ &l.name }{ format!(" — {}", l.period.long_name()) }</p>
            <p class="headline"><span class="big">{ money }</span>{ format!(" {}", l.state.label()) }</p>
            <ExplanationBody explanation={p.explanation.clone()} />
            <h3>{ "Manual decision" }</h3>
            if let Some(a) = &current {
                <p data-testid="current-decision">{ format!("Now: {} — {}", describe(&a.decision), a.reason) }</p>
            }
            <form class="decision" onsubmit={decide} data-testid="decision-form">
                <label>{ "Decision " }
                    <select ref={kind} data-testid="decision-kind">
                        <option value="points">{ "Override points" }</option>
                        <option value="money">{ "Override money (£)" }</option>
                        <option value="pending">{ "Pending, under discussion" }</option>
                        <option value="clear">{ "Remove the decision" }</option>
                    </select>
                </label>
                <label>{ "Value " }<input ref={value} inputmode="decimal" size="8" data-testid="decision-value" /></label>
                <label>{ "Reason " }<input ref={reason} size="24" data-testid="decision-reason" /></label>
                <button type="submit" data-testid="decision-save">{ "Record" }</button>
                if let Some(e) = &*error {
                    <p class="error" role="alert" data-testid="decision-error">{ e }</p>
                }
            </form>
        </aside>
    }
}

fn describe(d: &Decision) -> String {
    match d {
        Decision::Points { points } => format!("{} points", crate::engine::format::exact(*points)),
        Decision::Money { gbp } => pounds(*gbp),
        Decision::Pending => "pending".into(),
    }
}
