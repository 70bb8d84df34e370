//! Named scenarios: keep the current work under a name, and open, export or
//! delete (after asking) each one kept.

use crate::io::scenario::SavedScenario;
use crate::io::Scenario;
use crate::ui::download::download;
use crate::ui::state::Action;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ScenarioListProps {
    pub scenarios: Vec<Rc<SavedScenario>>,
    pub on_action: Callback<Action>,
}

/// A file name from a scenario name: letters and digits kept, the rest `-`.
fn file_name(name: &str) -> String {
    let slug: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    format!("dcc-perf-scenario-{}.json", slug.trim_matches('-'))
}

/// The scenario alone as a scenario file: its work, no baseline, no others.
fn export(sc: &SavedScenario) -> Result<String, String> {
    let w = &sc.work;
    let mut file = Scenario::new((*w.data).clone(), sc.settings, None)
        .with_scheme((*w.scheme).clone(), None)
        .with_regime((*w.regime).clone(), vec![]);
    file.name = Some(sc.name.clone());
    let name = file_name(&sc.name);
    download(&name, "application/json", &file.to_json()).map(|()| name)
}

#[component]
pub fn ScenarioList(p: &ScenarioListProps) -> Html {
    let name = use_state(String::new);
    // The scenario whose deletion waits for a yes.
    let confirming = use_state(|| None::<String>);
    let on_input = {
        let name = name.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(i) = e.target_dyn_into::<HtmlInputElement>() {
                name.set(i.value());
            }
        })
    };
    let on_save = {
        let (name, cb) = (name.clone(), p.on_action.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            cb.emit(Action::SaveScenario((*name).clone()));
            name.set(String::new());
        })
    };
    let exists = p.scenarios.iter().any(|s| s.name == name.trim());
    let item = |sc: &Rc<SavedScenario>| {
        let n = sc.name.clone();
        let act = |a: fn(String) -> Action| {
            let (cb, n) = (p.on_action.clone(), n.clone());
            Callback::from(move |_: MouseEvent| cb.emit(a(n.clone())))
        };
        let on_export = {
            let (cb, sc) = (p.on_action.clone(), sc.clone());
            Callback::from(move |_: MouseEvent| {
                let notice = match export(&sc) {
                    Ok(file) => format!(
                        "Saved scenario \"{}\" to your downloads as {file}.",
                        sc.name
                    ),
                    Err(e) => format!("Could not save scenario \"{}\": {e}", sc.name),
                };
                cb.emit(Action::Notice(Some(notice)));
            })
        };
        let ask = {
            let (c, n) = (confirming.clone(), n.clone());
            Callback::from(move |_: MouseEvent| c.set(Some(n.clone())))
        };
        let keep = {
            let c = confirming.clone();
            Callback::from(move |_: MouseEvent| c.set(None))
        };
        let delete = {
            let (c, del) = (confirming.clone(), act(Action::DeleteScenario));
            Callback::from(move |e: MouseEvent| {
                c.set(None);
                del.emit(e);
            })
        };
        let asking = confirming.as_deref() == Some(n.as_str());
        html! {
            <li data-testid="scenario" data-name={n.clone()}>
                <span class="scenario-name">{ &n }</span>
                <span class="scenario-facts">{ format!("{} figures, {} OPR years", sc.work.data.observations.len(), sc.work.regime.years.len()) }</span>
                <button type="button" data-testid="open-scenario" onclick={act(Action::OpenScenario)}
                    title="Make this scenario the current work (undo brings back the work before)">{ "Open" }</button>
                <button type="button" data-testid="export-scenario" onclick={on_export}>{ "Export" }</button>
                if asking {
                    <span class="confirm" role="alertdialog" aria-label={format!("Delete scenario {n}?")}>
                        { format!("Delete \"{n}\"? This cannot be undone. ") }
                        <button type="button" class="danger" data-testid="confirm-delete" onclick={delete}>{ "Delete" }</button>
                        <button type="button" onclick={keep}>{ "Keep it" }</button>
                    </span>
                } else {
                    <button type="button" data-testid="delete-scenario" onclick={ask}>{ "Delete…" }</button>
                }
            </li>
        }
    };
    html! {
        <section class="scenarios" data-testid="scenarios" aria-label="Named scenarios">
            <h2>{ "Named scenarios" }</h2>
            <p class="hint">{ "Scenarios are saved in this browser with your work, and travel with it in the \u{201c}Save scenario file\u{201d} export." }</p>
            <form class="scenario-save" onsubmit={on_save}>
                <label>{ "Keep the current work as " }
                    <input type="text" data-testid="scenario-name" placeholder="Scenario name" value={(*name).clone()} oninput={on_input} />
                </label>
                <button type="submit" data-testid="save-scenario" disabled={name.trim().is_empty()}>
                    { if exists { "Replace scenario" } else { "Save scenario" } }
                </button>
            </form>
            if p.scenarios.is_empty() {
                <p class="compare-none" data-testid="no-scenarios">{ "No named scenarios yet." }</p>
            } else {
                <ul class="scenario-list">{ for p.scenarios.iter().map(item) }</ul>
            }
        </section>
    }
}
