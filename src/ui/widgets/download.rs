//! Saving text as a file the user downloads, made in the page: nothing is sent.

use gloo_file::{Blob, ObjectUrl};
use wasm_bindgen::JsCast;
use web_sys::HtmlAnchorElement;

/// Offers `content` as a download called `name`. Returns why not, if it fails.
pub fn download(name: &str, mime: &str, content: &str) -> Result<(), String> {
    let url = ObjectUrl::from(Blob::new_with_options(content, Some(mime)));
    click_link(name, &url)?;
    // The URL must outlive the click that starts the download.
    gloo_timers::callback::Timeout::new(10_000, move || drop(url)).forget();
    Ok(())
}

/// Starts the download of `url` (an object or `data:` URL) as `name`.
pub fn click_link(name: &str, url: &str) -> Result<(), String> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let a: HtmlAnchorElement = document
        .create_element("a")
        .map_err(|e| format!("{e:?}"))?
        .dyn_into()
        .map_err(|_| "not an anchor")?;
    a.set_href(url);
    a.set_download(name);
    a.click();
    Ok(())
}
