//! Forecast variance figures as a table: one row per report, month and
//! party, and optionally a `Total` row with what the report states for the
//! month (see README "Forecast variance"):
//!
//! ```text
//! report,period,party,actual,forecast,stated_percent
//! CSR,2019-07,Total,"4,077,703","3,273,674",112.8
//! SR,2019-08,User 17,900,1000,
//! ```
//!
//! - `report`: `CSR` (certificate signing requests) or `SR` (service requests);
//! - `party`: a name or an anonymised label; `Total` (or `All`) is the
//!   report's own statement for the month;
//! - `actual`, `forecast`: whole numbers of requests, zero or more
//!   (`4,077,703` or `4077703`);
//! - `stated_percent`: the percentage of forecast as the report prints it
//!   (`112.8` or `112.8%`), on the `Total` row only, or empty;
//! - `issued`: the day the report was issued (`2019-08-14`), on the `Total`
//!   row only, or empty: checked against the day it was due.
//!
//! Columns may come in any order; `stated_percent` and `issued` may be left
//! out, and other columns are not read. Every row is checked and all problems are returned together; the
//! figures are used only if the whole file is good.

use crate::engine::reports::due::Day;
use crate::engine::reports::variance::{PartyFigures, Report, Stated, VarianceMonth};
use crate::engine::Month;
use crate::io::error::{ErrorKind, ImportError};
use crate::io::values::{self, PERIOD_EXPECTED};
use crate::io::MAX_ERRORS;
use std::collections::BTreeMap;

/// The columns, in the order [`write`] writes them.
pub const COLUMNS: [&str; 7] = [
    "report",
    "period",
    "party",
    "actual",
    "forecast",
    "stated_percent",
    "issued",
];
const REQUIRED: [&str; 5] = ["report", "period", "party", "actual", "forecast"];
const COUNT_EXPECTED: &str = "a whole number of requests, zero or more, such as 4,077,703";

/// The shipped sample: July 2019's CSR and SR totals as the Panel's report
/// of that month states them.
pub const SAMPLE: &str = include_str!("../../../data/variance-2019-07.csv");

/// The sample's months.
pub fn sample() -> Vec<VarianceMonth> {
    read("data/variance-2019-07.csv", SAMPLE).unwrap_or_default()
}

fn is_total(party: &str) -> bool {
    ["total", "all"].contains(&party.trim().to_ascii_lowercase().as_str())
}

/// A cell only the Total row may fill: `Some(None)` when empty, `None`
/// when `read` refuses it or a party's row fills it.
fn total_only<T>(text: &str, total: bool, read: impl Fn(&str) -> Option<T>) -> Option<Option<T>> {
    match text {
        "" => Some(None),
        t if total => read(t).map(Some),
        _ => None,
    }
}

