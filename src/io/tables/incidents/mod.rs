//! Incident lists: one row per incident, aggregated into CPM4 (categories
//! 1–2) and CPM5 (categories 3–5) per month of closure, after exclusions.
//!
//! Lists run to hundreds of thousands of rows, so the reader works a step at
//! a time (the page yields between steps to draw progress) and parses cells
//! from bytes: one pass over the text with its own RFC 4180 tokenizer, no
//! allocation per row or per field.

use crate::engine::format::thousands;
use crate::engine::observation::IncidentCount;
use crate::engine::{Catalogue, Dataset, Input, Month, NoValue, Observation, Provider};
use crate::io::{normalise_header, ErrorKind, Format, Import, ImportError, MAX_ERRORS};
use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasherDefault, Hasher};

mod cells;
mod references;
mod row;
mod split;
mod tokenizer;
use cells::*;
use references::*;
pub use split::{read_part, record_start, Part, PART_FORMAT};
use tokenizer::*;

/// The columns the reader uses, each with the header names it accepts
/// (normalised: lower case, `_` for spaces and hyphens), canonical first.
const REFERENCE: usize = 0;
const CATEGORY: usize = 1;
const RAISED: usize = 2;
const RESOLVED: usize = 3;
const CLOSED: usize = 4;
const WITHIN: usize = 5;
const EXCLUSION: usize = 6;
const COLUMNS: usize = 7;

const NAMES: [&[&str]; COLUMNS] = [
    &["reference", "incident", "incident_reference", "ref", "id"],
    &["category", "cat", "incident_category"],
    &["raised", "opened", "raised_at", "logged"],
    &["resolved", "resolved_at"],
    &["closed", "closed_at"],
    &["within_target", "within_sla", "met_target", "within_trt"],
    &["exclusion", "exclusion_type", "pmel", "excluded"],
];
const REQUIRED: [usize; 4] = [REFERENCE, CATEGORY, CLOSED, WITHIN];

/// Longest reference accepted (real ones are about 15 characters).
pub const MAX_REFERENCE: usize = 100;

pub const TIME_EXPECTED: &str = "a date or date and time such as 2021-03-04, 2021-03-04 10:22, \
     2021-03-04 10:22:05, 2021-03-04T10:22:05Z (fractional seconds and +00:00 allowed), \
     04/03/2021 or 04/03/2021 10:22 (day first)";
pub const CATEGORY_EXPECTED: &str =
    "an incident category 1 to 5, written 3, Cat 3, Category 3, C3 or P3";
pub const WITHIN_EXPECTED: &str =
    "whether resolved within target: yes or no (also y/n, true/false, 1/0, within/breached)";

/// True when the normalised header names an incident list: a reference, a
/// category and a closed time (under any accepted name).
pub fn is_incident_header(headers: &[String]) -> bool {
    [REFERENCE, CATEGORY, CLOSED]
        .iter()
        .all(|&c| NAMES[c].iter().any(|n| headers.iter().any(|h| h == n)))
}

/// Where the header puts each column: for each, the first name in [`NAMES`]
/// order that the header has.
fn locate(headers: &[String]) -> [Option<usize>; COLUMNS] {
    let mut at = [None; COLUMNS];
    for (c, names) in NAMES.iter().enumerate() {
        at[c] = names
            .iter()
            .find_map(|n| headers.iter().position(|h| h == n));
    }
    at
}

// ------------------------------------------------------------------ reader

#[derive(Clone, Default, serde::Serialize, serde::Deserialize)]
struct Tally {
    within: u64,
    total: u64,
    /// By exclusion type index.
    excluded: Vec<u64>,
    any: bool,
}

struct State {
    file: String,
    /// Header text as written, for error columns.
    headers: Vec<String>,
    columns: [Option<usize>; COLUMNS],
    rows: u64,
    rejected: u64,
    errors: Vec<ImportError>,
    errors_dropped: bool,
    open: u64,
    refs: References,
    exclusion_types: Vec<(Box<[u8]>, String)>,
    months: BTreeMap<Month, [Tally; 5]>,
    calendar: Calendar,
}

pub struct IncidentReader {
    /// The bytes so far: the whole file, or what has arrived of it.
    src: Vec<u8>,
    /// Whether `src` is the whole file. Until it is, a record that runs to
    /// the end of `src` is left for the next [`IncidentReader::push`].
    complete: bool,
    /// The file's size, for the progress bar.
    total: u64,
    /// Bytes of `src` checked to be UTF-8 (up to a line end, always a
    /// character boundary).
    checked: usize,
    /// Not UTF-8: the whole file is refused, as [`crate::io::Reading`] does.
    unreadable: bool,
    /// Boxed, as is the state: the reader travels in an enum beside `Import`.
    tok: Box<Tokenizer>,
    /// Where the header record (and any blank lines before it) ends.
    header_end: usize,
    /// The line there: where the first data row may start.
    data_line: u64,
    fields: Vec<Span>,
    scratch: Vec<u8>,
    delimiter: u8,
    done: bool,
    state: Box<State>,
}

