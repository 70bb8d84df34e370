//! Talking to a Web Worker: its next message as a future whose handlers
//! are set at once (a message that comes before the await is not lost),
//! waited for at most so long, and errors from the browser as text.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The worker's next message, or why there was none (its script could not
/// load, or threw). A worker whose wasm traps, or fails to load after its
/// script did, may never answer: hence [`NextMessage::within`].
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

    /// The message, if it comes within `ms` milliseconds.
    pub async fn within(self, ms: f64) -> Result<JsValue, String> {
        within(&self.promise, ms).await
    }

    /// The promise of the message, to chain on (the listener must be kept
    /// until it has come).
    pub fn promise(&self) -> &js_sys::Promise {
        &self.promise
    }
}

impl Drop for NextMessage {
    /// The handlers go with their closures: a message after this is dropped
    /// by the browser, not sent to a closure that no longer exists. Only
    /// this listener's own: another may have been set since.
    fn drop(&mut self) {
        let mine =
            |f: Option<js_sys::Function>, c: &JsValue| f.is_some_and(|f| JsValue::from(f) == *c);
        if mine(self.worker.onmessage(), self._on_message.as_ref()) {
            self.worker.set_onmessage(None);
        }
        if mine(self.worker.onerror(), self._on_error.as_ref()) {
            self.worker.set_onerror(None);
        }
    }
}

/// What `promise` gives, if it settles within `ms` milliseconds.
pub async fn within(promise: &js_sys::Promise, ms: f64) -> Result<JsValue, String> {
    let late = JsValue::from_str("(no answer in time)");
    let timer = js_sys::Promise::new(&mut |_, reject| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_1(
                &reject,
                ms.clamp(0.0, f64::from(i32::MAX)) as i32,
                &late,
            );
        }
    });
    let race = js_sys::Promise::race(&js_sys::Array::of2(promise, &timer));
    wasm_bindgen_futures::JsFuture::from(race)
        .await
        .map_err(|e| js_text(&e))
}

pub fn js_text(v: &JsValue) -> String {
    v.as_string()
        .or_else(|| {
            v.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
        })
        .unwrap_or_else(|| format!("{v:?}"))
}
