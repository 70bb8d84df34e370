//! How a figure was reached: inputs, formula, steps, rule and notes.
//! Escape closes it (unless a box or list inside the page has the key), and
//! closing it puts the focus back on the row it explains.

use crate::engine::{ComparisonRule, MeasureResult};
use crate::ui::explanation_body::{panel_head, ExplanationBody};
use crate::ui::status::StatusBadge;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ExplanationProps {
    pub result: MeasureResult,
    /// Built when the panel opens (`Results::explain`), not for every figure.
    pub explanation: crate::engine::explain::Explanation,
    pub rule: ComparisonRule,
    pub on_close: Callback<()>,
}

/// Whether a key event belongs to a field that uses Escape itself (a text
/// box, a list, an editor).
pub fn in_field(e: &web_sys::KeyboardEvent) -> bool {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| {
            matches!(
                el.tag_name().to_ascii_lowercase().as_str(),
                "input" | "select" | "textarea"
            ) || el.closest(".edit-cell").ok().flatten().is_some()
        })
}

/// Puts the focus on the first element matching `selector`, after the page
/// has redrawn (the element may be re-rendered by the close).
pub fn focus_later(selector: String) {
    after_redraw(selector, false);
}

/// Brings the first element matching `selector` to the middle of the
/// window and focuses it, after the page has redrawn (the rounding notice
/// opens a row's explanation this way: the row may be far below).
pub fn reveal_later(selector: String) {
    after_redraw(selector, true);
}

fn after_redraw(selector: String, centre: bool) {
    let f = Closure::once(move || {
        let el = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector(&selector).ok().flatten())
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(el) = el {
            let _ = el.focus();
            if centre {
                // scrollIntoView({ block: "center" }), without a web-sys feature.
                let opts = js_sys::Object::new();
                let _ = js_sys::Reflect::set(&opts, &"block".into(), &"center".into());
                if let Ok(f) = js_sys::Reflect::get(&el, &"scrollIntoView".into())
                    .and_then(|f| f.dyn_into::<js_sys::Function>())
                {
                    let _ = f.call1(&el, &opts);
                }
            }
        }
    });
    if let Some(w) = web_sys::window() {
        let _ =
            w.set_timeout_with_callback_and_timeout_and_arguments_0(f.as_ref().unchecked_ref(), 0);
    }
    f.forget();
}

/// Calls `on_escape` when Escape is pressed anywhere in the page (outside
/// a field) while the calling component is shown.
#[hook]
pub fn use_escape(on_escape: Callback<()>) {
    use_effect_with(on_escape, move |cb| {
        let cb = cb.clone();
        // Not passive: the Escape it takes is not the page's too.
        let options = gloo_events::EventListenerOptions::enable_prevent_default();
        let listener = web_sys::window().and_then(|w| w.document()).map(|d| {
            gloo_events::EventListener::new_with_options(&d, "keydown", options, move |e| {
                let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                    return;
                };
                if e.key() == "Escape" && !e.default_prevented() && !in_field(e) {
                    e.prevent_default();
                    cb.emit(());
                }
            })
        });
        move || drop(listener)
    });
}

#[component]
pub fn ExplanationPanel(p: &ExplanationProps) -> Html {
    let r = &p.result;
    let ex = &p.explanation;
    // Back to the row explained, so the keyboard user carries on from there.
    let row = format!(
        "tr.measure-row[data-measure=\"{}\"][data-provider=\"{}\"]",
        r.measure,
        r.provider.code()
    );
    let close_and_return = {
        let (cb, row) = (p.on_close.clone(), row.clone());
        Callback::from(move |_: ()| {
            cb.emit(());
            focus_later(row.clone());
        })
    };
    use_escape(close_and_return.clone());
    let close = Callback::from(move |_: MouseEvent| close_and_return.emit(()));
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
