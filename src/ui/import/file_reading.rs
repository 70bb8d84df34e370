//! Reading an uploaded or dropped file: its bytes, then the reader in
//! steps, yielding to the browser so the page stays responsive and the
//! progress bar moves; a big incident list part by part as it arrives.
//! Timed, so the preview can say how long it took.
//!
//! A workbook (.xlsx, .ods: recognised by its bytes, or its extension) goes
//! to the sheet worker (`src/bin/sheet_worker.rs`), a second wasm module
//! fetched only now, so the spreadsheet reader does not weigh on the first
//! load; the sheets come back as text and are read like a pasted block.

use crate::io::incidents::IncidentReader;
use crate::io::sheet::Grid;
use crate::io::workbook::{decode_reply, default_sheet, is_workbook, read_sheet};
use crate::io::{ErrorKind, Import, ImportError, Reading, HEAD_BYTES};
use crate::ui::blob::Chunks;
use crate::ui::halves;
use crate::ui::mappings::with_remembered;
use crate::ui::sheet_picker::Workbook;
use crate::ui::state::{Action, Pasted, Progress, Timing};
use crate::ui::worker::{js_text, NextMessage};
use gloo_file::futures::read_as_bytes;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use yew::prelude::*;

/// The worker's loader, written by Trunk beside index.html
/// (`data-type="worker"` keeps the binary's name, unhashed, for this).
const WORKER: &str = "./dcc-perf-sheet-worker_loader.js";

pub fn now() -> Option<f64> {
    web_sys::window()?.performance().map(|p| p.now())
}

/// Milliseconds since `started`, if the page can tell.
pub fn since(started: Option<f64>) -> Option<f64> {
    started.zip(now()).map(|(s, e)| e - s)
}

/// How long an import took, from `started` to now.
pub fn timing(started: Option<f64>, read_ms: Option<f64>, in_parts: bool) -> Option<Timing> {
    since(started).map(|total_ms| Timing {
        total_ms,
        read_ms,
        in_parts,
        halves: None,
    })
}

/// Reads a file's bytes in steps, yielding to the browser so the page stays
/// responsive and the progress bar moves.
async fn read_file(
    name: String,
    bytes: Vec<u8>,
    started: Option<f64>,
    progress: UseStateSetter<Option<Progress>>,
    out: Callback<Action>,
) {
    let read_ms = since(started);
    // A text small enough to be a spreadsheet's is kept, to be read again
    // when the user answers the spreadsheet reader's questions.
    let kept = (bytes.len() <= KEEP_BYTES).then(|| bytes.clone());
    let import = match Reading::start(&name, bytes) {
        Reading::Done(import) => import,
        Reading::Incidents(mut reader) => {
            read_arrived(&name, &mut reader, &progress, &mut now(), 1.0).await;
            reader.finish()
        }
    };
    let timing = timing(started, read_ms, false);
    progress.set(None);
    match kept.filter(|_| import.sheet.is_some()) {
        Some(bytes) => {
            // A file laid out like one answered before is read with those answers.
            let (import, choices) =
                with_remembered(import, |c| crate::io::read_with(&name, &bytes, c));
            let source = Rc::new(Pasted { file: name, bytes });
            out.emit(Action::CheckedText(import, timing, Some(source), choices));
        }
        None => out.emit(Action::Checked(import, timing)),
    }
}

/// Texts up to this size are kept for reading again (an incident extract
/// of 100,000 rows, about 9 MB, is not a sheet with questions).
const KEEP_BYTES: usize = 4 << 20;

/// Reads the rows of an incident list that have arrived, yielding to the
/// browser about every 50 ms: often enough to stay responsive and move the
/// progress bar, rarely enough not to slow the read.
///
/// `share` is the part of the file this reader reads (the rest read by the
/// worker alongside): the bar shows the whole as if both keep pace.
///
/// `last_yield` is kept across calls (a file read in parts calls this once
/// a part): each progress update redraws the page, so it is not made more
/// often than that.
async fn read_arrived(
    name: &str,
    reader: &mut IncidentReader,
    progress: &UseStateSetter<Option<Progress>>,
    last_yield: &mut Option<f64>,
    share: f64,
) {
    loop {
        let done = reader.step(4096);
        if let (Some(t), Some(l)) = (now(), *last_yield) {
            if t - l > 50.0 {
                let (read, total) = reader.progress();
                let read = ((read as f64 / share) as u64).min(total);
                progress.set(Some((name.to_string(), read, total)));
                gloo_timers::future::TimeoutFuture::new(0).await;
                *last_yield = now();
            }
        }
        if done {
            return;
        }
    }
}

/// Files past this size are read in parts: an incident list is read as
/// the rest arrives, so reading the file and its rows overlap.
const READ_IN_PARTS: f64 = 1_600_000.0;

