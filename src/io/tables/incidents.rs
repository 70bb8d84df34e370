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

// ------------------------------------------------------------------ tokenizer

/// A field of the current record: a range of the input, or of the scratch
/// buffer when the field was quoted with `""` escapes.
#[derive(Clone, Copy, Default)]
struct Span {
    start: usize,
    end: usize,
    scratch: bool,
}

enum Record {
    Eof,
    /// A record starting on this line, with this many fields (the first
    /// ones of the field buffer).
    Fields(u64, usize),
    /// Malformed quoting starting on this line; the rest of the line is skipped.
    Bad(u64, &'static str),
}

/// RFC 4180: fields split by the delimiter, records by `\n`, `\r\n` or `\r`;
/// a field starting with `"` runs to the next lone `"` (`""` is a quote).
/// A quote inside an unquoted field is kept as text, as spreadsheets do.
struct Tokenizer {
    pos: usize,
    /// 1-based line of `pos`.
    line: u64,
    delimiter: u8,
    /// Bytes that end an unquoted field.
    stop: [bool; 256],
}

impl Tokenizer {
    fn new(delimiter: u8) -> Tokenizer {
        let mut stop = [false; 256];
        stop[usize::from(delimiter)] = true;
        stop[usize::from(b'\n')] = true;
        stop[usize::from(b'\r')] = true;
        Tokenizer {
            pos: 0,
            line: 1,
            delimiter,
            stop,
        }
    }

    /// Skips the rest of the current line (after malformed quoting).
    fn skip_line(&mut self, src: &[u8]) {
        match src
            .get(self.pos..)
            .and_then(|r| r.iter().position(|&b| b == b'\n'))
        {
            Some(n) => {
                self.pos = self.pos.saturating_add(n).saturating_add(1);
                self.line = self.line.saturating_add(1);
            }
            None => self.pos = src.len(),
        }
    }

