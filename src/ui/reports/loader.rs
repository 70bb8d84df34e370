//! Loading a report's table: choose a file, or paste its text and read it.
//! Gives the name and text; the section reads it.

use gloo_file::callbacks::FileReader;
use std::cell::RefCell;
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LoaderProps {
    /// Names the controls for tests and assistive technology.
    pub id: AttrValue,
    /// What the paste box takes, e.g. "a variance table (CSV)".
    pub what: AttrValue,
    pub on_text: Callback<(String, String)>,
}

#[component]
pub fn Loader(p: &LoaderProps) -> Html {
    let area = use_node_ref();
    // The file being read: dropped (and so cancelled) when another starts.
    let reading = use_mut_ref(|| None::<FileReader>);
    let on_file = {
        let on_text = p.on_text.clone();
        let reading: Rc<RefCell<Option<FileReader>>> = reading.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            let file = gloo_file::File::from(file);
            let name = file.name();
            let on_text = on_text.clone();
            let task = gloo_file::callbacks::read_as_text(&file, move |r| {
                let text = r.unwrap_or_default();
                on_text.emit((name, text));
            });
            *reading.borrow_mut() = Some(task);
            input.set_value("");
        })
    };
    let on_read = {
        let on_text = p.on_text.clone();
        let area = area.clone();
        Callback::from(move |_| {
            if let Some(a) = area.cast::<HtmlTextAreaElement>() {
                on_text.emit(("pasted text".into(), a.value()));
            }
        })
    };
    let file_id = format!("{}-file", p.id);
    let paste_id = format!("{}-paste", p.id);
    html! {
        <div class="report-loader">
            <label for={file_id.clone()}>{ "Load a file: " }</label>
            <input type="file" id={file_id.clone()} accept=".csv,.tsv,.txt,text/csv,text/plain" onchange={on_file} data-testid={file_id} />
            <details>
                <summary>{ format!("…or paste {}", p.what) }</summary>
                <label for={paste_id.clone()} class="visually-hidden">{ format!("Paste {}", p.what) }</label>
                <textarea id={paste_id.clone()} ref={area} rows="5" data-testid={paste_id.clone()} />
                <button type="button" onclick={on_read} data-testid={format!("{}-read", p.id)}>{ "Read" }</button>
            </details>
        </div>
    }
}
