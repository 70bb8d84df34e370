//! When a monthly report is due. The variance reports are due on the 10th
//! working day after the month they cover (SEC L8.9 for CSR; H3.24 for SR).
//! Working days are Monday to Friday but the bank holidays given, which are
//! data: [`england_and_wales`] ships gov.uk's list for 2019 to 2026, and a
//! caller may pass any other. Used by [`super::variance::timeliness`].

use crate::engine::period::{days_from_civil, Month};
use serde::{Deserialize, Serialize};
use std::fmt;

/// A calendar day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Day {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Day {
    /// The day, if it exists (no 30 February).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Day> {
        let m = Month::new(year, month)?;
        (day >= 1 && day <= m.days()).then_some(Day { year, month, day })
    }

    /// `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Option<Day> {
        let mut parts = s.trim().splitn(3, '-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        Day::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    }

    /// Saturday or Sunday.
    pub fn is_weekend(self) -> bool {
        // 1970-01-01 was a Thursday: 0 = Thursday, so 2 and 3 are the weekend.
        matches!(
            days_from_civil(self.year, self.month, self.day).rem_euclid(7),
            2 | 3
        )
    }

    /// The day after, if it is within the months [`Month`] holds.
    fn next(self) -> Option<Day> {
        let m = Month::new(self.year, self.month)?;
        if self.day < m.days() {
            return Some(Day {
                day: self.day + 1,
                ..self
            });
        }
        let n = Month::new(self.year + i32::from(self.month == 12), self.month % 12 + 1)?;
        Some(Day {
            year: n.year(),
            month: n.month(),
            day: 1,
        })
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// The `n`th working day (from 1; 0 is taken as 1) of the month after
/// `period`: not a weekend, not one of `holidays`. `None` past the last
/// month [`Month`] holds.
pub fn due(period: Month, n: u32, holidays: &[Day]) -> Option<Day> {
    let last = Day {
        year: period.year(),
        month: period.month(),
        day: period.days(),
    };
    let mut day = last.next()?;
    let mut counted = 0;
    loop {
        if !day.is_weekend() && !holidays.contains(&day) {
            counted += 1;
            if counted >= n.max(1) {
                return Some(day);
            }
        }
        day = day.next()?;
    }
}

/// England and Wales bank holidays, 2019 to 2026 (gov.uk), for working days.
pub fn england_and_wales() -> Vec<Day> {
    const DAYS: [(i32, u8, u8); 67] = [
        (2019, 1, 1),
        (2019, 4, 19),
        (2019, 4, 22),
        (2019, 5, 6),
        (2019, 5, 27),
        (2019, 8, 26),
        (2019, 12, 25),
        (2019, 12, 26),
        (2020, 1, 1),
        (2020, 4, 10),
        (2020, 4, 13),
        (2020, 5, 8),
        (2020, 5, 25),
        (2020, 8, 31),
        (2020, 12, 25),
        (2020, 12, 28),
        (2021, 1, 1),
        (2021, 4, 2),
        (2021, 4, 5),
        (2021, 5, 3),
        (2021, 5, 31),
        (2021, 8, 30),
        (2021, 12, 27),
        (2021, 12, 28),
        (2022, 1, 3),
        (2022, 4, 15),
        (2022, 4, 18),
        (2022, 5, 2),
        (2022, 6, 2),
        (2022, 6, 3),
        (2022, 8, 29),
        (2022, 9, 19),
        (2022, 12, 26),
        (2022, 12, 27),
        (2023, 1, 2),
        (2023, 4, 7),
        (2023, 4, 10),
        (2023, 5, 1),
        (2023, 5, 8),
        (2023, 5, 29),
        (2023, 8, 28),
        (2023, 12, 25),
        (2023, 12, 26),
        (2024, 1, 1),
        (2024, 3, 29),
        (2024, 4, 1),
        (2024, 5, 6),
        (2024, 5, 27),
        (2024, 8, 26),
        (2024, 12, 25),
        (2024, 12, 26),
        (2025, 1, 1),
        (2025, 4, 18),
        (2025, 4, 21),
        (2025, 5, 5),
        (2025, 5, 26),
        (2025, 8, 25),
        (2025, 12, 25),
        (2025, 12, 26),
        (2026, 1, 1),
        (2026, 4, 3),
        (2026, 4, 6),
        (2026, 5, 4),
        (2026, 5, 25),
        (2026, 8, 31),
        (2026, 12, 25),
        (2026, 12, 28),
    ];
    DAYS.iter()
        .filter_map(|&(y, m, d)| Day::new(y, m, d))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Day {
        Day::parse(s).expect("a day")
    }

    #[test]
    fn days_exist_or_not() {
        assert!(Day::new(2024, 2, 29).is_some());
        assert!(Day::new(2023, 2, 29).is_none());
        assert!(Day::new(1900, 2, 29).is_none());
        assert!(Day::new(2000, 2, 29).is_some());
        assert!(Day::new(2021, 4, 31).is_none());
        assert!(Day::parse("2021-13-01").is_none());
        assert!(Day::parse("2021-1-01").is_none());
        assert_eq!(day("2019-08-14").to_string(), "2019-08-14");
    }

    #[test]
    fn weekdays() {
        assert!(day("2019-08-03").is_weekend()); // a Saturday
        assert!(day("2019-08-04").is_weekend());
        assert!(!day("2019-08-05").is_weekend()); // a Monday
        assert!(!day("1970-01-01").is_weekend());
        assert!(day("1969-12-28").is_weekend()); // a Sunday
    }

    #[test]
    fn the_tenth_working_day_after_the_month() {
        let holidays = england_and_wales();
        assert_eq!(holidays.len(), 67);
        let m = |y, mo| Month::new(y, mo).expect("a month");
        // July 2019: August has no early holiday: 1, 2, 5–9, 12–14.
        assert_eq!(due(m(2019, 7), 10, &holidays), Some(day("2019-08-14")));
        // March 2021: Good Friday 2 April and Easter Monday 5 April.
        assert_eq!(due(m(2021, 3), 10, &holidays), Some(day("2021-04-16")));
        // Without the holidays it would be two working days earlier.
        assert_eq!(due(m(2021, 3), 10, &[]), Some(day("2021-04-14")));
        // December 2020: 1 January 2021 a holiday.
        assert_eq!(due(m(2020, 12), 10, &holidays), Some(day("2021-01-15")));
        assert_eq!(due(m(2020, 12), 0, &holidays), Some(day("2021-01-04")));
        // No month after the last one there is: none, not a panic.
        assert_eq!(due(m(9999, 12), 10, &holidays), None);
        assert_eq!(due(m(9999, 11), u32::MAX, &holidays), None);
    }
}
