//! Spreadsheets as people keep them: a grid of cells from a pasted block or
//! a workbook sheet, whatever its layout, read into the dataset.

/// One sheet: its name and its cells as text, row by row (row 0 is the
/// sheet's first row). Pasted text and workbook sheets both become a `Grid`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Grid {
    pub name: String,
    pub rows: Vec<Vec<String>>,
}
