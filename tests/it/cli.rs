//! The `dcc-perf` command, run as a user would.

use crate::helpers::run;
fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn no_file_uses_the_sample() {
    let (code, out, _) = run(&["--month", "2021-03"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["schema"], "dcc-perf/results/3");
    // March 2021's credits as §14 has them, with the checks of reported figures.
    let lines = v["credits"]["lines"].as_array().unwrap();
    let pm2 = lines
        .iter()
        .find(|l| l["provider"] == "CSPN" && l["measure"] == "PM2")
        .unwrap();
    assert_eq!(
        (pm2["points"].as_str(), pm2["money"].as_str()),
        (Some("175"), Some("43198"))
    );
    assert!(lines.iter().all(|l| l["period"] == "2021-03"));
    let checks = v["credits"]["checks"].as_array().unwrap();
    assert!(checks
        .iter()
        .any(|c| c["reported"] == "£50,432" && c["agrees"] == false));
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

/// Writes `text` to a temporary file named `name` and returns its path.
fn temp(name: &str, text: &str) -> String {
    let dir = std::env::temp_dir().join(format!("dcc-perf-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn reads_every_format_the_app_imports() {
    // A wide, tab-separated block as copied from a spreadsheet.
    let wide = temp(
        "wide.tsv",
        "measure\tprovider\tFeb-21\tMar-21\nPM2\tCSP North\t35.88%\t56,774 / 239,128\n",
    );
    let (code, out, err) = run(&[&wide, "--output", "csv"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out,
        "period,measure,provider,category,value,successes,total,reported_in,note,excluded\n\
         2021-02,PM2,CSPN,,35.88,,,,,\n\
         2021-03,PM2,CSPN,,,56774,239128,,,\n"
    );
    // The incident list yields CPM4 and CPM5.
    let (code, out, err) = run(&[&fixture("incidents-small.csv"), "--month", "2021-03"]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let cpm5 = v["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["measure"] == "CPM5")
        .unwrap();
    assert_eq!(cpm5["display"], "80.00%");
    assert!(err.contains("still open"), "{err}");
    // A scenario carries its rule, which --rule overrides.
    let (_, scenario, _) = run(&["--rule", "2dp", "--output", "scenario"]);
    let path = temp("s.json", &scenario);
    let (code, out, _) = run(&[&path]);
    assert_eq!(code, 0);
    assert!(out.contains("\"rule\":\"2dp\""), "{}", &out[..200]);
    let (_, out, _) = run(&[&path, "--rule", "3dp"]);
    assert!(out.contains("\"rule\":\"3dp\""));
}

#[test]
fn errors_are_reported_as_the_app_reports_them() {
    let bad = temp(
        "bad.tsv",
        "measure\tprovider\tMar-21\nPM9\tCSPN\t50\nPM2\tCSPN\t101\n",
    );
    let (code, out, err) = run(&[&bad]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(
        err.contains("bad.tsv, row 2, column measure: found \"PM9\""),
        "{err}"
    );
    assert!(
        err.contains("bad.tsv, row 3, column Mar-21: found \"101\"; expected a percentage"),
        "{err}"
    );
    assert!(err.contains("2 error(s) in 2 of 2 rows"), "{err}");
}

#[test]
fn credits_round_trip_through_the_credits_format() {
    let (code, out, err) = run(&["--output", "credits"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("period,party,measure,points,credits,reported_in,note"));
    let path = std::env::temp_dir().join(format!("dcc-perf-credits-{}.csv", std::process::id()));
    std::fs::write(&path, &out).unwrap();
    let back = dcc_perf::io::read_dataset("credits.csv", out.as_bytes()).unwrap();
    assert_eq!(back.credits.len(), 137);
    let (code, _, err) = run(&[path.to_str().unwrap()]);
    let _ = std::fs::remove_file(&path);
    assert_eq!(code, 0, "a credits file alone reads and computes: {err}");
}

#[test]
fn opr_margin_in_results_and_as_a_table() {
    let (code, out, err) = run(&[]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let years = v["opr"].as_array().unwrap();
    let names: Vec<&str> = years.iter().map(|y| y["year"].as_str().unwrap()).collect();
    assert_eq!(names, ["RY22/23", "RY23/24", "RY24/25"]);
    let ry = &years[1];
    assert_eq!(ry["kept"], "8379247.666667");
    let vmm1 = ry["measures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["code"] == "VMM1")
        .unwrap();
    assert_eq!(
        (vmm1["kept"].as_str(), vmm1["lost"].as_str()),
        (Some("1079952"), Some("261048"))
    );

    let (code, table, err) = run(&["--output", "opr"]);
    assert_eq!(code, 0, "{err}");
    let line = |code: &str| {
        table
            .lines()
            .skip_while(|l| !l.starts_with("RY23/24"))
            .find(|l| l.starts_with(code))
            .unwrap_or_default()
            .split_whitespace()
            .rev()
            .take(2)
            .collect::<Vec<_>>()
    };
    assert_eq!(line("VMM1"), ["0.261", "1.080"], "{table}");
    assert_eq!(line("VMM2"), ["0.298", "1.041"], "{table}");
    assert_eq!(line("Total"), ["0.559", "8.379"], "{table}");

    // A scenario carries its own OPR years: RY23/24 with SDM1 North at 97.5.
    let (_, scenario, _) = run(&["--output", "scenario"]);
    let mut s: serde_json::Value = serde_json::from_str(&scenario).unwrap();
    assert_eq!(s["schema"], "dcc-perf/scenario/3");
    s["regime"]["years"][1]["measures"][1]["parts"][0]["performance"] = "97.5".into();
    let path = std::env::temp_dir().join(format!("dcc-perf-opr-{}.json", std::process::id()));
    std::fs::write(&path, s.to_string()).unwrap();
    let (code, table, err) = run(&[path.to_str().unwrap(), "--output", "opr"]);
    let _ = std::fs::remove_file(&path);
    assert_eq!(code, 0, "{err}");
    assert!(table.contains("North 97.5"), "{table}");
    assert!(
        table
            .lines()
            .any(|l| l.starts_with("Total") && l.ends_with("8.032      0.906")),
        "{table}"
    );
}

#[test]
fn the_month_on_one_page_as_text() {
    let (code, out, err) = run(&["--output", "month"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with("March 2021: 1 of 8 CPMs below target; 8 measures below target;"),
        "{out}"
    );
    assert!(
        out.contains(
            "CPM1: its weakest component is CSPN PM2 (23.74%). It meets 99% only if CSPN PM2 reaches 92.48%; its minimum 96% only if CSPN PM2 reaches 59.48%"
        ),
        "{out}"
    );
    assert!(
        out.contains("Service credits: £50,243 computed + 1 pending; the report states £50,432."),
        "{out}"
    );
    assert!(
        out.contains("[Printed level] CSPC CH1.3, March 2021: report 99.896%, computed 99.897%"),
        "{out}"
    );
    assert!(out.contains("“below target for the last 21 months” — computed at least 2 months (history loaded from February 2021) — Cannot be checked"), "{out}");
    // Another month: January 2021 is partial, and says so.
    let (code, out, _) = run(&["--output", "month", "--month", "2021-01"]);
    assert_eq!(code, 0);
    assert!(out.contains("Partial month: only "), "{out}");
}
