//! Cells: times, categories, within-target flags and exclusions read from bytes.

use super::*;

// ------------------------------------------------------------------ cells

/// A point in time: UTC seconds (offset applied) and nanoseconds for
/// ordering, and the month as written for the period.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct Time {
    pub(super) secs: i64,
    pub(super) nanos: u32,
    pub(super) month: Month,
}

#[derive(Debug, PartialEq, Eq)]
pub(super) enum TimeError {
    Malformed,
    Impossible,
}

pub(super) use crate::engine::period::{days_from_civil, is_leap};

/// The first day of each of the last years asked for, kept eight apart by
/// the year's last three bits: a list's rows fall in a few years, often in
/// turn (raised in one, closed in the next), and working out a year's first
/// day takes divisions (slow on wasm, where size-optimised code keeps them
/// as divisions).
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Calendar {
    years: [Year; 8],
}

#[derive(Clone, Copy, Debug, Default)]
struct Year {
    /// 0 until a year is kept here (no real year is).
    year: i32,
    /// Days from 1970-01-01 to 1 January of `year`.
    start: i64,
    leap: bool,
}

/// Days in the months before each month of a common year.
const BEFORE: [u16; 12] = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

impl Calendar {
    /// Days since 1970-01-01 of a real date in a reporting year (as
    /// [`Month::new`] accepts them), and its month; else `None`.
    pub(super) fn date(&mut self, y: i32, m: u8, d: u8) -> Option<(i64, Month)> {
        // `day` checked the year and month as `Month::new` does.
        self.day(y, m, d).map(|day| (day, Month::literal(y, m)))
    }

    /// Days since 1970-01-01 of a real date in a reporting year, else `None`.
    pub(super) fn day(&mut self, y: i32, m: u8, d: u8) -> Option<i64> {
        if !(1900..=9999).contains(&y) {
            return None;
        }
        let kept = self.years.get_mut((y & 7) as usize)?;
        if kept.year != y {
            *kept = Year {
                year: y,
                start: days_from_civil(y, 1, 1),
                leap: is_leap(y),
            };
        }
        let before = *BEFORE.get(usize::from(m).checked_sub(1)?)?;
        let len = match m {
            2 => 28 + u8::from(kept.leap),
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        };
        if d == 0 || d > len {
            return None;
        }
        let leap_day = i64::from(kept.leap && m > 2);
        Some(kept.start + i64::from(before) + leap_day + i64::from(d) - 1)
    }
}

/// The digit at `i`, if there is one.
#[inline(always)]
pub(super) fn digit(b: &[u8], i: usize) -> Option<u32> {
    match b.get(i) {
        Some(&c) if c.is_ascii_digit() => Some(u32::from(c - b'0')),
        _ => None,
    }
}

/// Exactly two digits at `i`.
#[inline(always)]
pub(super) fn two(b: &[u8], i: usize) -> Option<u32> {
    Some(digit(b, i)? * 10 + digit(b, i + 1)?)
}

/// One or two digits at `i`: (value, next index).
#[inline(always)]
pub(super) fn one_or_two(b: &[u8], i: usize) -> Option<(u32, usize)> {
    let a = digit(b, i)?;
    Some(match digit(b, i + 1) {
        Some(c) => (a * 10 + c, i + 2),
        None => (a, i + 1),
    })
}

#[inline(always)]
pub(super) fn is(b: &[u8], i: usize, c: u8) -> bool {
    b.get(i) == Some(&c)
}

/// Bytes `i..i + 8` as a little-endian word.
#[inline(always)]
fn le_word(t: &[u8; 19], i: usize) -> u64 {
    let mut w = [0u8; 8];
    if let Some(b) = t.get(i..i + 8) {
        w.copy_from_slice(b);
    }
    u64::from_le_bytes(w)
}

/// Whether every byte of `w` is an ASCII digit, but those where `skip` has
/// 0xFF. Taking `0` away sets a byte's top bit if it is below `0` or from
/// 0xB0 up; adding 0x46 sets it if it is from `:` to 0xB9. A borrow or
/// carry between bytes only comes from a byte that is no digit already.
#[inline(always)]
pub(super) fn digits(w: u64, skip: u64) -> bool {
    const ZEROS: u64 = 0x3030_3030_3030_3030;
    let w = (w & !skip) | (ZEROS & skip);
    (w.wrapping_sub(ZEROS) | w.wrapping_add(0x4646_4646_4646_4646)) & 0x8080_8080_8080_8080 == 0
}