    fn next(&mut self, src: &[u8], fields: &mut Vec<Span>, scratch: &mut Vec<u8>) -> Record {
        scratch.clear();
        let mut count = 0usize;
        // Blank lines are skipped.
        loop {
            match src.get(self.pos) {
                None => return Record::Eof,
                Some(b'\n') => {
                    self.pos += 1;
                    self.line = self.line.saturating_add(1);
                }
                Some(b'\r') => {
                    self.pos += 1;
                    if src.get(self.pos) == Some(&b'\n') {
                        self.pos += 1;
                    }
                    self.line = self.line.saturating_add(1);
                }
                Some(_) => break,
            }
        }
        let start_line = self.line;
        loop {
            if src.get(self.pos) == Some(&b'"') {
                self.pos += 1;
                let mut seg = self.pos;
                let mut escaped = false;
                let from = scratch.len();
                loop {
                    let Some(rest) = src.get(self.pos..) else {
                        self.pos = src.len();
                        return Record::Bad(start_line, UNCLOSED);
                    };
                    let Some(n) = rest.iter().position(|&b| b == b'"' || b == b'\n') else {
                        self.pos = src.len();
                        return Record::Bad(start_line, UNCLOSED);
                    };
                    self.pos += n;
                    if src.get(self.pos) == Some(&b'\n') {
                        self.line = self.line.saturating_add(1);
                        self.pos += 1;
                        continue;
                    }
                    // At a quote: `""` is an escaped quote, else the field ends.
                    if src.get(self.pos + 1) == Some(&b'"') {
                        scratch.extend_from_slice(src.get(seg..=self.pos).unwrap_or_default());
                        self.pos += 2;
                        seg = self.pos;
                        escaped = true;
                        continue;
                    }
                    let span = if escaped {
                        scratch.extend_from_slice(src.get(seg..self.pos).unwrap_or_default());
                        Span {
                            start: from,
                            end: scratch.len(),
                            scratch: true,
                        }
                    } else {
                        Span {
                            start: seg,
                            end: self.pos,
                            scratch: false,
                        }
                    };
                    put(fields, &mut count, span);
                    self.pos += 1;
                    break;
                }
                match src.get(self.pos) {
                    None | Some(b'\n' | b'\r') => {}
                    Some(&b) if b == self.delimiter => {}
                    Some(_) => {
                        self.skip_line(src);
                        return Record::Bad(start_line, AFTER_QUOTE);
                    }
                }
            } else {
                let start = self.pos;
                let rest = src.get(start..).unwrap_or_default();
                let n = rest
                    .iter()
                    .position(|&b| self.stop[usize::from(b)])
                    .unwrap_or(rest.len());
                self.pos = start + n;
                put(
                    fields,
                    &mut count,
                    Span {
                        start,
                        end: self.pos,
                        scratch: false,
                    },
                );
            }
            match src.get(self.pos) {
                None => return Record::Fields(start_line, count),
                Some(b'\n') => {
                    self.pos += 1;
                    self.line = self.line.saturating_add(1);
                    return Record::Fields(start_line, count);
                }
                Some(b'\r') => {
                    self.pos += 1;
                    if src.get(self.pos) == Some(&b'\n') {
                        self.pos += 1;
                    }
                    self.line = self.line.saturating_add(1);
                    return Record::Fields(start_line, count);
                }
                // The delimiter: another field follows (empty at the end of input).
                Some(_) => self.pos += 1,
            }
        }
    }
}

/// Sets field `n` of the buffer, which only grows: no call per field once
/// it is as wide as the widest row.
#[inline(always)]
fn put(fields: &mut Vec<Span>, n: &mut usize, s: Span) {
    match fields.get_mut(*n) {
        Some(slot) => *slot = s,
        None => fields.push(s),
    }
    *n += 1;
}

const UNCLOSED: &str = "a closing quote (\") for the quoted field that starts on this row";
const AFTER_QUOTE: &str =
    "a separator or the end of the line right after the closing quote of a quoted field \
     (a quote inside a quoted field is written \"\")";

fn field<'a>(src: &'a [u8], scratch: &'a [u8], s: Span) -> &'a [u8] {
    let buf = if s.scratch { scratch } else { src };
    buf.get(s.start..s.end).unwrap_or_default()
}

fn trim(b: &[u8]) -> &[u8] {
    b.trim_ascii()
}

// ------------------------------------------------------------------ cells

/// A point in time: UTC seconds (offset applied) and nanoseconds for
/// ordering, and the month as written for the period.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Time {
    secs: i64,
    nanos: u32,
    month: Month,
}

