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

/// Writes `text` to a file named `name` in a directory of this test
/// process's own, and gives its path (as text, for the command's argument).
pub fn temp_file(name: &str, text: &str) -> String {
    let dir = std::env::temp_dir().join(format!("dcc-perf-it-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_string_lossy().into_owned()
}

/// The located cells of import errors: (row, column, value).
pub fn cells(errors: &[dcc_perf::io::error::ImportError]) -> Vec<(u64, &str, &str)> {
    errors
        .iter()
        .map(|e| {
            (
                e.row.unwrap_or(0),
                e.column.as_deref().unwrap_or(""),
                e.value.as_deref().unwrap_or(""),
            )
        })
        .collect()
}