impl IncidentReader {
    /// Checks the header; `Err` with located MissingColumn errors (row of
    /// the header) if required columns are absent.
    // The interface `io::Reading` uses: a failed header is a whole `Import`.
    #[allow(clippy::result_large_err)]
    pub fn new(file: &str, bytes: Vec<u8>, delimiter: u8) -> Result<IncidentReader, Import> {
        let mut reader = IncidentReader::header(file, bytes, delimiter)?;
        reader.complete = true;
        reader.checked = reader.src.len();
        Ok(reader)
    }

    /// A reader for a file that arrives in parts: `head`, its start, holds
    /// at least the whole header line; the rest comes through
    /// [`IncidentReader::push`] and [`IncidentReader::end`]. `None` unless
    /// `head` is UTF-8 up to its last line end and its header names an
    /// incident list with every required column: anything else is read
    /// whole, by [`crate::io::Reading`], so its errors are the same.
    pub fn streaming(
        file: &str,
        head: Vec<u8>,
        total: u64,
        delimiter: u8,
    ) -> Option<IncidentReader> {
        let mut reader = IncidentReader::header(file, head, delimiter).ok()?;
        // The header record must have ended inside the head.
        let at = reader.tok.pos;
        if at >= reader.src.len() && reader.src.last() != Some(&b'\n') {
            return None;
        }
        reader.total = total.max(reader.src.len() as u64);
        reader.state.refs = References::for_bytes(usize::try_from(reader.total).unwrap_or(0));
        reader.check_text().then_some(reader)
    }

    /// Whether the whole input has been read (or refused).
    pub fn is_done(&self) -> bool {
        self.done
    }

    /// More of the file, as it arrives.
    pub fn push(&mut self, bytes: &[u8]) {
        self.push_with(bytes.len(), |to| to.copy_from_slice(bytes));
    }

    /// `n` more bytes of the file, written by `fill` straight into the
    /// reader's buffer (from the browser's memory, with no copy between).
    pub fn push_with(&mut self, n: usize, fill: impl FnOnce(&mut [u8])) {
        if self.complete || self.unreadable {
            return;
        }
        let at = self.src.len();
        self.src.resize(at.saturating_add(n), 0);
        if let Some(to) = self.src.get_mut(at..) {
            fill(to);
        }
        self.check_text();
    }

    /// The whole file has arrived.
    pub fn end(&mut self) {
        self.complete = true;
        self.check_text();
    }

    /// Checks the text that arrived is UTF-8, up to its last line end (or
    /// to its end once complete); false, and the file refused, if not.
    fn check_text(&mut self) -> bool {
        let upto = if self.complete {
            self.src.len()
        } else {
            match self.src.iter().rposition(|&b| b == b'\n') {
                Some(n) => n + 1,
                None => return true,
            }
        };
        if upto > self.checked {
            let fresh = self.src.get(self.checked..upto).unwrap_or_default();
            if std::str::from_utf8(fresh).is_err() {
                self.unreadable = true;
                self.done = true;
                return false;
            }
            self.checked = upto;
        }
        true
    }

    #[allow(clippy::result_large_err)]
    fn header(file: &str, bytes: Vec<u8>, delimiter: u8) -> Result<IncidentReader, Import> {
        let mut tok = Tokenizer::new(delimiter);
        let mut fields = Vec::new();
        let mut scratch = Vec::new();
        let failed = |errors: Vec<ImportError>| Import {
            file: file.into(),
            format: Some(Format::Incidents),
            delimiter: Some(delimiter),
            errors,
            ..Import::default()
        };
        let header_line = match tok.next(&bytes, &mut fields, &mut scratch) {
            Record::Fields(line, n) => {
                fields.truncate(n);
                line
            }
            Record::Eof => {
                return Err(failed(vec![ImportError::file(
                    file,
                    ErrorKind::Unreadable,
                    "a header row and at least one data row; the file is empty",
                )]))
            }
            Record::Bad(line, expected) => {
                return Err(failed(vec![ImportError {
                    row: Some(line),
                    ..ImportError::file(file, ErrorKind::Syntax, expected)
                }]))
            }
        };
        let headers: Vec<String> = fields
            .iter()
            .map(|&s| {
                String::from_utf8_lossy(trim(field(&bytes, &scratch, s)))
                    .trim()
                    .to_string()
            })
            .collect();
        let normalised: Vec<String> = headers.iter().map(|h| normalise_header(h)).collect();
        let columns = locate(&normalised);
        let missing: Vec<ImportError> = REQUIRED
            .iter()
            .filter(|&&c| columns[c].is_none())
            .map(|&c| {
                let names = NAMES[c];
                let expected = format!(
                    "a column named {} (or {})",
                    names.first().copied().unwrap_or_default(),
                    names.get(1..).unwrap_or_default().join(", ")
                );
                ImportError {
                    row: Some(header_line),
                    column: Some(names.first().copied().unwrap_or_default().into()),
                    ..ImportError::file(file, ErrorKind::MissingColumn, expected)
                }
            })
            .collect();
        if !missing.is_empty() {
            return Err(failed(missing));
        }
        let len = bytes.len();
        Ok(IncidentReader {
            total: bytes.len() as u64,
            src: bytes,
            complete: false,
            checked: 0,
            unreadable: false,
            header_end: tok.pos,
            data_line: tok.line,
            tok: Box::new(tok),
            fields,
            scratch,
            delimiter,
            done: false,
            state: Box::new(State {
                file: file.into(),
                headers,
                columns,
                rows: 0,
                rejected: 0,
                errors: Vec::new(),
                errors_dropped: false,
                open: 0,
                refs: References::for_bytes(len),
                exclusion_types: Vec::new(),
                months: BTreeMap::new(),
                calendar: Calendar::default(),
            }),
        })
    }

