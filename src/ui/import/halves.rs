//! A big incident list read in two halves at once: the page reads the
//! first as it arrives, the import worker (`src/bin/import_worker.rs`, a
//! small wasm module of the reader alone) the second, and the second's
//! counts are joined to the first's (`io::incidents::IncidentReader::join`,
//! which says why that is the same as one reading). On a machine with two
//! cores or more that halves the time the rows take to read.
//!
//! Whenever the halves cannot be joined (the worker did not start, a quoted
//! field or a repeated reference spans them), the page reads the second
//! half itself: slower, never different.

use crate::io::incidents::{record_start, IncidentReader, Part};
use crate::ui::blob::{bytes_of, slice};
use crate::ui::worker::NextMessage;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

/// The worker's loader, written by Trunk beside index.html.
const WORKER: &str = "./dcc-perf-import-worker_loader.js";

/// Lists from this size are read in halves: below it the rows take less
/// time than handing half of them over saves.
pub const HALVES_FROM: f64 = (4 << 20) as f64;

/// The share of the file the page reads. The worker is built for speed
/// (`release-speed` in Cargo.toml) and the page for size, but the worker
/// starts later (it is sent its job once the page has read the head) and
/// the page also draws the progress bar: on a two-core machine half each
/// left the page waiting least (1 to 18 ms, of about 45 ms in all, against
/// 45% or 55%). The benchmark prints that wait (`scripts/bench-import.mjs`).
const PAGE_SHARE: f64 = 0.5;

/// How far past the split a line end is looked for.
const WINDOW: f64 = (64 << 10) as f64;

/// A started worker: ready once it has said so.
struct Helper {
    worker: web_sys::Worker,
    /// Its "ready" message, until it has come.
    ready: Option<NextMessage>,
}

thread_local! {
    /// The worker, kept between lists (its wasm is fetched and compiled
    /// once); taken while it reads one.
    static KEPT: RefCell<Option<Helper>> = const { RefCell::new(None) };
}

/// Starts the worker if none is kept, so that it loads while the file's
/// head is read.
pub fn warm_up() {
    KEPT.with(|k| {
        let mut kept = k.borrow_mut();
        if kept.is_none() {
            *kept = web_sys::Worker::new(WORKER).ok().map(|worker| Helper {
                ready: Some(NextMessage::new(&worker)),
                worker,
            });
        }
    });
}

/// The second half, being read by the worker.
pub struct Job {
    worker: Option<web_sys::Worker>,
    reply: Option<NextMessage>,
    /// Where the second half starts in the file.
    pub start: f64,
}

/// Starts the worker on the file from the record start after the page's
/// share (at or past `from`, where the page has read to). `None`, and the
/// page reads the whole list, if there is no line end near there or the
/// worker will not start.
pub async fn start(
    file: &web_sys::File,
    name: &str,
    reader: &IncidentReader,
    from: f64,
) -> Option<Job> {
    let size = file.size();
    let mid = (size * PAGE_SHARE).floor().max(from);
    let window = bytes_of(slice(file, mid, (mid + WINDOW).min(size)))
        .await
        .ok()?;
    let start = mid + record_start(&window)? as f64;
    if start >= size {
        return None;
    }
    warm_up();
    let Helper { worker, ready } = KEPT.with(|k| k.borrow_mut().take())?;
    if let Some(ready) = ready {
        // A worker that fails to load is not kept.
        ready.get().await.ok()?;
    }
    let message = js_sys::Array::of5(
        &JsValue::from_str(name),
        file,
        &JsValue::from_f64(start),
        &js_sys::Uint8Array::from(reader.header_text()),
        &JsValue::from(reader.delimiter()),
    );
    let reply = NextMessage::new(&worker);
    worker.post_message(&message).ok()?;
    Some(Job {
        worker: Some(worker),
        reply: Some(reply),
        start,
    })
}

impl Job {
    /// The part the worker read; `None` if it failed or stopped. A worker
    /// that answered is kept for the next list.
    pub async fn part(mut self) -> Option<Part> {
        let answer = self.reply.take()?.get().await.ok()?;
        let answer = js_sys::Array::from(&answer);
        let json = answer.get(0).as_string()?;
        let refs = js_sys::Uint8Array::new(&answer.get(1)).to_vec();
        if let Some(worker) = self.worker.take() {
            KEPT.with(|k| {
                *k.borrow_mut() = Some(Helper {
                    worker,
                    ready: None,
                })
            });
        }
        Part::decode(&json, &refs)
    }
}

impl Drop for Job {
    /// A job given up (the page reads on alone) may still be running: its
    /// worker is ended, not kept.
    fn drop(&mut self) {
        self.reply.take();
        if let Some(worker) = self.worker.take() {
            worker.terminate();
        }
    }
}
