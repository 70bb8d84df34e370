//! Cell values as people write them: `99.83%`, `56,774`, `No Events`,
//! `2021-03`, `March 2021`, `Mar-21`.

use crate::engine::{Month, NoValue};
use rust_decimal::Decimal;

/// A level cell: a number or a status word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cell {
    Number(Decimal),
    Status(NoValue),
}

pub const LEVEL_EXPECTED: &str =
    "a number such as 99.83 or 99.83%, or one of No Events, N/A, Data Exempted, Not Reported";

/// Strips a trailing `%` and thousands separators (only where they group
/// digits in threes, so `1,2` is refused rather than read as 12).
pub fn decimal(text: &str) -> Option<Decimal> {
    let t = text.trim();
    let t = t.strip_suffix('%').unwrap_or(t).trim();
    if t.is_empty() || t.len() > 40 {
        return None;
    }
    let (int, frac) = t.split_once('.').unwrap_or((t, ""));
    let (sign, digits) = match int.strip_prefix('-') {
        Some(d) => ("-", d),
        None => ("", int.strip_prefix('+').unwrap_or(int)),
    };
    let plain = if digits.contains(',') {
        let groups: Vec<&str> = digits.split(',').collect();
        let ok = !groups[0].is_empty()
            && groups[0].len() <= 3
            && groups[1..].iter().all(|g| g.len() == 3)
            && groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit()));
        if !ok {
            return None;
        }
        groups.concat()
    } else {
        digits.to_string()
    };
    if plain.is_empty()
        || !plain.bytes().all(|b| b.is_ascii_digit())
        || !frac.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let canonical = if frac.is_empty() {
        format!("{sign}{plain}")
    } else {
        format!("{sign}{plain}.{frac}")
    };
    canonical.parse().ok()
}

/// A figure marked as approximate, as documents write it: `~50`, `≈ 50%`,
/// `about 50`, `approx. 50`, `c. 50`. Returns whether it was marked and the
/// figure without the mark.
pub fn approximate(text: &str) -> (bool, &str) {
    let t = text.trim();
    for mark in [
        "~",
        "≈",
        "about ",
        "approximately ",
        "approx. ",
        "approx ",
        "c. ",
    ] {
        let hit = t
            .get(..mark.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(mark));
        if hit {
            return (true, t[mark.len()..].trim());
        }
    }
    (false, t)
}

pub fn level(text: &str) -> Option<Cell> {
    NoValue::parse(text)
        .map(Cell::Status)
        .or_else(|| decimal(text).map(Cell::Number))
}

/// A non-negative whole number, separators allowed.
pub fn count(text: &str) -> Option<u64> {
    let d = decimal(text)?;
    if d.is_sign_negative() || d.fract() != Decimal::ZERO {
        return None;
    }
    d.trunc().to_string().parse().ok()
}

pub const EXCLUSIONS_EXPECTED: &str =
    "incidents excluded by type, such as Cancelled=3; Duplicate=2, or empty";

/// Reads `Cancelled=3; Duplicate=2`: incidents excluded by type. Empty is none.
pub fn exclusions(text: &str) -> Option<std::collections::BTreeMap<String, u64>> {
    let mut out = std::collections::BTreeMap::new();
    for part in text.split(';').map(str::trim).filter(|p| !p.is_empty()) {
        let (kind, n) = part.rsplit_once('=')?;
        let kind = kind.trim();
        if kind.is_empty() || out.insert(kind.to_string(), count(n)?).is_some() {
            return None;
        }
    }
    Some(out)
}