    /// Reads up to `max_rows` more data rows; true when all that has
    /// arrived has been read (the whole input, once [`IncidentReader::end`]
    /// has been called or the reader was made whole).
    pub fn step(&mut self, max_rows: usize) -> bool {
        let IncidentReader {
            src,
            complete,
            checked,
            tok,
            fields,
            scratch,
            done,
            state,
            ..
        } = self;
        // Only text checked to be UTF-8 is read.
        let src = src.get(..*checked).unwrap_or_default();
        let mut n = 0usize;
        while !*done && n < max_rows {
            let (pos, line) = (tok.pos, tok.line);
            let record = tok.next(src, fields, scratch);
            // Until the file is whole, what has arrived ends at a line end
            // (see `check_text`): a record that ends there is whole, but an
            // unclosed quote or the end may go on in the next part.
            if !*complete && tok.pos >= src.len() && !matches!(record, Record::Fields(..)) {
                (tok.pos, tok.line) = (pos, line);
                return true;
            }
            match record {
                Record::Eof => *done = true,
                Record::Bad(line, expected) => {
                    n += 1;
                    state.rows = state.rows.saturating_add(1);
                    state.rejected = state.rejected.saturating_add(1);
                    let e = ImportError {
                        row: Some(line),
                        ..ImportError::file(&state.file, ErrorKind::Syntax, expected)
                    };
                    state.push_error(e);
                }
                Record::Fields(line, count) => {
                    let fields = fields.get(..count).unwrap_or_default();
                    let blank = fields
                        .iter()
                        .all(|&s| trim(field(src, scratch, s)).is_empty());
                    if blank {
                        continue;
                    }
                    n += 1;
                    state.rows = state.rows.saturating_add(1);
                    state.row(line, src, scratch, fields);
                }
            }
        }
        *done
    }

    /// (bytes consumed so far, total bytes), for a progress bar.
    pub fn progress(&self) -> (u64, u64) {
        ((self.tok.pos as u64).min(self.total), self.total)
    }

    /// The counts as CPM4 and CPM5 observations per month of closure.
    pub fn finish(self) -> Import {
        let s = *self.state;
        if self.unreadable {
            return Import::failed(
                &s.file,
                ImportError::file(&s.file, ErrorKind::Unreadable, crate::io::NOT_TEXT),
            );
        }
        let mut observations = Vec::with_capacity(s.months.len() * 2);
        for (&period, tallies) in &s.months {
            for measure in ["CPM4", "CPM5"] {
                let cats = Catalogue::builtin()
                    .get(measure, Provider::Dcc)
                    .and_then(|d| d.incident_categories())
                    .into_iter()
                    .flatten();
                let categories: Vec<IncidentCount> = cats
                    .filter_map(|c| {
                        let t = tallies.get(usize::from(c - 1))?;
                        t.any.then(|| IncidentCount {
                            category: c,
                            within: t.within,
                            total: t.total,
                            excluded: t
                                .excluded
                                .iter()
                                .enumerate()
                                .filter(|(_, &n)| n > 0)
                                .filter_map(|(i, &n)| {
                                    Some((s.exclusion_types.get(i)?.1.clone(), n))
                                })
                                .collect(),
                        })
                    })
                    .collect();
                let input = if categories.is_empty() {
                    Input::Status {
                        status: NoValue::NoEvents,
                    }
                } else {
                    Input::Incidents { categories }
                };
                observations.push(Observation {
                    approximate: false,
                    period,
                    measure: measure.into(),
                    provider: Provider::Dcc,
                    input,
                    reported: None,
                    reported_in: None,
                    note: None,
                });
            }
        }
        let mut notes = Vec::new();
        if s.rows == 0 {
            notes.push("the file has a header but no incidents".to_string());
        }
        if s.open > 0 {
            notes.push(if s.open == 1 {
                "1 incident still open (no closed time) is not counted".to_string()
            } else {
                format!(
                    "{} incidents still open (no closed time) are not counted",
                    thousands(s.open)
                )
            });
        }
        if s.errors_dropped {
            notes.push(format!(
                "only the first {} errors are listed",
                thousands(MAX_ERRORS as u64)
            ));
        }
        Import {
            file: s.file,
            format: Some(Format::Incidents),
            delimiter: Some(self.delimiter),
            rows: s.rows,
            rejected: s.rejected,
            dataset: Dataset {
                observations: observations.into_iter().map(std::sync::Arc::new).collect(),
                ..Dataset::default()
            },
            errors: s.errors,
            notes,
            ..Import::default()
        }
    }
}

#[cfg(test)]
mod tests;
