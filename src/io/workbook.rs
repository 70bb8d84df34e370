//! Spreadsheet workbooks (.xlsx, .ods) to [`Grid`]s of cell text, then read
//! like a pasted block.
//!
//! Reading a workbook needs the `calamine` crate, behind the `workbook`
//! cargo feature: the CLI has it; the browser app does not (calamine is about
//! 360 KB gzipped that most visitors never need), so the app posts a
//! workbook's bytes to a Web Worker (`src/bin/sheet_worker.rs`) built with the
//! feature, which answers with the sheets as text ([`encode_reply`],
//! [`decode_reply`]). Detection, the message format, the choice of sheet and
//! the reading of a sheet are here, always compiled, so both sides share them.
//!
//! Cells become the text the user sees where that is knowable: numbers without
//! float noise (`0.9917`, `56774`), dates as `YYYY-MM-DD`, errors as `#N/A`,
//! empty cells as `""`. A cell formatted as a percentage holds a fraction
//! (0.9917 shown as 99.17%): the fraction is kept, and the sheet reader says
//! so rather than guess.

use super::sheet::{Choices, Grid};
use super::{ErrorKind, Import, ImportError};

/// Refuse a sheet whose used area (from A1 to its farthest cell) has more
/// cells than this: 100,000 rows by 40 columns fit; a stray cell at XFD1048576
/// does not, and would otherwise ask for billions of cells.
pub const MAX_CELLS: usize = 4_000_000;
/// Excel's own limits; a file claiming more is not from a spreadsheet program.
pub const MAX_ROWS: u32 = 1_048_576;
pub const MAX_COLUMNS: u32 = 16_384;

/// What a file's bytes and name say it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Office Open XML (Excel 2007 and later).
    Xlsx,
    /// OpenDocument spreadsheet (LibreOffice, Google Sheets export).
    Ods,
    /// A format we do not read but can name: `.xls`, `.xlsb`, another zip.
    Unsupported(&'static str),
}

const ZIP: &[u8] = b"PK\x03\x04";
/// Compound File Binary: Excel 97–2003 `.xls` (and old Word files).
const CFB: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

