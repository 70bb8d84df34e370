//! The working data and settings, kept in the browser's local storage as a
//! scenario file ([`crate::io::scenario`], versioned, migrated on reading).

use super::state::{Action, State};
use crate::io::Scenario;
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::OnceLock;
#[cfg(feature = "split")]
use wasm_split_helpers::wasm_split;
use wasm_split_helpers::SplitLoaderError;
use yew::prelude::*;

const KEY: &str = "dcc-perf/work";
/// Saved work that could not be read is moved here, never thrown away.
const UNREADABLE_KEY: &str = "dcc-perf/work-unreadable";

/// The saved work's text, if there is any: read by [`read_saved`], in the
/// part of the app that reads files (`crate::ui::io_part`).
pub fn saved_text() -> Option<String> {
    local()?.get_item(KEY).ok().flatten()
}

/// The browser's local storage, if it lets this page have one (a browser
/// set to block site data throws on asking: then nothing is kept, and the
/// app still runs).
pub fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The saved work read from `text` (found in IndexedDB: `in_db`), and a
/// notice to show: that it was restored, or why it could not be. Work that
/// cannot be read is kept aside where it was found (IndexedDB has room for
/// what local storage had not), never thrown away; if the browser will not
/// keep it aside, it stays where it is until the next save, and the user is
/// told to copy it now; but while this tab's work is to be kept in it
/// (`keeping`), which saves at once, nothing is opened (the error).
pub async fn read_saved(
    text: &str,
    in_db: bool,
    keeping: bool,
) -> Result<(Option<Scenario>, Option<String>), String> {
    let first = match crate::session::saved::open(text) {
        Ok(s) => {
            return Ok((
                Some(s),
                Some("Restored your saved figures and settings.".into()),
            ))
        }
        Err(first) => first,
    };
    let in_local = || {
        local()
            .ok_or_else(|| BLOCKED.to_string())
            .and_then(|l| l.set_item(UNREADABLE_KEY, text).map_err(|e| refused(&e)))
            .map(|()| format!("They are kept under \"{UNREADABLE_KEY}\" in this browser"))
    };
    let aside = match (!in_db).then(in_local) {
        Some(Ok(kept)) => Ok(kept),
        // In IndexedDB where it was found there, or where local storage has
        // no room for a second copy.
        tried => super::indexed_db::set_aside(text)
            .await
            .map(|()| {
                format!(
                    "They are kept in this browser's IndexedDB store (database \"dcc-perf\", item \"{}\")",
                    super::indexed_db::UNREADABLE_ITEM
                )
            })
            .map_err(|e| match tried {
                Some(Err(l)) => format!("{l}; {e}"),
                _ => e,
            }),
    };
    let there = if in_db {
        "in this browser's IndexedDB store".to_string()
    } else {
        format!("under \"{KEY}\" in this browser's local storage")
    };
    match aside {
        Ok(kept) => Ok((
            None,
            Some(format!(
                "Your saved figures could not be read ({first}). {kept}; the sample is shown."
            )),
        )),
        Err(why) if keeping => Err(format!(
            "the work saved {there} could not be read ({first}), and the browser would not keep it aside ({why})"
        )),
        Err(why) => Ok((
            None,
            Some(format!(
                "Your saved figures could not be read ({first}). The browser would not keep them aside ({why}): \
                 they stay {there} until you change something, so copy them from there now if you need them; the sample is shown."
            )),
        )),
    }
}

/// What saves the work: the writer of the text kept (a scenario file), and
/// what moves it into IndexedDB when local storage is full.
#[derive(Clone, Copy)]
struct Writer {
    write: fn(&Scenario) -> String,
    into_db: fn(String, u64, Callback<Action>),
}

/// The writer, from its part: the JSON writer, the types' `Serialize` code
/// and IndexedDB's are a part of their own, fetched at the user's first
/// touch of the page (opening it on the sample or on saved work writes
/// nothing).
const fn the_writer() -> Writer {
    Writer {
        write: |s| s.to_compact_json(),
        into_db,
    }
}

/// The split point for the writer.
#[cfg(feature = "split")]
#[wasm_split(save, fallible)]
fn writer() -> Result<Writer, SplitLoaderError> {
    Ok(the_writer())
}

// Unsplit, the writer is there at once (see `split` in Cargo.toml).
#[cfg(not(feature = "split"))]
async fn writer() -> Result<Writer, SplitLoaderError> {
    Ok(the_writer())
}

