//! A big incident list read in two halves at once: the page reads the
//! first as it arrives, the import worker (`src/bin/import_worker.rs`, a
//! small wasm module of the reader alone) the second, and the second's
//! counts are joined to the first's (`io::incidents::IncidentReader::join`,
//! which says why that is the same as one reading). On a machine with two
//! cores or more that halves the time the rows take to read.
//!
//! Whenever the halves cannot be joined (the worker did not start or did
//! not answer in time, a quoted field or a repeated reference spans them),
//! the page reads the second half itself: slower, never different.

use crate::io::incidents::Part;
use crate::ui::worker::{within, NextMessage};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

/// The worker's loader, written by Trunk beside index.html.
const WORKER: &str = "./dcc-perf-import-worker_loader.js";

/// Lists from this size are read in halves: below it the rows take less
/// time than handing half of them over saves.
pub const HALVES_FROM: f64 = (4 << 20) as f64;

/// The share of the file the page reads. The worker is built for speed
/// (`release-speed` in Cargo.toml) and the page for size, yet, sampled in
/// headless Chromium on a two-core machine with both starting at once, each
/// spent about 12 ms of processor time per tenth of the file (the worker's
/// stream reads cost it more). Measured in 15 imports each, the page then
/// waited for the worker 2 to 30 ms with half each and 1 to 8 ms with 55%
/// (`scripts/bench-import.mjs` prints that wait).
const PAGE_SHARE: f64 = 0.55;

/// How far past the middle a line end is looked for (by the page and the
/// worker alike): a list with lines longer than this is read by the page alone.
pub const LINE_WITHIN: usize = 64 << 10;

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

/// Keeps a worker that answered for the next list; one already kept (a
/// second list read meanwhile) is ended.
fn keep(worker: web_sys::Worker) {
    let old = KEPT.with(|k| {
        k.borrow_mut().replace(Helper {
            worker,
            ready: None,
        })
    });
    if let Some(old) = old {
        old.worker.terminate();
    }
}

/// A worker still loading: its "ready" listener, and the job posted when
/// that comes (the promise that it has been, and the closure that does it).
struct Waiting {
    _ready: NextMessage,
    posted: js_sys::Promise,
    _post: Closure<dyn FnMut(JsValue)>,
    /// Marks a failure to load as handled, for a job given up unawaited.
    _handled: Closure<dyn FnMut(JsValue)>,
}

/// The second half, being read by the worker.
pub struct Job {
    worker: Option<web_sys::Worker>,
    /// Until the worker has said it is ready.
    waiting: Option<Waiting>,
    /// The listener for its answer, set when the job is posted.
    reply: Rc<RefCell<Option<NextMessage>>>,
    /// Where the page's half ends: at the first line end from here.
    pub middle: f64,
}

/// Starts the worker on the file from the first record start after the
/// page's share, at once: it reads the file's head for itself, so it begins
/// as soon as the page does. A worker still loading is sent the job once it
/// says it is ready. `None`, and the page reads the whole list, if the
/// worker will not start. `head_end` is where the page's head read stops:
/// the page's half goes at least that far.
pub fn start(file: &web_sys::File, name: &str, head_end: f64) -> Option<Job> {
    let size = file.size();
    let middle = (size * PAGE_SHARE).floor().max(head_end);
    if middle >= size {
        return None;
    }
    warm_up();
    let Helper { worker, ready } = KEPT.with(|k| k.borrow_mut().take())?;
    let message = js_sys::Array::of3(&JsValue::from_str(name), file, &JsValue::from_f64(middle));
    let reply = Rc::new(RefCell::new(None));
    let post = {
        let (worker, reply) = (worker.clone(), reply.clone());
        move |_: JsValue| {
            // The answer's listener replaces the "ready" one before the job goes.
            *reply.borrow_mut() = Some(NextMessage::new(&worker));
            let _ = worker.post_message(&message);
        }
    };
    let waiting = match ready {
        None => {
            post(JsValue::UNDEFINED);
            None
        }
        Some(ready) => {
            let post: Closure<dyn FnMut(JsValue)> = Closure::once(post);
            let posted = ready.promise().then(&post);
            let handled = Closure::<dyn FnMut(JsValue)>::new(|_| {});
            let _ = posted.catch(&handled);
            Some(Waiting {
                _ready: ready,
                posted,
                _post: post,
                _handled: handled,
            })
        }
    };
    Some(Job {
        worker: Some(worker),
        waiting,
        reply,
        middle,
    })
}

impl Job {
    /// The part the worker read from `start`, if it answers within `ms`
    /// milliseconds; `None` if it failed, stopped, is late or read from
    /// elsewhere. A worker that answered is kept for the next list.
    pub async fn part(mut self, start: f64, ms: f64) -> Option<Part> {
        let started = crate::ui::file_reading::now();
        if let Some(waiting) = self.waiting.take() {
            within(&waiting.posted, ms).await.ok()?;
        }
        let spent = crate::ui::file_reading::since(started).unwrap_or(0.0);
        let reply = self.reply.borrow_mut().take()?;
        let answer = reply.within(ms - spent).await.ok()?;
        let answer = js_sys::Array::from(&answer);
        let json = answer.get(0).as_string()?;
        let refs = js_sys::Uint8Array::new(&answer.get(1)).to_vec();
        if let Some(worker) = self.worker.take() {
            keep(worker);
        }
        // The worker found the same line end as the page, from the same bytes.
        (answer.get(2).as_f64() == Some(start)).then_some(())?;
        Part::decode(&json, &refs)
    }
}

impl Job {
    /// Gives the job up without ending the worker: for a file it will not
    /// read either (not an incident list), which it says at once; it is
    /// then kept for the next list, whose wasm need not load again.
    pub fn let_go(self) {
        wasm_bindgen_futures::spawn_local(async move {
            let _ = self.part(f64::NAN, WORKER_LET_GO_MS).await;
        });
    }
}

/// How long a job given up is waited for before its worker is ended.
const WORKER_LET_GO_MS: f64 = 5000.0;

impl Drop for Job {
    /// A job given up (the page reads on alone) may still be running: its
    /// worker is ended, not kept.
    fn drop(&mut self) {
        self.waiting.take();
        self.reply.borrow_mut().take();
        if let Some(worker) = self.worker.take() {
            worker.terminate();
        }
    }
}
