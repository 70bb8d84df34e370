//! Problem records as a table (see README "Problem records"): the
//! summary's rows, one per report a key incident was raised in, and the
//! records listed after it, one per record, in one file:
//!
//! ```text
//! report,reference,related,closed,open,title
//! 2020-09,,3,1,2,
//! 2020-09,PBI000000121400,,,,Comms Hubs not responding
//! ```
//!
//! - `report`: the report the key incident was raised in (`2020-09`,
//!   `Sep 2020`);
//! - `reference`: empty on a summary row; a record's reference on a
//!   listed record's row;
//! - `related`, `closed`, `open`: whole numbers, zero or more, on a
//!   summary row; empty on a record's;
//! - `title`: a record's title, optional;
//! - `period`: the month of the report that gives the table, optional (on
//!   any row; where given on several, the same): its failing checks are
//!   listed in that month's "what the report gets wrong".
//!
//! Columns may come in any order; `title` may be left out. Nothing is used
//! unless the whole file is good.

use crate::engine::reports::problems::{ProblemRecord, ProblemRow, Problems};
use crate::io::error::{ErrorKind, ImportError};
use crate::io::tables::rows;

/// The columns, in the order [`write`] writes them.
pub const COLUMNS: [&str; 7] = [
    "report",
    "reference",
    "related",
    "closed",
    "open",
    "title",
    "period",
];
const REQUIRED: [&str; 5] = ["report", "reference", "related", "closed", "open"];

/// The shipped sample: the March 2021 report's Problem Record Summary
/// (Table 31) and the records it lists.
pub const SAMPLE: &str = include_str!("../../../data/problems-2021-03.csv");

pub fn sample() -> Problems {
    read("data/problems-2021-03.csv", SAMPLE).unwrap_or_default()
}

/// `text` read as a report's text where it holds the table (found by its
/// caption), else as the table of `file`.
pub fn read_any(file: &str, text: &str) -> Result<Problems, Vec<ImportError>> {
    match crate::io::report::problems::read(text) {
        Some(p) if !p.rows.is_empty() || !p.records.is_empty() => Ok(p),
        _ => read(file, text),
    }
}

/// Reads the problem records table `text` of `file`.
pub fn read(file: &str, text: &str) -> Result<Problems, Vec<ImportError>> {
    let mut out = Problems::default();
    rows::read(file, text, &COLUMNS, &REQUIRED, |row| {
        if !row.get("period").is_empty() {
            match (row.month("period"), out.period) {
                (Some(a), Some(b)) if a != b => {
                    let expected = format!(
                        "{b}, the month given on an earlier row: one report gives the table"
                    );
                    row.bad("period", ErrorKind::Inconsistent, &expected);
                }
                (Some(a), _) => out.period = Some(a),
                (None, _) => {}
            }
        }
        let report = row.month("report");
        let reference = row.get("reference").to_string();
        let counts = ["related", "closed", "open"];
        if !reference.is_empty() {
            for c in counts {
                if !row.get(c).is_empty() {
                    let expected = "empty: a listed record's row carries no counts (they go on the report's summary row)";
                    row.bad(c, ErrorKind::BadValue, expected);
                }
            }
            let Some(report) = report else { return };
            if out.records.iter().any(|r| r.reference == reference) {
                let expected = "each record listed once: this one repeats it";
                row.bad("reference", ErrorKind::Duplicate, expected);
                return;
            }
            out.records.push(ProblemRecord {
                reference,
                report,
                title: row.get("title").to_string(),
            });
            return;
        }
        let expected = "a whole number of problem records, zero or more";
        let [related, closed, open] =
            counts.map(|c| row.need(c, crate::io::values::count, ErrorKind::BadCount, expected));
        let (Some(report), Some(related), Some(closed), Some(open)) =
            (report, related, closed, open)
        else {
            return;
        };
        if out.rows.iter().any(|r| r.report == report) {
            let expected = format!(
                "one summary row for {}: this one repeats it",
                report.long_name()
            );
            row.bad("report", ErrorKind::Duplicate, &expected);
            return;
        }
        out.rows.push(ProblemRow {
            report,
            related,
            closed,
            open,
        });
    })?;
    out.rows.sort_by_key(|r| r.report);
    Ok(out)
}

/// The summary and its records as a table [`read`] reads back.
pub fn write(p: &Problems) -> String {
    let period = rows::cell(p.period);
    let summary = p.rows.iter().map(|r| {
        let counts = [r.related, r.closed, r.open].map(|c| c.to_string());
        [
            vec![r.report.to_string(), String::new()],
            counts.to_vec(),
            vec![String::new(), period.clone()],
        ]
        .concat()
    });
    let records = p.records.iter().map(|r| {
        let empty = || String::new();
        vec![
            r.report.to_string(),
            r.reference.clone(),
            empty(),
            empty(),
            empty(),
            r.title.clone(),
            period.clone(),
        ]
    });
    rows::write(&COLUMNS, summary.chain(records))
}
