//! Aged incidents: March 2021's Tables 9 and 10 read from the report's
//! text (empty cells placed by their spaces) and from the table; totals
//! checked; ages at the point of extract; the claims, one needing the
//! previous report's table; bad cells located; the command.

use crate::helpers::{cells, run, temp_file};
use dcc_perf::engine::reports::aged::{evaluate, Assigned};
use dcc_perf::io::aged_csv::{read, sample, write};
use dcc_perf::io::error::ErrorKind;
use dcc_perf::io::report::aged;

const REPORT: &str = "tests/fixtures/reports/pmr-2021-03.txt";

#[test]
fn the_sample_is_march_2021s_tables_every_total_holding() {
    let tables = sample();
    assert_eq!(tables.len(), 2);
    let users = evaluate(&tables[0], None);
    assert_eq!(
        (users.assigned, users.total),
        (Assigned::ServiceUsers, 20_467)
    );
    assert_eq!(users.by_category, [0, 0, 27, 137, 20_303]);
    assert!(
        users.checks.iter().all(|c| c.holds == Some(true)),
        "{:?}",
        users.checks
    );
    // "Fewer than 5,000 Incidents raised [prior to 2020]": 4,740.
    assert!(users
        .checks
        .last()
        .unwrap()
        .what
        .contains("the table gives 4,740"));
    let providers = evaluate(&tables[1], None);
    assert_eq!(providers.total, 3_051);
    let bands: Vec<(u32, u64, u64)> = providers
        .bands
        .iter()
        .map(|b| (b.days, b.low, b.high))
        .collect();
    assert_eq!(
        bands,
        [(30, 2_279, 3_051), (90, 1_646, 1_646), (365, 566, 566)]
    );
    // The ~22% reduction needs February's table.
    assert_eq!(providers.checks.last().unwrap().holds, None);
    assert_eq!(read("again.csv", &write(&tables)).unwrap(), tables);
}

#[test]
fn the_report_text_gives_the_sample() {
    let text = std::fs::read_to_string(REPORT).unwrap();
    assert_eq!(aged::read(&text), sample());
}

/// With the previous report's table loaded, the claimed reduction is
/// worked out: 1,646 over 90 days against 2,110 is −22%.
#[test]
fn the_claimed_reduction_is_checked_against_the_previous_report() {
    let previous = "table,report,raised,cat_1,cat_2,cat_3,cat_4,cat_5,total\n\
        providers,2021-02,2020-06,,,,,2110,2110\n";
    let mut tables = read("feb.csv", previous).unwrap();
    tables.extend(sample());
    let now = tables
        .iter()
        .find(|t| t.report.to_string() == "2021-03" && t.assigned == Assigned::Providers)
        .unwrap();
    let s = evaluate(now, Some(&tables[0]));
    let claim = s.checks.last().unwrap();
    assert_eq!(claim.holds, Some(true), "{}", claim.what);
    assert!(
        claim.what.contains(
            "1,646 over 90 days at March 2021 against 2,110 at February 2021, a change of -22%"
        ),
        "{}",
        claim.what
    );
    // Another previous figure: the claim no longer holds.
    let other = read("feb.csv", &previous.replace("2110", "1800")).unwrap();
    assert_eq!(
        evaluate(now, Some(&other[0])).checks.last().unwrap().holds,
        Some(false)
    );
}

/// A variant of the text: a count changed, so its row and column no
/// longer add up.
#[test]
fn a_variant_of_the_text_is_checked_on_its_own_figures() {
    let text = std::fs::read_to_string(REPORT)
        .unwrap()
        .replace("2020 November   1  170 171", "2020 November   1  160 171");
    let tables = aged::read(&text);
    let s = evaluate(&tables[1], None);
    let failed: Vec<&str> = (s.checks.iter())
        .filter(|c| c.holds == Some(false))
        .map(|c| c.what.as_str())
        .collect();
    assert_eq!(
        failed,
        [
            "November 2020: its categories add up to 161 (printed total 171)",
            "Cat 5: the months add up to 2,971 (printed total 2,981)",
            "All tickets: the categories add up to 3,041, the rows' totals to 3,051 (printed grand total 3,051)",
        ]
    );
}

