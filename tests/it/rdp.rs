//! RDP incident tables: read whole or not at all, each problem located;
//! the carry-over worked out and checked; written back as read; printed by
//! the command.

use crate::helpers::{cells, run, temp_file};
use dcc_perf::engine::reports::rdp::{evaluate, Source};
use dcc_perf::io::error::ErrorKind;
use dcc_perf::io::rdp_csv::{read, sample, write};

#[test]
fn the_sample_gives_august_2021_as_the_minutes_do() {
    let months = sample();
    assert_eq!(months.len(), 2);
    let out = evaluate(&months);
    let aug = &out[1];
    assert_eq!(aug.period.to_string(), "2021-08");
    assert_eq!(
        (aug.opened, aug.resolved, aug.end),
        (Some(8), Some(12), Some(4))
    );
    // 8 open at the start + 8 opened − 12 resolved = 4: the start implied.
    assert_eq!((aug.start, aug.start_from), (Some(8), Source::Implied));
    // July 2019: ten resolved, none outstanding, nothing else stated.
    assert_eq!(
        (out[0].resolved, out[0].end, out[0].start),
        (Some(10), Some(0), None)
    );
    assert_eq!(read("again.csv", &write(&months)).unwrap(), months);
}

#[test]
fn months_in_a_row_carry_over_and_a_gap_is_flagged() {
    let text = "\
period,open_at_start,opened,resolved,reassigned,open_at_end,note
2021-06,3,5,4,,4,
2021-07,,6,3,1,6,INC0001 reassigned to the CSP
Aug 2021,,8,12,,3,
";
    let out = evaluate(&read("run.csv", text).unwrap());
    assert!(
        out[0].balances() && out[1].balances(),
        "{:?}",
        out[1].checks
    );
    assert_eq!(
        (out[1].start, out[1].start_from),
        (Some(4), Source::Carried)
    );
    // 6 carried + 8 − 12 = 2, not the 3 stated.
    assert_eq!(
        (out[2].start, out[2].start_from),
        (Some(6), Source::Carried)
    );
    assert!(!out[2].balances());
    assert!(
        out[2].checks[0].what.ends_with(": 2"),
        "{}",
        out[2].checks[0].what
    );
}

#[test]
fn bad_cells_are_located_and_nothing_is_read() {
    let text = "\
period,open_at_start,opened,resolved,reassigned,open_at_end,note
2021-02-30,,1,1,,0,
2021-03,,-1,1,,0,
2021-04,,ten,1,,0,
2021-05,2,1,12,,0,
2021-06,,,,,,
2021-07,,1,0,1,0,
2021-08,,1,1,,0,
2021-08,,1,1,,0,
";
    let errors = read("bad.csv", text).unwrap_err();
    assert_eq!(
        cells(&errors),
        [
            (2, "period", "2021-02-30"),
            (3, "opened", "-1"),
            (4, "opened", "ten"),
            (5, "resolved", "12"),
            (6, "opened", ""),
            (7, "note", ""),
            (9, "period", "2021-08"),
        ]
    );
    assert!(errors.iter().all(|e| e.file == "bad.csv"));
    assert_eq!(errors[1].kind, ErrorKind::BadCount);
    assert_eq!(errors[3].kind, ErrorKind::Inconsistent);
    assert!(errors[3].expected.contains("(3)"), "{}", errors[3].expected);
    assert_eq!(errors[6].kind, ErrorKind::Duplicate);
}

#[test]
fn a_file_without_the_columns_is_refused_whole() {
    let e = read("x.csv", "period,opened\n2021-08,1\n").unwrap_err();
    assert_eq!(e.len(), 1);
    assert_eq!(e[0].kind, ErrorKind::MissingColumn);
    assert!(
        e[0].expected.contains("missing: resolved, open_at_end"),
        "{}",
        e[0].expected
    );
}

#[test]
fn the_command_prints_the_carry_over() {
    let (code, out, err) = run(&["--output", "rdp"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("August 2021"), "{out}");
    assert!(out.contains("8 (implied)"), "{out}");
    let file = temp_file(
        "rdp.csv",
        "period,opened,resolved,open_at_end\n2021-07,1,0,5\n2021-08,8,12,4\n",
    );
    let (code, out, _) = run(&["--output", "rdp", &file]);
    assert_eq!(code, 0);
    assert!(out.contains("DIFFERS"), "{out}");
    let (code, out, _) = run(&["--output", "rdp", &file, "--month", "2021-07"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("July 2021") && !out.contains("August"),
        "{out}"
    );
    let bad = temp_file(
        "rdp-bad.csv",
        "period,opened,resolved,open_at_end\n2021-08,x,1,1\n",
    );
    let (code, out, err) = run(&["--output", "rdp", &bad]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(
        err.contains("rdp-bad.csv") && err.contains("\"x\""),
        "{err}"
    );
}
