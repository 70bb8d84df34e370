//! The styles only the views fetched later use (the charts, the OPR margin,
//! the scenario comparison, the CPM trends), kept off the first load like
//! the views' code: `scripts/build-app.sh` joins them into `views.css`
//! beside the app's parts, and `start.js` says where (`data-view-styles` on
//! the page's root). They are fetched with the first view that needs them
//! (not the import preview), which is drawn once they have arrived, or have
//! failed: then it is drawn rather than not at all, and the next such view
//! fetches them again.

use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

thread_local! {
    /// Settles when the styles have arrived or failed; made once a page.
    static ARRIVED: RefCell<Option<js_sys::Promise>> = const { RefCell::new(None) };
}

/// Fetches the views' styles (at once, once a page) and gives what waits
/// for them.
pub fn arrived() -> impl std::future::Future<Output = ()> {
    let promise = ARRIVED.with(|a| {
        let mut a = a.borrow_mut();
        if a.is_none() {
            *a = fetch();
        }
        a.clone()
    });
    async move {
        if let Some(p) = promise {
            let loaded = wasm_bindgen_futures::JsFuture::from(p).await;
            if loaded.ok().and_then(|v| v.as_bool()) != Some(true) {
                forget();
            }
        }
    }
}

/// Takes back a link whose styles did not arrive, so they are fetched again.
fn forget() {
    ARRIVED.with(|a| *a.borrow_mut() = None);
    let link = web_sys::window().and_then(|w| w.document()).and_then(|d| {
        d.query_selector("link[data-testid=view-styles]")
            .ok()
            .flatten()
    });
    if let Some(link) = link {
        link.remove();
    }
}

/// Puts the stylesheet's link in the page right after the first load's
/// (`app.css`: the page's, the month's and print's styles). `views.css`
/// ends with the month's and print's styles again, so their rules still
/// come after the views' as they did before the views' were split off.
fn fetch() -> Option<js_sys::Promise> {
    let doc = web_sys::window()?.document()?;
    let href = doc.document_element()?.get_attribute("data-view-styles")?;
    let link = doc.create_element("link").ok()?;
    link.set_attribute("rel", "stylesheet").ok()?;
    link.set_attribute("href", &href).ok()?;
    link.set_attribute("data-testid", "view-styles").ok()?;
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        // Settles with whether the styles arrived.
        let done = Closure::once_into_js(move |e: web_sys::Event| {
            let _ = resolve.call1(&JsValue::NULL, &JsValue::from_bool(e.type_() == "load"));
        });
        for event in ["load", "error"] {
            let _ = link.add_event_listener_with_callback(event, done.unchecked_ref());
        }
    });
    let main = doc.query_selector("link[rel=stylesheet]").ok().flatten();
    match main
        .as_ref()
        .and_then(|m| m.parent_node().map(|p| (p, m.next_sibling())))
    {
        Some((parent, next)) => parent.insert_before(&link, next.as_ref()).ok()?,
        None => doc.document_element()?.append_child(&link).ok()?,
    };
    Some(promise)
}
