//! Import errors that say where and what: file, row, column, value, and what
//! was expected, so a user can find and fix the cell.

use serde::{Deserialize, Serialize};
use std::fmt;

/// What kind of problem a row has.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// The file is empty, not text, or has no header.
    Unreadable,
    /// The CSV or JSON itself is malformed.
    Syntax,
    /// A required column is missing from the header.
    MissingColumn,
    UnknownProvider,
    UnknownMeasure,
    BadPeriod,
    BadValue,
    BadCount,
    /// Values in the row contradict each other (successes above total, ...).
    Inconsistent,
    /// The same period, measure, provider and report appear twice.
    Duplicate,
}

/// One located problem.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportError {
    pub file: String,
    /// 1-based line of the file (the header is line 1); `None` for the whole file.
    pub row: Option<u64>,
    pub column: Option<String>,
    pub value: Option<String>,
    pub kind: ErrorKind,
    pub expected: String,
}

impl ImportError {
    pub fn file(file: &str, kind: ErrorKind, expected: impl Into<String>) -> ImportError {
        ImportError {
            file: file.into(),
            row: None,
            column: None,
            value: None,
            kind,
            expected: expected.into(),
        }
    }

    pub fn cell(
        file: &str,
        row: u64,
        column: &str,
        value: &str,
        kind: ErrorKind,
        expected: impl Into<String>,
    ) -> ImportError {
        ImportError {
            file: file.into(),
            row: Some(row),
            column: Some(column.into()),
            value: Some(value.into()),
            kind,
            expected: expected.into(),
        }
    }
}

/// Long values are cut so a message stays readable (huge fields happen).
fn shorten(v: &str) -> String {
    const MAX: usize = 60;
    if v.chars().count() <= MAX {
        v.to_string()
    } else {
        format!("{}…", v.chars().take(MAX).collect::<String>())
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(r) = self.row {
            write!(f, ", row {r}")?;
        }
        if let Some(c) = &self.column {
            write!(f, ", column {c}")?;
        }
        if let Some(v) = &self.value {
            write!(f, ": found {:?}", shorten(v))?;
        }
        write!(f, "; expected {}", self.expected)
    }
}

impl std::error::Error for ImportError {}