#[derive(Debug, PartialEq, Eq)]
enum TimeError {
    Malformed,
    Impossible,
}

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in(y: i32, m: u8) -> u8 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 (H. Hinnant's algorithm).
fn days_from_civil(y: i32, m: u8, d: u8) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The digit at `i`, if there is one.
#[inline(always)]
fn digit(b: &[u8], i: usize) -> Option<u32> {
    match b.get(i) {
        Some(&c) if c.is_ascii_digit() => Some(u32::from(c - b'0')),
        _ => None,
    }
}

/// Exactly two digits at `i`.
#[inline(always)]
fn two(b: &[u8], i: usize) -> Option<u32> {
    Some(digit(b, i)? * 10 + digit(b, i + 1)?)
}

/// One or two digits at `i`: (value, next index).
#[inline(always)]
fn one_or_two(b: &[u8], i: usize) -> Option<(u32, usize)> {
    let a = digit(b, i)?;
    Some(match digit(b, i + 1) {
        Some(c) => (a * 10 + c, i + 2),
        None => (a, i + 1),
    })
}

#[inline(always)]
fn is(b: &[u8], i: usize, c: u8) -> bool {
    b.get(i) == Some(&c)
}

/// Reads `2021-03-04[( |T)10:22[:05[.123]][Z|±hh[:mm]]]` or
/// `04/03/2021[ 10:22[:05]]` (day first). Index arithmetic on bytes, no
/// allocation: lists have hundreds of thousands of these.
fn time(text: &[u8]) -> Result<Time, TimeError> {
    use TimeError::*;
    let t = trim(text);
    let (y, m, d, mut i);
    let sep = t.get(4).copied();
    if matches!(sep, Some(b'-' | b'/')) && t.get(7).copied() == sep {
        y = two(t, 0).ok_or(Malformed)? * 100 + two(t, 2).ok_or(Malformed)?;
        m = two(t, 5).ok_or(Malformed)?;
        d = two(t, 8).ok_or(Malformed)?;
        i = 10;
    } else {
        let (dd, j) = one_or_two(t, 0).ok_or(Malformed)?;
        if !is(t, j, b'/') {
            return Err(Malformed);
        }
        let (mm, j) = one_or_two(t, j + 1).ok_or(Malformed)?;
        if !is(t, j, b'/') {
            return Err(Malformed);
        }
        y = two(t, j + 1).ok_or(Malformed)? * 100 + two(t, j + 3).ok_or(Malformed)?;
        (m, d, i) = (mm, dd, j + 5);
    }
    let (mut h, mut mi, mut s, mut nanos, mut offset) = (0u32, 0u32, 0u32, 0u32, 0i64);
    if i < t.len() {
        if !matches!(t.get(i), Some(b' ' | b'T' | b't')) {
            return Err(Malformed);
        }
        i += 1;
        while is(t, i, b' ') {
            i += 1;
        }
        let (hh, j) = one_or_two(t, i).ok_or(Malformed)?;
        if !is(t, j, b':') {
            return Err(Malformed);
        }
        (h, mi) = (hh, two(t, j + 1).ok_or(Malformed)?);
        i = j + 3;
        if is(t, i, b':') {
            s = two(t, i + 1).ok_or(Malformed)?;
            i += 3;
            if is(t, i, b'.') || is(t, i, b',') {
                i += 1;
                let from = i;
                let mut scale = 100_000_000u32;
                while let Some(v) = digit(t, i) {
                    nanos += v * scale;
                    scale /= 10;
                    i += 1;
                }
                if i == from {
                    return Err(Malformed);
                }
            }
        }
        while is(t, i, b' ') {
            i += 1;
        }
        match t.get(i) {
            None => {}
            Some(b'Z' | b'z') if i + 1 == t.len() => {}
            Some(&sign @ (b'+' | b'-')) => {
                let oh = two(t, i + 1).ok_or(Malformed)?;
                i += 3;
                if is(t, i, b':') {
                    i += 1;
                }
                let om = if i == t.len() {
                    0
                } else {
                    let om = two(t, i).ok_or(Malformed)?;
                    if i + 2 != t.len() {
                        return Err(Malformed);
                    }
                    om
                };
                if oh > 23 || om > 59 {
                    return Err(Impossible);
                }
                let o = i64::from(oh * 3600 + om * 60);
                offset = if sign == b'-' { -o } else { o };
            }
            Some(_) => return Err(Malformed),
        }
    }
    // Each part is at most four digits: these conversions cannot fail.
    let (Ok(y), Ok(m), Ok(d)) = (i32::try_from(y), u8::try_from(m), u8::try_from(d)) else {
        return Err(Impossible);
    };
    let month = Month::new(y, m).ok_or(Impossible)?;
    if d == 0 || d > days_in(y, m) || h > 23 || mi > 59 || s > 59 {
        return Err(Impossible);
    }
    let secs = days_from_civil(y, m, d) * 86_400 + i64::from(h * 3600 + mi * 60 + s) - offset;
    Ok(Time { secs, nanos, month })
}

/// A word of up to 8 bytes, lower-cased, as one number (for matching
/// without comparing slices).
#[inline(always)]
fn word(b: &[u8]) -> Option<u64> {
    if b.len() > 8 {
        return None;
    }
    Some(
        b.iter()
            .fold(0u64, |a, c| (a << 8) | u64::from(c.to_ascii_lowercase())),
    )
}

const fn w(b: &[u8]) -> u64 {
    let mut a = 0u64;
    let mut i = 0;
    while i < b.len() {
        a = (a << 8) | b[i] as u64;
        i += 1;
    }
    a
}

/// `3`, `Cat 3`, `Category 3`, `C3`, `P3`, `Severity 3`, `Priority 3`.
fn category(text: &[u8]) -> Option<u8> {
    let t = trim(text);
    let n = t.iter().take_while(|c| c.is_ascii_alphabetic()).count();
    let (prefix, rest) = t.split_at_checked(n)?;
    if n > 0 {
        const PREFIXES: [u64; 8] = [
            w(b"category"),
            w(b"severity"),
            w(b"priority"),
            w(b"cat"),
            w(b"sev"),
            w(b"c"),
            w(b"p"),
            w(b"s"),
        ];
        if !PREFIXES.contains(&word(prefix)?) {
            return None;
        }
    }
    let k = rest
        .iter()
        .take_while(|c| matches!(c, b' ' | b'-' | b'_' | b'.' | b':'))
        .count();
    if n == 0 && k > 0 {
        return None;
    }
    match rest.get(k..)? {
        [c @ b'1'..=b'5'] => Some(c - b'0'),
        _ => None,
    }
}

fn within(text: &[u8]) -> Option<bool> {
    const YES: [u64; 7] = [
        w(b"yes"),
        w(b"y"),
        w(b"true"),
        w(b"t"),
        w(b"1"),
        w(b"within"),
        w(b"met"),
    ];
    const NO: [u64; 9] = [
        w(b"no"),
        w(b"n"),
        w(b"false"),
        w(b"f"),
        w(b"0"),
        w(b"breached"),
        w(b"breach"),
        w(b"missed"),
        w(b"not met"),
    ];
    let k = word(trim(text))?;
    if YES.contains(&k) {
        Some(true)
    } else if NO.contains(&k) {
        Some(false)
    } else {
        None
    }
}

/// `None` for a counted incident, else the exclusion type.
fn exclusion(text: &[u8]) -> Option<&[u8]> {
    let t = trim(text);
    let counted = match t {
        [] | [b'-'] => true,
        [_, _] | [_, _, _, _] => matches!(word(t), Some(k) if k == w(b"no") || k == w(b"none")),
        _ => false,
    };
    (!counted).then_some(t)
}

/// A cell for an error message: lossy text, cut at 200 characters.
fn shown(b: &[u8]) -> String {
    const MAX: usize = 200;
    let s = String::from_utf8_lossy(b);
    if s.chars().count() <= MAX {
        s.into_owned()
    } else {
        let mut out: String = s.chars().take(MAX).collect();
        out.push('…');
        out
    }
}

// ------------------------------------------------------------------ references

/// A 64-bit hash of a reference (multiply-rotate over 8-byte words, then
/// the MurmurHash3 finaliser). Equal hashes are checked byte for byte.
fn hash(b: &[u8]) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut h = (b.len() as u64).wrapping_mul(K);
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        h = (h ^ u64::from_le_bytes(w)).wrapping_mul(K).rotate_left(29);
    }
    let mut w = [0u8; 8];
    for (o, c) in w.iter_mut().zip(chunks.remainder()) {
        *o = *c;
    }
    h = (h ^ u64::from_le_bytes(w)).wrapping_mul(K);
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// The key is already a good hash: pass it through.
#[derive(Default)]
struct Identity(u64);