/// Writes exclusions as [`exclusions`] reads them.
pub fn exclusions_text(map: &std::collections::BTreeMap<String, u64>) -> String {
    map.iter()
        .map(|(k, n)| format!("{k}={n}"))
        .collect::<Vec<_>>()
        .join("; ")
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// Month names in full, lower case, January first.
pub(crate) const FULL_MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

pub const PERIOD_EXPECTED: &str =
    "a month such as 2021-03, Mar-21, Mar 2021, March 2021, or a date in it such as 01/03/2021 (day first) or 2021-03-01";

/// Reads `2021-03`, `2021/03`, `March 2021`, `Mar 2021`, `Mar-21`, `Sept 2020`,
/// and a date in the month as spreadsheets show one (see [`date_month`]).
pub fn month(text: &str) -> Option<Month> {
    let t = text.trim();
    if let Ok(m) = t.replace('/', "-").parse::<Month>() {
        return Some(m);
    }
    if let Some(m) = date_month(t) {
        return Some(m);
    }
    let lower = t.to_ascii_lowercase();
    let (name, year) = lower.split_once([' ', '-'])?;
    let idx = MONTHS.iter().position(|m| name.starts_with(m))?;
    let full = FULL_MONTHS[idx];
    if !(full.starts_with(name) || name == "sept") {
        return None;
    }
    let year = year.trim();
    let y: i32 = match year.len() {
        2 => 2000 + year.parse::<i32>().ok()?,
        4 => year.parse().ok()?,
        _ => return None,
    };
    Month::new(y, idx as u8 + 1)
}

/// The month of a date as spreadsheets show one: `01/05/2021`, `1/5/21`,
/// `01.05.2021` (day first, as in the UK: 1 May 2021), `2021-05-01`,
/// `2021-05-01T00:00:00`, `2021-05-01 00:00`, `05/2021`, `1 May 2021`,
/// `01-May-21`. A day the month does not have is refused; so is a month
/// over 12, rather than guessing that the date was written month first.
pub fn date_month(text: &str) -> Option<Month> {
    let t = text.trim();
    // An ISO date with a time, as workbooks hand dates over.
    let t = match (t.get(..10), t.get(10..)) {
        (Some(day), Some(rest))
            if rest.starts_with(['T', ' '])
                && rest[1..]
                    .bytes()
                    .all(|b| b.is_ascii_digit() || b == b':' || b == b'.') =>
        {
            day
        }
        _ => t,
    };
    let parts: Vec<&str> = t.split(['/', '-', '.', ' ']).collect();
    let number = |p: &str, max_len: usize| -> Option<u32> {
        if p.is_empty() || p.len() > max_len || !p.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        p.parse().ok()
    };
    let year = |p: &str| match p.len() {
        2 => number(p, 2).map(|y| 2000 + y as i32),
        4 => number(p, 4).map(|y| y as i32),
        _ => None,
    };
    let named = |p: &str| {
        let lower = p.to_ascii_lowercase();
        let i = MONTHS.iter().position(|m| lower.starts_with(m))?;
        (FULL_MONTHS[i].starts_with(&lower) || lower == "sept").then_some(i as u32 + 1)
    };
    let (y, m, d) = match parts.as_slice() {
        [y, m, d] if y.len() == 4 => (year(y)?, number(m, 2)?, number(d, 2)?),
        [d, m, y] => (year(y)?, number(m, 2).or_else(|| named(m))?, number(d, 2)?),
        [m, y] if y.len() == 4 => (year(y)?, number(m, 2)?, 1),
        _ => return None,
    };
    let month = Month::new(y, u8::try_from(m).ok()?)?;
    (1..=u32::from(month.days())).contains(&d).then_some(month)
}

/// A figure of a credit scheme as typed: `246.85`, `£1,357`, `0`. Never negative.
pub fn non_negative(text: &str) -> Option<Decimal> {
    let t = text.trim();
    let t = t.strip_prefix('£').unwrap_or(t);
    decimal(t).filter(|d| !d.is_sign_negative() || d.is_zero())
}

/// An optional month cell: `Some(None)` when empty, `None` when unreadable.
pub fn optional_month(text: &str) -> Option<Option<Month>> {
    match text {
        "" => Some(None),
        t => month(t).map(Some),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn decimals_as_people_write_them() {
        #[rustfmt::skip]
        let cases = [
            ("99.83", Some("99.83")), ("99.83%", Some("99.83")), (" 99.896 % ", Some("99.896")),
            ("56,774", Some("56774")), ("1,234,567.5", Some("1234567.5")), ("-1.5", Some("-1.5")),
            ("100.00", Some("100.00")), ("1,2", None), ("12,34", None), (",123", None), ("abc", None),
            ("", None), ("%", None), ("1e5", None), ("NaN", None), ("99..8", None), ("1.2.3", None),
            ("99999999999999999999999999999999999", None),
        ];
        for (text, want) in cases {
            assert_eq!(decimal(text), want.map(d), "{text:?}");
        }
        assert_eq!(
            decimal("100.00").unwrap().scale(),
            2,
            "printed decimals are kept"
        );
    }

    #[test]
    fn counts_and_levels() {
        assert_eq!(count("56,774"), Some(56774));
        assert_eq!(count("-1"), None);
        assert_eq!(count("1.5"), None);
        assert_eq!(count("3.0"), Some(3));
        assert_eq!(level("No Events"), Some(Cell::Status(NoValue::NoEvents)));
        assert_eq!(level("n/a"), Some(Cell::Status(NoValue::NotApplicable)));
        assert_eq!(level("23.74%"), Some(Cell::Number(d("23.74"))));
        assert_eq!(level("twenty"), None);
    }

    #[test]
    fn months_as_people_write_them() {
        let m = |y, mo| Month::new(y, mo);
        #[rustfmt::skip]
        let cases = [
            ("2021-03", m(2021, 3)), ("2021/03", m(2021, 3)), ("March 2021", m(2021, 3)),
            ("Mar 2021", m(2021, 3)), ("Mar-21", m(2021, 3)), ("mar-21", m(2021, 3)),
            ("Sept 2020", m(2020, 9)), ("Sep-20", m(2020, 9)), ("Marc 2021", m(2021, 3)),
            ("Mrch 2021", None), ("March", None), ("13/2021", None), ("2021-13", None), ("", None),
            ("Mar 202", None), ("Maybe 2021", None),
        ];
        for (text, want) in cases {
            assert_eq!(month(text), want, "{text:?}");
        }
    }

    #[test]
    fn dates_read_as_their_month_day_first() {
        let m = |y, mo| Month::new(y, mo);
        #[rustfmt::skip]
        let cases = [
            ("01/05/2021", m(2021, 5)), ("1/5/2021", m(2021, 5)), ("1/5/21", m(2021, 5)),
            ("31/03/2021", m(2021, 3)), ("01.05.2021", m(2021, 5)), ("01-05-2021", m(2021, 5)),
            ("2021-05-01", m(2021, 5)), ("2021/05/31", m(2021, 5)),
            ("2021-05-01T00:00:00", m(2021, 5)), ("2021-05-01 00:00", m(2021, 5)),
            ("05/2021", m(2021, 5)), ("5/2021", m(2021, 5)), ("1 May 2021", m(2021, 5)),
            ("01-May-21", m(2021, 5)), ("29/02/2024", m(2024, 2)), ("May-21", m(2021, 5)),
            ("May 2021", m(2021, 5)), ("2021-05", m(2021, 5)),
            // Month first (US) is refused, not guessed; so are impossible days.
            ("05/31/2021", None), ("29/02/2021", None), ("31/04/2021", None), ("00/05/2021", None),
            ("13/2021", None), ("05/21", None), ("2021-05-01Tnoon", None), ("1 Mayo 2021", None),
            ("1/5/202", None), ("é/5/2021", None), ("2021-05-01\u{e9}", None),
            ("2021-05-01T\u{e9}", None), ("\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}", None),
        ];
        for (text, want) in cases {
            assert_eq!(month(text), want, "{text:?}");
        }
    }
}
