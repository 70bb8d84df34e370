//! How a figure was reached: inputs, formula, steps, rule and notes.

use crate::engine::{ComparisonRule, MeasureResult};
use crate::ui::explanation_body::{panel_head, ExplanationBody};
use crate::ui::status::StatusBadge;
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
            { panel_head(format!("{} {}", r.provider.code(), r.measure), "Close explanation", close) }
            <p class="what">{ &r.name }{ format!(" — {}", r.period_label) }</p>
            <p class="headline">
                <span class="big">{ &r.display }</span>{ " " }<StatusBadge status={r.status} />
            </p>
            <ExplanationBody explanation={ex.clone()} />
        </aside>
    }
}
