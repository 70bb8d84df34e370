//! Calendar months and measurement cadences.
//!
//! Every observation is keyed by a [`Month`]. A quarterly measure is keyed by
//! the last month of its quarter (2021 Q1 is `2021-03`; the DSP's
//! "Nov20 – Jan21" quarter is `2021-01`), which is how the PMR lays quarters
//! beside the month it reports.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A calendar month, ordered chronologically.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    year: i32,
    month: u8,
}

impl Month {
    /// `None` unless `month` is 1 to 12 and the year is a plausible reporting year.
    pub fn new(year: i32, month: u8) -> Option<Month> {
        ((1..=12).contains(&month) && (1900..=9999).contains(&year))
            .then_some(Month { year, month })
    }

    /// A month written into the built-in tables. A month outside 1–12 is
    /// taken as January rather than panicking; tests cover every use.
    pub const fn literal(year: i32, month: u8) -> Month {
        let month = if month >= 1 && month <= 12 { month } else { 1 };
        Month { year, month }
    }

    pub fn year(self) -> i32 {
        self.year
    }

    /// 1 to 12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// How many days the month has.
    pub fn days(self) -> u8 {
        match self.month {
            4 | 6 | 9 | 11 => 30,
            2 if is_leap(self.year) => 29,
            2 => 28,
            _ => 31,
        }
    }

    /// Months since year 0, so that month arithmetic is plain integer arithmetic.
    fn index(self) -> i64 {
        i64::from(self.year) * 12 + i64::from(self.month) - 1
    }

    fn from_index(i: i64) -> Month {
        Month {
            year: i.div_euclid(12) as i32,
            month: (i.rem_euclid(12) + 1) as u8,
        }
    }

    /// The month `n` months before this one.
    pub fn minus(self, n: u32) -> Month {
        Month::from_index(self.index() - i64::from(n))
    }

    /// The month `n` months after this one.
    pub fn plus(self, n: u32) -> Month {
        Month::from_index(self.index() + i64::from(n))
    }

    /// Whole months from `earlier` to `self` (negative if `earlier` is later).
    pub fn months_since(self, earlier: Month) -> i64 {
        self.index() - earlier.index()
    }

    /// "March 2021".
    pub fn long_name(self) -> String {
        format!("{} {}", MONTH_NAMES[usize::from(self.month - 1)], self.year)
    }

    /// "Mar 2021".
    pub fn short_name(self) -> String {
        format!(
            "{} {}",
            &MONTH_NAMES[usize::from(self.month - 1)][..3],
            self.year
        )
    }
}

/// A Gregorian leap year.
pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days since 1970-01-01, negative before (H. Hinnant's days_from_civil).
pub fn days_from_civil(y: i32, m: u8, d: u8) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// Parses the canonical `YYYY-MM` form only; friendlier forms belong to `io`.
impl FromStr for Month {
    type Err = String;
    fn from_str(s: &str) -> Result<Month, String> {
        let bad = || format!("expected a month as YYYY-MM, found {s:?}");
        let (y, m) = s.trim().split_once('-').ok_or_else(bad)?;
        if y.len() != 4 || m.len() != 2 {
            return Err(bad());
        }
        let year: i32 = y.parse().map_err(|_| bad())?;
        let month: u8 = m.parse().map_err(|_| bad())?;
        Month::new(year, month).ok_or_else(bad)
    }
}

impl Serialize for Month {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Month {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Month, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// How often a measure is reported.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Cadence {
    Monthly,
    Quarterly,
}

impl Cadence {
    /// Months in one measurement period.
    pub fn months(self) -> u32 {
        match self {
            Cadence::Monthly => 1,
            Cadence::Quarterly => 3,
        }
    }

    /// "1 month", "3 months", "2 quarters".
    pub fn count(self, n: u32) -> String {
        let unit = match (self, n) {
            (Cadence::Monthly, 1) => "month",
            (Cadence::Monthly, _) => "months",
            (Cadence::Quarterly, 1) => "quarter",
            (Cadence::Quarterly, _) => "quarters",
        };
        format!("{n} {unit}")
    }

    /// The period before `p` (a quarter is keyed by its last month).
    pub fn previous(self, p: Month) -> Month {
        p.minus(self.months())
    }

    /// Whether a period keyed `p` is the latest one of this cadence that is
    /// reportable in a monthly report for `view` (a quarterly figure stays on
    /// show until the next quarter closes, as in the PMR).
    pub fn shows_in(self, p: Month, view: Month) -> bool {
        let age = view.months_since(p);
        age >= 0 && age < i64::from(self.months())
    }

    /// "March 2021" or "Jan – Mar 2021".
    pub fn label(self, p: Month) -> String {
        match self {
            Cadence::Monthly => p.long_name(),
            Cadence::Quarterly => {
                let first = p.minus(2);
                let short = |m: Month| m.short_name();
                if first.year() == p.year() {
                    format!("{} – {}", &short(first)[..3], short(p))
                } else {
                    format!("{} – {}", short(first), short(p))
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_canonical_months() {
        for (text, ok) in [
            ("2021-03", true),
            ("2021-3", false),
            ("2021-13", false),
            ("2021-00", false),
            ("21-03", false),
            ("", false),
            ("March 2021", false),
        ] {
            let parsed = text.parse::<Month>();
            assert_eq!(parsed.is_ok(), ok, "{text}");
            if let Ok(m) = parsed {
                assert_eq!(m.to_string(), text);
            }
        }
    }

    #[test]
    fn month_arithmetic_crosses_years() {
        let m = Month::new(2021, 1).unwrap();
        assert_eq!(m.minus(1), Month::new(2020, 12).unwrap());
        assert_eq!(m.minus(13), Month::new(2019, 12).unwrap());
        assert_eq!(m.months_since(Month::new(2020, 10).unwrap()), 3);
        assert_eq!(m.long_name(), "January 2021");
    }

    #[test]
    fn quarters_show_until_the_next_one_closes() {
        let q = Month::new(2021, 1).unwrap(); // Nov 2020 – Jan 2021
        let view = |m| Cadence::Quarterly.shows_in(q, Month::new(2021, m).unwrap());
        assert!(view(1) && view(2) && view(3));
        assert!(!view(4));
        assert!(!Cadence::Quarterly
            .shows_in(Month::new(2021, 4).unwrap(), Month::new(2021, 3).unwrap()));
        assert_eq!(Cadence::Quarterly.label(q), "Nov 2020 – Jan 2021");
        assert_eq!(
            Cadence::Quarterly.label(Month::new(2021, 3).unwrap()),
            "Jan – Mar 2021"
        );
        assert_eq!(
            Cadence::Quarterly.previous(q),
            Month::new(2020, 10).unwrap()
        );
    }
}
