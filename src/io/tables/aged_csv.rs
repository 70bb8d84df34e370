//! Aged incident tables (the report's Tables 9 and 10) as a table, one row
//! per report, table and month raised; a `Total` row for the printed
//! totals; and a row per claim the report makes of them (see README
//! "Aged incidents"):
//!
//! ```text
//! table,report,raised,cat_1,cat_2,cat_3,cat_4,cat_5,total,claim
//! providers,2021-03,2020-11,,,1,,170,171,
//! providers,2021-03,Total,,,20,50,"2,981","3,051",
//! providers,2021-03,,,,,,,,change over 90 days ~-22%
//! service_users,2021-03,,,,,,,,"fewer than 5,000 raised before 2020-01"
//! ```
//!
//! Nothing is used unless the whole file is good.

use crate::engine::reports::aged::{AgedClaim, AgedRow, AgedTable, Assigned, CATEGORIES};
use crate::io::error::{ErrorKind, ImportError};
use crate::io::tables::rows;
use crate::io::values;

/// The columns, in the order [`write`] writes them.
pub const COLUMNS: [&str; 10] = [
    "table", "report", "raised", "cat_1", "cat_2", "cat_3", "cat_4", "cat_5", "total", "claim",
];
const REQUIRED: [&str; 9] = [
    "table", "report", "raised", "cat_1", "cat_2", "cat_3", "cat_4", "cat_5", "total",
];
const COUNT: &str = "a whole number of tickets, zero or more, or empty";
const CLAIM: &str = "a claim such as \u{201c}fewer than 5,000 raised before 2020-01\u{201d} or \u{201c}change over 90 days ~-22%\u{201d}";

/// The shipped sample: the March 2021 report's Tables 9 and 10 and its
/// two claims about them.
pub const SAMPLE: &str = include_str!("../../../data/aged-2021-03.csv");

pub fn sample() -> Vec<AgedTable> {
    read("data/aged-2021-03.csv", SAMPLE).unwrap_or_default()
}

/// A claim from its words (see the module's example).
pub fn claim(text: &str) -> Option<AgedClaim> {
    let t = text.trim().to_ascii_lowercase();
    if let Some(rest) = t.strip_prefix("fewer than ") {
        let (count, month) = rest.split_once(" raised before ")?;
        return Some(AgedClaim::FewerThan {
            count: values::count(count)?,
            raised_before: values::month(month)?,
        });
    }
    let rest = t.strip_prefix("change over ")?;
    let (days, percent) = rest.split_once(" days ")?;
    let percent = percent.trim().strip_suffix('%')?;
    let (approximate, percent) = match percent.strip_prefix('~') {
        Some(p) => (true, p),
        None => (false, percent),
    };
    Some(AgedClaim::ChangeOver {
        days: days.trim().parse().ok()?,
        percent: percent.trim().parse().ok()?,
        approximate,
    })
}

/// A claim in the words [`claim`] reads.
pub fn claim_text(c: &AgedClaim) -> String {
    match c {
        AgedClaim::FewerThan {
            count,
            raised_before,
        } => format!("fewer than {count} raised before {raised_before}"),
        AgedClaim::ChangeOver {
            days,
            percent,
            approximate,
        } => format!(
            "change over {days} days {}{percent}%",
            if *approximate { "~" } else { "" }
        ),
    }
}

/// `text` read as a report's text where it holds Tables 9 or 10, else as
/// the table of `file`.
pub fn read_any(file: &str, text: &str) -> Result<Vec<AgedTable>, Vec<ImportError>> {
    match crate::io::report::aged::read(text) {
        tables if !tables.is_empty() => Ok(tables),
        _ => read(file, text),
    }
}

/// Reads the aged incidents table `text` of `file`, tables in order of
/// report month, then service users before providers.
pub fn read(file: &str, text: &str) -> Result<Vec<AgedTable>, Vec<ImportError>> {
    let mut out: Vec<AgedTable> = Vec::new();
    rows::read(file, text, &COLUMNS, &REQUIRED, |row| {
        let expected = "service_users (Table 9) or providers (Table 10)";
        let assigned = row.need("table", Assigned::parse, ErrorKind::BadValue, expected);
        let report = row.month("report");
        let raised_text = row.get("raised").to_string();
        let mut cells = [None; CATEGORIES];
        let mut good = true;
        for (c, cell) in cells.iter_mut().enumerate() {
            match row.optional_count(&format!("cat_{}", c + 1), COUNT) {
                Some(v) => *cell = v,
                None => good = false,
            }
        }
        let total = row.optional_count("total", COUNT);
        let (Some(assigned), Some(report), Some(total), true) = (assigned, report, total, good)
        else {
            return;
        };
        let at = match out
            .iter()
            .position(|t| (t.assigned, t.report) == (assigned, report))
        {
            Some(i) => i,
            None => {
                out.push(AgedTable {
                    assigned,
                    report,
                    rows: Vec::new(),
                    stated: None,
                    claims: Vec::new(),
                });
                out.len() - 1
            }
        };
        let t = &mut out[at];
        let claim_words = row.get("claim").to_string();
        if raised_text.is_empty() {
            match claim(&claim_words) {
                Some(c) => t.claims.push(c),
                None => row.bad("claim", ErrorKind::BadValue, CLAIM),
            }
            return;
        }
        if !claim_words.is_empty() {
            row.bad(
                "claim",
                ErrorKind::BadValue,
                "empty: a claim goes on a row of its own, with raised empty",
            );
            return;
        }
        if raised_text.eq_ignore_ascii_case("total") {
            if t.stated.is_some() {
                row.bad(
                    "raised",
                    ErrorKind::Duplicate,
                    "one Total row per table: this one repeats it",
                );
                return;
            }
            t.stated = Some((cells, total));
            return;
        }
        let Some(raised) = row.month("raised") else {
            return;
        };
        if raised > report {
            let expected = format!(
                "a month no later than the report's ({})",
                report.long_name()
            );
            row.bad("raised", ErrorKind::Inconsistent, &expected);
            return;
        }
        if t.rows.iter().any(|r| r.raised == raised) {
            row.bad(
                "raised",
                ErrorKind::Duplicate,
                "one row per month raised: this one repeats it",
            );
            return;
        }
        t.rows.push(AgedRow {
            raised,
            counts: cells,
            total,
        });
    })?;
    for t in &mut out {
        t.rows.sort_by_key(|r| r.raised);
    }
    out.sort_by_key(|t| (t.report, t.assigned));
    Ok(out)
}

fn counts_record(
    t: &AgedTable,
    raised: &str,
    cells: &[Option<u64>; CATEGORIES],
    total: Option<u64>,
) -> Vec<String> {
    let mut r = vec![
        t.assigned.code().to_string(),
        t.report.to_string(),
        raised.to_string(),
    ];
    r.extend(cells.iter().map(|c| rows::cell(*c)));
    r.push(rows::cell(total));
    r.push(String::new());
    r
}

/// The tables as a table [`read`] reads back.
pub fn write(tables: &[AgedTable]) -> String {
    let mut out: Vec<Vec<String>> = Vec::new();
    for t in tables {
        for r in &t.rows {
            out.push(counts_record(t, &r.raised.to_string(), &r.counts, r.total));
        }
        if let Some((cells, total)) = &t.stated {
            out.push(counts_record(t, "Total", cells, *total));
        }
        for c in &t.claims {
            let mut r = vec![t.assigned.code().to_string(), t.report.to_string()];
            r.extend(std::iter::repeat_n(String::new(), 7));
            r.push(claim_text(c));
            out.push(r);
        }
    }
    rows::write(&COLUMNS, out)
}
