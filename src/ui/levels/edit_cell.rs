//! A figure edited in place: the box opens on what was entered, Enter
//! saves, Escape cancels; a figure the measure cannot take is refused with
//! what it expects, and nothing changes.

use crate::engine::{Catalogue, Input};
use crate::io::edit::{expected, input_text, parse_input};
use crate::ui::state::{Action, ResultKey};
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EditCellProps {
    pub key_: ResultKey,
    /// The figure as loaded; `None` for a measure with no figure yet.
    pub current: Option<Input>,
    pub on_action: Callback<Action>,
}

#[component]
pub fn EditCell(p: &EditCellProps) -> Html {
    let text = use_state(|| p.current.as_ref().map(input_text).unwrap_or_default());
    let error = use_state(|| None::<String>);
    let input_ref = use_node_ref();
    {
        let input_ref = input_ref.clone();
        use_effect_with((), move |_| {
            if let Some(i) = input_ref.cast::<HtmlInputElement>() {
                let _ = i.focus();
                i.select();
            }
        });
    }
    let Some(def) = Catalogue::builtin().get(&p.key_.measure, p.key_.provider) else {
        return html! {};
    };
    // Before the box closes, focus goes back to its row: a keyboard user
    // keeps their place, and the browser does not have to take the focus
    // away from a box being removed (a removal that cost several ms).
    let to_row = {
        let input_ref = input_ref.clone();
        move || {
            let row = input_ref
                .cast::<web_sys::Element>()
                .and_then(|i| i.closest("tr").ok().flatten())
                .and_then(|r| r.dyn_into::<web_sys::HtmlElement>().ok());
            if let Some(row) = row {
                let _ = row.focus();
            }
        }
    };
    let save = {
        let (text, error, key, current, out) = (
            text.clone(),
            error.clone(),
            p.key_.clone(),
            p.current.clone(),
            p.on_action.clone(),
        );
        let to_row = to_row.clone();
        move || match parse_input(def, &text, current.as_ref()) {
            Ok(input) => {
                to_row();
                out.emit(Action::Edit(key.clone(), input))
            }
            Err(e) => error.set(Some(e)),
        }
    };
    let onkeydown = {
        let (save, out, to_row) = (save.clone(), p.on_action.clone(), to_row.clone());
        Callback::from(move |e: KeyboardEvent| {
            e.stop_propagation();
            match e.key().as_str() {
                "Enter" => save(),
                "Escape" => {
                    to_row();
                    out.emit(Action::StartEdit(None))
                }
                _ => {}
            }
        })
    };
    let oninput = {
        let (text, error) = (text.clone(), error.clone());
        Callback::from(move |e: InputEvent| {
            if let Some(i) = e.target_dyn_into::<HtmlInputElement>() {
                text.set(i.value());
                error.set(None);
            }
        })
    };
    let on_save = Callback::from(move |e: MouseEvent| {
        e.stop_propagation();
        save();
    });
    let on_cancel = {
        let out = p.on_action.clone();
        Callback::from(move |e: MouseEvent| {
            e.stop_propagation();
            to_row();
            out.emit(Action::StartEdit(None));
        })
    };
    let hint = expected(def);
    html! {
        <span class="edit-cell" onclick={Callback::from(|e: MouseEvent| e.stop_propagation())}>
            <input ref={input_ref} data-testid="edit-input" value={(*text).clone()} {oninput} {onkeydown}
                aria-label={format!("{} {} figure", def.code, def.provider.code())} title={hint.clone()}
                aria-invalid={error.is_some().to_string()} />
            <button type="button" data-testid="edit-save" onclick={on_save}>{ "Save" }</button>
            <button type="button" onclick={on_cancel}>{ "Cancel" }</button>
            if let Some(e) = &*error { <span class="edit-error" role="alert" data-testid="edit-error">{ e }</span> }
        </span>
    }
}
