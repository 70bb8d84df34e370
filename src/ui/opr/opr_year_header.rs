//! Which regulatory year is on show, and what it rests on: its months, the
//! margin at risk, the loss curve, and where its figures come from.

use crate::engine::margin::{millions, money, percent};
use crate::ui::opr_view::MarginRc;
use crate::ui::select::{select_value, use_shown_value};
use crate::ui::state::{Action, RegimeRef};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct OprYearHeaderProps {
    pub regime: RegimeRef,
    pub year: String,
    pub margin: MarginRc,
    pub on_action: Callback<Action>,
}

#[component]
pub fn OprYearHeader(p: &OprYearHeaderProps) -> Html {
    let shown = use_shown_value(p.year.clone(), p.regime.clone());
    let onchange = {
        let cb = p.on_action.clone();
        Callback::from(move |e: Event| {
            if let Some(v) = select_value(&e) {
                cb.emit(Action::SetOprYear(v));
            }
        })
    };
    let notes = p
        .regime
        .0
        .year(&p.year)
        .map(|y| y.notes.clone())
        .unwrap_or_default();
    let Some(m) = p.margin.as_ref() else {
        return html! {};
    };
    html! {
        <div class="opr-head" data-testid="opr-head">
            <label class="opr-year-pick">
                <span>{ "Regulatory year" }</span>
                <select ref={shown} data-testid="opr-year" {onchange}>
                    { for p.regime.0.years.iter().map(|y| html! {
                        <option value={y.name.clone()} selected={y.name == p.year}>{ &y.name }</option>
                    }) }
                </select>
            </label>
            <dl class="opr-facts">
                <dt>{ "Months" }</dt>
                <dd data-testid="opr-months">{ format!("{} – {}", m.first.long_name(), m.last.long_name()) }</dd>
                <dt>{ "Margin at risk" }</dt>
                <dd data-testid="opr-year-margin">{ format!("{} (£{}m)", money(m.margin_at_risk), millions(m.margin_at_risk)) }</dd>
                <dt>{ "Loss between MPL and TPL" }</dt>
                <dd data-testid="opr-curve-words">{ m.curve.describe() }</dd>
                // Thirds print as 23.33%: only a gap that shows at two decimals is real.
                if m.total_weight.round_dp(2) != rust_decimal::Decimal::ONE_HUNDRED {
                    <dt>{ "Weights" }</dt>
                    <dd class="warn">{ format!("⚠ the weights add up to {}, not 100%", percent(m.total_weight)) }</dd>
                }
            </dl>
            if !m.problems.is_empty() {
                <ul class="opr-problems" role="alert">
                    { for m.problems.iter().map(|pr| html! { <li>{ format!("⚠ {pr}") }</li> }) }
                </ul>
            }
            if !notes.is_empty() {
                <details class="opr-notes" data-testid="opr-notes" open=true>
                    <summary>{ "Where the figures come from" }</summary>
                    <ul>{ for notes.iter().map(|n| html! { <li>{ n }</li> }) }</ul>
                </details>
            }
        </div>
    }
}
