//! The sheet worker: a second wasm module, run as a dedicated Web Worker,
//! that reads .xlsx and .ods workbooks for the browser app.
//!
//! Why apart: the spreadsheet reader (calamine, behind the `workbook`
//! feature) is about 360 KB gzipped, more than most visitors will ever need.
//! The app (built without the feature) starts this worker only when a
//! workbook arrives, so the first load does not grow; and a huge or hostile
//! workbook is read off the page's thread, where a crash ends the worker,
//! not the page.
//!
//! Protocol (see `ui::file_reading`): the worker posts `"ready"` once its
//! handler is set (a message sent earlier would be lost while the wasm
//! loads); the page posts `[file name, Uint8Array]`; the worker answers with
//! [`dcc_perf::io::workbook::encode_reply`]'s JSON text: the sheets' names and
//! cells, or what was expected.

#[cfg(target_arch = "wasm32")]
fn main() {
    use dcc_perf::io::workbook::{encode_reply, sheets};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |e: MessageEvent| {
        let message = js_sys::Array::from(&e.data());
        let name = message.get(0).as_string().unwrap_or_default();
        let bytes = js_sys::Uint8Array::new(&message.get(1)).to_vec();
        let reply = encode_reply(&sheets(&name, &bytes));
        let _ = reply_to.post_message(&JsValue::from_str(&reply));
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    let _ = scope.post_message(&JsValue::from_str("ready"));
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("dcc-perf-sheet-worker runs in the browser app as a Web Worker (built by Trunk); for workbooks on the command line use `dcc-perf FILE.xlsx`.");
}
