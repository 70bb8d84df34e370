//! Text and files to domain types and back. No DOM: the app and the
//! `dcc-perf` command read files through the same functions.
//!
//! - [`read_dataset`]: a dataset file, CSV (long form) or the app's JSON;
//! - [`sample`]: the embedded March 2021 PMR figures;
//! - [`results_json`]: the results export (schema `dcc-perf/results/1`).

pub mod error;
pub mod long_csv;
pub mod values;

pub use error::{ErrorKind, ImportError};

use crate::engine::{Catalogue, Dataset, Input, Month, Results};
use serde::Serialize;

/// The March 2021 PMR figures, current and previous columns, shipped with the app.
pub const SAMPLE_CSV: &str = include_str!("../../data/sample-2021-03.csv");
pub const SAMPLE_NAME: &str = "sample-2021-03.csv";

/// The embedded sample. A test proves it reads without error.
pub fn sample() -> Dataset {
    long_csv::read(SAMPLE_NAME, SAMPLE_CSV).unwrap_or_default()
}

/// Reads a dataset file, choosing the format by content: JSON if it starts
/// with `{`, otherwise long-form CSV. A byte-order mark is ignored.
pub fn read_dataset(file: &str, bytes: &[u8]) -> Result<Dataset, Vec<ImportError>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Err(vec![ImportError::file(
            file,
            ErrorKind::Unreadable,
            "UTF-8 text (CSV or JSON), not a binary file",
        )]);
    };
    if text.trim().is_empty() {
        return Err(vec![ImportError::file(
            file,
            ErrorKind::Unreadable,
            "a header row and at least one data row; the file is empty",
        )]);
    }
    if text.trim_start().starts_with('{') {
        read_json(file, text)
    } else {
        long_csv::read(file, text)
    }
}

/// The app's JSON dataset: `{"observations": [...]}` as [`Dataset`] serialises.
fn read_json(file: &str, text: &str) -> Result<Dataset, Vec<ImportError>> {
    let data: Dataset = serde_json::from_str(text).map_err(|e| {
        vec![ImportError {
            row: Some(e.line() as u64),
            column: Some(format!("character {}", e.column())),
            ..ImportError::file(
                file,
                ErrorKind::Syntax,
                format!("a dataset in the app's JSON format ({e})"),
            )
        }]
    })?;
    let cat = Catalogue::builtin();
    // The same checks as the CSV reader: JSON is not trusted more.
    let mut errors = Vec::new();
    for (i, o) in data.observations.iter().enumerate() {
        let at = |field: &str, value: String, kind, expected: String| ImportError {
            column: Some(format!("observations[{i}].{field}")),
            value: Some(value),
            ..ImportError::file(file, kind, expected)
        };
        let Some(def) = cat.get(&o.measure, o.provider) else {
            errors.push(at(
                "measure",
                o.measure.clone(),
                ErrorKind::UnknownMeasure,
                format!("a measure of {} in the catalogue", o.provider),
            ));
            continue;
        };
        match &o.input {
            Input::Level { level } => {
                if let Some(e) = long_csv::implausible(def.unit, def.basis, *level) {
                    errors.push(at("input.level", level.to_string(), ErrorKind::BadValue, e));
                }
            }
            Input::Counts { successes, total } if successes > total => {
                errors.push(at(
                    "input.successes",
                    successes.to_string(),
                    ErrorKind::Inconsistent,
                    format!("no more than the total ({total})"),
                ));
            }
            Input::Incidents { categories } => {
                for c in categories
                    .iter()
                    .filter(|c| c.within > c.total || !(1..=5).contains(&c.category))
                {
                    let expected =
                        "a category 1 to 5 with no more resolved within target than closed"
                            .to_string();
                    errors.push(at(
                        "input.categories",
                        format!("{c:?}"),
                        ErrorKind::Inconsistent,
                        expected,
                    ));
                }
            }
            _ => {}
        }
    }
    if errors.is_empty() {
        Ok(data)
    } else {
        Err(errors)
    }
}

/// The results export: every computed row, with its explanation.
#[derive(Serialize)]
struct ResultsFile<'a> {
    schema: &'static str,
    settings: &'a crate::engine::Settings,
    months: Vec<Month>,
    results: &'a [crate::engine::MeasureResult],
    warnings: &'a [String],
}

pub const RESULTS_SCHEMA: &str = "dcc-perf/results/1";

pub fn results_json(results: &Results, pretty: bool) -> String {
    let file = ResultsFile {
        schema: RESULTS_SCHEMA,
        settings: &results.settings,
        months: results.months(),
        results: &results.rows,
        warnings: &results.warnings,
    };
    let out = if pretty {
        serde_json::to_string_pretty(&file)
    } else {
        serde_json::to_string(&file)
    };
    // Serialising plain data to a string cannot fail; say so rather than panic.
    out.unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
}