fn extension(file: &str) -> String {
    file.rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default()
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Whether a file should go to the workbook reader rather than the text
/// readers: a zip archive (any: a zip that is not a workbook gets a clear
/// message from there), an old binary `.xls`, or a workbook's extension
/// whatever the bytes (a damaged `.xlsx` should be called one).
pub fn is_workbook(file: &str, bytes: &[u8]) -> bool {
    bytes.starts_with(ZIP)
        || bytes.starts_with(CFB)
        || matches!(
            extension(file).as_str(),
            "xlsx" | "xlsm" | "ods" | "xls" | "xlsb"
        )
}

/// The kind of workbook, by content first: a zip's entry names are stored
/// uncompressed, so `xl/workbook` (xlsx) or the OpenDocument mimetype (the
/// first entry of an .ods, stored as is) can be found in the bytes; the
/// extension decides only when the content says nothing.
pub fn kind(file: &str, bytes: &[u8]) -> Kind {
    let ext = extension(file);
    if bytes.starts_with(CFB) || ext == "xls" {
        return Kind::Unsupported(
            "an .xlsx or .ods workbook; this is an Excel 97–2003 .xls file: \
             save it as .xlsx (Excel Workbook) and load that",
        );
    }
    if ext == "xlsb" || contains(bytes, b"xl/workbook.bin") {
        return Kind::Unsupported(
            "an .xlsx or .ods workbook; this is an Excel binary workbook (.xlsb): \
             save it as .xlsx (Excel Workbook) and load that",
        );
    }
    if bytes.starts_with(ZIP) {
        if contains(bytes, b"xl/workbook.xml") {
            return Kind::Xlsx;
        }
        if contains(bytes, b"application/vnd.oasis.opendocument.spreadsheet") {
            return Kind::Ods;
        }
        if contains(bytes, b"application/vnd.oasis.opendocument")
            || contains(bytes, b"word/document.xml")
            || contains(bytes, b"ppt/presentation.xml")
        {
            return Kind::Unsupported(
                "an .xlsx or .ods workbook; this is a zip of another kind of document \
                 (a text document or presentation?)",
            );
        }
    }
    match ext.as_str() {
        "xlsx" | "xlsm" => Kind::Xlsx,
        "ods" => Kind::Ods,
        _ => Kind::Unsupported(
            "an .xlsx or .ods workbook; this is a zip archive that holds no spreadsheet",
        ),
    }
}

/// The column letters of a 0-based index: 0 → A, 26 → AA.
pub fn column_name(col: u32) -> String {
    super::sheet::layout::letter(col as usize)
}

/// A number as a spreadsheet shows it in General format: at most 15
/// significant digits (so a formula's 0.30000000000000004 reads 0.3), then
/// the shortest text that gives that value back (0.9917, 56774, 1.5).
pub fn number_text(v: f64) -> String {
    if !v.is_finite() {
        return "#NUM!".into();
    }
    let rounded: f64 = format!("{v:.14e}").parse().unwrap_or(v);
    if rounded == 0.0 {
        // No "-0".
        return "0".into();
    }
    rounded.to_string()
}

/// `YYYY-MM-DD` for a date; with ` HH:MM:SS` when it has a time of day
/// (incident lists carry times); a time alone (serial below 1) as `HH:MM:SS`.
#[cfg(feature = "workbook")]
fn date_text(days: f64, (y, mo, d, h, mi, s, _ms): (u16, u8, u8, u8, u8, u8, u16)) -> String {
    let time = format!("{h:02}:{mi:02}:{s:02}");
    if (0.0..1.0).contains(&days) {
        time
    } else if (h, mi, s) == (0, 0, 0) {
        format!("{y:04}-{mo:02}-{d:02}")
    } else {
        format!("{y:04}-{mo:02}-{d:02} {time}")
    }
}

/// A duration (`[h]:mm:ss` format) in days, as hours, minutes and seconds.
#[cfg(any(feature = "workbook", test))]
fn duration_text(days: f64) -> String {
    let secs = (days * 86_400.0).round();
    if !secs.is_finite() || secs.abs() > 1e12 {
        return number_text(days);
    }
    let sign = if secs < 0.0 { "-" } else { "" };
    let secs = secs.abs() as u64;
    format!(
        "{sign}{}:{:02}:{:02}",
        secs / 3600,
        secs / 60 % 60,
        secs % 60
    )
}

/// An ISO date-time as ODS stores it (`2021-03-01`, `2021-03-01T09:15:00`,
/// `2021-03-01T00:00:00.000`): the date, with the time when it is not midnight.
#[cfg(any(feature = "workbook", test))]
fn iso_text(iso: &str) -> String {
    let Some((date, time)) = iso.split_once('T') else {
        return iso.to_string();
    };
    let time = time.split(['.', 'Z', '+']).next().unwrap_or("");
    if time.is_empty() || time.trim_start_matches(['0', ':']).is_empty() {
        date.to_string()
    } else {
        format!("{date} {time}")
    }
}

/// The reply of the sheet worker: the sheets, or why the file could not be
/// read (what was expected; the app adds the file name it already has).
type Reply = Result<Vec<(String, Vec<Vec<String>>)>, String>;

/// The worker's answer as JSON text (one string crosses between threads
/// faster than thousands of small JS objects).
pub fn encode_reply(result: &Result<Vec<Grid>, ImportError>) -> String {
    let reply: Reply = match result {
        Ok(grids) => Ok(grids
            .iter()
            .map(|g| (g.name.clone(), g.rows.clone()))
            .collect()),
        Err(e) => Err(e.expected.clone()),
    };
    serde_json::to_string(&reply).unwrap_or_else(|e| {
        serde_json::to_string(&Reply::Err(format!(
            "a workbook the reader can answer for ({e})"
        )))
        .unwrap_or_default()
    })
}

/// The worker's answer read back; anything else is an error naming the file.
pub fn decode_reply(file: &str, text: &str) -> Result<Vec<Grid>, ImportError> {
    match serde_json::from_str::<Reply>(text) {
        Ok(Ok(sheets)) => Ok(sheets
            .into_iter()
            .map(|(name, rows)| Grid { name, rows })
            .collect()),
        Ok(Err(expected)) => Err(ImportError::file(file, ErrorKind::Unreadable, expected)),
        Err(e) => Err(ImportError::file(
            file,
            ErrorKind::Unreadable,
            format!("the workbook reader's answer, not this ({e})"),
        )),
    }
}

/// Whether a sheet has any cell with text in it.
pub fn has_data(grid: &Grid) -> bool {
    grid.rows
        .iter()
        .any(|r| r.iter().any(|c| !c.trim().is_empty()))
}

/// The name a sheet's figures are reported under: `book.xlsx, sheet Data`,
/// so every error names the file and the sheet.
pub fn sheet_label(file: &str, grid: &Grid) -> String {
    format!("{file}, sheet {}", grid.name)
}

/// A sheet read as figures, through the same readers as a pasted block
/// ([`super::read_with`]: every format, the spreadsheet reader where the
/// plain readers refuse the header, and the user's answers to its questions).
pub fn read_sheet(file: &str, grid: &Grid, choices: &Choices) -> Import {
    let label = sheet_label(file, grid);
    let mut import = super::read_with(&label, grid_text(grid).as_bytes(), choices);
    // The tab-separated text is ours, not the user's: the preview should not
    // call the workbook "tab-separated".
    import.delimiter = None;
    import
}

/// A sheet as tab-separated text, quoted where a cell holds a tab, a quote or
/// a line break, so the text readers see exactly the cells.
pub fn grid_text(grid: &Grid) -> String {
    let mut out = Vec::new();
    {
        let mut w = csv::WriterBuilder::new()
            .delimiter(b'\t')
            .flexible(true)
            .from_writer(&mut out);
        // Trailing empty rows and columns are dropped (a sheet's used area
        // often runs past the table); every row keeps the same width, as the
        // text readers expect as many fields as the header has.
        let last = grid
            .rows
            .iter()
            .rposition(|r| r.iter().any(|c| !c.is_empty()))
            .map_or(0, |i| i + 1);
        let width = grid.rows[..last]
            .iter()
            .filter_map(|r| r.iter().rposition(|c| !c.is_empty()))
            .max()
            .map_or(0, |i| i + 1);
        let empty = String::new();
        for row in &grid.rows[..last] {
            let cells = (0..width).map(|i| row.get(i).unwrap_or(&empty));
            let _ = w.write_record(cells);
        }
        let _ = w.flush();
    }
    String::from_utf8(out).unwrap_or_default()
}

/// The sheet to read when none is named, and the sheets that hold data.
/// The first sheet holding data that reads as figures without error is
/// chosen (a workbook often opens on a notes sheet); failing that, the first
/// sheet holding data, so its errors are shown; `None` if every sheet is empty.
pub fn default_sheet(file: &str, grids: &[Grid]) -> Option<usize> {
    let with_data: Vec<usize> = (0..grids.len()).filter(|&i| has_data(&grids[i])).collect();
    if with_data.len() > 1 {
        for &i in &with_data {
            let import = read_sheet(file, &grids[i], &Choices::default());
            if import.format.is_some() && import.is_clean() {
                return Some(i);
            }
        }
    }
    with_data.first().copied()
}

/// What a workbook that made the spreadsheet reader panic is said to be
/// (tests check that no input gets here).
pub const PANICKED: &str = "a workbook the spreadsheet reader can follow; this file is damaged";

/// An error naming the file for a workbook that could not be read.
#[cfg(any(feature = "workbook", test))]
fn unreadable(file: &str, expected: impl Into<String>) -> ImportError {
    ImportError::file(file, ErrorKind::Unreadable, expected)
}

/// Every sheet of an .xlsx or .ods workbook, in the workbook's order, as text.
/// Empty sheets are kept (with no rows) so a caller can list them.
#[cfg(feature = "workbook")]
pub fn sheets(file: &str, bytes: &[u8]) -> Result<Vec<Grid>, ImportError> {
    // calamine is not ours to trust on hostile input: where panics unwind
    // (tests, debug builds) one becomes an error instead of a crash. In the
    // worker a panic ends the worker, and the app reports that.
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| read_sheets(file, bytes))) {
        Ok(r) => r,
        Err(_) => Err(unreadable(file, PANICKED)),
    }
}

