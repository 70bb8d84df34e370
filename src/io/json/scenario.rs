//! Scenario files and the browser's saved work: data plus settings, in a
//! versioned format with a migration path.
//!
//! | version | shape |
//! |---|---|
//! | 0 | the bare dataset, `{"observations": [...]}` (what the app exported first) |
//! | 1 | `{"schema": "dcc-perf/scenario/1", "name", "settings", "month", "data"}` |
//! | 2 | version 1 plus `"scheme"` (the credit scheme) and `"baseline"` (data and scheme what-ifs are measured against) |
//! | 3 | version 2 plus `"regime"` (the OPR years) in the work and the baseline, and `"scenarios"` (named scenarios) |
//!
//! A version 1 file opens with the default credit scheme and no baseline; a
//! version 1 or 2 file opens with the shipped OPR years and no named scenarios.
//!
//! Reading migrates any older version to the current one; a newer one is
//! refused with a message rather than half-read.

use crate::engine::opr::Regime;
use crate::engine::scheme::CreditScheme;
use crate::engine::work::Work;
use crate::engine::{Dataset, Month, Settings};
use crate::io::{check_dataset, json_error, ErrorKind, Format, Import, ImportError};
use serde::{Deserialize, Serialize};
use std::rc::Rc;

pub const SCENARIO_SCHEMA: &str = "dcc-perf/scenario/3";
const SCENARIO_V1: &str = "dcc-perf/scenario/1";
const SCENARIO_V2: &str = "dcc-perf/scenario/2";

/// What what-ifs are measured against.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Baseline {
    pub data: Dataset,
    pub scheme: CreditScheme,
    /// Missing before version 3: the shipped years.
    #[serde(default = "crate::io::regime::sample")]
    pub regime: Regime,
}

/// A named work and settings, kept to compare side by side with another,
/// or to open again. It shares the work it was saved from (no copy).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "NamedFile", into = "NamedFile")]
pub struct SavedScenario {
    pub name: String,
    pub settings: Settings,
    pub work: Work,
}

/// A named scenario as files hold it: the work's parts beside its name.
#[derive(Serialize, Deserialize)]
struct NamedFile {
    name: String,
    #[serde(default)]
    settings: Settings,
    scheme: Rc<CreditScheme>,
    regime: Rc<Regime>,
    data: Rc<Dataset>,
}

impl From<NamedFile> for SavedScenario {
    fn from(f: NamedFile) -> SavedScenario {
        SavedScenario {
            name: f.name,
            settings: f.settings,
            work: Work {
                data: f.data,
                scheme: f.scheme,
                regime: f.regime,
            },
        }
    }
}

impl From<SavedScenario> for NamedFile {
    fn from(s: SavedScenario) -> NamedFile {
        NamedFile {
            name: s.name,
            settings: s.settings,
            scheme: s.work.scheme,
            regime: s.work.regime,
            data: s.work.data,
        }
    }
}

/// Data and settings, as saved in the browser or shared as a file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scenario {
    pub schema: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default)]
    pub settings: Settings,
    /// The month on show when saved; `None` means the latest.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub month: Option<Month>,
    /// Missing in version 1: the default scheme.
    #[serde(default)]
    pub scheme: CreditScheme,
    /// Missing before version 3: the shipped years.
    #[serde(default = "crate::io::regime::sample")]
    pub regime: Regime,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<Box<Baseline>>,
    /// Named scenarios, to compare side by side.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scenarios: Vec<SavedScenario>,
    pub data: Dataset,
}

impl Scenario {
    pub fn new(data: Dataset, settings: Settings, month: Option<Month>) -> Scenario {
        Scenario {
            schema: SCENARIO_SCHEMA.into(),
            name: None,
            settings,
            month,
            scheme: CreditScheme::default(),
            regime: crate::io::regime::sample(),
            baseline: None,
            scenarios: Vec::new(),
            data,
        }
    }