thread_local! {
    /// How many saves were asked, so a move into IndexedDB that ends after
    /// a later save does not point local storage back at older work.
    static SAVES: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

thread_local! {
    /// Moves into IndexedDB under way: they end after the save that asked
    /// for them, so closing the page meanwhile asks first.
    static IN_DB: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
    /// The last save was refused (the user was told): closing the page
    /// asks first, as the changes since are not kept anywhere.
    static REFUSED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether closing the page now would lose saved changes that are not yet
/// (or could not be) stored.
fn at_risk() -> bool {
    IN_DB.get() > 0 || REFUSED.get()
}

/// Writes `text` (save number `nth`) into IndexedDB, then, if no later save
/// came meanwhile and no other tab has saved, points local storage's item
/// at it; says so the first time, and says why if either step is refused
/// (the work saved before is then as it was).
fn into_db(text: String, nth: u64, on_action: Callback<Action>) {
    use super::indexed_db;
    // What the item holds as this save starts: if another tab changes it
    // before the pointer is written, that tab's work stands.
    let was = saved_text();
    IN_DB.set(IN_DB.get() + 1);
    wasm_bindgen_futures::spawn_local(async move {
        let moved = match indexed_db::put(&text).await {
            Err(e) => Some(Err(format!("its storage for this page is full, and {e}"))),
            Ok(_) if SAVES.get() != nth => None,
            // The other tab is told of this one's work by its banner
            // (`Action::SavedElsewhere`); until the user chooses, this
            // tab's changes are not stored, and closing asks first.
            Ok(_)
                if ELSEWHERE.get()
                    || saved_text().is_some_and(|now| Some(&now) != was.as_ref()) =>
            {
                REFUSED.set(true);
                None
            }
            Ok(item) => {
                let before = was.is_some_and(|t| indexed_db::is_pointer(&t));
                let now = js_sys::Date::now();
                let pointer = indexed_db::pointer(now, &item);
                Some(match local().map(|l| l.set_item(KEY, &pointer)) {
                    Some(Ok(())) => {
                        // What no pointer needs any more, deleted after
                        // (the work is stored: closing need not wait; a
                        // failure leaves it for a later save to delete).
                        wasm_bindgen_futures::spawn_local(async move {
                            let _ = indexed_db::prune(&item, now).await;
                        });
                        Ok(before)
                    }
                    Some(Err(e)) => Err(refused(&e)),
                    None => Err(BLOCKED.into()),
                })
            }
        };
        IN_DB.set(IN_DB.get() - 1);
        match moved {
            None => {}
            Some(Ok(before)) => {
                REFUSED.set(false);
                if !before {
                    on_action.emit(Action::Notice(Some(
                        "This browser's local storage for the page is full, so your work is now kept in its IndexedDB store, \
                         which has more room; it opens from there. (Clearing the site's data clears both.)"
                            .into(),
                    )));
                }
            }
            Some(Err(why)) => {
                REFUSED.set(true);
                on_action.emit(Action::Notice(Some(not_saved(&why))));
            }
        }
    });
}

/// The notice for a save the browser refused, and why.
fn not_saved(why: &str) -> String {
    format!(
        "Your latest changes are not saved in this browser: it refused to store them ({why}). \
         The work saved before them is kept as it was. Save a scenario file (or export) to keep these changes."
    )
}

/// The writer, once its part has arrived: from then on a save is
/// synchronous, as one at `pagehide` must be (one moved into IndexedDB
/// ends later: until it has, closing the page asks first).
static WRITER: OnceLock<Writer> = OnceLock::new();

/// What runs once the writer has arrived.
type Then = Box<dyn FnOnce()>;

thread_local! {
    /// What waits for the writer while its part is on its way (`None`: not
    /// being fetched), so it is fetched once however many ask.
    static WAITING: RefCell<Option<Vec<Then>>> = const { RefCell::new(None) };
}

/// Fetches the writer's part if it has not arrived, then runs `then`.
fn with_writer(on_action: &Callback<Action>, then: impl FnOnce() + 'static) {
    if WRITER.get().is_some() {
        return then();
    }
    let fetching = WAITING.with(|w| {
        let mut w = w.borrow_mut();
        let fetching = w.is_some();
        w.get_or_insert_with(Vec::new).push(Box::new(then));
        fetching
    });
    if fetching {
        return;
    }
    let cb = on_action.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let arrived = writer().await;
        let waiting = WAITING.with(|w| w.borrow_mut().take()).unwrap_or_default();
        match arrived {
            Ok(w) => {
                let _ = WRITER.set(w);
                waiting.into_iter().for_each(|then| then());
            }
            // The work stays unsaved; the next change asks again.
            Err(e) => cb.emit(Action::Notice(Some(format!(
                "Your work could not be saved in this browser: the part of the calculator that writes it did not arrive ({e}). \
                 Export it to keep it, or reload."
            )))),
        }
    });
}

