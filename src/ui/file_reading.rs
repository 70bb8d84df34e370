//! Reading an uploaded or dropped file: its bytes, then the reader in
//! steps, yielding to the browser so the page stays responsive and the
//! progress bar moves. Timed, so the preview can say how long it took.

use super::state::{Action, Progress, Timing};
use crate::io::{ErrorKind, Import, ImportError, Reading};
use gloo_file::futures::read_as_bytes;
use yew::prelude::*;

pub fn now() -> Option<f64> {
    web_sys::window()?.performance().map(|p| p.now())
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
    let read_ms = started.zip(now()).map(|(s, e)| e - s);
    let import = match Reading::start(&name, bytes) {
        Reading::Done(import) => import,
        Reading::Incidents(mut reader) => {
            let mut last_yield = now();
            while !reader.step(4096) {
                // Yield about every 50 ms: often enough to stay responsive,
                // rarely enough not to slow the read.
                if let (Some(t), Some(l)) = (now(), last_yield) {
                    if t - l > 50.0 {
                        let (done, total) = reader.progress();
                        progress.set(Some((name.clone(), done, total)));
                        gloo_timers::future::TimeoutFuture::new(0).await;
                        last_yield = now();
                    }
                }
            }
            reader.finish()
        }
    };
    let timing = started.zip(now()).map(|(s, e)| Timing {
        total_ms: e - s,
        read_ms,
    });
    progress.set(None);
    out.emit(Action::Checked(import, timing));
}

pub fn take_file(
    file: web_sys::File,
    progress: UseStateSetter<Option<Progress>>,
    out: Callback<Action>,
) {
    let started = now();
    let name = file.name();
    progress.set(Some((name.clone(), 0, file.size() as u64)));
    yew::platform::spawn_local(async move {
        let blob = gloo_file::Blob::from(file);
        match read_as_bytes(&blob).await {
            Ok(bytes) => read_file(name, bytes, started, progress, out).await,
            Err(e) => {
                progress.set(None);
                out.emit(Action::Checked(
                    Import::failed(
                        &name,
                        ImportError::file(
                            &name,
                            ErrorKind::Unreadable,
                            format!("a file the browser can read ({e})"),
                        ),
                    ),
                    None,
                ))
            }
        }
    });
}
