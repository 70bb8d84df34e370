//! The working data and settings, kept in the browser's local storage as a
//! scenario file ([`crate::io::scenario`], versioned, migrated on reading).

use super::state::Snapshot;
use crate::engine::{Month, Settings};
use crate::io::{scenario, Scenario};
use gloo_storage::{LocalStorage, Storage};

const KEY: &str = "dcc-perf/work";
/// Saved work that could not be read is moved here, never thrown away.
const UNREADABLE_KEY: &str = "dcc-perf/work-unreadable";

/// The saved work, if any, and a notice to show when there was a problem.
pub fn load() -> (Option<Scenario>, Option<String>) {
    let Ok(Some(text)) = LocalStorage::raw().get_item(KEY) else {
        return (None, None);
    };
    let import = scenario::read("saved work", &text);
    if import.is_clean() {
        let settings = import.settings.unwrap_or_default();
        let s = Scenario::new(import.dataset, settings, import.month).with_scheme(
            import.scheme.unwrap_or_default(),
            import.baseline.map(|b| *b),
        );
        return (
            Some(s),
            Some("Restored your saved figures and settings.".into()),
        );
    }
    let _ = LocalStorage::raw().set_item(UNREADABLE_KEY, &text);
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

/// The work as a scenario: data, scheme and, where it differs, the baseline.
pub fn scenario(
    now: &Snapshot,
    base: &Snapshot,
    settings: Settings,
    month: Option<Month>,
) -> Scenario {
    let baseline = (base != now).then(|| scenario::Baseline {
        data: (*base.data.0).clone(),
        scheme: (*base.scheme.0).clone(),
    });
    Scenario::new((*now.data.0).clone(), settings, month)
        .with_scheme((*now.scheme.0).clone(), baseline)
}

/// Saves the work; the error says why the browser refused (full, disabled).
pub fn save(
    now: &Snapshot,
    base: &Snapshot,
    settings: Settings,
    month: Option<Month>,
) -> Result<(), String> {
    let json = scenario(now, base, settings, month).to_json();
    LocalStorage::raw()
        .set_item(KEY, &json)
        .map_err(|e| format!("{e:?}"))
}
