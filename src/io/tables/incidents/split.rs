//! A big list read in two halves at once: the page reads the first, the
//! import worker (`src/bin/import_worker.rs`) the second, and the second
//! half's counts are joined to the first's as if one reader had read on.
//!
//! Why the join gives what one reading gives: the worker's text is the
//! header followed by the file from `start`, the byte after a line end near
//! the middle ([`record_start`]). The page's reader reads up to `start` and
//! joins the part only if it stands exactly there with every record whole.
//! Then a record begins at `start` in the whole file too: a quoted field
//! running past it would have left the reader short of it. Rows of the part
//! are renumbered by the lines the page read. References are checked
//! across the halves by their hashes: any hash in both, or a repeat inside
//! the part (its message names a row of the part), and the page reads on
//! alone, so the repeat is reported as one reading reports it.

use super::*;
use serde::{Deserialize, Serialize};

/// The version of a [`Part`]'s meaning: raise it whenever its fields, the
/// reference hash or the worker's protocol change.
/// (2: the worker finds where its part starts, from the middle the page
/// names, and reads the header itself; a page or worker of format 1 must
/// not join the other's part.)
pub const PART_FORMAT: u32 = 2;

/// What a reader of the rest of a file found: its counts, its errors and
/// the hashes of its references.
#[derive(Default, Serialize, Deserialize)]
pub struct Part {
    /// [`PART_FORMAT`] when written: a worker cached from another version
    /// of the app (its loader's name is not hashed) is not joined.
    format: u32,
    /// The line the part's first data row may start on (after its header).
    first_line: u64,
    rows: u64,
    rejected: u64,
    open: u64,
    errors: Vec<ImportError>,
    errors_dropped: bool,
    /// The part cannot stand for its half (its text is not UTF-8, or its
    /// header did not read): the page reads on alone, and refuses the file
    /// as one reading would.
    failed: bool,
    /// Exclusion types by their index in `months`' tallies.
    exclusions: Vec<String>,
    /// (year, month, tallies by category).
    months: Vec<(i32, u8, [Tally; 5])>,
    /// Hashes of the references read (`references::hash`): sent apart, as bytes.
    #[serde(skip)]
    refs: Vec<u64>,
}

impl Part {
    /// The part as JSON text, and its references' hashes as little-endian bytes.
    pub fn encode(&self) -> (String, Vec<u8>) {
        let text = serde_json::to_string(self).unwrap_or_default();
        let refs = self.refs.iter().flat_map(|h| h.to_le_bytes()).collect();
        (text, refs)
    }

    /// The part [`Part::encode`] wrote; `None` if either half is damaged.
    pub fn decode(text: &str, refs: &[u8]) -> Option<Part> {
        let mut part: Part = serde_json::from_str(text).ok()?;
        if part.format != PART_FORMAT || !refs.len().is_multiple_of(8) {
            return None;
        }
        part.refs = refs
            .chunks_exact(8)
            .map(|c| u64::from_le_bytes(c.try_into().unwrap_or_default()))
            .collect();
        Some(part)
    }

    /// Rows the part read (good and rejected).
    pub fn rows(&self) -> u64 {
        self.rows
    }
}

/// Where a part may start in `window`, bytes of the file from some offset:
/// just after its first line end (the page and the import worker both
/// meet there, through `ui::blob::Chunks::take_line`). `None` if it has none (a file with only
/// `\r` line ends is read by one reader).
pub fn record_start(window: &[u8]) -> Option<usize> {
    window.iter().position(|&b| b == b'\n').map(|n| n + 1)
}

/// Reads `text`, a header and then the rest of a file from a record start,
/// whole (the import worker reads it as it arrives, with
/// [`IncidentReader::streaming`] and [`IncidentReader::into_part`]).
pub fn read_part(file: &str, text: Vec<u8>, delimiter: u8) -> Part {
    let total = text.len() as u64;
    match IncidentReader::streaming(file, text, total, delimiter) {
        Some(mut reader) => {
            reader.end();
            while !reader.step(usize::MAX) {}
            reader.into_part()
        }
        None => Part {
            format: PART_FORMAT,
            failed: true,
            ..Part::default()
        },
    }
}

