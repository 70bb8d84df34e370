//! The working data and settings, kept in the browser's local storage as a
//! scenario file ([`crate::io::scenario`], versioned, migrated on reading).

use super::state::{Action, State};
use crate::io::{scenario, Scenario};
use gloo_storage::{LocalStorage, Storage};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

const KEY: &str = "dcc-perf/work";
/// Saved work that could not be read is moved here, never thrown away.
const UNREADABLE_KEY: &str = "dcc-perf/work-unreadable";

/// The saved work's text, if there is any: read by [`read_saved`], in the
/// part of the app that reads files (`crate::ui::io_part`).
pub fn saved_text() -> Option<String> {
    LocalStorage::raw().get_item(KEY).ok().flatten()
}

/// The saved work read from `text`, and a notice to show: that it was
/// restored, or why it could not be (then it is moved aside, never lost).
pub fn read_saved(text: &str) -> (Option<Scenario>, Option<String>) {
    let import = scenario::read("saved work", text);
    if import.is_clean() {
        let settings = import.settings.unwrap_or_default();
        let regime = import.regime.unwrap_or_else(crate::io::regime::sample);
        let s = Scenario::new(import.dataset, settings, import.month)
            .with_scheme(
                import.scheme.unwrap_or_default(),
                import.baseline.map(|b| *b),
            )
            .with_regime(regime, import.saved);
        return (
            Some(s),
            Some("Restored your saved figures and settings.".into()),
        );
    }
    let _ = LocalStorage::raw().set_item(UNREADABLE_KEY, text);
    let first = import
        .errors
        .first()
        .map(ToString::to_string)
        .unwrap_or_default();
    (
        None,
        Some(format!(
            "Your saved figures could not be read ({first}). They are kept under \"{UNREADABLE_KEY}\" in this browser; the sample is shown."
        )),
    )
}

/// The work as a scenario: data, scheme, OPR years, named scenarios and,
/// where it differs, the baseline.
pub fn scenario(state: &State) -> Scenario {
    let (now, base) = (&state.work, &state.baseline);
    let baseline = (base != now).then(|| scenario::Baseline {
        data: (*base.data).clone(),
        scheme: (*base.scheme).clone(),
        regime: (*base.regime).clone(),
    });
    let named = state.scenarios.iter().map(|s| (**s).clone()).collect();
    Scenario::new((*now.data).clone(), state.settings, state.show.month)
        .with_scheme((*now.scheme).clone(), baseline)
        .with_regime((*now.regime).clone(), named)
}

/// Saves the work; the error says why the browser refused (full, disabled).
pub fn save(state: &State) -> Result<(), String> {
    let json = scenario(state).to_compact_json();
    LocalStorage::raw()
        .set_item(KEY, &json)
        .map_err(|e| format!("{e:?}"))
}

/// How long after a change the work is saved (then when the browser is
/// next idle, at most [`IDLE_WAIT_MS`] later): long enough that an edit's
/// frame is not spent writing megabytes, short enough to lose nothing.
const SAVE_DELAY_MS: u32 = 200;

/// The state waiting to be saved, if any.
type Unsaved = Rc<RefCell<Option<State>>>;

/// Saves `unsaved`, if anything waits, telling the user if the browser refuses.
fn flush(unsaved: &Unsaved, on_action: &Callback<Action>) {
    let Some(state) = unsaved.borrow_mut().take() else {
        return;
    };
    if let Err(e) = save(&state) {
        on_action.emit(Action::Notice(Some(format!(
            "This browser would not save your work ({e}); export it to keep it."
        ))));
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
/// hidden or closed (so closing the tab, or a reload, loses nothing).
#[hook]
pub fn use_saved_work(state: &UseReducerHandle<State>, on_action: &Callback<Action>) {
    let unsaved: Unsaved = use_mut_ref(|| None);
    let timer = use_mut_ref(|| None::<gloo_timers::callback::Timeout>);
    {
        let (unsaved, st, cb) = (unsaved.clone(), state.clone(), on_action.clone());
        use_effect_with(
            (
                state.outcome.clone(),
                state.base.clone(),
                state.show.month,
                state.scenarios.clone(),
            ),
            move |_| {
                // Nothing is written over the saved work before it is read.
                if st.restoring {
                    return;
                }
                *unsaved.borrow_mut() = Some((*st).clone());
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
        use wasm_bindgen::{closure::Closure, JsCast};
        let now = Closure::<dyn Fn()>::new(move || flush(&unsaved, &cb));
        let window = web_sys::window();
        if let Some(w) = &window {
            for event in ["pagehide", "visibilitychange", "beforeunload"] {
                let _ = w.add_event_listener_with_callback(event, now.as_ref().unchecked_ref());
            }
        }
        move || {
            if let Some(w) = &window {
                for event in ["pagehide", "visibilitychange", "beforeunload"] {
                    let _ =
                        w.remove_event_listener_with_callback(event, now.as_ref().unchecked_ref());
                }
            }
        }
    });
}