    pub fn with_regime(mut self, regime: Regime, scenarios: Vec<SavedScenario>) -> Scenario {
        self.regime = regime;
        self.scenarios = scenarios;
        self
    }

    pub fn with_scheme(mut self, scheme: CreditScheme, baseline: Option<Baseline>) -> Scenario {
        self.scheme = scheme;
        self.baseline = baseline.map(Box::new);
        self
    }

    /// Pretty, for a file a person may open.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
    }

    /// Compact, for the browser's storage (about half the size; its quota
    /// is a few megabytes).
    pub fn to_compact_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
    }
}

/// Reads any version of the JSON the app writes: a scenario or a bare dataset.
pub fn read(file: &str, text: &str) -> Import {
    // The schema first, so a newer file is refused by name, not by a parse error.
    #[derive(Deserialize)]
    struct Head {
        schema: Option<String>,
    }
    let schema = match serde_json::from_str::<Head>(text) {
        Ok(h) => h.schema,
        Err(e) => return Import::failed(file, json_error(file, &e)),
    };
    let (format, data, settings, month, scheme, extra) = match schema.as_deref() {
        // Version 0: the bare dataset.
        None => match serde_json::from_str::<Dataset>(text) {
            Ok(d) => (Format::DatasetJson, d, None, None, None, None),
            Err(e) => return Import::failed(file, json_error(file, &e)),
        },
        // Versions 1 and 2 read as version 3 with defaults for what they lack.
        Some(SCENARIO_SCHEMA | SCENARIO_V2 | SCENARIO_V1) => {
            match serde_json::from_str::<Scenario>(text) {
                Ok(s) => (
                    Format::Scenario,
                    s.data,
                    Some(s.settings),
                    s.month,
                    Some((s.scheme, s.baseline)),
                    Some((s.regime, s.scenarios)),
                ),
                Err(e) => return Import::failed(file, json_error(file, &e)),
            }
        }
        Some(other) => {
            return Import::failed(
                file,
                ImportError {
                    column: Some("schema".into()),
                    value: Some(other.into()),
                    ..ImportError::file(
                        file,
                        ErrorKind::Unreadable,
                        format!(
                            "a file this version can read ({SCENARIO_SCHEMA}, or a dataset \
                             with \"observations\"); it may come from a newer version"
                        ),
                    )
                },
            )
        }
    };
    let mut errors = check_dataset(file, &data);
    if let Some((scheme, baseline)) = &scheme {
        let problems = scheme
            .problems()
            .into_iter()
            .chain(baseline.iter().flat_map(|b| b.scheme.problems()));
        errors.extend(problems.map(|p| ImportError {
            column: Some("scheme".into()),
            ..ImportError::file(
                file,
                ErrorKind::Unreadable,
                format!("a credit scheme without negative figures ({p})"),
            )
        }));
    }
    // The baseline is computed as soon as the file opens: its OPR years are
    // checked like the work's.
    if let Some((_, Some(b))) = &scheme {
        errors.extend(crate::io::regime::problems(
            &format!("{file}, baseline"),
            &b.regime,
        ));
    }
    if let Some((regime, saved)) = &extra {
        errors.extend(crate::io::regime::problems(file, regime));
        for sv in saved {
            let named = format!("{file}, scenario \"{}\"", sv.name);
            errors.extend(check_dataset(&named, &sv.work.data));
            errors.extend(crate::io::regime::problems(&named, &sv.work.regime));
        }
    }
    let (regime, saved) = match extra {
        Some((r, s)) => (Some(r), s),
        None => (None, Vec::new()),
    };
    let (scheme, baseline) = match scheme {
        Some((s, b)) => (Some(s), b),
        None => (None, None),
    };
    let rejected = errors.len() as u64;
    let mut import = Import {
        file: file.into(),
        format: Some(format),
        rows: data.observations.len() as u64,
        rejected,
        errors,
        settings,
        month,
        scheme,
        baseline,
        regime,
        saved,
        ..Import::default()
    };
    import.dataset = data;
    import
}