/// Reads the variance table `text` of `file`: every month it holds, or
/// every problem found (up to [`MAX_ERRORS`]).
pub fn read(file: &str, text: &str) -> Result<Vec<VarianceMonth>, Vec<ImportError>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let whole = |kind, expected: String| vec![ImportError::file(file, kind, expected)];
    let headers: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|h| h.trim().to_ascii_lowercase()).collect(),
        Err(_) => {
            return Err(whole(
                ErrorKind::Unreadable,
                "a CSV table with a header".into(),
            ))
        }
    };
    let missing: Vec<&str> = (REQUIRED.iter().copied())
        .filter(|c| !headers.iter().any(|h| h == c))
        .collect();
    if !missing.is_empty() {
        let expected = format!(
            "a header with the columns {} (stated_percent and issued may be left out); missing: {}",
            COLUMNS.join(","),
            missing.join(", ")
        );
        return Err(whole(ErrorKind::MissingColumn, expected));
    }
    let col = |name: &str| headers.iter().position(|h| h == name);
    let mut months: BTreeMap<(Report, Month), VarianceMonth> = BTreeMap::new();
    let mut errors: Vec<ImportError> = Vec::new();
    let mut rows = 0;
    for record in reader.records() {
        let r = match record {
            Ok(r) => r,
            Err(e) => {
                errors.push(crate::io::long_csv::syntax(file, &e));
                continue;
            }
        };
        if r.iter().all(str::is_empty) {
            continue;
        }
        rows += 1;
        let line = r.position().map_or(0, |p| p.line());
        let get = |name: &str| col(name).and_then(|i| r.get(i)).unwrap_or("");
        let mut bad = |column: &str, kind: ErrorKind, expected: &str| {
            errors.push(ImportError::cell(
                file,
                line,
                column,
                get(column),
                kind,
                expected,
            ));
        };
        let report = Report::parse(get("report"));
        if report.is_none() {
            bad("report", ErrorKind::BadValue, "CSR or SR");
        }
        let period = values::month(get("period"));
        if period.is_none() {
            bad("period", ErrorKind::BadPeriod, PERIOD_EXPECTED);
        }
        let party = get("party");
        if party.is_empty() {
            bad(
                "party",
                ErrorKind::BadValue,
                "a party's name or label, or Total",
            );
        }
        let actual = values::count(get("actual"));
        if actual.is_none() {
            bad("actual", ErrorKind::BadCount, COUNT_EXPECTED);
        }
        let forecast = values::count(get("forecast"));
        if forecast.is_none() {
            bad("forecast", ErrorKind::BadCount, COUNT_EXPECTED);
        }
        // What the report states of itself goes on its Total row only.
        let total = is_total(party);
        let on_total = |what: &str| match total {
            true => format!("{what}, or empty"),
            false => "empty: what the report states goes on its Total row".into(),
        };
        let percent = total_only(get("stated_percent"), total, |t| {
            values::decimal(t).filter(|p| !p.is_sign_negative())
        });
        if percent.is_none() {
            let expected = on_total("a percentage of forecast such as 112.8 or 112.8%");
            bad("stated_percent", ErrorKind::BadValue, &expected);
        }
        let issued = total_only(get("issued"), total, Day::parse);
        if issued.is_none() {
            let expected = on_total("the day the report was issued, such as 2019-08-14");
            bad("issued", ErrorKind::BadValue, &expected);
        }
        let (Some(report), Some(period), Some(actual), Some(forecast), Some(percent), Some(issued)) =
            (report, period, actual, forecast, percent, issued)
        else {
            continue;
        };
        if party.is_empty() {
            continue;
        }
        let month = months
            .entry((report, period))
            .or_insert_with(|| VarianceMonth {
                report,
                period,
                parties: Vec::new(),
                stated: None,
                issued: None,
            });
        let again = |what: &str| {
            format!(
                "one {what} row for {} {}: this one repeats it",
                report.code(),
                period.long_name()
            )
        };
        if total {
            if month.stated.is_some() {
                bad("party", ErrorKind::BadValue, &again("Total"));
                continue;
            }
            month.stated = Some(Stated {
                actual,
                forecast,
                percent,
            });
            month.issued = issued;
        } else if month
            .parties
            .iter()
            .any(|p| p.party.eq_ignore_ascii_case(party))
        {
            bad(
                "party",
                ErrorKind::BadValue,
                &again(&format!("\u{201c}{party}\u{201d}")),
            );
        } else {
            month.parties.push(PartyFigures {
                party: party.into(),
                actual,
                forecast,
            });
        }
    }
    if rows == 0 && errors.is_empty() {
        return Err(whole(
            ErrorKind::Unreadable,
            "at least one row of figures under the header".into(),
        ));
    }
    if !errors.is_empty() {
        errors.truncate(MAX_ERRORS);
        return Err(errors);
    }
    Ok(months.into_values().collect())
}

/// The months as a table [`read`] reads back.
pub fn write(months: &[VarianceMonth]) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record(COLUMNS);
    for m in months {
        let (report, period) = (m.report.code(), m.period.to_string());
        if let Some(s) = &m.stated {
            let percent = s.percent.map(|p| p.to_string()).unwrap_or_default();
            let issued = m.issued.map(|d| d.to_string()).unwrap_or_default();
            let row = [
                report,
                &period,
                "Total",
                &s.actual.to_string(),
                &s.forecast.to_string(),
                &percent,
                &issued,
            ];
            let _ = w.write_record(row);
        }
        for p in &m.parties {
            let row = [
                report,
                &period,
                &p.party,
                &p.actual.to_string(),
                &p.forecast.to_string(),
                "",
                "",
            ];
            let _ = w.write_record(row);
        }
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}
