//! OPR regulatory years as JSON: the sample years shipped with the app, and
//! regime files a user loads or exports.
//!
//! A regime file is `{"schema": "dcc-perf/regime/1", "years": [...]}`; each
//! year is an [`engine::opr::RegimeYear`](crate::engine::opr::RegimeYear).
//! A bare `{"years": [...]}` reads too. Reading checks what serde cannot:
//! TPL above MPL, weights 0–100%, no negative margin, no two years alike.

use crate::engine::catalogue::Catalogue;
use crate::engine::opr::{Regime, RegimeYear};
use crate::io::{json_error, ErrorKind, ImportError};
use serde::{Deserialize, Serialize};

pub const REGIME_SCHEMA: &str = "dcc-perf/regime/1";

/// RY22/23, RY23/24 and RY24/25, from `data/opr-years.json`.
pub const SAMPLE_JSON: &str = include_str!("../../../data/opr-years.json");

/// The years the app opens with: those of [`SAMPLE_JSON`], built by
/// [`crate::io::baked`] (checked equal to a read of the file by
/// `tests/it/bake.rs`), so that opening the app reads no JSON.
pub fn sample() -> Regime {
    crate::io::baked::regime()
}

#[derive(Serialize, Deserialize)]
struct File {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    schema: Option<String>,
    years: Vec<RegimeYear>,
}

/// The years as a shareable file.
pub fn to_json(regime: &Regime) -> String {
    let f = File {
        schema: Some(REGIME_SCHEMA.into()),
        years: regime.years.clone(),
    };
    serde_json::to_string_pretty(&f).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
}

/// Reads a regime file; every problem is located by year and measure.
pub fn read(file: &str, text: &str) -> Result<Regime, Vec<ImportError>> {
    let f: File = serde_json::from_str(text).map_err(|e| {
        let mut err = json_error(file, &e);
        err.expected = format!("OPR years in the app's JSON format ({e})");
        vec![err]
    })?;
    if let Some(s) = f.schema.as_deref().filter(|s| *s != REGIME_SCHEMA) {
        return Err(vec![ImportError {
            column: Some("schema".into()),
            value: Some(s.into()),
            ..ImportError::file(
                file,
                ErrorKind::Unreadable,
                format!("{REGIME_SCHEMA}; the file may come from a newer version"),
            )
        }]);
    }
    let regime = Regime { years: f.years };
    let errors = problems(file, &regime);
    if errors.is_empty() {
        Ok(regime)
    } else {
        Err(errors)
    }
}

/// The regime's problems as located errors, including series naming a
/// measure the catalogue does not know.
pub fn problems(file: &str, regime: &Regime) -> Vec<ImportError> {
    let mut out: Vec<ImportError> = regime
        .problems()
        .into_iter()
        .map(|p| ImportError::file(file, ErrorKind::BadValue, p))
        .collect();
    let cat = Catalogue::builtin();
    for y in &regime.years {
        for m in &y.measures {
            for (pi, p) in m.parts.iter().enumerate() {
                for met in &p.metrics {
                    for s in &met.series {
                        if cat.get(&s.measure, s.provider).is_none() {
                            out.push(ImportError {
                                column: Some(format!(
                                    "{} {} part {} metric \"{}\"",
                                    y.name,
                                    m.code,
                                    pi + 1,
                                    met.name
                                )),
                                value: Some(format!("{} {}", s.provider, s.measure)),
                                ..ImportError::file(
                                    file,
                                    ErrorKind::UnknownMeasure,
                                    "a measure in the catalogue for that provider",
                                )
                            });
                        }
                    }
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sample_reads_clean_and_round_trips() {
        let r = read("opr-years.json", SAMPLE_JSON).expect("the shipped years are clean");
        let names: Vec<&str> = r.years.iter().map(|y| y.name.as_str()).collect();
        assert_eq!(names, ["RY22/23", "RY23/24", "RY24/25"]);
        assert_eq!(sample(), r);
        assert_eq!(read("x", &to_json(&r)), Ok(r));
    }

    #[test]
    fn problems_are_located() {
        let cases = [
            (r#"{"years": 3}"#, ErrorKind::Syntax, "OPR years"),
            (
                r#"{"schema": "dcc-perf/regime/9", "years": []}"#,
                ErrorKind::Unreadable,
                "newer",
            ),
            (
                r#"{"years": [{"name": "RY", "start": "2023-04", "margin_at_risk": "1", "measures": [{"code": "X", "name": "x", "group": "g", "weight": "10", "scale": {"kind": "levels", "tpl": "96", "mpl": "99"}, "parts": [{}]}]}]}"#,
                ErrorKind::BadValue,
                "TPL (96) must be above MPL (99)",
            ),
            (
                r#"{"years": [{"name": "RY", "start": "2023-04", "margin_at_risk": "1", "measures": [{"code": "X", "name": "x", "group": "g", "weight": "10", "scale": {"kind": "score", "max": "3"}, "parts": [{"metrics": [{"name": "m", "series": [{"provider": "DSP", "measure": "PM9.9"}]}]}]}]}]}"#,
                ErrorKind::UnknownMeasure,
                "catalogue",
            ),
        ];
        for (text, kind, says) in cases {
            let errs = read("f.json", text).expect_err(text);
            assert_eq!(errs[0].kind, kind, "{text}");
            assert!(errs[0].to_string().contains(says), "{}", errs[0]);
        }
    }
}