/// Saves the work in local storage, or, when that is full, in IndexedDB
/// (which ends later, and says so itself); the error says why the browser
/// refused (disabled), or that the writer has not arrived.
pub fn save(state: &State, on_action: &Callback<Action>) -> Result<(), String> {
    let writer = WRITER.get().ok_or("the writer has not arrived")?;
    let store = local().ok_or(BLOCKED)?;
    let nth = SAVES.get() + 1;
    SAVES.set(nth);
    let text = (writer.write)(&state.saved_work());
    // One item, replaced whole or not at all: a refused write leaves the
    // work saved before it as it was.
    match store.set_item(KEY, &text) {
        Ok(()) => {
            REFUSED.set(false);
            Ok(())
        }
        Err(e) if is_full(&e) => {
            (writer.into_db)(text, nth, on_action.clone());
            Ok(())
        }
        Err(e) => Err(refused(&e)),
    }
}

/// The browser's name for the error of a full storage.
fn is_full(e: &wasm_bindgen::JsValue) -> bool {
    error_name(e) == "QuotaExceededError"
}

/// Why the browser refused to store something, in words.
fn refused(e: &wasm_bindgen::JsValue) -> String {
    let name = error_name(e);
    match name.as_str() {
        "QuotaExceededError" => "its storage for this page is full".into(),
        "SecurityError" => BLOCKED.into(),
        // Anything else, in the browser's words.
        _ => {
            let message = js_text(e, "message")
                .or_else(|| e.as_string())
                .unwrap_or_else(|| "for a reason it did not give".into());
            format!("{name} {message}").trim().to_string()
        }
    }
}

/// The item of local storage another tab wrote, from the `storage` event
/// the browser sends this one (`None`: one removed, or all cleared).
pub fn written_elsewhere(e: &web_sys::Event) -> Option<String> {
    js_text(e, "newValue")?;
    js_text(e, "key")
}

/// The name the browser gives an error (`QuotaExceededError`), if any.
fn error_name(e: &wasm_bindgen::JsValue) -> String {
    js_text(e, "name").unwrap_or_default()
}

/// A JavaScript object's text field `name`, if it has one.
fn js_text(v: &wasm_bindgen::JsValue, name: &str) -> Option<String> {
    js_sys::Reflect::get(v, &name.into()).ok()?.as_string()
}

/// Why nothing can be stored when the browser gives the page no storage.
const BLOCKED: &str = "it does not allow this page to store anything";