#[inline(always)]
fn digit_at(t: &[u8; 19], i: usize) -> u32 {
    match t.get(i) {
        Some(b) => u32::from(b.wrapping_sub(b'0')),
        None => u32::MAX,
    }
}

#[inline(always)]
fn pair_at(t: &[u8; 19], i: usize) -> u32 {
    digit_at(t, i) * 10 + digit_at(t, i + 1)
}

/// `2021-03-04 10:22:05` (or with `T`), the form nearly every list uses,
/// read at fixed places; `None` for any other form.
#[inline(always)]
fn usual_time(t: &[u8], cal: &mut Calendar) -> Option<Result<Time, TimeError>> {
    let t: &[u8; 19] = t.try_into().ok()?;
    if t[4] != b'-'
        || t[7] != b'-'
        || !matches!(t[10], b' ' | b'T')
        || t[13] != b':'
        || t[16] != b':'
    {
        return None;
    }
    // Every other byte a digit: checked eight at a time (three times a row).
    // Little-endian words of bytes 0..8, 8..16 and 11..19; the separators'
    // bytes (4 and 7; 10 and 13; 13 and 16) are skipped.
    const FIRST: u64 = 0xFF00_00FF_0000_0000;
    const LATER: u64 = 0x0000_FF00_00FF_0000;
    if !(digits(le_word(t, 0), FIRST)
        && digits(le_word(t, 8), LATER)
        && digits(le_word(t, 11), LATER))
    {
        return None;
    }
    let (y, m, d) = (
        pair_at(t, 0) * 100 + pair_at(t, 2),
        pair_at(t, 5),
        pair_at(t, 8),
    );
    let (h, mi, s) = (pair_at(t, 11), pair_at(t, 14), pair_at(t, 17));
    // At most four digits each: these conversions cannot fail.
    let (Ok(y), Ok(m), Ok(d)) = (i32::try_from(y), u8::try_from(m), u8::try_from(d)) else {
        return Some(Err(TimeError::Impossible));
    };
    let Some((day, month)) = cal.date(y, m, d) else {
        return Some(Err(TimeError::Impossible));
    };
    if h > 23 || mi > 59 || s > 59 {
        return Some(Err(TimeError::Impossible));
    }
    Some(Ok(Time {
        secs: day * 86_400 + i64::from(h * 3600 + mi * 60 + s),
        nanos: 0,
        month,
    }))
}

/// Reads `2021-03-04[( |T)10:22[:05[.123]][Z|±hh[:mm]]]` or
/// `04/03/2021[ 10:22[:05]]` (day first). Index arithmetic on bytes, no
/// allocation: lists have hundreds of thousands of these.
pub(super) fn time(text: &[u8], cal: &mut Calendar) -> Result<Time, TimeError> {
    use TimeError::*;
    let t = trim(text);
    if let Some(usual) = usual_time(t, cal) {
        return usual;
    }
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
    let (day, month) = cal.date(y, m, d).ok_or(Impossible)?;
    if h > 23 || mi > 59 || s > 59 {
        return Err(Impossible);
    }
    let secs = day * 86_400 + i64::from(h * 3600 + mi * 60 + s) - offset;
    Ok(Time { secs, nanos, month })
}

/// A word of up to 8 bytes, lower-cased, as one number (for matching
/// without comparing slices).
#[inline(always)]
pub(super) fn word(b: &[u8]) -> Option<u64> {
    if b.len() > 8 {
        return None;
    }
    // A loop, not `fold`: at opt-level "z" the closure stays a call.
    let mut a = 0u64;
    let mut i = 0;
    while let Some(c) = b.get(i) {
        a = (a << 8) | u64::from(c.to_ascii_lowercase());
        i += 1;
    }
    Some(a)
}

pub(super) const fn w(b: &[u8]) -> u64 {
    let mut a = 0u64;
    let mut i = 0;
    while i < b.len() {
        a = (a << 8) | b[i] as u64;
        i += 1;
    }
    a
}

/// `3`, `Cat 3`, `Category 3`, `C3`, `P3`, `Severity 3`, `Priority 3`.
pub(super) fn category(text: &[u8]) -> Option<u8> {
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

pub(super) fn within(text: &[u8]) -> Option<bool> {
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
pub(super) fn exclusion(text: &[u8]) -> Option<&[u8]> {
    let t = trim(text);
    let counted = match t {
        [] | [b'-'] => true,
        [_, _] | [_, _, _, _] => matches!(word(t), Some(k) if k == w(b"no") || k == w(b"none")),
        _ => false,
    };
    (!counted).then_some(t)
}

/// A cell for an error message: lossy text, cut at 200 characters.
pub(super) fn shown(b: &[u8]) -> String {
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