#[test]
fn bad_cells_are_located_and_nothing_is_read() {
    let text = "\
table,report,raised,cat_1,cat_2,cat_3,cat_4,cat_5,total,claim
others,2021-03,2021-01,,,,,1,1,
providers,2021-13,2021-01,,,,,1,1,
providers,2021-03,2021-04,,,,,1,1,
providers,2021-03,2021-01,,,,,-1,1,
providers,2021-03,2021-02,,,,,1,1,
providers,2021-03,2021-02,,,,,1,1,
providers,2021-03,,,,,,,,fewer than many
providers,2021-03,2021-01,,,,,1,1,a claim
";
    let errors = read("bad.csv", text).unwrap_err();
    assert_eq!(
        cells(&errors),
        [
            (2, "table", "others"),
            (3, "report", "2021-13"),
            (4, "raised", "2021-04"),
            (5, "cat_5", "-1"),
            (7, "raised", "2021-02"),
            (8, "claim", "fewer than many"),
            (9, "claim", "a claim"),
        ]
    );
    assert_eq!(errors[2].kind, ErrorKind::Inconsistent);
    assert_eq!(errors[4].kind, ErrorKind::Duplicate);
}

#[test]
fn the_command_prints_the_tables_or_their_csv() {
    let (code, out, err) = run(&["--output", "aged"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains(
            "Assigned to service users, March 2021 report (extract 2021-04-01): 20,467 tickets"
        ),
        "{out}"
    );
    assert!(
        out.contains("NOT CHECKED: “A change of ~-22% in tickets over 90 days old”"),
        "{out}"
    );
    let (code, csv, _) = run(&["--output", "aged", REPORT, "--csv"]);
    assert_eq!(code, 0);
    assert_eq!(read("out.csv", &csv).unwrap(), sample());
    let bad = temp_file(
        "aged-bad.csv",
        "table,report,raised,cat_1,cat_2,cat_3,cat_4,cat_5,total\nx,2021-03,2021-01,,,,,1,1\n",
    );
    let (code, _, err) = run(&["--output", "aged", &bad]);
    assert_eq!(code, 2);
    assert!(err.contains("aged-bad.csv, row 2, column table"), "{err}");
}

/// A claim about another age than the bands shown; a previous table with
/// none that old; a row with no printed total; a change rounded half away
/// from zero.
#[test]
fn claims_on_any_age_and_tables_with_gaps() {
    let now = "table,report,raised,cat_1,cat_2,cat_3,cat_4,cat_5,total,claim\n\
        providers,2021-03,2020-06,,,,,155,155,\n\
        providers,2021-03,2021-01,,,,,10,,\n\
        providers,2021-03,Total,,,,,165,165,\n\
        providers,2021-03,,,,,,,,change over 60 days -23%\n";
    let then = "table,report,raised,cat_1,cat_2,cat_3,cat_4,cat_5,total\nproviders,2021-02,2020-06,,,,,200,200\n";
    let t = read("now.csv", now).unwrap();
    let p = read("then.csv", then).unwrap();
    let s = evaluate(&t[0], Some(&p[0]));
    // The grand total holds: the row without a total does not count against it.
    let grand = s
        .checks
        .iter()
        .find(|c| c.what.starts_with("All tickets"))
        .unwrap();
    assert_eq!(grand.holds, Some(true), "{}", grand.what);
    // Over 60 days: 155 + 10 (January's are 60 to 90 days old: at least 155)
    // against 200: −22.5%, which rounds half away from zero to −23.
    let claim = s.checks.last().unwrap();
    assert_eq!(claim.holds, Some(true), "{}", claim.what);
    assert!(claim.what.ends_with("a change of -23%"), "{}", claim.what);
    let none_old = read("x.csv", &then.replace("2020-06", "2021-02")).unwrap();
    let s = evaluate(&t[0], Some(&none_old[0]));
    assert_eq!(s.checks.last().unwrap().holds, None);
    assert!(s
        .checks
        .last()
        .unwrap()
        .what
        .contains("has none over 60 days"));
}
