//! Helpers the test modules share.

use dcc_perf::engine::Month;
use rust_decimal::Decimal;

/// A decimal from its text; the tests' figures are always well formed.
pub fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

/// March 2021, the sample report's month.
pub fn march() -> Month {
    Month::new(2021, 3).unwrap()
}