impl IncidentReader {
    /// What this reader found, as a part of a file to join to another
    /// reader's: read it whole first (after [`IncidentReader::end`]).
    pub fn into_part(self) -> Part {
        if self.unreadable || !self.done {
            return Part {
                format: PART_FORMAT,
                failed: true,
                ..Part::default()
            };
        }
        let s = *self.state;
        Part {
            format: PART_FORMAT,
            first_line: self.data_line,
            rows: s.rows,
            rejected: s.rejected,
            open: s.open,
            errors: s.errors,
            errors_dropped: s.errors_dropped,
            failed: false,
            exclusions: s
                .exclusion_types
                .into_iter()
                .map(|(_, name)| name)
                .collect(),
            months: s
                .months
                .into_iter()
                .map(|(m, t)| (m.year(), m.month(), t))
                .collect(),
            refs: s.refs.hashes().collect(),
        }
    }

    /// The header as the file has it, with any blank lines before it: the
    /// start of a part's text.
    pub fn header_text(&self) -> &[u8] {
        self.src.get(..self.header_end).unwrap_or_default()
    }

    /// The field separator, which a part is read with too.
    pub fn delimiter(&self) -> u8 {
        self.delimiter
    }

    /// Joins `part`, the rest of the file read elsewhere from where this
    /// reader stands, and finishes. Gives the reader back, to read the rest
    /// itself, when the part cannot stand for it: this reader has not read
    /// every record of what arrived up to a line end, the part failed or
    /// found a repeated reference, or a reference may be in both halves.
    pub fn join(mut self, part: Part) -> Result<Import, Box<IncidentReader>> {
        let whole = !self.complete
            && !self.done
            && !self.unreadable
            && self.checked == self.src.len()
            && self.tok.pos == self.src.len()
            && self.src.last() == Some(&b'\n');
        let repeated = part.errors.iter().any(|e| e.kind == ErrorKind::Duplicate)
            || part.refs.iter().any(|&h| self.state.refs.has_hash(h));
        let months: Option<Vec<(Month, [Tally; 5])>> = part
            .months
            .into_iter()
            .map(|(y, m, t)| Some((Month::new(y, m)?, t)))
            .collect();
        let (true, false, false, Some(months)) = (whole, part.failed, repeated, months) else {
            return Err(Box::new(self));
        };
        let line = self.tok.line;
        let s = &mut *self.state;
        let types: Vec<usize> = part
            .exclusions
            .into_iter()
            .map(|name| {
                match s
                    .exclusion_types
                    .iter()
                    .position(|(k, _)| **k == *name.as_bytes())
                {
                    Some(i) => i,
                    None => {
                        s.exclusion_types.push((name.as_bytes().into(), name));
                        s.exclusion_types.len() - 1
                    }
                }
            })
            .collect();
        for (month, tallies) in months {
            let mine = s.months.entry(month).or_default();
            for (t, p) in mine.iter_mut().zip(tallies) {
                t.within = t.within.saturating_add(p.within);
                t.total = t.total.saturating_add(p.total);
                t.any |= p.any;
                for (i, n) in p.excluded.into_iter().enumerate() {
                    let Some(&j) = types.get(i) else { continue };
                    if t.excluded.len() <= j {
                        t.excluded.resize(j + 1, 0);
                    }
                    if let Some(slot) = t.excluded.get_mut(j) {
                        *slot = slot.saturating_add(n);
                    }
                }
            }
        }
        s.rows = s.rows.saturating_add(part.rows);
        s.rejected = s.rejected.saturating_add(part.rejected);
        s.open = s.open.saturating_add(part.open);
        for mut e in part.errors {
            e.row = e
                .row
                .map(|r| r.saturating_sub(part.first_line).saturating_add(line));
            s.push_error(e);
        }
        s.errors_dropped |= part.errors_dropped;
        self.complete = true;
        self.done = true;
        Ok(self.finish())
    }
}
