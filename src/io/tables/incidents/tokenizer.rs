//! The tokenizer: CSV records as spans of the bytes, quoted fields
//! unescaped into a scratch buffer, without a copy per field.

// ------------------------------------------------------------------ tokenizer

/// A field of the current record: a range of the input, or of the scratch
/// buffer when the field was quoted with `""` escapes.
#[derive(Clone, Copy, Default)]
pub(super) struct Span {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) scratch: bool,
}

pub(super) enum Record {
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
pub(super) struct Tokenizer {
    pub(super) pos: usize,
    /// 1-based line of `pos`.
    pub(super) line: u64,
    pub(super) delimiter: u8,
}

impl Tokenizer {
    pub(super) fn new(delimiter: u8) -> Tokenizer {
        Tokenizer {
            pos: 0,
            line: 1,
            delimiter,
        }
    }

    /// Skips the rest of the current line (after malformed quoting).
    pub(super) fn skip_line(&mut self, src: &[u8]) {
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

    pub(super) fn next(
        &mut self,
        src: &[u8],
        fields: &mut Vec<Span>,
        scratch: &mut Vec<u8>,
    ) -> Record {
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
                self.pos = start + field_end(rest, self.delimiter);
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

/// Where an unquoted field ends in `rest`: at the first delimiter, `\n` or
/// `\r`, or its end. Eight bytes at a time: a byte equal to one of them is
/// a zero byte after `^`, and `(v - 0x01..) & !v & 0x80..` marks the
/// lowest zero byte of `v` exactly (a borrow only marks bytes above it).
#[inline(always)]
pub(super) fn field_end(rest: &[u8], delimiter: u8) -> usize {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    let zero = |v: u64| v.wrapping_sub(LO) & !v & HI;
    let (d, lf, cr) = (LO * u64::from(delimiter), LO * 0x0A, LO * 0x0D);
    let mut i = 0;
    while let Some(b) = rest.get(i..i + 8) {
        let mut w = [0u8; 8];
        w.copy_from_slice(b);
        let w = u64::from_le_bytes(w);
        let hit = zero(w ^ d) | zero(w ^ lf) | zero(w ^ cr);
        if hit != 0 {
            return i + (hit.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while let Some(&b) = rest.get(i) {
        if b == delimiter || b == b'\n' || b == b'\r' {
            return i;
        }
        i += 1;
    }
    i
}

/// Sets field `n` of the buffer, which only grows: no call per field once
/// it is as wide as the widest row.
#[inline(always)]
pub(super) fn put(fields: &mut Vec<Span>, n: &mut usize, s: Span) {
    match fields.get_mut(*n) {
        Some(slot) => *slot = s,
        None => fields.push(s),
    }
    *n += 1;
}

pub(super) const UNCLOSED: &str =
    "a closing quote (\") for the quoted field that starts on this row";
pub(super) const AFTER_QUOTE: &str =
    "a separator or the end of the line right after the closing quote of a quoted field \
     (a quote inside a quoted field is written \"\")";

pub(super) fn field<'a>(src: &'a [u8], scratch: &'a [u8], s: Span) -> &'a [u8] {
    let buf = if s.scratch { scratch } else { src };
    buf.get(s.start..s.end).unwrap_or_default()
}

// Inlined, the usual case (no space at either end) first: called about a
// dozen times a row, and a call costs more than that case.
#[inline(always)]
pub(super) fn trim(b: &[u8]) -> &[u8] {
    match (b.first(), b.last()) {
        (Some(f), Some(l)) if !f.is_ascii_whitespace() && !l.is_ascii_whitespace() => b,
        _ => b.trim_ascii(),
    }
}
