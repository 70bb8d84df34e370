//! Forecast variance tables (CSR, SR): read whole or not at all, each
//! problem located; written back as read; worked out by the command.

use dcc_perf::engine::reports::variance::{evaluate, Exception, Report, ZeroForecast};
use dcc_perf::io::error::ErrorKind;
use dcc_perf::io::variance_csv::{read, sample, write};

const BY_PARTY: &str = "\
report,period,party,actual,forecast,stated_percent
SR,2021-08,User 1,900,1000,
SR,2021-08,User 2,\"1,100\",1000,
SR,2021-08,User 3,50,0,
SR,2021-08,Total,\"2,050\",2000,100
CSR,Aug 2021,Acme,120,100,
";

#[test]
fn the_sample_is_july_2019_as_the_panel_states_it() {
    let months = sample();
    assert_eq!(months.len(), 2);
    let csr = months.iter().find(|m| m.report == Report::Csr).unwrap();
    let s = csr.stated.as_ref().unwrap();
    assert_eq!((s.actual, s.forecast), (4_077_703, 3_273_674));
    assert_eq!(s.percent.unwrap().to_string(), "112.8");
    let v = evaluate(csr, Report::Csr.thresholds());
    assert!(matches!(
        v.zero_forecast,
        ZeroForecast::Implied { about: 384_999, .. }
    ));
}

#[test]
fn parties_totals_and_both_reports_read_and_write_back() {
    let months = read("by-party.csv", BY_PARTY).unwrap();
    assert_eq!(months.len(), 2);
    let sr = months.iter().find(|m| m.report == Report::Sr).unwrap();
    assert_eq!(sr.parties.len(), 3);
    assert_eq!(sr.parties[1].actual, 1_100);
    let v = evaluate(sr, Report::Sr.thresholds());
    let ex: Vec<Option<Exception>> = v.parties.iter().map(|p| p.exception).collect();
    assert_eq!(ex, [Some(Exception::Under), Some(Exception::Over), None]);
    assert_eq!(v.zero_forecast, ZeroForecast::Known { requests: 50 });
    assert!(v.checks.iter().all(|c| c.agrees), "{:?}", v.checks);
    assert_eq!(read("again.csv", &write(&months)).unwrap(), months);
}

