//! Getting figures in: a box to paste a spreadsheet block into, a file
//! picker and a drop zone. Files are read here, in the page, never sent.

use crate::ui::io_part::{spawn, Job};
use crate::ui::state::{Action, Progress};
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ImportPanelProps {
    /// Receives the checked import.
    pub on_action: Callback<Action>,
}

#[component]
pub fn ImportPanel(p: &ImportPanelProps) -> Html {
    // Not bound to a value: a pasted five years of figures is a quarter of a
    // megabyte, which the page would otherwise copy and compare each render.
    let area = use_node_ref();
    let dragging = use_state(|| false);
    // Kept here, not in the app's state, so progress redraws only this panel.
    let progress = use_state(|| None::<Progress>);
    let check = {
        let out = p.on_action.clone();
        move |t: String| spawn(Job::Paste(t), out.clone())
    };
    let oninput = {
        let check = check.clone();
        Callback::from(move |e: InputEvent| {
            // A paste is checked at once; typing waits for the button.
            if e.input_type() == "insertFromPaste" {
                if let Some(area) = e.target_dyn_into::<HtmlTextAreaElement>() {
                    check(area.value());
                }
            }
        })
    };
    let onclick = {
        let area = area.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(a) = area.cast::<HtmlTextAreaElement>() {
                check(a.value());
            }
        })
    };
    let onchange = {
        let (out, progress) = (p.on_action.clone(), progress.setter());
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<HtmlInputElement>() else {
                return;
            };
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                // Shown at once, before the readers' part has arrived.
                progress.set(Some((file.name(), 0, file.size() as u64)));
                spawn(Job::File(file, progress.clone()), out.clone());
            }
            input.set_value("");
        })
    };
    let ondragover = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(true);
        })
    };
    let ondragleave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let ondrop = {
        let (dragging, out, progress) = (dragging.clone(), p.on_action.clone(), progress.setter());
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            if let Some(file) = e
                .data_transfer()
                .and_then(|d| d.files())
                .and_then(|f| f.get(0))
            {
                // Shown at once, before the readers' part has arrived.
                progress.set(Some((file.name(), 0, file.size() as u64)));
                spawn(Job::File(file, progress.clone()), out.clone());
            }
        })
    };
    html! {
        <section class={classes!("import", (*dragging).then_some("dragging"))} aria-label="Import figures"
            {ondragover} {ondragleave} {ondrop} data-testid="import-panel">
            <h2>{ "Bring your own figures" }</h2>
            <p class="hint">
                { "Paste cells copied from Excel, LibreOffice or Google Sheets, CSV text, or the whole Performance Measurement Report (open the PDF, select all, copy); or choose or drop a CSV, TSV, text or JSON file, or an .xlsx or .ods workbook. Long and wide tables, your own layouts (the preview asks what it cannot tell), incident lists and the report's text are recognised. Nothing changes until you accept the preview." }
            </p>
            <textarea data-testid="paste-box" rows="5" placeholder={"measure\tprovider\tFeb-21\tMar-21\nPM2\tCSP North\t35.88%\t23.74%"}
                aria-label="Paste figures" ref={area} {oninput} spellcheck="false" />
            <div class="import-actions">
                <button type="button" data-testid="check-paste" {onclick}>{ "Check pasted figures" }</button>
                <label class="file-button">
                    <span>{ "Choose a file…" }</span>
                    <input type="file" data-testid="file-input" accept=".csv,.tsv,.txt,.json,.xlsx,.ods,text/csv,text/tab-separated-values,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.oasis.opendocument.spreadsheet" {onchange} />
                </label>
                <span class="drop-hint">{ "or drop a file here" }</span>
            </div>
            if let Some((name, done, total)) = &*progress {
                <div class="progress" role="status" data-testid="import-progress">
                    <progress max={total.to_string()} value={done.to_string()} />
                    <span>{ format!("Reading {name}: {}%", if *total == 0 { 0 } else { done * 100 / total }) }</span>
                </div>
            }
        </section>
    }
}
