//! The app's files in and out, fetched when first needed: reading a paste,
//! a file or a share link, reading saved work back, the exports and making
//! a share link. The readers and writers (CSV, the report's text, JSON,
//! the deflated links) are most of the app's code that no first visit
//! needs, so they live in their own part of the wasm (the split point
//! [`run`], see `scripts/build-app.sh`), which the import preview and the
//! sheet picker share ([`crate::ui::views`]).
//!
//! The shell asks for a [`Job`] with [`spawn`]; what it gives comes back as
//! [`Action`]s. If the part cannot be fetched (the connection dropped), the
//! user is told and nothing changes.

use crate::engine::work::Outcome;
use crate::io::Scenario;
use crate::session::saved::Keeping;
use crate::ui::state::{Action, Progress};
use std::rc::Rc;
#[cfg(feature = "split")]
use wasm_split_helpers::wasm_split;
use wasm_split_helpers::SplitLoaderError;
use yew::prelude::*;

/// A file the app writes, from what is loaded when it is asked for.
pub enum Export {
    /// The figures, as the long CSV.
    Data(Rc<Outcome>),
    /// Results, credits and margins as JSON.
    Results(Rc<Outcome>),
    /// The reported credits as CSV.
    Credits(Rc<Outcome>),
    /// The whole work, to open again.
    Scenario(Box<Scenario>),
    /// An empty long CSV to fill in.
    Template,
}

/// What the part is asked to do.
pub enum Job {
    /// Read a pasted block.
    Paste(String),
    /// Read a chosen or dropped file, showing its progress.
    File(web_sys::File, UseStateSetter<Option<Progress>>),
    /// Offer the scenario a share link in the address carries.
    SharedLink,
    /// Read the saved work (local storage's text) back.
    Restore(String),
    /// Read the work another tab saved (local storage's text, if any) and
    /// keep this tab's in it as scenarios.
    Keep {
        saved: Option<String>,
        keeping: Box<Keeping>,
    },
    /// Write a file to the user's downloads.
    Export(Export),
    /// Make a share link to `page` carrying the scenario.
    Link(String, Box<Scenario>, Callback<String>),
}

impl Job {
    /// What the user is told when the part for this job cannot be fetched.
    fn failure(&self, why: &SplitLoaderError) -> String {
        let what = match self {
            Job::Paste(_) | Job::File(..) => "read your figures",
            Job::SharedLink => "open the shared link",
            // The session says what it means for the saved work.
            Job::Restore(_) | Job::Keep { .. } => {
                return format!("the part of the calculator that reads it did not arrive ({why})")
            }
            Job::Export(_) => "write that file",
            Job::Link(..) => "make the link",
        };
        format!("The part of the calculator that would {what} did not arrive ({why}). Nothing was changed; check the connection and try again.")
    }
}

/// Runs `job` in the part, fetching the part first if it has not arrived.
pub fn spawn(job: Job, out: Callback<Action>) {
    wasm_bindgen_futures::spawn_local(async move {
        // The part is fetched before `run` is called: its failure is known
        // before the job is handed over.
        if let Err(e) = preload_io().await {
            let said = job.failure(&e);
            out.emit(match job {
                Job::Restore(_) | Job::Keep { .. } => Action::RestoreFailed(said),
                _ => Action::Notice(Some(said)),
            });
            return;
        }
        // Cannot fail now: the part has arrived.
        let _ = run(job, out).await;
    });
}

/// Fetches the part now, if it has not arrived, so that what is asked of
/// it next (an export, whose download the browser allows only soon after
/// the click) is not kept waiting for it.
pub fn warm() {
    wasm_bindgen_futures::spawn_local(async {
        let _ = preload_io().await;
    });
}

/// The split point: everything `run` reaches and the first load does not
/// is in the part.
#[cfg(feature = "split")]
#[wasm_split(io, fallible, preload(preload_io))]
fn run(job: Job, out: Callback<Action>) -> Result<(), SplitLoaderError> {
    handle(job, out);
    Ok(())
}

// Unsplit, the part is there at once (see `split` in Cargo.toml).
#[cfg(not(feature = "split"))]
async fn run(job: Job, out: Callback<Action>) -> Result<(), SplitLoaderError> {
    handle(job, out);
    Ok(())
}

#[cfg(not(feature = "split"))]
async fn preload_io() -> Result<(), SplitLoaderError> {
    Ok(())
}

/// What the part does with a job.
fn handle(job: Job, out: Callback<Action>) {
    use crate::ui::import::{file_reading, shared_link};
    match job {
        Job::Paste(text) => file_reading::take_text(&text, &out),
        Job::File(file, progress) => file_reading::take_file(file, progress, out),
        Job::SharedLink => shared_link::open_fragment(&out),
        Job::Restore(text) => wasm_bindgen_futures::spawn_local(async move {
            out.emit(match read_saved(Some(text), false).await {
                Ok((saved, notice)) => Action::Restored(saved.map(Box::new), notice),
                Err(why) => Action::RestoreFailed(why),
            })
        }),
        Job::Keep { saved, keeping } => wasm_bindgen_futures::spawn_local(async move {
            out.emit(match read_saved(saved, true).await {
                Ok((saved, notice)) => {
                    let (both, said) = crate::session::saved::keep_here(saved, notice, *keeping);
                    Action::Restored(Some(Box::new(both)), Some(said))
                }
                Err(why) => Action::RestoreFailed(why),
            })
        }),
        Job::Export(export) => crate::ui::levels::exports::write(export, &out),
        Job::Link(page, scenario, done) => {
            done.emit(crate::io::share::link(&page, &scenario.to_json()))
        }
    }
}

/// The saved work from local storage's text (`None`: there is none), or
/// from IndexedDB when the text points there, with what to tell the user;
/// the error: it is in IndexedDB, which could not be read (nothing is
/// saved over it then: a reload tries again), or, while this tab's work is
/// to be kept in it (`keeping`), it could not be read nor kept aside.
async fn read_saved(
    text: Option<String>,
    keeping: bool,
) -> Result<(Option<Scenario>, Option<String>), String> {
    use crate::ui::indexed_db;
    let mut text = text;
    // Another tab may save (and delete what the pointer named) while this
    // one reads: then what local storage holds now is read.
    for _ in 0..5 {
        let Some(pointer) = text.as_deref().filter(|t| indexed_db::is_pointer(t)) else {
            break;
        };
        match indexed_db::get(pointer).await {
            Ok(Some(t)) => return crate::ui::storage::read_saved(&t, true, keeping).await,
            Ok(None) => {
                let now = crate::ui::storage::saved_text();
                if now.as_deref() == Some(pointer) {
                    return Ok((None, Some(
                        "Your saved work was to be in this browser's IndexedDB store, which holds none now (was its data cleared?): the sample is shown."
                            .into(),
                    )));
                }
                text = now;
            }
            Err(e) => return Err(format!("it is in this browser's IndexedDB store, and {e}")),
        }
    }
    let Some(text) = text else {
        return Ok((None, None));
    };
    if indexed_db::is_pointer(&text) {
        return Err("it is in this browser's IndexedDB store, and other tabs kept saving over it as it was read".into());
    }
    crate::ui::storage::read_saved(&text, false, keeping).await
}
