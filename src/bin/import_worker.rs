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
//! `[file name, File, middle]` as soon as the file is chosen. The worker
//! reads the file's head itself (the header and delimiter found as the page
//! finds them: `Reading::stream_part`) while the file from the middle
//! arrives, skips to the first line end there (the page reads up to the
//! same place), reads the rest as the browser streams it and answers
//! `[part as JSON text, references' hashes as bytes, where the part starts]`
//! ([`dcc_perf::io::incidents::Part::encode`]), or `["", empty, NaN]` if
//! the file could not be read so (the page then reads that half itself).

#[cfg(target_arch = "wasm32")]
fn main() {
    use dcc_perf::io::{Reading, HEAD_BYTES};
    use dcc_perf::ui::blob::{bytes_of, slice, Chunks};
    use dcc_perf::ui::halves::LINE_WITHIN;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    async fn answer(message: js_sys::Array) -> Option<(String, Vec<u8>, f64)> {
        let name = message.get(0).as_string().unwrap_or_default();
        let file = message.get(1).dyn_into::<web_sys::Blob>().ok()?;
        let middle = message.get(2).as_f64()?;
        let size = file.size();
        // The head and the file from the middle are asked for at once.
        let head = slice(&file, 0.0, ((HEAD_BYTES + 3) as f64).min(size));
        let mut chunks = Chunks::new(&file, middle, size).ok()?;
        chunks.ask();
        let head = bytes_of(head).await.ok()?;
        let (_, found) = chunks.take_line(LINE_WITHIN).await.ok()?;
        found.then_some(())?;
        let start = chunks.at();
        let mut reader = Reading::stream_part(&name, &head, size as u64, start as u64)?;
        drop(head);
        // The rows of each chunk are read while the next arrives.
        loop {
            chunks.ask();
            while !reader.step(usize::MAX) {}
            match chunks.take(size).await.ok()? {
                Some(chunk) => reader.push_with(chunk.length() as usize, |to| chunk.copy_to(to)),
                None => break,
            }
        }
        reader.end();
        while !reader.step(usize::MAX) {}
        let (json, refs) = reader.into_part().encode();
        Some((json, refs, start))
    }

    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |e: MessageEvent| {
        let message = js_sys::Array::from(&e.data());
        let reply_to = reply_to.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let (json, refs, start) =
                answer(message)
                    .await
                    .unwrap_or((String::new(), Vec::new(), f64::NAN));
            let refs = js_sys::Uint8Array::from(refs.as_slice());
            let reply =
                js_sys::Array::of3(&JsValue::from_str(&json), &refs, &JsValue::from_f64(start));
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
