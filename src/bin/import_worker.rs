//! The import worker: a third wasm module, run as a dedicated Web Worker,
//! that reads the second half of a big incident list while the page reads
//! the first (`ui::halves`; `io::incidents::IncidentReader::join` says why
//! the joined halves equal one reading).
//!
//! Why apart: reading rows is the whole cost of a big import, and two
//! halves read at once take half the time on a machine with two cores or
//! more. The module holds the incident reader and little else; the page
//! starts it only when a file of 4 MB or more is chosen, so the first load
//! does not grow. If it never answers (its wasm failed to load, or it
//! trapped), the page stops waiting a second after reading its own half.
//!
//! Protocol: the worker posts `"ready"` once its handler is set (a message
//! sent earlier would be lost while the wasm loads); the page posts
//! `[file name, File, start, header bytes, delimiter]`; the worker reads
//! the file from `start` as the browser streams it, after the header, and
//! answers
//! `[part as JSON text, references' hashes as bytes]`
//! ([`dcc_perf::io::incidents::Part::encode`]), or `["", empty]` if the file
//! could not be read (the page then reads that half itself).

#[cfg(target_arch = "wasm32")]
fn main() {
    use dcc_perf::io::incidents::IncidentReader;
    use dcc_perf::ui::blob::Chunks;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    async fn answer(message: js_sys::Array) -> (String, Vec<u8>) {
        let name = message.get(0).as_string().unwrap_or_default();
        let start = message.get(2).as_f64().unwrap_or(f64::NAN);
        let header = js_sys::Uint8Array::new(&message.get(3)).to_vec();
        let delimiter = message
            .get(4)
            .as_f64()
            .and_then(|d| u8::try_from(d as u32).ok());
        let (Ok(file), Some(delimiter)) = (message.get(1).dyn_into::<web_sys::Blob>(), delimiter)
        else {
            return Default::default();
        };
        let total = header.len() as u64 + (file.size() - start).max(0.0) as u64;
        let (Ok(mut chunks), Some(mut reader)) = (
            Chunks::new(&file, start, file.size()),
            IncidentReader::streaming(&name, header, total, delimiter),
        ) else {
            return Default::default();
        };
        // The rows of each chunk are read while the next arrives.
        loop {
            chunks.ask();
            while !reader.step(usize::MAX) {}
            match chunks.take(file.size()).await {
                Ok(Some(chunk)) => {
                    reader.push_with(chunk.length() as usize, |to| chunk.copy_to(to))
                }
                Ok(None) => break,
                Err(_) => return Default::default(),
            }
        }
        reader.end();
        while !reader.step(usize::MAX) {}
        reader.into_part().encode()
    }

    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |e: MessageEvent| {
        let message = js_sys::Array::from(&e.data());
        let reply_to = reply_to.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let (json, refs) = answer(message).await;
            let refs = js_sys::Uint8Array::from(refs.as_slice());
            let reply = js_sys::Array::of2(&JsValue::from_str(&json), &refs);
            // The hashes are moved to the page, not copied.
            let _ =
                reply_to.post_message_with_transfer(&reply, &js_sys::Array::of1(&refs.buffer()));
        });
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    let _ = scope.post_message(&JsValue::from_str("ready"));
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("dcc-perf-import-worker runs in the browser app as a Web Worker (built by Trunk); on the command line `dcc-perf FILE.csv` reads an incident list of any size.");
}
