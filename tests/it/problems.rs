//! Problem records: the March 2021 report's Table 31 and its list, read
//! from the report's text and from the table; checked; written back as
//! read; printed by the command.

use crate::helpers::{cells, run, temp_file};
use dcc_perf::engine::reports::problems::evaluate;
use dcc_perf::io::error::ErrorKind;
use dcc_perf::io::problems_csv::{read, sample, write};
use dcc_perf::io::report::problems;

/// The March 2021 report's text, as copied from its PDF (the seed).
const SEED: &str = "tests/fixtures/reports/pmr-2021-03.txt";

#[test]
fn the_sample_is_table_31_and_its_sixteen_records() {
    let p = sample();
    assert_eq!(p.rows.len(), 7);
    assert_eq!(p.records.len(), 16);
    let s = evaluate(&p);
    assert_eq!((s.related, s.closed, s.open, s.listed), (16, 2, 14, 16));
    assert_eq!(s.failures().count(), 0, "{:?}", s.checks);
    assert_eq!(read("again.csv", &write(&p)).unwrap(), p);
}

/// The report's own text gives what the sample holds.
#[test]
fn the_report_text_gives_the_sample() {
    let text = std::fs::read_to_string(SEED).unwrap();
    assert_eq!(problems::read(&text).unwrap(), sample());
}

/// The table read from a variant of the text: other months and counts, the
/// month before the year, a record missing from the list.
#[test]
fn a_variant_of_the_text_is_read_and_its_faults_flagged() {
    let text = "Appendix A\nReport Volume\nJanuary 2022 2 1 1\nFebruary 2022 1 0 2\n\
        Table 40 - Problem Record Summary\n\n PBI000000200001\n\n\
        January Report 2022 - Key Incident INC1\n\nA title\n\nProblem: words\n";
    let p = problems::read(text).unwrap();
    assert_eq!(p.rows.len(), 2);
    assert_eq!(p.records.len(), 1);
    let s = evaluate(&p);
    let failed: Vec<&str> = s.failures().map(|c| c.what.as_str()).collect();
    assert_eq!(
        failed,
        [
            "January 2022: 2 related in the table, 1 listed after it",
            "February 2022: related (1) = closed (0) + still open (2): 2",
            "February 2022: 1 related in the table, 0 listed after it",
        ]
    );
}

#[test]
fn bad_cells_are_located_and_nothing_is_read() {
    let text = "\
report,reference,related,closed,open,title
2021-13,,1,0,1,
2021-03,,-1,0,1,
2021-04,,1,x,1,
2021-05,PBI1,1,,,
2021-06,PBI2,,,,
2021-07,PBI2,,,,
2021-06,,1,0,1,
2021-06,,1,0,1,
";
    let errors = read("bad.csv", text).unwrap_err();
    assert_eq!(
        cells(&errors),
        [
            (2, "report", "2021-13"),
            (3, "related", "-1"),
            (4, "closed", "x"),
            (5, "related", "1"),
            (7, "reference", "PBI2"),
            (9, "report", "2021-06"),
        ]
    );
    assert_eq!(errors[1].kind, ErrorKind::BadCount);
    assert_eq!(errors[5].kind, ErrorKind::Duplicate);
}

#[test]
fn the_command_reads_a_table_or_the_report_text() {
    let (code, out, err) = run(&["--output", "problems"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("every check holds (14 checked)"), "{out}");
    assert!(
        out.contains("PBI000000121900  September 2020  Inbound motorway"),
        "{out}"
    );
    let file = temp_file(
        "problems.csv",
        "report,reference,related,closed,open\n2021-03,,2,1,0\n",
    );
    let (code, out, _) = run(&["--output", "problems", &file]);
    assert_eq!(code, 0);
    assert!(out.contains("DIFFERS: March 2021: related (2)"), "{out}");
    if std::path::Path::new(SEED).exists() {
        let (code, out, _) = run(&["--output", "problems", SEED]);
        assert_eq!(code, 0);
        assert!(
            out.contains("Total                  16       2    14      16"),
            "{out}"
        );
    }
}

/// The month first ("June 2020"), and a contents page naming the caption
/// before the table: the rows by the real caption are read.
#[test]
fn month_first_rows_and_a_contents_page() {
    let text = "Contents\nTable 31 – Problem Record Summary 68\n2019 June 1 329 330\nTable 30 - Credits\n\
        June 2020 1 0 1\nSept 2020 3 1 2\nTable 31 – Problem Record Summary\n PBI1\nJune Report 2020 - Key\nTitle\n";
    let p = problems::read(text).unwrap();
    let rows: Vec<(String, u64)> = p
        .rows
        .iter()
        .map(|r| (r.report.to_string(), r.related))
        .collect();
    assert_eq!(rows, [("2020-06".into(), 1), ("2020-09".into(), 3)]);
    assert_eq!(p.records.len(), 1);
}

/// The table carries the month of the report that gives it (from the
/// report's text, or a `period` column), so its failing checks are that
/// month's findings; two months in one table are refused, located.
#[test]
fn the_reports_month_makes_its_faults_that_months_findings() {
    use dcc_perf::engine::reports::{findings, ReportFigures};
    let march = "2021-03".parse().unwrap();
    assert_eq!(sample().period, Some(march));
    let text = std::fs::read_to_string(SEED).unwrap();
    assert_eq!(problems::read(&text).unwrap().period, Some(march));
    // The sample's checks all hold: no finding.
    let clean = ReportFigures {
        problems: sample(),
        ..ReportFigures::default()
    };
    assert!(findings(&clean)
        .iter()
        .all(|(_, w)| !w.starts_with("Problem records")));
    // September 2020's row says 3 related but 1 + 1 are closed and open.
    let wrong = dcc_perf::io::problems_csv::SAMPLE.replace("2020-09,,3,1,2,", "2020-09,,3,1,1,");
    let wrong = read("p.csv", &wrong).unwrap();
    let said = findings(&ReportFigures {
        problems: wrong.clone(),
        ..ReportFigures::default()
    });
    let ours: Vec<_> = said
        .iter()
        .filter(|(_, w)| w.starts_with("Problem records"))
        .collect();
    assert!(!ours.is_empty(), "{said:?}");
    assert!(ours.iter().all(|(m, _)| *m == march), "{ours:?}");
    assert!(
        ours[0].1.contains("(the March 2021 report's summary)"),
        "{ours:?}"
    );
    // With no month, the same faults belong to no month's findings.
    let unplaced = ReportFigures {
        problems: dcc_perf::engine::reports::problems::Problems {
            period: None,
            ..wrong
        },
        ..ReportFigures::default()
    };
    assert!(findings(&unplaced)
        .iter()
        .all(|(_, w)| !w.starts_with("Problem records")));
    // Two months in one table.
    let two = "report,reference,related,closed,open,period\n2020-09,,3,1,2,2021-03\n2020-10,,1,0,1,2021-04\n";
    let errors = read("two.csv", two).unwrap_err();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(
        (errors[0].row, errors[0].column.as_deref()),
        (Some(3), Some("period"))
    );
    assert_eq!(errors[0].kind, ErrorKind::Inconsistent);
    assert!(
        errors[0].expected.contains("March 2021") || errors[0].expected.contains("2021-03"),
        "{}",
        errors[0]
    );
}