impl Hasher for Identity {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 << 8) | u64::from(*b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// References seen so far, with the line each was first used on. The bytes
/// live in one arena; no allocation per reference.
#[derive(Default)]
struct References {
    arena: Vec<u8>,
    /// hash → (start, end, line)
    by_hash: HashMap<u64, (usize, usize, u64), BuildHasherDefault<Identity>>,
    /// References whose hash collided with another reference's.
    collided: HashMap<Box<[u8]>, u64>,
}

impl References {
    /// The line `r` was first used on, or `None` (and `r` is recorded).
    fn first_use(&mut self, r: &[u8], line: u64) -> Option<u64> {
        use std::collections::hash_map::Entry;
        match self.by_hash.entry(hash(r)) {
            Entry::Vacant(v) => {
                let start = self.arena.len();
                self.arena.extend_from_slice(r);
                v.insert((start, self.arena.len(), line));
                None
            }
            Entry::Occupied(o) => {
                let &(s, e, first) = o.get();
                if self.arena.get(s..e) == Some(r) {
                    return Some(first);
                }
                match self.collided.entry(r.into()) {
                    Entry::Occupied(o) => Some(*o.get()),
                    Entry::Vacant(v) => {
                        v.insert(line);
                        None
                    }
                }
            }
        }
    }
}

// ------------------------------------------------------------------ reader

#[derive(Clone, Default)]
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
}