/// Each bad cell is named by its file, row, column and value.
#[test]
fn bad_cells_are_located_and_nothing_is_read() {
    let text = "\
report,period,party,actual,forecast,stated_percent
XSR,2021-08,A,1,1,
SR,2021-02-30,A,1,1,
SR,2021-08,B,-5,1,
SR,2021-08,C,1,ten,
SR,2021-08,D,1,1,95
SR,2021-08,Total,1,1,
SR,2021-08,Total,2,2,
SR,2021-08,G,1,1,
SR,2021-08,g,1,1,
SR,2021-08,,1,1,
SR,2021-08,E,1.5,1,
";
    let errors = read("bad.csv", text).unwrap_err();
    let found: Vec<(u64, &str, &str)> = errors
        .iter()
        .map(|e| {
            (
                e.row.unwrap(),
                e.column.as_deref().unwrap(),
                e.value.as_deref().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            (2, "report", "XSR"),
            (3, "period", "2021-02-30"),
            (4, "actual", "-5"),
            (5, "forecast", "ten"),
            (6, "stated_percent", "95"),
            (8, "party", "Total"),
            (10, "party", "g"),
            (11, "party", ""),
            (12, "actual", "1.5"),
        ]
    );
    assert!(errors.iter().all(|e| e.file == "bad.csv"));
    assert_eq!(errors[2].kind, ErrorKind::BadCount);
    assert!(
        errors[4].expected.contains("Total row"),
        "{}",
        errors[4].expected
    );
    assert!(
        errors[5].expected.contains("one Total row"),
        "{}",
        errors[5].expected
    );
}

#[test]
fn a_file_without_the_columns_or_rows_is_refused_whole() {
    let e = read("x.csv", "report,period,party,actual\nSR,2021-08,A,1\n").unwrap_err();
    assert_eq!(e.len(), 1);
    assert_eq!(e[0].kind, ErrorKind::MissingColumn);
    assert!(
        e[0].expected.contains("missing: forecast"),
        "{}",
        e[0].expected
    );
    let e = read("x.csv", "report,period,party,actual,forecast\n").unwrap_err();
    assert_eq!(e[0].kind, ErrorKind::Unreadable);
    let e = read("x.csv", "").unwrap_err();
    assert_eq!(e.len(), 1);
}

#[test]
fn the_command_prints_both_percentages_and_why_they_differ() {
    let (code, out, err) = crate::helpers::run(&["--output", "variance"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("124.6% of all requests; 112.8% zero forecasts excluded"),
        "{out}"
    );
    assert!(out.contains("about 384,999 (383,362 to 386,635)"), "{out}");
    assert!(
        out.contains("Service requests (SEC H3.24), July 2019"),
        "{out}"
    );
    let dir = std::env::temp_dir().join(format!("dcc-variance-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let good = dir.join("good.csv");
    std::fs::write(&good, BY_PARTY).unwrap();
    let (code, out, _) = crate::helpers::run(&["--output", "variance", good.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(out.contains("User 1") && out.contains("under"), "{out}");
    assert!(out.contains("zero forecast: no percentage"), "{out}");
    let bad = dir.join("bad.csv");
    std::fs::write(
        &bad,
        "report,period,party,actual,forecast\nSR,2021-08,A,x,1\n",
    )
    .unwrap();
    let (code, out, err) = crate::helpers::run(&["--output", "variance", bad.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(
        err.contains("bad.csv") && err.contains("actual") && err.contains("\"x\""),
        "{err}"
    );
    let (code, out, _) = crate::helpers::run(&[
        "--output",
        "variance",
        good.to_str().unwrap(),
        "--month",
        "2021-08",
    ]);
    assert_eq!(code, 0);
    assert!(
        out.contains("August 2021") && !out.contains("July"),
        "{out}"
    );
    let (code, _, err) = crate::helpers::run(&["--output", "variance", "--rule", "2dp"]);
    assert_eq!(code, 1);
    assert!(err.contains("takes FILE, --month and --csv only"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn totals_a_printed_percentage_cannot_come_from_are_said_to_be_inconsistent() {
    let text =
        "report,period,party,actual,forecast,stated_percent\nCSR,2019-07,Total,100,100,120\n";
    let months = read("t.csv", text).unwrap();
    let v = evaluate(&months[0], Report::Csr.thresholds());
    assert_eq!(v.zero_forecast, ZeroForecast::Inconsistent);
    assert!(v.why.contains("cannot come from them"), "{}", v.why);
}

#[test]
fn the_day_a_report_was_issued_is_checked_against_its_due_day() {
    let text = "\
report,period,party,actual,forecast,stated_percent,issued
CSR,2019-07,Total,\"4,077,703\",\"3,273,674\",112.8,2019-08-14
SR,2019-07,Total,\"56,132,500\",\"117,465,410\",48,2019-08-15
";
    let months = read("issued.csv", text).unwrap();
    assert_eq!(read("again.csv", &write(&months)).unwrap(), months);
    let dir = std::env::temp_dir().join(format!("dcc-issued-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("issued.csv");
    std::fs::write(&file, text).unwrap();
    let (code, out, err) = crate::helpers::run(&["--output", "variance", file.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains(
            "issued 2019-08-14, due 2019-08-14 (10th working day after the month): on time"
        ),
        "{out}"
    );
    assert!(
        out.contains("issued 2019-08-15, due 2019-08-14 (10th working day after the month): late"),
        "{out}"
    );
    std::fs::remove_dir_all(&dir).ok();
    let bad = "\
report,period,party,actual,forecast,issued
SR,2019-07,Total,1,1,2019-02-30
SR,2019-07,A,1,1,2019-08-01
";
    let errors = read("bad-issued.csv", bad).unwrap_err();
    let found: Vec<(u64, &str)> = errors
        .iter()
        .map(|e| (e.row.unwrap(), e.value.as_deref().unwrap()))
        .collect();
    assert_eq!(found, [(2, "2019-02-30"), (3, "2019-08-01")]);
    assert!(errors.iter().all(|e| e.column.as_deref() == Some("issued")));
}

/// The DCC's own forecast's accuracy and its own count of the requests,
/// which the Operations Group asked to see beside the report's.
#[test]
fn the_dccs_forecast_accuracy_and_its_own_count_are_shown() {
    let text = "\
report,period,party,actual,forecast,stated_percent,dcc_forecast,dcc_actual
SR,2021-08,Total,\"2,000\",\"2,100\",95.2,\"1,900\",\"1,950\"
SR,2021-08,User 1,5,5,,,
";
    let months = read("dcc.csv", text).unwrap();
    assert_eq!(read("again.csv", &write(&months)).unwrap(), months);
    // From the Total row's figures alone (the party row's own totals differ).
    let only_total = read("t.csv", &text.replace("SR,2021-08,User 1,5,5,,,\n", "")).unwrap();
    let v = evaluate(&only_total[0], Report::Sr.thresholds());
    // 100% − |2,000 − 1,900| ÷ 2,000 = 95%.
    assert_eq!(v.dcc_accuracy.unwrap().normalize().to_string(), "95");
    assert_eq!(v.dcc_difference, Some(50));
    assert!(
        v.dcc_words[0].contains("95.0% accurate"),
        "{:?}",
        v.dcc_words
    );
    assert!(
        v.dcc_words[1].contains("1,950: 50 fewer than the report's 2,000"),
        "{:?}",
        v.dcc_words
    );
    let e = read(
        "p.csv",
        "report,period,party,actual,forecast,dcc_actual\nSR,2021-08,User 1,1,1,7\n",
    )
    .unwrap_err();
    assert_eq!(e[0].column.as_deref(), Some("dcc_actual"));
    assert!(e[0].expected.contains("Total row"), "{}", e[0].expected);
}

/// A late report is a finding for its month; the user's own bank holidays
/// move the due day (a holiday on the 14th makes the 15th the 10th working day).
#[test]
fn a_late_report_is_a_finding_and_holidays_are_data() {
    use dcc_perf::engine::reports::{due::Day, findings, ReportFigures};
    let text = "report,period,party,actual,forecast,stated_percent,issued\nSR,2019-07,Total,100,100,100,2019-08-15\n";
    let mut f = ReportFigures {
        variance: read("late.csv", text).unwrap(),
        ..ReportFigures::default()
    };
    let late: Vec<String> = findings(&f).into_iter().map(|(_, t)| t).collect();
    assert_eq!(
        late,
        ["SR variance report for July 2019: issued 2019-08-15, due 2019-08-14 (the 10th working day after the month): late"]
    );
    f.holidays = Some(vec![Day::new(2019, 8, 14).unwrap()]);
    assert!(findings(&f).is_empty());
}
