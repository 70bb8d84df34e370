//! Spreadsheets as people keep them: a grid of cells from a pasted block or
//! a workbook sheet, whatever its layout, read into the dataset.
//!
//! - a title or notes above the header: the header is the first row that
//!   names what a table needs ([`layout::detect`]);
//! - columns named as people name them (`Service Provider`, `SP`,
//!   `Performance Measure`, `Month`, `Service Level`, `Achieved %`, …);
//!   other columns are not read, and the import says which;
//! - months as dates (`01/05/2021`, day first; `2021-05-01`; `May-21`), in a
//!   period column or as the headers of a wide table;
//! - target and minimum columns compared with the catalogue, never taken;
//! - what only the user can say (which column is which, which contract
//!   "Telefonica" is, whether 0.991 is 99.1%) asked as a [`Question`];
//!   reading again with [`Choices`] settles it.
//!
//! Every cell goes through the long reader's checks, so a value is refused
//! here exactly as it would be in the app's own CSV.

mod checks;
pub mod choices;
pub mod grid;
pub mod layout;
mod read;
mod role;

pub use choices::{Choices, Fractions, Question};
pub use layout::{ColumnInfo, Role};

use super::{ErrorKind, Import, ImportError, HEADER_EXPECTED};
use std::collections::BTreeMap;

/// One sheet: its name and its cells as text, row by row (row 0 is the
/// sheet's first row). Pasted text and workbook sheets both become a `Grid`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Grid {
    pub name: String,
    pub rows: Vec<Vec<String>>,
}

/// What the spreadsheet reader made of a sheet, beside the figures.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SheetSummary {
    /// The header's names (months as `<month>`), so answers given for one
    /// sheet can be kept for the next sheet laid out the same way.
    pub shape: String,
    /// 1-based row of the header, if one was found.
    pub header_row: Option<u64>,
    /// Unanswered: the import is not clean until each is answered.
    pub questions: Vec<Question>,
}

/// Reads one sheet with the user's answers so far.
pub fn read_grid(file: &str, grid: &Grid, choices: &Choices) -> Import {
    let detected = layout::detect(grid, &choices.columns);
    let mut summary = SheetSummary {
        shape: detected.shape,
        header_row: None,
        questions: Vec::new(),
    };
    let mut import = match &detected.layout {
        Some(layout) => {
            summary.header_row = Some(layout.header as u64 + 1);
            read::rows(file, grid, layout, choices, &mut summary)
        }
        None => {
            let row = detected.best as u64 + 1;
            let question = columns_question(grid, detected.best, &choices.columns);
            let expected = match &question {
                Some(Question::Columns { missing, .. }) => {
                    let names: Vec<&str> = missing.iter().map(|r| r.name()).collect();
                    format!(
                        "{HEADER_EXPECTED}; or say which column is which (no column found for {})",
                        names.join(", ")
                    )
                }
                _ => HEADER_EXPECTED.to_string(),
            };
            summary.questions.extend(question);
            Import::failed(
                file,
                ImportError {
                    row: Some(row),
                    ..ImportError::file(file, ErrorKind::MissingColumn, expected)
                },
            )
        }
    };
    import.sheet = Some(Box::new(summary));
    import
}

/// Reads pasted or uploaded text as a sheet: the separator sniffed, then
/// [`read_grid`].
pub fn read_text(file: &str, text: &str, choices: &Choices) -> Import {
    let delimiter = grid::sniff(text);
    let grid = Grid::from_text("", text, delimiter);
    let mut import = read_grid(file, &grid, choices);
    import.delimiter = Some(delimiter);
    import
}

/// Which column is which, asked about row `r` (the one closest to a
/// header); `None` where the sheet has fewer than two columns, which is no
/// table to map.
fn columns_question(grid: &Grid, r: usize, mapping: &BTreeMap<String, Role>) -> Option<Question> {
    let columns = layout::columns(grid, r, mapping);
    let used = columns
        .iter()
        .filter(|c| !c.header.is_empty() || !c.samples.is_empty())
        .count();
    if used < 2 {
        return None;
    }
    let mut layout = layout::Layout {
        header: r,
        roles: columns.iter().map(|c| c.role).collect(),
        months: columns
            .iter()
            .filter_map(|c| c.month.map(|m| (c.index, m)))
            .collect(),
    };
    if layout.column(Role::Period).is_some() {
        layout.months.clear();
    }
    Some(Question::Columns {
        header_row: r as u64 + 1,
        missing: layout.missing(),
        columns,
    })
}

/// The app's own long or wide reader refused `text` at its header (or met
/// a provider name that means two contracts): reads it as a spreadsheet
/// instead, where that finds a table. Otherwise the refusal stands, with
/// the question of which column is which for the app to offer.
pub(crate) fn instead_of(file: &str, text: &str, refused: Import) -> Import {
    if !worth_a_sheet(&refused) {
        return refused;
    }
    let sheet = read_text(file, text, &Choices::default());
    let found = sheet.sheet.as_ref().is_some_and(|s| s.header_row.is_some());
    // Headers the wide reader refused are read in a wide sheet only where
    // a wide sheet has a use for them.
    let wide_uses_them = refused
        .errors
        .iter()
        .filter(|e| e.kind == ErrorKind::BadPeriod)
        .all(|e| {
            e.value
                .as_deref()
                .and_then(Role::from_header)
                .is_some_and(Role::in_wide)
        });
    if found && (sheet.format == Some(super::Format::Long) || wide_uses_them) {
        return sheet;
    }
    Import {
        sheet: sheet.sheet,
        ..refused
    }
}

/// Whether a refusal is one the spreadsheet reader might do better with:
/// a header it did not know, month headers it could not read where the
/// other headers are names a sheet may carry (`Notes`, `Description`,
/// `Target`), or an ambiguous provider name. A stray column the long and
/// wide readers refuse (`Total` among months) stays refused.
fn worth_a_sheet(refused: &Import) -> bool {
    use super::Format;
    if !matches!(
        refused.format,
        None | Some(Format::Long) | Some(Format::Wide)
    ) {
        return false;
    }
    let ambiguous_provider = refused.errors.iter().any(|e| {
        e.kind == ErrorKind::UnknownProvider
            && e.value
                .as_deref()
                .is_some_and(|v| choices::ambiguous(v).is_some())
    });
    let header_only = !refused.errors.is_empty()
        && refused.errors.iter().all(|e| {
            e.row == Some(1)
                && match e.kind {
                    ErrorKind::MissingColumn => true,
                    ErrorKind::BadPeriod => {
                        e.value.as_deref().and_then(Role::from_header).is_some()
                    }
                    _ => false,
                }
        });
    ambiguous_provider || header_only
}
