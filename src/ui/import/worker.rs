//! Talking to a Web Worker: its next message as a future whose handlers
//! are set at once (a message that comes before the await is not lost),
//! and errors from the browser as text.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The worker's next message, or why there was none (its script could not
/// load, or it crashed: a panic ends the worker, not the page).
pub struct NextMessage {
    worker: web_sys::Worker,
    promise: js_sys::Promise,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
    _handled: Closure<dyn FnMut(JsValue)>,
}

impl NextMessage {
    /// Listens from now on.
    pub fn new(worker: &web_sys::Worker) -> NextMessage {
        let mut handlers = None;
        let promise = js_sys::Promise::new(&mut |resolve, reject| {
            handlers = Some((resolve, reject));
        });
        // The executor has run: the handlers are always there.
        let (resolve, reject) = match handlers {
            Some((resolve, reject)) => (Some(resolve), Some(reject)),
            None => (None, None),
        };
        let on_message =
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
                if let Some(resolve) = &resolve {
                    let _ = resolve.call1(&JsValue::NULL, &e.data());
                }
            });
        let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
            // Handled here: the browser need not log it as uncaught.
            e.prevent_default();
            let why = e
                .dyn_ref::<web_sys::ErrorEvent>()
                .map(|e| e.message())
                .filter(|m| !m.is_empty())
                .unwrap_or_else(|| "the worker's script could not be loaded".into());
            if let Some(reject) = &reject {
                let _ = reject.call1(&JsValue::NULL, &JsValue::from_str(&why));
            }
        });
        // A failure before anyone awaits it (a worker warmed up for a list
        // not yet read) is handled, not reported as uncaught.
        let handled = Closure::<dyn FnMut(JsValue)>::new(|_| {});
        let _ = promise.catch(&handled);
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        NextMessage {
            worker: worker.clone(),
            promise,
            _on_message: on_message,
            _on_error: on_error,
            _handled: handled,
        }
    }

    pub async fn get(self) -> Result<JsValue, String> {
        wasm_bindgen_futures::JsFuture::from(self.promise.clone())
            .await
            .map_err(|e| js_text(&e))
    }
}

impl Drop for NextMessage {
    /// The handlers go with their closures: a message after this is dropped
    /// by the browser, not sent to a closure that no longer exists.
    fn drop(&mut self) {
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
    }
}

pub fn js_text(v: &JsValue) -> String {
    v.as_string()
        .or_else(|| {
            v.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
        })
        .unwrap_or_else(|| format!("{v:?}"))
}
