//! How a figure was reached: inputs, formula, steps, rule and notes.

use super::status::StatusBadge;
use crate::engine::{ComparisonRule, MeasureResult};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ExplanationProps {
    pub result: MeasureResult,
    pub rule: ComparisonRule,
    pub on_close: Callback<()>,
}

#[component]
pub fn ExplanationPanel(p: &ExplanationProps) -> Html {
    let r = &p.result;
    let ex = &r.explanation;
    let close = {
        let cb = p.on_close.clone();
        Callback::from(move |_| cb.emit(()))
    };
    html! {
        <aside class="explanation" data-testid="explanation" aria-label="Explanation" aria-live="polite">
            <div class="explanation-head">
                <h2>{ format!("{} {}", r.provider.code(), r.measure) }</h2>
                <button class="close" onclick={close} aria-label="Close explanation">{ "×" }</button>
            </div>
            <p class="what">{ &r.name }{ format!(" — {}", r.period_label) }</p>
            <p class="headline">
                <span class="big">{ &r.display }</span>{ " " }<StatusBadge status={r.status} />
            </p>
            <h3>{ "Inputs" }</h3>
            <dl class="facts">
                { for ex.inputs.iter().map(|f| html! { <><dt>{ &f.label }</dt><dd>{ &f.value }</dd></> }) }
            </dl>
            <h3>{ "Formula" }</h3>
            <p>{ &ex.formula }</p>
            if !ex.steps.is_empty() {
                <h3>{ "Working" }</h3>
                <ol class="steps">{ for ex.steps.iter().map(|s| html! { <li>{ s }</li> }) }</ol>
            }
            <h3>{ "Rule" }</h3>
            <p>{ &ex.rule }</p>
            if !ex.notes.is_empty() {
                <h3>{ "Notes" }</h3>
                <ul class="notes-list">{ for ex.notes.iter().map(|n| html! { <li>{ n }</li> }) }</ul>
            }
        </aside>
    }
}
