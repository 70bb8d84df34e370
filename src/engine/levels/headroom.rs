//! Headroom for count-based measures: how many more successes would have met
//! target, or how many more failures were still allowed, under the rule.
//!
//! CSPC CH1.3, March 2021: 92 faulty of 89,172 against 99.90%. Unrounded, at
//! least 89,083 must be good (89 faulty allowed), so 92 is 3 over; at two
//! decimals 93 faulty would still read 99.90%. The report said "2 more than
//! the SLA allowed", which matches neither rule: it agrees with allowing
//! 89,172 × 0.1% = 89.17 rounded up to 90. The tests pin all three readings.

use crate::engine::catalogue::Direction;
use crate::engine::format::{level, thousands};
use crate::engine::level::percent;
use crate::engine::rule::ComparisonRule;
use rust_decimal::Decimal;
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Headroom {
    pub total: u64,
    pub successes: u64,
    /// Fewest successes that meet target under the rule; `None` if even all
    /// successes would not.
    pub min_successes: Option<u64>,
    /// More successes needed to meet target (0 if met).
    pub successes_short: u64,
    /// More failures that would still have met target (0 if missed).
    pub failures_to_spare: u64,
}

impl Headroom {
    /// `None` for an empty total: there is nothing to count.
    pub fn compute(
        successes: u64,
        total: u64,
        target: Decimal,
        rule: ComparisonRule,
    ) -> Option<Headroom> {
        if total == 0 {
            return None;
        }
        let meets = |s: u64| {
            percent(s, total).is_some_and(|l| rule.reaches(l, target, Direction::HigherIsBetter))
        };
        // Meeting target is monotone in successes, so binary search the least.
        let min_successes = if meets(total) {
            let (mut lo, mut hi) = (0u64, total);
            while lo < hi {
                let mid = lo + (hi - lo) / 2;
                if meets(mid) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            Some(lo)
        } else {
            None
        };
        let (short, spare) = match min_successes {
            Some(m) if successes >= m => (0, successes - m),
            Some(m) => (m - successes, 0),
            None => (total.saturating_sub(successes), 0),
        };
        Some(Headroom {
            total,
            successes,
            min_successes,
            successes_short: short,
            failures_to_spare: spare,
        })
    }

    /// Failures allowed in all, under the rule.
    pub fn max_failures(&self) -> Option<u64> {
        self.min_successes.map(|m| self.total - m)
    }

    /// A sentence for the explanation.
    pub fn describe(&self, target: Decimal, rule: ComparisonRule) -> String {
        let failures = self.total.saturating_sub(self.successes);
        match (self.min_successes, self.max_failures()) {
            (Some(m), Some(allowed)) => {
                let head = format!(
                    "To meet {}% under this rule at least {} of {} must succeed, so at most {} may fail.",
                    level(target, true),
                    thousands(m),
                    thousands(self.total),
                    thousands(allowed)
                );
                if self.successes_short > 0 {
                    format!(
                        "{head} There were {} failures, {} more than allowed: that many more successes were needed.",
                        thousands(failures),
                        thousands(failures - allowed)
                    )
                } else {
                    format!(
                        "{head} There were {} failures: {} more could have failed and target would still have been met.",
                        thousands(failures),
                        thousands(self.failures_to_spare)
                    )
                }
            }
            _ => format!(
                "Even {} successes of {} would not meet {}% under {}.",
                thousands(self.total),
                thousands(self.total),
                level(target, true),
                rule
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn headroom_table() {
        let un = ComparisonRule::Unrounded;
        let r2 = ComparisonRule::Rounded(2);
        let r3 = ComparisonRule::Rounded(3);
        type Case = (
            u64,
            u64,
            &'static str,
            ComparisonRule,
            Option<u64>,
            u64,
            u64,
        );
        #[rustfmt::skip]
        let cases: &[Case] = &[
            // successes, total, target, rule, min successes, short, spare
            (89_080, 89_172, "99.90", un, Some(89_083), 3, 0),       // CSPC CH1.3: 89 faulty allowed
            (89_080, 89_172, "99.90", r3, Some(89_083), 3, 0),
            (89_080, 89_172, "99.90", r2, Some(89_079), 0, 1),       // 93 faulty still reads 99.90
            (56_774, 239_128, "99", un, Some(236_737), 179_963, 0),  // CSPN PM2
            (803, 891, "90", un, Some(802), 0, 1),                   // CPM5
            (10, 10, "100", un, Some(10), 0, 0),
            (9, 10, "100", un, Some(10), 1, 0),
            (5, 10, "101", un, None, 5, 0),
            (0, 1, "0", un, Some(0), 0, 0),
        ];
        for &(s, t, target, rule, min, short, spare) in cases {
            let h = Headroom::compute(s, t, d(target), rule).unwrap();
            assert_eq!(
                (h.min_successes, h.successes_short, h.failures_to_spare),
                (min, short, spare),
                "{s}/{t} {rule}"
            );
        }
        assert!(Headroom::compute(0, 0, d("99"), un).is_none());
    }

    #[test]
    fn the_reports_two_more_is_a_rounded_up_allowance() {
        // 0.1% of 89,172 is 89.172 failures; rounding that allowance up gives
        // 90, and 92 − 90 = 2, the report's figure.
        let allowance = (d("89172") * d("0.001")).ceil();
        assert_eq!(allowance, d("90"));
        let h = Headroom::compute(89_080, 89_172, d("99.90"), ComparisonRule::Unrounded).unwrap();
        assert_eq!(h.max_failures(), Some(89));
        assert!(h
            .describe(d("99.90"), ComparisonRule::Unrounded)
            .contains("3 more than allowed"));
    }

    #[test]
    fn huge_totals_terminate() {
        let h = Headroom::compute(u64::MAX / 2, u64::MAX, d("99.9"), ComparisonRule::Unrounded)
            .unwrap();
        // 99.9% of 2^64 − 1 is 18,428,297,329,635,842,063.385: the fewest
        // successes that meet it are the next whole number, and the short
        // fall is that less the 2^63 − 1 there are.
        assert_eq!(h.min_successes, Some(18_428_297_329_635_842_064));
        assert_eq!(h.successes_short, 18_428_297_329_635_842_064 - u64::MAX / 2);
        assert_eq!(h.failures_to_spare, 0);
    }
}