thread_local! {
    /// The session's [`State::elsewhere`] as last drawn (and set at once by
    /// the `storage` listener, before the state follows): another tab has
    /// saved over the work this one opened, so nothing is saved.
    static ELSEWHERE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

thread_local! {
    /// The user chose to leave this tab's unsaved changes (to open the
    /// work another tab saved): the page is reloaded without asking.
    static DROPPED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Reloads the page, dropping this tab's unsaved changes, which the user
/// has chosen to do (the browser does not ask again).
pub fn reload_dropping_changes() {
    DROPPED.set(true);
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
}

/// How long after a change the work is saved (then when the browser is
/// next idle, at most [`IDLE_WAIT_MS`] later): long enough that an edit's
/// frame is not spent writing megabytes, short enough to lose nothing.
const SAVE_DELAY_MS: u32 = 200;

/// The state waiting to be saved, if any.
type Unsaved = Rc<RefCell<Option<State>>>;

/// Saves `unsaved`, if anything waits, telling the user if the browser
/// refuses. Before the writer has arrived it waits for it (it is fetched at
/// the user's first touch of the page; should the page be closed before it
/// arrives, the browser asks first: see [`use_saved_work`]).
fn flush(unsaved: &Unsaved, on_action: &Callback<Action>) {
    if unsaved.borrow().is_none() {
        return;
    }
    if WRITER.get().is_none() {
        let (unsaved, cb) = (unsaved.clone(), on_action.clone());
        return with_writer(on_action, move || flush(&unsaved, &cb));
    }
    // Another tab saved over what this one opened: nothing is written over
    // it until the user chooses (`widgets::elsewhere`), and the changes
    // wait here, so that closing the tab asks first. Asked of the flag the
    // listener sets too, as the state waiting here may predate it.
    if ELSEWHERE.get() || unsaved.borrow().as_ref().is_some_and(|s| s.elsewhere) {
        return;
    }
    let Some(state) = unsaved.borrow_mut().take() else {
        return;
    };
    if let Err(e) = save(&state, on_action) {
        REFUSED.set(true);
        on_action.emit(Action::Notice(Some(not_saved(&e))));
    }
}

/// Runs `f` when the browser is next idle (between frames, not inside an
/// edit's render), and at most [`IDLE_WAIT_MS`] later; at once if the
/// browser cannot say when it is idle.
fn when_idle(f: impl FnOnce() + 'static) {
    use wasm_bindgen::{closure::Closure, JsCast};
    let Some(window) = web_sys::window() else {
        return f();
    };
    let run = Closure::once_into_js(f);
    let options = web_sys::IdleRequestOptions::new();
    options.set_timeout(IDLE_WAIT_MS);
    if window
        .request_idle_callback_with_options(run.unchecked_ref(), &options)
        .is_err()
    {
        if let Ok(f) = run.dyn_into::<js_sys::Function>() {
            let _ = f.call0(&wasm_bindgen::JsValue::NULL);
        }
    }
}

/// The longest a save waits for the browser to be idle.
const IDLE_WAIT_MS: u32 = 300;

/// Keeps the work saved: a moment after each change of the work, the
/// settings, the month or the scenarios, and at once when the page is
/// hidden or closed (so closing the tab, or a reload, loses nothing; what
/// cannot be stored at once, the browser asks about first).
#[hook]
pub fn use_saved_work(state: &UseReducerHandle<State>, on_action: &Callback<Action>) {
    ELSEWHERE.set(state.elsewhere);
    let unsaved: Unsaved = use_mut_ref(|| None);
    let timer = use_mut_ref(|| None::<gloo_timers::callback::Timeout>);
    let opening = use_mut_ref(|| true);
    {
        let (unsaved, st, cb) = (unsaved.clone(), state.clone(), on_action.clone());
        use_effect_with(
            (
                state.outcome.clone(),
                state.base.clone(),
                state.show.month,
                state.scenarios.clone(),
                state.restoring,
            ),
            move |_| {
                // Nothing is written over the saved work before it is read;
                // and the page as it opens (on the sample, or on the saved
                // work just read) is not written at all.
                if st.restoring {
                    *opening.borrow_mut() = true;
                    return;
                }
                // (Unless it gained something when read: a scenario kept
                // from this tab's work, `Action::KeepHereAsScenario`.)
                if std::mem::replace(&mut *opening.borrow_mut(), false) && !st.save_on_open {
                    return;
                }
                *unsaved.borrow_mut() = Some((*st).clone());
                // The writer's part is fetched now, not when the timer ends.
                with_writer(&cb, || ());
                let later = gloo_timers::callback::Timeout::new(SAVE_DELAY_MS, move || {
                    when_idle(move || flush(&unsaved, &cb))
                });
                // Replacing the timer cancels the one before.
                *timer.borrow_mut() = Some(later);
            },
        );
    }
    let cb = on_action.clone();
    use_effect_with((), move |_| {
        use gloo_events::{EventListener, EventListenerOptions};
        let mut listeners = Vec::new();
        if let Some(w) = web_sys::window() {
            for event in ["pagehide", "visibilitychange", "beforeunload"] {
                let (unsaved, cb) = (unsaved.clone(), cb.clone());
                let options = EventListenerOptions::enable_prevent_default();
                listeners.push(EventListener::new_with_options(
                    &w,
                    event,
                    options,
                    move |e| {
                        flush(&unsaved, &cb);
                        // Work not saved (the writer has not arrived, another
                        // tab saved over this one's, a move into IndexedDB is
                        // under way, or the last save was refused): the browser
                        // asks before the page is closed or reloaded, unless
                        // the user chose to drop it.
                        if e.type_() == "beforeunload"
                            && (unsaved.borrow().is_some() || at_risk())
                            && !DROPPED.get()
                        {
                            e.prevent_default();
                        }
                    },
                ));
            }
            // The writer's part is fetched when the user first touches the
            // page, before any change, so a change is saved at once when the
            // page is hidden or closed (the first load still fetches nothing
            // for it).
            for event in ["pointerdown", "keydown"] {
                let cb = cb.clone();
                listeners.push(EventListener::new(&w, event, move |_| {
                    with_writer(&cb, || ())
                }));
            }
            // Another tab wrote the saved work (the browser tells every
            // other tab of the page): this one must not silently write over it.
            listeners.push(EventListener::new(&w, "storage", move |e| {
                if written_elsewhere(e).as_deref() == Some(KEY) {
                    ELSEWHERE.set(true);
                    cb.emit(Action::SavedElsewhere);
                }
            }));
        }
        move || drop(listeners)
    });
}
