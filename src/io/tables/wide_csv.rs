//! Wide tables, as reports and spreadsheets lay figures out: one row per
//! measure and provider, one column per month.
//!
//! ```text
//! (tab-separated, as a spreadsheet copies; commas and semicolons work too)
//! measure  provider  Jan-21  Feb-21  Mar-21
//! PM2  CSP North  43.00%  35.88%  23.74%
//! PM1.1  DSP  99.99%  No Events  56,774 / 239,128
//! ```
//!
//! A cell is a level (`99.83%`, `99.83`), a status word (`No Events`), or
//! counts as `successes / total` or `successes of total`; an empty cell is
//! no figure. Optional columns: `category` (CPM4/CPM5 incident rows) and
//! `note`. Every cell is checked exactly as a long-form row is.

use crate::engine::NoValue;
use crate::io::long_csv::{syntax, table, Collector};
use crate::io::values::{self, PERIOD_EXPECTED};
use crate::io::{normalise_header, ErrorKind, Format, Import, ImportError};

/// Columns that are not months.
const KEYS: [&str; 5] = ["measure", "provider", "category", "note", "excluded"];

pub fn read(file: &str, text: &str, delimiter: u8) -> Import {
    let (mut import, mut reader) = table(file, text, delimiter, Format::Wide);
    let raw: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(str::to_owned).collect(),
        Err(e) => {
            import.errors.push(syntax(file, &e));
            return import;
        }
    };
    let names: Vec<String> = raw.iter().map(|h| normalise_header(h)).collect();
    let col = |name: &str| names.iter().position(|h| h == name);
    // Every other column must be a month; blank headers (a trailing tab) are ignored.
    let mut months = Vec::new();
    for (i, (name, label)) in names.iter().zip(&raw).enumerate() {
        if KEYS.contains(&name.as_str()) || name.is_empty() {
            continue;
        }
        match values::month(label) {
            Some(_) => months.push(i),
            None => import.errors.push(ImportError::cell(
                file,
                1,
                label,
                label,
                ErrorKind::BadPeriod,
                format!(
                    "a month column header: {PERIOD_EXPECTED}; or one of {}",
                    KEYS.join(", ")
                ),
            )),
        }
    }
    if months.is_empty() && import.errors.is_empty() {
        import.errors.push(ImportError {
            row: Some(1),
            ..ImportError::file(
                file,
                ErrorKind::MissingColumn,
                "at least one month column, such as Mar-21 or 2021-03",
            )
        });
    }
    if !import.errors.is_empty() {
        return import;
    }
    let mut rows = Collector::new(file);
    rows.each_record(&mut reader, text, |rows, line, record| {
        let key = |name: &str| col(name).and_then(|i| record.get(i)).unwrap_or("");
        for &i in &months {
            let cell = record.get(i).unwrap_or("");
            if cell.is_empty() {
                continue;
            }
            let label = raw[i].as_str();
            // `N/A` is a status, not counts.
            let counts = split_counts(cell).filter(|_| NoValue::parse(cell).is_none());
            rows.add(line, &|name| match name {
                "period" => (label, label),
                "value" => (label, if counts.is_some() { "" } else { cell }),
                "successes" => (label, counts.map_or("", |c| c.0)),
                "total" => (label, counts.map_or("", |c| c.1)),
                _ => (name, key(name)),
            });
        }
    });
    rows.finish(import)
}

/// `56,774 / 239,128` or `56,774 of 239,128`: successes and total.
fn split_counts(cell: &str) -> Option<(&str, &str)> {
    cell.split_once('/')
        .or_else(|| cell.split_once(" of "))
        .map(|(a, b)| (a.trim(), b.trim()))
}
