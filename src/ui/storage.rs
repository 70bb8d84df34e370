//! The working data and settings, kept in the browser's local storage as a
//! scenario file ([`crate::io::scenario`], versioned, migrated on reading).

use super::state::State;
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

/// The work as a scenario: data, scheme, OPR years, named scenarios and,
/// where it differs, the baseline.
pub fn scenario(state: &State) -> Scenario {
    let (now, base) = (state.snapshot(), &state.baseline);
    let baseline = (*base != now).then(|| scenario::Baseline {
        data: (*base.data.0).clone(),
        scheme: (*base.scheme.0).clone(),
        regime: (*base.regime.0).clone(),
    });
    let named = state.scenarios.iter().map(|s| (**s).clone()).collect();
    Scenario::new((*now.data.0).clone(), state.settings, state.show.month)
        .with_scheme((*now.scheme.0).clone(), baseline)
        .with_regime((*now.regime.0).clone(), named)
}

/// Saves the work; the error says why the browser refused (full, disabled).
pub fn save(state: &State) -> Result<(), String> {
    let json = scenario(state).to_compact_json();
    LocalStorage::raw()
        .set_item(KEY, &json)
        .map_err(|e| format!("{e:?}"))
}