#[cfg(feature = "workbook")]
fn read_sheets(file: &str, bytes: &[u8]) -> Result<Vec<Grid>, ImportError> {
    use calamine::{Ods, Reader, Xlsx};
    use std::io::Cursor;
    if bytes.is_empty() {
        return Err(unreadable(
            file,
            "an .xlsx or .ods workbook; the file is empty",
        ));
    }
    let kind = kind(file, bytes);
    let damaged = |what: &str, e: &dyn std::fmt::Display| {
        unreadable(
            file,
            format!("an {what} workbook; this file is damaged or not a workbook ({e})"),
        )
    };
    match kind {
        Kind::Unsupported(expected) => Err(unreadable(file, expected)),
        Kind::Xlsx => {
            if !bytes.starts_with(ZIP) {
                return Err(unreadable(
                    file,
                    "an .xlsx workbook (a zip archive); this file is not one",
                ));
            }
            let mut book = Xlsx::new(Cursor::new(bytes)).map_err(|e| damaged(".xlsx", &e))?;
            let mut out = Vec::new();
            for name in book.sheet_names() {
                let mut reader = match book.worksheet_cells_reader(&name) {
                    Ok(r) => r,
                    // A chart sheet or dialog sheet holds no cells.
                    Err(calamine::XlsxError::NotAWorksheet(_)) => continue,
                    Err(e) => return Err(damaged(".xlsx", &e)),
                };
                let mut cells = Cells::new(file, &name);
                while let Some(cell) = reader.next_cell().map_err(|e| damaged(".xlsx", &e))? {
                    let (row, col) = cell.get_position();
                    cells.push(row, col, data_ref_text(cell.get_value()))?;
                }
                out.push(cells.into_grid()?);
            }
            Ok(out)
        }
        Kind::Ods => {
            if !bytes.starts_with(ZIP) {
                return Err(unreadable(
                    file,
                    "an .ods workbook (a zip archive); this file is not one",
                ));
            }
            let mut book = Ods::new(Cursor::new(bytes)).map_err(|e| damaged(".ods", &e))?;
            let mut out = Vec::new();
            for name in book.sheet_names() {
                let range = book
                    .worksheet_range(&name)
                    .map_err(|e| damaged(".ods", &e))?;
                let mut cells = Cells::new(file, &name);
                // calamine caps an ODS sheet itself (repeated rows and columns
                // are bounded); the used area is checked again below.
                let (r0, c0) = range.start().unwrap_or((0, 0));
                for (r, c, v) in range.used_cells() {
                    cells.push(r0 + r as u32, c0 + c as u32, data_text(v))?;
                }
                out.push(cells.into_grid()?);
            }
            Ok(out)
        }
    }
}

