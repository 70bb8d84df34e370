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

/// Runs the `dcc-perf` command: exit status, stdout, stderr.
pub fn run(args: &[&str]) -> (i32, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_dcc-perf"))
        .args(args)
        .output()
        .expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}
