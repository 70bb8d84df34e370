//! The other reports' small tables (forecast variance, RDP incidents,
//! problem records) are read the same way: a header naming the columns, in
//! any order and any case (other columns are not read); every row checked,
//! every problem located (file, line, column, value, what was expected)
//! and returned together, up to [`MAX_ERRORS`]; nothing used unless the
//! whole file is good. Each reader says what a row means; this says how
//! rows are read.

use crate::io::error::{ErrorKind, ImportError};
use crate::io::{values, MAX_ERRORS};

/// One row being read: its cells by column name, and where to put what is
/// wrong with them.
pub struct Row<'r> {
    file: &'r str,
    line: u64,
    headers: &'r [String],
    record: &'r csv::StringRecord,
    errors: &'r mut Vec<ImportError>,
}

impl Row<'_> {
    /// The cell under `column`, trimmed; empty where the column is absent.
    pub fn get(&self, column: &str) -> &str {
        (self.headers.iter().position(|h| h == column))
            .and_then(|i| self.record.get(i))
            .unwrap_or("")
    }

    /// Records that the cell under `column` is not what was `expected`.
    pub fn bad(&mut self, column: &str, kind: ErrorKind, expected: &str) {
        let value = self.get(column).to_string();
        self.errors.push(ImportError::cell(
            self.file, self.line, column, &value, kind, expected,
        ));
    }

    /// The cell read by `read`, or `None` with the problem recorded.
    pub fn need<T>(
        &mut self,
        column: &str,
        read: impl Fn(&str) -> Option<T>,
        kind: ErrorKind,
        expected: &str,
    ) -> Option<T> {
        let v = read(self.get(column));
        if v.is_none() {
            self.bad(column, kind, expected);
        }
        v
    }

    /// A count that may be left empty: `Some(None)` when empty, `None` with
    /// the problem recorded when it is not a whole number, zero or more.
    pub fn optional_count(&mut self, column: &str, expected: &str) -> Option<Option<u64>> {
        let read = |t: &str| match t {
            "" => Some(None),
            t => values::count(t).map(Some),
        };
        self.need(column, read, ErrorKind::BadCount, expected)
    }

    /// The month under `column`, or `None` with the problem recorded.
    pub fn month(&mut self, column: &str) -> Option<crate::engine::Month> {
        self.need(
            column,
            values::month,
            ErrorKind::BadPeriod,
            values::PERIOD_EXPECTED,
        )
    }
}

/// Reads `text`, the table `file`, calling `each` with every row that is
/// not blank. `columns` is the table's full header, for messages;
/// `required` the columns it cannot do without.
pub fn read(
    file: &str,
    text: &str,
    columns: &[&str],
    required: &[&str],
    mut each: impl FnMut(&mut Row),
) -> Result<(), Vec<ImportError>> {
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
    let missing: Vec<&str> = (required.iter().copied())
        .filter(|c| !headers.iter().any(|h| h == c))
        .collect();
    if !missing.is_empty() {
        let optional: Vec<&str> = (columns.iter().copied())
            .filter(|c| !required.contains(c))
            .collect();
        let expected = format!(
            "a header with the columns {}{}; missing: {}",
            columns.join(","),
            match optional.is_empty() {
                true => String::new(),
                false => format!(" ({} may be left out)", optional.join(", ")),
            },
            missing.join(", ")
        );
        return Err(whole(ErrorKind::MissingColumn, expected));
    }
    let mut errors: Vec<ImportError> = Vec::new();
    let mut rows = 0;
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                errors.push(crate::io::long_csv::syntax(file, &e));
                continue;
            }
        };
        if record.iter().all(str::is_empty) {
            continue;
        }
        rows += 1;
        let mut row = Row {
            file,
            line: record.position().map_or(0, |p| p.line()),
            headers: &headers,
            record: &record,
            errors: &mut errors,
        };
        each(&mut row);
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
    Ok(())
}

/// A table as CSV text: the header `columns`, then `rows`, each a cell per
/// column in the same order. (Writing to memory fails only on a bug in csv:
/// then the text is empty, which says so.)
pub fn write(columns: &[&str], rows: impl IntoIterator<Item = Vec<String>>) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let ok =
        w.write_record(columns).is_ok() && rows.into_iter().all(|r| w.write_record(&r).is_ok());
    match (ok, w.into_inner()) {
        (true, Ok(bytes)) => String::from_utf8(bytes).unwrap_or_default(),
        _ => String::new(),
    }
}

/// An optional cell: its value, or empty.
pub fn cell<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}
