//! The share link, once made: the link to copy, its length, and a warning
//! when mail and chat tools may cut it, or, past what browsers take, the
//! scenario file to send instead. Drawn from the readers' part
//! ([`crate::ui::io_part`]), which made the link.

use crate::engine::format::thousands;
use crate::io::share;
use crate::ui::widgets::copy_table::write_clipboard;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct SharePanelProps {
    pub link: String,
    /// Saves the scenario file instead.
    pub download: Callback<MouseEvent>,
    pub close: Callback<MouseEvent>,
}

#[component]
pub fn SharePanel(p: &SharePanelProps) -> Html {
    let copied = use_state(String::new);
    // A new link starts with nothing said about copying it.
    {
        let copied = copied.clone();
        use_effect_with(p.link.clone(), move |_| copied.set(String::new()));
    }
    let l = &p.link;
    let chars = l.chars().count();
    if chars > share::MAX_CHARS {
        return html! {
            <div class="share-panel" data-testid="share-panel" role="group" aria-label="Share link">
                <p class="share-refused" data-testid="share-refused">
                    { format!("This work is too large for a link ({} characters; browsers take about {}). ",
                        thousands(chars as u64), thousands(share::MAX_CHARS as u64)) }
                    { "Send the scenario file instead: it opens as saved." }
                </p>
                <button type="button" data-testid="share-download" onclick={p.download.clone()}>{ "Download the scenario file" }</button>
                <button type="button" onclick={p.close.clone()}>{ "Close" }</button>
            </div>
        };
    }
    let length = format!("Link: {} characters", thousands(chars as u64));
    let copy = {
        let (l, copied) = (l.clone(), copied.clone());
        Callback::from(move |_: MouseEvent| {
            let (l, copied) = (l.clone(), copied.clone());
            wasm_bindgen_futures::spawn_local(async move {
                copied.set(match write_clipboard(&l).await {
                    Ok(()) => "Copied the link.".into(),
                    Err(e) => format!("Could not copy the link: {e}. Select it and copy."),
                });
            });
        })
    };
    let select_all = Callback::from(|e: FocusEvent| {
        use wasm_bindgen::JsCast;
        if let Some(i) = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        {
            i.select();
        }
    });
    html! {
        <div class="share-panel" data-testid="share-panel" role="group" aria-label="Share link">
            <label for="share-link-text">{ "Link to this work (data and settings, inside the link: nothing is uploaded)" }</label>
            <input id="share-link-text" type="text" readonly=true data-testid="share-link" value={l.clone()} onfocus={select_all} />
            <span class="share-length" data-testid="share-length">{ length }</span>
            <button type="button" data-testid="copy-link" onclick={copy}>{ "Copy link" }</button>
            <button type="button" onclick={p.close.clone()}>{ "Close" }</button>
            <span class="share-copied" role="status" aria-live="polite" data-testid="share-copied">{ (*copied).clone() }</span>
            if chars > share::WARN_CHARS {
                <p class="share-warning" data-testid="share-warning">
                    { format!("Some mail and chat tools cut links longer than {} characters, and then it will not open: ",
                        thousands(share::WARN_CHARS as u64)) }
                    { "check it arrives whole, or send the scenario file (Save scenario file) instead." }
                </p>
            }
        </div>
    }
}