/// A big file, as the browser streams it: its head first; an incident list
/// is then read as the rest arrives, the next chunk on its way while the
/// rows of the last are read (from 4 MB, the second half by the import
/// worker meanwhile). Anything else is read whole, as a small file is.
async fn read_in_parts(
    file: web_sys::File,
    name: String,
    started: Option<f64>,
    progress: UseStateSetter<Option<Progress>>,
    out: Callback<Action>,
) -> Result<(), String> {
    let size = file.size();
    let mut chunks = Chunks::new(&file, 0.0, size)?;
    // The head, and room for a byte-order mark before it.
    let head_end = ((HEAD_BYTES + 3) as f64).min(size);
    // A big list: its second half read by the import worker meanwhile,
    // started now (it reads the head for itself).
    let job = if size >= halves::HALVES_FROM && !is_workbook(&name, &[]) {
        halves::start(&file, &name, head_end)
    } else {
        None
    };
    let mut head = Vec::new();
    while let Some(chunk) = chunks.take(head_end).await? {
        append(&mut head, &chunk);
    }
    let read_ms = since(started);
    // A workbook (by its bytes or its name) goes whole to the sheet worker,
    // as a small one does.
    let streamed = if is_workbook(&name, &head) {
        None
    } else {
        Reading::stream(&name, &head, size as u64)
    };
    let Some(mut reader) = streamed else {
        // The worker finds that too, at once, and is kept for the next list.
        if let Some(job) = job {
            job.let_go();
        }
        let mut bytes = head;
        // Room for the whole file at once: growing by doubling would hold
        // two copies at the last step.
        let _ = bytes.try_reserve_exact((size as usize).saturating_sub(bytes.len()));
        while let Some(chunk) = chunks.take(size).await? {
            append(&mut bytes, &chunk);
        }
        take_bytes(name, bytes, started, progress, out).await;
        return Ok(());
    };
    drop(head);
    out.emit(Action::Sheets(None));
    let mut last_yield = now();
    let mut rest = Rest {
        chunks,
        name: &name,
        progress: &progress,
        last_yield: &mut last_yield,
    };
    if let Some(job) = job {
        // The page's half is shown as if the worker keeps pace.
        let share = job.middle / size;
        let reading = now();
        rest.read(&mut reader, job.middle, share).await?;
        // The page's half ends at the first line end from the middle, where
        // the worker's starts.
        let mut found = false;
        if !reader.is_done() {
            // Taken looking for it, the bytes are read here whether or not
            // it came.
            let (line, ended) = rest.chunks.take_line(halves::LINE_WITHIN).await?;
            reader.push(&line);
            read_arrived(&name, &mut reader, &progress, &mut *rest.last_yield, share).await;
            found = ended;
        }
        // A worker that has not answered a second after the page read its
        // own half (its wasm failed to load, or it stopped) is not waited for.
        let patience = since(reading).unwrap_or(0.0) + WORKER_GRACE_MS;
        let start = rest.chunks.at();
        if !reader.is_done() && found {
            let waiting = now();
            if let Some(part) = job.part(start, patience).await {
                let waited = since(waiting);
                match reader.join(part) {
                    Ok(import) => {
                        let timing = timing(started, read_ms, true).map(|t| Timing {
                            halves: waited,
                            ..t
                        });
                        progress.set(None);
                        out.emit(Action::Checked(import, timing));
                        return Ok(());
                    }
                    Err(alone) => reader = *alone,
                }
            }
        }
    }
    rest.read(&mut reader, size, 1.0).await?;
    reader.end();
    read_arrived(&name, &mut reader, &progress, &mut last_yield, 1.0).await;
    let timing = timing(started, read_ms, true);
    progress.set(None);
    out.emit(Action::Checked(reader.finish(), timing));
    Ok(())
}

fn append(bytes: &mut Vec<u8>, chunk: &js_sys::Uint8Array) {
    let at = bytes.len();
    bytes.resize(at + chunk.length() as usize, 0);
    if let Some(to) = bytes.get_mut(at..) {
        chunk.copy_to(to);
    }
}

/// How much longer than the page took over its half the import worker is
/// waited for.
const WORKER_GRACE_MS: f64 = 1000.0;

/// The rest of a big incident list, streamed into its reader.
struct Rest<'a> {
    chunks: Chunks,
    name: &'a str,
    progress: &'a UseStateSetter<Option<Progress>>,
    last_yield: &'a mut Option<f64>,
}

impl Rest<'_> {
    /// Reads on up to file offset `stop`, the next chunk on its way while
    /// the rows of the last are read; `share` as for [`read_arrived`].
    async fn read(
        &mut self,
        reader: &mut IncidentReader,
        stop: f64,
        share: f64,
    ) -> Result<(), String> {
        loop {
            self.chunks.ask();
            read_arrived(self.name, reader, self.progress, self.last_yield, share).await;
            // A file refused part way (not UTF-8) needs no more reading.
            if reader.is_done() {
                return Ok(());
            }
            match self.chunks.take(stop).await? {
                Some(chunk) => reader.push_with(chunk.length() as usize, |to| chunk.copy_to(to)),
                None => return Ok(()),
            }
        }
    }
}

/// A file's bytes, read whole: a workbook goes to the sheet worker, any
/// other file to the readers.
async fn take_bytes(
    name: String,
    bytes: Vec<u8>,
    started: Option<f64>,
    progress: UseStateSetter<Option<Progress>>,
    out: Callback<Action>,
) {
    if is_workbook(&name, &bytes) {
        read_workbook(name, bytes, started, progress, out).await
    } else {
        // A workbook read before is no longer needed.
        out.emit(Action::Sheets(None));
        read_file(name, bytes, started, progress, out).await
    }
}