/// A sheet's non-empty cells as they stream in, checked against the limits
/// before any dense grid is made.
#[cfg(feature = "workbook")]
struct Cells<'a> {
    file: &'a str,
    name: &'a str,
    cells: Vec<(u32, u32, String)>,
    rows: u32,
    cols: u32,
}

#[cfg(feature = "workbook")]
impl<'a> Cells<'a> {
    fn new(file: &'a str, name: &'a str) -> Self {
        Cells {
            file,
            name,
            cells: Vec::new(),
            rows: 0,
            cols: 0,
        }
    }

    fn too_big(&self, what: String) -> ImportError {
        unreadable(
            self.file,
            format!(
                "a sheet of at most {MAX_CELLS} cells from A1 to its last cell; sheet {} {what}: \
                 delete stray cells far from the table, or copy the table into a new workbook",
                self.name
            ),
        )
    }

    fn push(&mut self, row: u32, col: u32, text: String) -> Result<(), ImportError> {
        if text.is_empty() {
            return Ok(());
        }
        if row >= MAX_ROWS || col >= MAX_COLUMNS {
            return Err(self.too_big(format!(
                "has a cell at {}{}, beyond a spreadsheet's last row or column",
                column_name(col),
                row as u64 + 1
            )));
        }
        if self.cells.len() >= MAX_CELLS {
            return Err(self.too_big(format!("has more than {MAX_CELLS} cells with text")));
        }
        self.rows = self.rows.max(row + 1);
        self.cols = self.cols.max(col + 1);
        self.cells.push((row, col, text));
        Ok(())
    }

    fn into_grid(mut self) -> Result<Grid, ImportError> {
        let (rows, cols) = (self.rows as usize, self.cols as usize);
        if rows.saturating_mul(cols) > MAX_CELLS {
            return Err(self.too_big(format!(
                "reaches row {rows} and column {} ({} cells)",
                column_name(self.cols.saturating_sub(1)),
                rows * cols
            )));
        }
        let mut grid = vec![vec![String::new(); cols]; rows];
        for (r, c, text) in self.cells.drain(..) {
            grid[r as usize][c as usize] = text;
        }
        Ok(Grid {
            name: self.name.to_string(),
            rows: grid,
        })
    }
}

#[cfg(feature = "workbook")]
fn data_text(v: &calamine::Data) -> String {
    use calamine::Data;
    match v {
        Data::Int(i) => i.to_string(),
        Data::Float(f) => number_text(*f),
        Data::String(s) => s.clone(),
        Data::Bool(b) => bool_text(*b),
        Data::DateTime(d) => excel_date_text(d),
        Data::DateTimeIso(s) => iso_text(s),
        Data::DurationIso(s) => s.clone(),
        Data::Error(e) => e.to_string(),
        Data::Empty => String::new(),
    }
}

