//! The parts of any explanation: inputs, formula, working, rule, notes.

use crate::engine::explain::Explanation;
use yew::prelude::*;

/// The heading every explanation panel opens with: a title and a close
/// button named for what it closes.
pub fn panel_head(
    title: String,
    close_label: &'static str,
    on_close: Callback<MouseEvent>,
) -> Html {
    html! {
        <div class="explanation-head">
            <h2>{ title }</h2>
            <button class="close" onclick={on_close} aria-label={close_label}>{ "×" }</button>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct ExplanationBodyProps {
    pub explanation: Explanation,
}

#[component]
pub fn ExplanationBody(p: &ExplanationBodyProps) -> Html {
    let ex = &p.explanation;
    html! {
        <>
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
            if !ex.rule.is_empty() {
                <h3>{ "Rule" }</h3>
                <p>{ &ex.rule }</p>
            }
            if !ex.notes.is_empty() {
                <h3>{ "Notes" }</h3>
                <ul class="notes-list">{ for ex.notes.iter().map(|n| html! { <li>{ n }</li> }) }</ul>
            }
        </>
    }
}
