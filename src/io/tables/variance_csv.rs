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
//!   row only, or empty: checked against the day it was due;
//! - `dcc_forecast`, `dcc_actual`: the DCC's own forecast of the month's
//!   requests (its accuracy is worked out) and its own count of them (the
//!   difference from the report's is shown), on the `Total` row only, or
//!   empty.
//!
//! Columns may come in any order; the last four may be left out, and other
//! columns are not read. Every row is checked and all problems are
//! returned together; the figures are used only if the whole file is good.

use crate::engine::reports::due::Day;
use crate::engine::reports::variance::{PartyFigures, Report, Stated, VarianceMonth};
use crate::engine::Month;
use crate::io::error::{ErrorKind, ImportError};
use crate::io::tables::rows;
use crate::io::values;
use std::collections::BTreeMap;

/// The columns, in the order [`write`] writes them.
pub const COLUMNS: [&str; 9] = [
    "report",
    "period",
    "party",
    "actual",
    "forecast",
    "stated_percent",
    "issued",
    "dcc_forecast",
    "dcc_actual",
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
/// every problem found (up to [`crate::io::MAX_ERRORS`]).
pub fn read(file: &str, text: &str) -> Result<Vec<VarianceMonth>, Vec<ImportError>> {
    let mut months: BTreeMap<(Report, Month), VarianceMonth> = BTreeMap::new();
    rows::read(file, text, &COLUMNS, &REQUIRED, |row| {
        let report = row.need("report", Report::parse, ErrorKind::BadValue, "CSR or SR");
        let period = row.month("period");
        let party = row.get("party").to_string();
        if party.is_empty() {
            let expected = "a party's name or label, or Total";
            row.bad("party", ErrorKind::BadValue, expected);
        }
        let actual = row.need("actual", values::count, ErrorKind::BadCount, COUNT_EXPECTED);
        let forecast = row.need(
            "forecast",
            values::count,
            ErrorKind::BadCount,
            COUNT_EXPECTED,
        );
        // What the report states of itself goes on its Total row only.
        let total = is_total(&party);
        let on_total = |what: &str| match total {
            true => format!("{what}, or empty"),
            false => "empty: what the report states goes on its Total row".into(),
        };
        let percent = total_only(row.get("stated_percent"), total, |t| {
            values::decimal(t).filter(|p| !p.is_sign_negative())
        });
        if percent.is_none() {
            let expected = on_total("a percentage of forecast such as 112.8 or 112.8%");
            row.bad("stated_percent", ErrorKind::BadValue, &expected);
        }
        let issued = total_only(row.get("issued"), total, Day::parse);
        if issued.is_none() {
            let expected = on_total("the day the report was issued, such as 2019-08-14");
            row.bad("issued", ErrorKind::BadValue, &expected);
        }
        let mut dcc = |column: &str, what: &str| {
            let v = total_only(row.get(column), total, values::count);
            if v.is_none() {
                row.bad(column, ErrorKind::BadCount, &on_total(what));
            }
            v
        };
        let dcc_forecast = dcc(
            "dcc_forecast",
            "the DCC's own forecast of the month's requests",
        );
        let dcc_actual = dcc("dcc_actual", "the DCC's own count of the month's requests");
        let (
            Some(report),
            Some(period),
            Some(actual),
            Some(forecast),
            Some(percent),
            Some(issued),
            Some(dcc_forecast),
            Some(dcc_actual),
        ) = (
            report,
            period,
            actual,
            forecast,
            percent,
            issued,
            dcc_forecast,
            dcc_actual,
        )
        else {
            return;
        };
        if party.is_empty() {
            return;
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
                row.bad("party", ErrorKind::BadValue, &again("Total"));
                return;
            }
            month.stated = Some(Stated {
                actual,
                forecast,
                percent,
                dcc_forecast,
                dcc_actual,
            });
            month.issued = issued;
        } else if month
            .parties
            .iter()
            .any(|p| p.party.eq_ignore_ascii_case(&party))
        {
            let expected = again(&format!("\u{201c}{party}\u{201d}"));
            row.bad("party", ErrorKind::BadValue, &expected);
        } else {
            month.parties.push(PartyFigures {
                party,
                actual,
                forecast,
            });
        }
    })?;
    Ok(months.into_values().collect())
}

/// The months as a table [`read`] reads back.
pub fn write(months: &[VarianceMonth]) -> String {
    let mut out: Vec<Vec<String>> = Vec::new();
    for m in months {
        let (report, period) = (m.report.code().to_string(), m.period.to_string());
        if let Some(s) = &m.stated {
            out.push(vec![
                report.clone(),
                period.clone(),
                "Total".into(),
                s.actual.to_string(),
                s.forecast.to_string(),
                rows::cell(s.percent),
                rows::cell(m.issued),
                rows::cell(s.dcc_forecast),
                rows::cell(s.dcc_actual),
            ]);
        }
        for p in &m.parties {
            let mut row = vec![report.clone(), period.clone(), p.party.clone()];
            row.extend([p.actual.to_string(), p.forecast.to_string()]);
            row.extend(std::iter::repeat_n(String::new(), 4));
            out.push(row);
        }
    }
    rows::write(&COLUMNS, out)
}
