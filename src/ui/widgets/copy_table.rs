//! "Copy table": a table's cells as tab-separated text on the clipboard,
//! ready to paste into Excel, LibreOffice or Word.
//!
//! The button finds its table by id, reads each row of its head, bodies
//! and foot (a cell's `data-copy` attribute when it has one, else its text
//! without the text of its controls: the ✎ button, inputs, selects), and
//! hands the cells to [`crate::io::tsv::to_tsv`]. It writes with
//! `navigator.clipboard.writeText`, and where that is missing or refused
//! (an insecure page, an old browser) with a hidden text area and
//! `execCommand("copy")`. What happened is announced in a live region.

use crate::io::tsv;
use wasm_bindgen::JsCast;
use web_sys::{Element, Node};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CopyTableProps {
    /// The id of the table (or of an element holding it).
    pub target: AttrValue,
    /// What the table is, for the button's accessible name ("Copy table:
    /// service levels"); the visible text is always "Copy table".
    #[prop_or_default]
    pub label: Option<AttrValue>,
    /// The rows themselves, for a table the page holds only in part (a
    /// chart's data table puts its rows in the page only while open).
    #[prop_or_default]
    pub rows: Option<Callback<(), Vec<Vec<String>>>>,
}

/// Elements whose text is not the table's: controls, panels opened inside
/// a row, drawings.
const SKIP: &[&str] = &[
    "button", "input", "select", "textarea", "aside", "svg", "script", "style", "template",
];

#[component]
pub fn CopyTable(p: &CopyTableProps) -> Html {
    let status = use_state(String::new);
    let onclick = {
        let (target, status, given) = (p.target.clone(), status.clone(), p.rows.clone());
        Callback::from(move |_: MouseEvent| {
            let rows = match &given {
                Some(rows) => Some(rows.emit(())),
                None => table_rows(&target),
            };
            let Some(rows) = rows else {
                status.set("Nothing to copy: the table is not on the page.".into());
                return;
            };
            let n = rows.len();
            let text = tsv::to_tsv(&rows);
            let status = status.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let done = match write_clipboard(&text).await {
                    Ok(()) => format!("Copied {n} {}", if n == 1 { "row" } else { "rows" }),
                    Err(e) => format!("Could not copy the table: {e}"),
                };
                status.set(done);
            });
        })
    };
    let aria_label = p.label.as_ref().map(|l| format!("Copy table: {l}"));
    html! {
        <span class="copy-table">
            <button type="button" class="copy-table-button" data-testid="copy-table"
                data-target={p.target.clone()} aria-label={aria_label}
                title="Copy this table as tab-separated text, to paste into Excel or Word" {onclick}>
                { "Copy table" }
            </button>
            <span class="copy-table-status" data-testid="copy-table-status" role="status" aria-live="polite">{ (*status).clone() }</span>
        </span>
    }
}

/// The table's rows as cells' text, in document order; `None` when there is no such table.
fn table_rows(target: &str) -> Option<Vec<Vec<String>>> {
    let document = web_sys::window()?.document()?;
    let found = document.get_element_by_id(target)?;
    let table = if found.tag_name().eq_ignore_ascii_case("table") {
        found
    } else {
        found.query_selector("table").ok()??
    };
    let list = table
        .query_selector_all(
            ":scope > thead > tr, :scope > tbody > tr, :scope > tfoot > tr, :scope > tr",
        )
        .ok()?;
    let mut rows = Vec::new();
    for i in 0..list.length() {
        let Some(row) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
            continue;
        };
        // A panel opened inside the table (an explanation, a working) is not a row of it.
        let panel = row
            .query_selector("aside, table, [data-copy-skip]")
            .ok()
            .flatten()
            .is_some();
        if panel || row.has_attribute("data-copy-skip") || row.has_attribute("hidden") {
            continue;
        }
        let cells = row.children();
        let mut out = Vec::new();
        for j in 0..cells.length() {
            let Some(cell) = cells.item(j) else { continue };
            if !matches!(cell.tag_name().to_ascii_lowercase().as_str(), "td" | "th") {
                continue;
            }
            let text = match cell.get_attribute("data-copy") {
                Some(t) => t,
                None => {
                    let mut t = String::new();
                    text_of(&cell, &mut t);
                    t
                }
            };
            out.push(tsv::clean(&text));
            // A cell spanning columns keeps the next cells under their headings.
            let span = cell
                .get_attribute("colspan")
                .and_then(|s| s.trim().parse::<usize>().ok())
                .unwrap_or(1)
                .clamp(1, 100);
            out.extend(std::iter::repeat_n(String::new(), span - 1));
        }
        while out.len() > 1 && out.last().is_some_and(String::is_empty) {
            out.pop();
        }
        rows.push(out);
    }
    Some(rows)
}

/// A node's text without its controls' text; elements are set apart by
/// spaces, so "CPM1" and its name in two spans do not run together.
fn text_of(node: &Node, out: &mut String) {
    let children = node.child_nodes();
    for i in 0..children.length() {
        let Some(child) = children.item(i) else {
            continue;
        };
        match child.node_type() {
            Node::TEXT_NODE => out.push_str(&child.text_content().unwrap_or_default()),
            Node::ELEMENT_NODE => {
                let Some(el) = child.dyn_ref::<Element>() else {
                    continue;
                };
                let tag = el.tag_name().to_ascii_lowercase();
                if SKIP.contains(&tag.as_str()) || el.has_attribute("data-copy-skip") {
                    continue;
                }
                if let Some(t) = el.get_attribute("data-copy") {
                    out.push(' ');
                    out.push_str(&t);
                    out.push(' ');
                    continue;
                }
                out.push(' ');
                text_of(&child, out);
                out.push(' ');
            }
            _ => {}
        }
    }
}

/// Writes `text` to the clipboard: the Clipboard API, else the old way.
pub async fn write_clipboard(text: &str) -> Result<(), String> {
    let window = web_sys::window().ok_or("no window")?;
    let navigator = window.navigator();
    let has_api = js_sys::Reflect::get(&navigator, &"clipboard".into())
        .is_ok_and(|c| !c.is_undefined() && !c.is_null());
    if has_api {
        let promise = navigator.clipboard().write_text(text);
        if wasm_bindgen_futures::JsFuture::from(promise).await.is_ok() {
            return Ok(());
        }
    }
    copy_by_command(text)
}

/// The fallback: a text area off screen, selected and copied.
fn copy_by_command(text: &str) -> Result<(), String> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let area: web_sys::HtmlTextAreaElement = document
        .create_element("textarea")
        .map_err(|e| format!("{e:?}"))?
        .dyn_into()
        .map_err(|_| "not a text area")?;
    area.set_value(text);
    area.set_read_only(true);
    area.set_class_name("copy-buffer");
    let _ = area.set_attribute("aria-hidden", "true");
    let body = document.body().ok_or("no page body")?;
    body.append_child(&area).map_err(|e| format!("{e:?}"))?;
    area.select();
    let copied = document
        .dyn_ref::<web_sys::HtmlDocument>()
        .map(|d| d.exec_command("copy").unwrap_or(false))
        .unwrap_or(false);
    area.remove();
    if copied {
        Ok(())
    } else {
        Err("the browser did not allow it (copy the table's cells by hand)".into())
    }
}