#[cfg(feature = "workbook")]
fn data_ref_text(v: &calamine::DataRef<'_>) -> String {
    use calamine::DataRef;
    match v {
        DataRef::Int(i) => i.to_string(),
        DataRef::Float(f) => number_text(*f),
        DataRef::String(s) => s.clone(),
        DataRef::SharedString(s) => s.to_string(),
        DataRef::Bool(b) => bool_text(*b),
        DataRef::DateTime(d) => excel_date_text(d),
        DataRef::DateTimeIso(s) => iso_text(s),
        DataRef::DurationIso(s) => s.clone(),
        DataRef::Error(e) => e.to_string(),
        DataRef::Empty => String::new(),
    }
}

/// As Excel and LibreOffice show a logical cell.
#[cfg(feature = "workbook")]
fn bool_text(b: bool) -> String {
    if b { "TRUE" } else { "FALSE" }.into()
}

#[cfg(feature = "workbook")]
fn excel_date_text(d: &calamine::ExcelDateTime) -> String {
    if d.is_duration() {
        duration_text(d.as_f64())
    } else {
        date_text(d.as_f64(), d.to_ymd_hms_milli())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_shown() {
        assert_eq!(number_text(0.9917), "0.9917");
        assert_eq!(number_text(56774.0), "56774");
        assert_eq!(number_text(0.1 + 0.2), "0.3");
        assert_eq!(number_text(-0.0), "0");
        assert_eq!(number_text(99.896_8), "99.8968");
        assert_eq!(number_text(1e-7), "0.0000001");
        assert_eq!(number_text(f64::NAN), "#NUM!");
    }

    #[test]
    fn columns_are_lettered() {
        assert_eq!(column_name(0), "A");
        assert_eq!(column_name(25), "Z");
        assert_eq!(column_name(26), "AA");
        assert_eq!(column_name(16_383), "XFD");
    }

    #[test]
    fn iso_dates_drop_midnight() {
        assert_eq!(iso_text("2021-03-01"), "2021-03-01");
        assert_eq!(iso_text("2021-03-01T00:00:00"), "2021-03-01");
        assert_eq!(iso_text("2021-03-01T00:00:00.000"), "2021-03-01");
        assert_eq!(iso_text("2021-03-01T09:15:00"), "2021-03-01 09:15:00");
        assert_eq!(duration_text(1.5 / 24.0), "1:30:00");
    }

    #[test]
    fn grid_text_quotes_what_needs_it() {
        let g = Grid {
            name: "S".into(),
            rows: vec![
                vec!["a".into(), "b\tc".into(), "".into()],
                vec!["x \"y\"".into(), "line\nbreak".into(), "".into()],
                vec!["".into(), "".into(), "".into()],
            ],
        };
        assert_eq!(
            grid_text(&g),
            "a\t\"b\tc\"\n\"x \"\"y\"\"\"\t\"line\nbreak\"\n"
        );
        let ragged = Grid {
            name: "S".into(),
            rows: vec![vec!["a".into(), "b".into()], vec!["c".into()], vec![]],
        };
        assert_eq!(grid_text(&ragged), "a\tb\nc\t\n");
    }

    #[test]
    fn replies_round_trip() {
        let g = vec![Grid {
            name: "Data".into(),
            rows: vec![vec!["a".into()]],
        }];
        assert_eq!(decode_reply("f.xlsx", &encode_reply(&Ok(g.clone()))), Ok(g));
        let e = unreadable("f.xlsx", "a workbook");
        assert_eq!(
            decode_reply("f.xlsx", &encode_reply(&Err(e.clone()))),
            Err(e)
        );
        assert!(decode_reply("f.xlsx", "junk").is_err());
    }

    #[test]
    fn detection() {
        assert!(is_workbook("a.xlsx", b"junk"));
        assert!(is_workbook("a.bin", b"PK\x03\x04rest"));
        assert!(!is_workbook("a.csv", b"period,measure"));
        assert_eq!(kind("a.xls", b""), kind("b", CFB));
        assert_eq!(kind("a.zip", b"PK\x03\x04 xl/workbook.xml"), Kind::Xlsx);
        assert!(matches!(
            kind("a.zip", b"PK\x03\x04 nothing"),
            Kind::Unsupported(_)
        ));
    }
}
