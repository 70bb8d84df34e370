//! The `dcc-perf` command, run as a user would.

use std::process::Command;

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_dcc-perf"))
        .args(args)
        .output()
        .expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn no_file_uses_the_sample() {
    let (code, out, _) = run(&["--month", "2021-03"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["schema"], "dcc-perf/results/1");
    let cpm1 = v["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["measure"] == "CPM1")
        .unwrap();
    assert_eq!(cpm1["display"], "92.75%");
    assert_eq!(cpm1["status"], "below_minimum");
    assert!(cpm1["explanation"]["formula"]
        .as_str()
        .unwrap()
        .contains("mean"));
}

#[test]
fn reads_a_file_and_applies_the_rule() {
    let (code, out, err) = run(&[&fixture("small.csv"), "--rule", "2dp"]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["settings"]["rule"], "2dp");
    let rows = v["results"].as_array().unwrap();
    let pm2 = rows.iter().find(|r| r["measure"] == "PM2").unwrap();
    assert_eq!(
        pm2["level"]["number"].as_str().unwrap().get(..5),
        Some("23.74")
    );
}

#[test]
fn bad_file_reports_located_errors() {
    let (code, out, err) = run(&[&fixture("bad.csv")]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(
        err.contains("bad.csv, row 3, column measure: found \"PM9\""),
        "{err}"
    );
    assert!(err.contains("row 4, column period"), "{err}");
}

#[test]
fn usage_errors() {
    assert_eq!(run(&["--rule", "sideways"]).0, 1);
    assert_eq!(run(&["--bogus"]).0, 1);
    assert_eq!(run(&["/no/such/file.csv"]).0, 2);
    assert_eq!(run(&["--help"]).0, 0);
}