pub struct IncidentReader {
    src: Vec<u8>,
    /// Boxed, as is the state: the reader travels in an enum beside `Import`.
    tok: Box<Tokenizer>,
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
        Ok(IncidentReader {
            src: bytes,
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
                refs: References::default(),
                exclusion_types: Vec::new(),
                months: BTreeMap::new(),
            }),
        })
    }

    /// Reads up to `max_rows` more data rows; true when the whole input has been read.
    pub fn step(&mut self, max_rows: usize) -> bool {
        let IncidentReader {
            src,
            tok,
            fields,
            scratch,
            done,
            state,
            ..
        } = self;
        let mut n = 0usize;
        while !*done && n < max_rows {
            match tok.next(src, fields, scratch) {
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
        let total = self.src.len() as u64;
        ((self.tok.pos as u64).min(total), total)
    }

    /// The counts as CPM4 and CPM5 observations per month of closure.
    pub fn finish(self) -> Import {
        let s = *self.state;
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
                observations,
                ..Dataset::default()
            },
            errors: s.errors,
            notes,
            ..Import::default()
        }
    }
}

impl State {
    fn push_error(&mut self, e: ImportError) {
        if self.errors.len() < MAX_ERRORS {
            self.errors.push(e);
        } else {
            self.errors_dropped = true;
        }
    }