/// Reads a pasted block (with the answers kept for sheets laid out like
/// it) and offers it for the preview, keeping the text to read it again
/// when the user answers a question.
pub fn take_text(text: &str, out: &Callback<Action>) {
    let started = now();
    let (import, choices) = crate::ui::mappings::read_remembering("pasted text", text.as_bytes());
    let timing = timing(started, None, false);
    let source = Rc::new(Pasted {
        file: "pasted text".into(),
        bytes: text.as_bytes().to_vec(),
    });
    out.emit(Action::CheckedText(import, timing, Some(source), choices));
}

pub fn take_file(
    file: web_sys::File,
    progress: UseStateSetter<Option<Progress>>,
    out: Callback<Action>,
) {
    let started = now();
    let name = file.name();
    if file.size() >= halves::HALVES_FROM {
        halves::warm_up();
    }
    progress.set(Some((name.clone(), 0, file.size() as u64)));
    yew::platform::spawn_local(async move {
        let failed = |e: String| {
            Action::Checked(
                Import::failed(
                    &name,
                    ImportError::file(
                        &name,
                        ErrorKind::Unreadable,
                        format!("a file the browser can read ({e})"),
                    ),
                ),
                None,
            )
        };
        let read = if file.size() > READ_IN_PARTS {
            read_in_parts(file, name.clone(), started, progress.clone(), out.clone()).await
        } else {
            let blob = gloo_file::Blob::from(file);
            match read_as_bytes(&blob).await {
                Ok(bytes) => {
                    take_bytes(name.clone(), bytes, started, progress.clone(), out.clone()).await;
                    Ok(())
                }
                Err(e) => Err(e.to_string()),
            }
        };
        if let Err(e) = read {
            progress.set(None);
            out.emit(failed(e));
        }
    });
}

/// A workbook: its sheets from the worker, then the default sheet read; the
/// sheet picker offers the others when several hold data.
async fn read_workbook(
    name: String,
    bytes: Vec<u8>,
    started: Option<f64>,
    progress: UseStateSetter<Option<Progress>>,
    out: Callback<Action>,
) {
    let read_ms = since(started);
    let size = bytes.len() as u64;
    progress.set(Some((name.clone(), size / 2, size)));
    // The answers the sheet is read with: those kept for its shape, if any.
    let mut choices = crate::io::sheet::Choices::default();
    let import = match worker_sheets(&name, bytes).await {
        Err(e) => {
            out.emit(Action::Sheets(None));
            Import::failed(&name, e)
        }
        Ok(grids) => match default_sheet(&name, &grids) {
            None => {
                out.emit(Action::Sheets(None));
                Import::failed(
                    &name,
                    ImportError::file(
                        &name,
                        ErrorKind::Unreadable,
                        "a workbook with a table of figures on some sheet; every sheet is empty",
                    ),
                )
            }
            Some(chosen) => {
                let first = read_sheet(&name, &grids[chosen], &Default::default());
                let (import, kept) =
                    with_remembered(first, |c| read_sheet(&name, &grids[chosen], c));
                choices = kept;
                // Kept whatever the number of sheets, so the sheet can be read
                // again (another sheet, or with answers to its questions).
                out.emit(Action::Sheets(Some(Rc::new(Workbook {
                    file: name.clone(),
                    sheets: Rc::new(grids),
                    chosen,
                }))));
                import
            }
        },
    };
    let timing = timing(started, read_ms, false);
    progress.set(None);
    out.emit(Action::CheckedText(import, timing, None, choices));
}

/// The sheets of a workbook, read by a sheet worker started for this file
/// and ended after it answers.
async fn worker_sheets(name: &str, bytes: Vec<u8>) -> Result<Vec<Grid>, ImportError> {
    let failed = |why: String| {
        ImportError::file(
            name,
            ErrorKind::Unreadable,
            format!("a workbook the spreadsheet reader could read; {why}"),
        )
    };
    let worker = web_sys::Worker::new(WORKER)
        .map_err(|e| failed(format!("the browser would not start it ({})", js_text(&e))))?;
    let answer = async {
        // The worker says when its handler is set; a message sent before
        // would be lost while its wasm loads.
        NextMessage::new(&worker).get().await?;
        let data = js_sys::Uint8Array::from(bytes.as_slice());
        drop(bytes);
        let message = js_sys::Array::of2(&JsValue::from_str(name), &data);
        // The bytes are moved to the worker, not copied.
        let reply = NextMessage::new(&worker);
        worker
            .post_message_with_transfer(&message, &js_sys::Array::of1(&data.buffer()))
            .map_err(|e| js_text(&e))?;
        reply.get().await
    }
    .await;
    worker.terminate();
    match answer {
        Ok(text) => decode_reply(name, &text.as_string().unwrap_or_default()),
        Err(why) => Err(failed(format!("it stopped ({why})"))),
    }
}
