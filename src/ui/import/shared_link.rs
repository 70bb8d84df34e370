//! Opening a share link (`#s=…`, see [`crate::io::share`]): the scenario
//! it carries is read as a scenario file and shown in the import preview,
//! which replaces nothing until the user accepts. A damaged link is named
//! in a notice and changes nothing. The fragment is then removed from the
//! address (`history.replaceState`), so a reload does not offer it again.
//!
//! Read on start, and again when the fragment changes in an open tab (a
//! link pasted into the address bar of a tab already showing the app does
//! not reload the page).

use crate::io::{read_with, share, sheet::Choices};
use crate::ui::io_part::{spawn, Job};
use crate::ui::state::Action;
use wasm_bindgen::prelude::*;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SharedLinkOpenerProps {
    pub on_action: Callback<Action>,
}

/// The name the preview gives what a link carried.
const FILE: &str = "shared link";

#[component]
pub fn SharedLinkOpener(p: &SharedLinkOpenerProps) -> Html {
    let on_action = p.on_action.clone();
    use_effect_with((), move |_| {
        offer_fragment(&on_action);
        let listener = web_sys::window().map(|w| {
            gloo_events::EventListener::new(&w, "hashchange", move |_| offer_fragment(&on_action))
        });
        move || drop(listener)
    });
    Html::default()
}

/// If the address's fragment is a share link, has it read in the part of
/// the app that reads files ([`open_fragment`]): the link's decoder and the
/// scenario reader are not in the first load.
fn offer_fragment(on_action: &Callback<Action>) {
    let hash = web_sys::window().and_then(|w| w.location().hash().ok());
    if hash.is_some_and(|h| share::is_share_fragment(&h)) {
        spawn(Job::SharedLink, on_action.clone());
    }
}

/// Reads the address's fragment; if it is a share link, offers its scenario
/// (or says what is wrong with it) and clears the fragment.
pub fn open_fragment(on_action: &Callback<Action>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let Ok(hash) = location.hash() else { return };
    if !share::is_share_fragment(&hash) {
        return;
    }
    match share::decode(&hash) {
        Ok(bytes) => {
            let import = read_with(FILE, &bytes, &Choices::default());
            let notice = if import.errors.is_empty() {
                "Opened a shared link: check the preview below; nothing changes until you accept it."
                    .to_string()
            } else {
                "Opened a shared link, but what it carries could not be read as a scenario: \
                 see the preview below. Nothing was changed."
                    .to_string()
            };
            on_action.emit(Action::Checked(import, None));
            on_action.emit(Action::Notice(Some(notice)));
        }
        Err(e) => on_action.emit(Action::Notice(Some(format!(
            "Could not open the shared link: {e}. Nothing was changed."
        )))),
    }
    // The address without the fragment, so a reload does not offer it again.
    let rest = format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&rest));
    }
}