    /// Checks one data row and, if good, counts it.
    fn row(&mut self, line: u64, src: &[u8], scratch: &[u8], fields: &[Span]) {
        if fields.len() != self.headers.len() {
            self.rejected = self.rejected.saturating_add(1);
            let e = ImportError {
                row: Some(line),
                ..ImportError::file(
                    &self.file,
                    ErrorKind::Syntax,
                    format!(
                        "{} fields, as in the header; found {}",
                        self.headers.len(),
                        fields.len()
                    ),
                )
            };
            self.push_error(e);
            return;
        }
        let mut cells: [Option<&[u8]>; COLUMNS] = [None; COLUMNS];
        for (cell, at) in cells.iter_mut().zip(self.columns) {
            if let Some(s) = at.and_then(|i| fields.get(i)) {
                *cell = Some(field(src, scratch, *s));
            }
        }
        let cell = |c: usize| -> Option<&[u8]> { cells.get(c).copied().flatten() };
        // Errors are rare: nothing is allocated for a good row.
        let mut errs: Vec<(usize, ImportError)> = Vec::new();
        let mut fail = |c: usize, value: &[u8], kind: ErrorKind, expected: String| {
            if !errs.iter().any(|(k, _)| *k == c) {
                errs.push((
                    c,
                    ImportError {
                        file: String::new(),
                        row: Some(line),
                        column: None,
                        value: Some(shown(value)),
                        kind,
                        expected,
                    },
                ));
            }
        };

        // Reference: present, short, unique.
        let reference = trim(cell(REFERENCE).unwrap_or_default());
        if reference.is_empty() {
            fail(
                REFERENCE,
                reference,
                ErrorKind::BadValue,
                "an incident reference (it may not be empty)".into(),
            );
        } else if reference.len() > MAX_REFERENCE {
            fail(
                REFERENCE,
                reference,
                ErrorKind::BadValue,
                format!("an incident reference of at most {MAX_REFERENCE} characters"),
            );
        } else if let Some(first) = self.refs.first_use(reference, line) {
            fail(
                REFERENCE,
                reference,
                ErrorKind::Duplicate,
                format!("a reference used once; it is already on row {first}"),
            );
        }

        let cat_text = cell(CATEGORY).unwrap_or_default();
        let cat = category(cat_text);
        if cat.is_none() {
            fail(
                CATEGORY,
                trim(cat_text),
                ErrorKind::BadValue,
                CATEGORY_EXPECTED.into(),
            );
        }

        let mut times: [Option<Time>; 3] = [None; 3];
        for (k, c) in [RAISED, RESOLVED, CLOSED].into_iter().enumerate() {
            let Some(text) = cell(c).map(trim) else {
                continue;
            };
            if text.is_empty() {
                continue;
            }
            match time(text) {
                Ok(t) => {
                    if let Some(slot) = times.get_mut(k) {
                        *slot = Some(t);
                    }
                }
                Err(TimeError::Malformed) => {
                    fail(c, text, ErrorKind::BadPeriod, TIME_EXPECTED.into());
                }
                Err(TimeError::Impossible) => fail(
                    c,
                    text,
                    ErrorKind::BadPeriod,
                    format!("a real date and time of day (no month 13, day 32 or 30 February): {TIME_EXPECTED}"),
                ),
            }
        }
        let [raised, resolved, closed] = times;
        let order = |earlier: usize| -> String {
            let name = self.name(earlier);
            let text = cell(earlier).map(trim).unwrap_or_default();
            format!(
                "a time no earlier than {name} ({})",
                String::from_utf8_lossy(text)
            )
        };
        if let (Some(a), Some(b)) = (raised, resolved) {
            if b < a {
                let e = order(RAISED);
                fail(
                    RESOLVED,
                    trim(cell(RESOLVED).unwrap_or_default()),
                    ErrorKind::Inconsistent,
                    e,
                );
            }
        }
        if let Some(c) = closed {
            let earlier = match (resolved, raised) {
                (Some(r), _) => Some((r, RESOLVED)),
                (None, Some(r)) => Some((r, RAISED)),
                _ => None,
            };
            if let Some((t, col)) = earlier {
                if c < t {
                    let e = order(col);
                    fail(
                        CLOSED,
                        trim(cell(CLOSED).unwrap_or_default()),
                        ErrorKind::Inconsistent,
                        e,
                    );
                }
            }
        }
        let closed_empty = cell(CLOSED).map(trim).is_none_or(|t| t.is_empty());

        let excl = cell(EXCLUSION).and_then(exclusion);
        let within_text = trim(cell(WITHIN).unwrap_or_default());
        let met = if within_text.is_empty() {
            if excl.is_none() && !closed_empty {
                fail(
                    WITHIN,
                    within_text,
                    ErrorKind::BadValue,
                    format!("{WITHIN_EXPECTED}; it may be empty only for an excluded or still-open incident"),
                );
            }
            None
        } else {
            let w = within(within_text);
            if w.is_none() {
                fail(
                    WITHIN,
                    within_text,
                    ErrorKind::BadValue,
                    WITHIN_EXPECTED.into(),
                );
            }
            w
        };

        if !errs.is_empty() {
            self.rejected = self.rejected.saturating_add(1);
            errs.sort_by_key(|(c, _)| *c);
            for (c, mut e) in errs {
                e.file.clone_from(&self.file);
                e.column = Some(self.name(c).to_string());
                self.push_error(e);
            }
            return;
        }
        let (Some(cat), Some(closed)) = (cat, closed) else {
            // A good row without a closed time is still open.
            self.open = self.open.saturating_add(1);
            return;
        };
        let ex_index = match excl {
            None => None,
            Some(t) => Some(
                match self.exclusion_types.iter().position(|(k, _)| **k == *t) {
                    Some(i) => i,
                    None => {
                        self.exclusion_types
                            .push((t.into(), String::from_utf8_lossy(t).into_owned()));
                        self.exclusion_types.len() - 1
                    }
                },
            ),
        };
        let tallies = self.months.entry(closed.month).or_default();
        let Some(tally) = tallies.get_mut(usize::from(cat.saturating_sub(1))) else {
            return;
        };
        tally.any = true;
        match ex_index {
            Some(i) => {
                if tally.excluded.len() <= i {
                    tally.excluded.resize(i + 1, 0);
                }
                if let Some(n) = tally.excluded.get_mut(i) {
                    *n = n.saturating_add(1);
                }
            }
            None => {
                tally.total = tally.total.saturating_add(1);
                if met == Some(true) {
                    tally.within = tally.within.saturating_add(1);
                }
            }
        }
    }

