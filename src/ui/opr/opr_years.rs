//! The OPR years as a whole: copy the year on show as a new one, delete it,
//! export all years as JSON, or load a years file (checked first: on any
//! error every located error is listed and nothing changes).

use crate::io::regime::{read, to_json};
use crate::ui::download::download;
use crate::ui::state::{Action, RegimeRef};
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct OprYearsProps {
    pub regime: RegimeRef,
    pub year: String,
    pub on_action: Callback<Action>,
}

#[component]
pub fn OprYears(p: &OprYearsProps) -> Html {
    let name = use_node_ref();
    let errors = use_state(Vec::<String>::new);
    let copy = {
        let (cb, regime, year, name) = (
            p.on_action.clone(),
            p.regime.clone(),
            p.year.clone(),
            name.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(input) = name.cast::<HtmlInputElement>() else {
                return;
            };
            let new_name = input.value().trim().to_string();
            let Some(mut y) = regime.0.year(&year).cloned() else {
                return;
            };
            if new_name.is_empty() || regime.0.year(&new_name).is_some() {
                let why = if new_name.is_empty() {
                    "A new year needs a name.".to_string()
                } else {
                    format!("There is already a year named {new_name}.")
                };
                return cb.emit(Action::Notice(Some(why)));
            }
            y.name = new_name.clone();
            y.start = y.start.plus(12);
            y.notes = vec![format!("Copied from {year}")];
            let mut next = (*regime.0).clone();
            next.years.push(y);
            cb.emit(Action::SetRegime(
                next,
                format!("{year} copied as {new_name}"),
            ));
            cb.emit(Action::SetOprYear(new_name));
            input.set_value("");
        })
    };
    let delete = {
        let (cb, regime, year) = (p.on_action.clone(), p.regime.clone(), p.year.clone());
        Callback::from(move |_: MouseEvent| {
            let mut next = (*regime.0).clone();
            next.years.retain(|y| y.name != year);
            cb.emit(Action::SetRegime(next, format!("{year} deleted")));
        })
    };
    let export = {
        let (cb, regime) = (p.on_action.clone(), p.regime.clone());
        Callback::from(move |_: MouseEvent| {
            if let Err(e) = download("opr-years.json", "application/json", &to_json(&regime.0)) {
                cb.emit(Action::Notice(Some(format!(
                    "Could not offer the download: {e}"
                ))));
            }
        })
    };
    let load = {
        let (cb, errors) = (p.on_action.clone(), errors.setter());
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<HtmlInputElement>() else {
                return;
            };
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            input.set_value("");
            let (cb, errors) = (cb.clone(), errors.clone());
            yew::platform::spawn_local(async move {
                let file_name = file.name();
                let text = gloo_file::futures::read_as_text(&gloo_file::Blob::from(file)).await;
                match text
                    .map_err(|e| vec![format!("{file_name}: the browser could not read it ({e})")])
                    .and_then(|t| {
                        read(&file_name, &t)
                            .map_err(|es| es.iter().map(ToString::to_string).collect())
                    }) {
                    Ok(regime) => {
                        errors.set(Vec::new());
                        let n = regime.years.len();
                        cb.emit(Action::SetRegime(
                            regime,
                            format!("Loaded {n} OPR year(s) from {file_name}"),
                        ));
                    }
                    Err(list) => errors.set(list),
                }
            });
        })
    };
    html! {
        <section class="opr-section opr-years" data-testid="opr-years" aria-label="OPR years">
            <h2>{ "OPR years" }</h2>
            <div class="opr-actions">
                if !p.year.is_empty() {
                    <form onsubmit={copy} class="inline">
                        <label>{ format!("Copy {} as… ", p.year) }<input ref={name} size="10" placeholder="RY25/26" data-testid="opr-copy-name" /></label>
                        <button type="submit" data-testid="opr-copy">{ "Copy" }</button>
                    </form>
                }
                if p.regime.0.years.len() > 1 {
                    <button type="button" data-testid="opr-delete" onclick={delete}>{ format!("Delete {}", p.year) }</button>
                }
                <button type="button" data-testid="opr-export" onclick={export}>{ "Export OPR years (JSON)" }</button>
                <label class="file-button">
                    <span>{ "Load OPR years file…" }</span>
                    <input type="file" accept=".json,application/json" data-testid="opr-load" onchange={load} />
                </label>
            </div>
            if !errors.is_empty() {
                <div class="opr-load-errors" role="alert" data-testid="opr-load-errors">
                    <p>{ format!("✗ The file was not loaded; nothing changed. {} problem(s):", errors.len()) }</p>
                    <ul>{ for errors.iter().map(|e| html! { <li>{ e }</li> }) }</ul>
                </div>
            }
        </section>
    }
}
