//! A labelled figure of the scheme: committed when the user leaves the box
//! or presses Enter, refused in place when it is not a number of 0 or more.

use crate::engine::format::exact;
use crate::io::values::non_negative;
use rust_decimal::Decimal;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DecimalFieldProps {
    pub label: AttrValue,
    /// `None` shows an empty box (only when `optional`).
    pub value: Option<Decimal>,
    /// Default: false. An empty box then means "none" (no cap, say).
    #[prop_or_default]
    pub optional: bool,
    pub testid: AttrValue,
    pub on_change: Callback<Option<Decimal>>,
}

#[component]
pub fn DecimalField(p: &DecimalFieldProps) -> Html {
    let error = use_state(|| None::<String>);
    {
        // A refusal belongs to what was typed: a new figure from elsewhere
        // (another provider, undo) clears it.
        let error = error.clone();
        use_effect_with((p.value, p.testid.clone()), move |_| error.set(None));
    }
    let onchange = {
        let (error, cb, optional) = (error.clone(), p.on_change.clone(), p.optional);
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<HtmlInputElement>() else {
                return;
            };
            let text = input.value();
            if optional && text.trim().is_empty() {
                error.set(None);
                return cb.emit(None);
            }
            match non_negative(&text) {
                Some(v) => {
                    error.set(None);
                    cb.emit(Some(v));
                }
                None => error.set(Some(format!(
                    "“{text}” is not a number of 0 or more{}",
                    if optional {
                        " (leave empty for none)"
                    } else {
                        ""
                    }
                ))),
            }
        })
    };
    html! {
        <label class={classes!("field", error.is_some().then_some("invalid"))}>
            <span>{ &p.label }</span>
            <input inputmode="decimal" size="9" data-testid={p.testid.clone()}
                value={p.value.map(exact).unwrap_or_default().replace(',', "")}
                placeholder={if p.optional { "none" } else { "" }}
                aria-invalid={error.is_some().to_string()} {onchange} />
            if let Some(e) = &*error {
                <span class="error" role="alert">{ e }</span>
            }
        </label>
    }
}