    /// The column's header as written in the file (its canonical name if absent).
    fn name(&self, c: usize) -> &str {
        self.columns
            .get(c)
            .copied()
            .flatten()
            .and_then(|i| self.headers.get(i))
            .map(String::as_str)
            .or_else(|| NAMES.get(c).and_then(|n| n.first().copied()))
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps() {
        let ok = |s: &str| time(s.as_bytes()).map(|t| (t.month.to_string(), t.secs, t.nanos));
        assert_eq!(ok("1970-01-01").unwrap().1, 0);
        assert_eq!(ok("2021-03-04 10:22").unwrap().0, "2021-03");
        assert_eq!(
            ok("2021-03-04 10:22:05").unwrap().1,
            ok("04/03/2021 10:22:05").unwrap().1
        );
        assert_eq!(
            ok("2021-03-04T10:22:05Z").unwrap().1,
            ok("2021-03-04T11:22:05+01:00").unwrap().1
        );
        assert_eq!(ok("2021-03-04T10:22:05.25Z").unwrap().2, 250_000_000);
        assert_eq!(
            ok("2021-03-04T10:22:05.123456789123Z").unwrap().2,
            123_456_789
        );
        assert_eq!(ok("4/3/2021 9:05").unwrap().0, "2021-03");
        assert_eq!(ok("2020-02-29").unwrap().0, "2020-02");
        for bad in [
            "2021-13-01",
            "2021-01-32",
            "2021-02-30",
            "2021-02-29",
            "30/02/2021",
            "2021-03-04 24:00",
            "2021-03-04 10:60",
        ] {
            assert_eq!(time(bad.as_bytes()), Err(TimeError::Impossible), "{bad}");
        }
        for bad in [
            "",
            "yesterday",
            "2021-3-4",
            "2021-03-04x",
            "2021-03-04 10",
            "04/03/21",
            "2021-03-04 10:22:05 junk",
            "2021-03-041",
        ] {
            assert_eq!(time(bad.as_bytes()), Err(TimeError::Malformed), "{bad}");
        }
    }

    #[test]
    fn categories_and_flags() {
        for (s, want) in [
            ("3", Some(3)),
            (" Cat 3 ", Some(3)),
            ("Category 5", Some(5)),
            ("c1", Some(1)),
            ("P2", Some(2)),
            ("CAT-4", Some(4)),
            ("6", None),
            ("0", None),
            ("", None),
            ("Cat", None),
            ("33", None),
            ("x3", None),
        ] {
            assert_eq!(category(s.as_bytes()), want, "{s}");
        }
        assert_eq!(within(b"Yes"), Some(true));
        assert_eq!(within(b"BREACHED"), Some(false));
        assert_eq!(within(b"maybe"), None);
        assert_eq!(exclusion(b" None "), None);
        assert_eq!(exclusion(b" Cancelled "), Some(&b"Cancelled"[..]));
    }

    #[test]
    fn tokenizer_quotes() {
        let src = b"a,\"b,\"\"c\"\"\",\"d\ne\"\r\n\n\nx,y,z";
        let mut t = Tokenizer::new(b',');
        let (mut f, mut s) = (Vec::new(), Vec::new());
        let Record::Fields(1, 3) = t.next(src, &mut f, &mut s) else {
            panic!()
        };
        let got: Vec<&[u8]> = f.iter().map(|&x| field(src, &s, x)).collect();
        assert_eq!(got, vec![&b"a"[..], b"b,\"c\"", b"d\ne"]);
        let Record::Fields(5, 3) = t.next(src, &mut f, &mut s) else {
            panic!()
        };
        assert_eq!(f.len(), 3);
        assert!(matches!(t.next(src, &mut f, &mut s), Record::Eof));
        let mut t = Tokenizer::new(b',');
        assert!(matches!(
            t.next(b"\"ab\"c,d\nx", &mut f, &mut s),
            Record::Bad(1, _)
        ));
        assert!(matches!(
            t.next(b"\"ab\"c,d\nx", &mut f, &mut s),
            Record::Fields(2, 1)
        ));
        let mut t = Tokenizer::new(b',');
        assert!(matches!(
            t.next(b"a,\"open", &mut f, &mut s),
            Record::Bad(1, _)
        ));
        assert!(matches!(t.next(b"a,\"open", &mut f, &mut s), Record::Eof));
    }
}
