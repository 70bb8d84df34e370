//! Exclusion and exception lists: March 2021's Table 11 and Tables 14 to 22
//! read from the report's text and from the table, every sum checked, the
//! "8.016" flagged; bad cells located; the command and its --csv.

use crate::helpers::{cells, run, temp_file};
use dcc_perf::engine::reports::exclusions::evaluate;
use dcc_perf::io::error::ErrorKind;
use dcc_perf::io::exclusions_csv::{read, sample, write};
use dcc_perf::io::report::exclusions;

const REPORT: &str = "tests/fixtures/reports/pmr-2021-03.txt";

#[test]
fn the_sample_is_march_2021s_lists_with_the_8016_caught() {
    let lists = sample();
    let titles: Vec<&str> = lists.iter().map(|l| l.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "CPM4/5 (PMEL)",
            "CSPN PM1.4",
            "CSPC PM1.1",
            "CSPC PM11",
            "CSPC PM1.3",
            "CSPS PM1.1",
            "CSPS PM11",
            "CSPS PM1.3"
        ]
    );
    let checks: Vec<_> = lists.iter().map(evaluate).collect();
    let excluded: Vec<u64> = checks.iter().map(|c| c.excluded).collect();
    assert_eq!(
        excluded,
        [6_300, 22_152, 13_662, 13_662, 212_138, 8_561, 8_561, 200_494]
    );
    // Every sum holds (8.016 read as 8,016); the two CSPC lists carry the flag.
    assert!(checks.iter().all(|c| c.sums.iter().all(|s| s.holds)));
    let flagged: Vec<&str> = (checks.iter())
        .filter(|c| !c.flags.is_empty())
        .map(|c| c.title.as_str())
        .collect();
    assert_eq!(flagged, ["CSPC PM1.1", "CSPC PM11"]);
    assert!(checks[2].flags[0].words.contains("only if it is 8,016"));
    // The PMEL: 1,954 not DCC resolution + 4,346 DCC resolution = 6,300.
    assert_eq!(checks[0].sums.len(), 4);
    assert_eq!(read("again.csv", &write(&lists)).unwrap(), lists);
}

#[test]
fn the_report_text_gives_the_sample() {
    let text = std::fs::read_to_string(REPORT).unwrap();
    assert_eq!(exclusions::read(&text), sample());
}

/// A variant of the text: the odd count printed right, and another count
/// changed so its list no longer adds up.
#[test]
fn a_variant_of_the_text_is_checked_on_its_own_figures() {
    let text = std::fs::read_to_string(REPORT)
        .unwrap()
        .replace("8.016*", "8,016")
        .replace(
            "Incomplete Communications Hub Install – 7,521",
            "Incomplete Communications Hub Install – 7,512",
        );
    let checks: Vec<_> = exclusions::read(&text).iter().map(evaluate).collect();
    assert!(checks.iter().all(|c| c.flags.is_empty()));
    let cspn = checks.iter().find(|c| c.title == "CSPN PM1.4").unwrap();
    assert_eq!(
        (cspn.sums[0].stated, cspn.sums[0].listed, cspn.sums[0].holds),
        (22_152, 22_143, false)
    );
}

#[test]
fn bad_cells_are_located_and_nothing_is_read() {
    let text = "\
list,group,reason,count
CSPN PM1.4,,Total,ten
CSPN PM1.4,,Not Active,-5
,,Not Active,7
CSPN PM1.4,,,7
CSPN PM1.4,,Total,30
CSPN PM1.4,,Total,31
";
    let errors = read("bad.csv", text).unwrap_err();
    assert_eq!(
        cells(&errors),
        [
            (2, "count", "ten"),
            (3, "count", "-5"),
            (4, "list", ""),
            (5, "reason", ""),
            (7, "reason", "Total"),
        ]
    );
    assert_eq!(errors[0].kind, ErrorKind::BadCount);
    assert_eq!(errors[4].kind, ErrorKind::Duplicate);
}

#[test]
fn the_command_prints_the_lists_or_their_table() {
    let (code, out, err) = run(&["--output", "exclusions"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("CPM4/5 (PMEL): 6,300 excluded"), "{out}");
    assert!(out.contains("FLAGGED There were no, or incomplete address details provided by the Service User: printed “8.016*”"), "{out}");
    // Each list's share beside its measures' levels, from the sample's
    // figures or, for a report's text, from the report's own.
    assert!(
        out.contains("CPM4/5 (PMEL): share excluded 87.55% (DCC CPM4 100.00%, DCC CPM5 90.12%)"),
        "{out}"
    );
    let (code, text, err) = run(&["--output", "exclusions", REPORT]);
    assert_eq!(code, 0, "{err}");
    assert!(
        text.contains("CSPN PM1.4: share excluded unknown (CSPN PM1.4 100.00%)"),
        "{text}"
    );
    assert!(
        text.contains("CSPN PM1.4 in March 2021 is given as a level, not as counts"),
        "{text}"
    );
    let (code, csv, _) = run(&["--output", "exclusions", REPORT, "--csv"]);
    assert_eq!(code, 0);
    assert_eq!(read("out.csv", &csv).unwrap(), sample());
    // The lists as a table have no figures beside them: the shares are
    // unknown, and the command says why.
    let table = temp_file("excl.csv", &csv);
    let (code, out, err) = run(&["--output", "exclusions", &table]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("excl.csv gives no service-level figures (a report's text does), so the shares below are unknown."), "{out}");
    assert!(
        out.contains("CPM4/5 (PMEL): share excluded unknown"),
        "{out}"
    );
    let bad = temp_file("excl-bad.csv", "list,group,reason,count\nA,,B,x\n");
    let (code, _, err) = run(&["--output", "exclusions", &bad]);
    assert_eq!(code, 2);
    assert!(err.contains("excl-bad.csv, row 2, column count"), "{err}");
    let (code, _, err) = run(&["--csv"]);
    assert_eq!(code, 1);
    assert!(err.contains("--csv goes with"), "{err}");
}

/// March 2021's exclusion lists give the month view two findings, the
/// "8.016" in each CSPC list; July 2019's variance gives its percentages.
#[test]
fn the_samples_findings_by_month() {
    let f = dcc_perf::io::reports_sample();
    let found = dcc_perf::engine::reports::findings(&f);
    let march: Vec<&str> = (found.iter())
        .filter(|(m, _)| m.to_string() == "2021-03")
        .map(|(_, t)| t.as_str())
        .collect();
    assert_eq!(march.len(), 2, "{march:?}");
    assert!(march[0].starts_with("CSPC PM1.1 exclusions, “There were no, or incomplete address details provided by the Service User”: printed “8.016*”"), "{}", march[0]);
    let july: Vec<&str> = (found.iter())
        .filter(|(m, _)| m.to_string() == "2019-07")
        .map(|(_, t)| t.as_str())
        .collect();
    assert_eq!(july.len(), 1, "{july:?}");
    assert!(
        july[0].starts_with("CSR variance, July 2019: Dividing the stated totals gives 124.6%"),
        "{}",
        july[0]
    );
}

/// Odd cases from the text: a reason holding an en dash before a spaced
/// hyphen, a count printed "30." (kept, flagged, and read back from the
/// table), a stated total printed "13.662" (flagged), a list with no
/// counted reasons, and a bare "Total" in the PMEL.
#[test]
fn odd_printing_is_kept_and_flagged() {
    let text = "Table 14 - CSPN PM1.4 Exclusions\n40 x CH excluded for March 2021 due to reasons\n\
        • CHIMSM Not Followed – Aborted Installation - 10\n• Not Active – 30.\n\
        Table 15 - CSPC PM1.1 Exclusions\n13.662 CH excluded for March 2021 due to reasons\n• None\n\
        Exception Type Total Incidents\nA thing 5\nTotal 5\nTable 11 - PMEL Exclusions Detail\n";
    let lists = exclusions::read(text);
    let titles: Vec<&str> = lists.iter().map(|l| l.title.as_str()).collect();
    assert_eq!(titles, ["CSPN PM1.4", "CSPC PM1.1", "CPM4/5 (PMEL)"]);
    let items: Vec<(&str, &str)> = (lists[0].groups[0].items.iter())
        .map(|i| (i.reason.as_str(), i.count.0.as_str()))
        .collect();
    assert_eq!(
        items,
        [
            ("CHIMSM Not Followed – Aborted Installation", "10"),
            ("Not Active", "30.")
        ]
    );
    let c = evaluate(&lists[0]);
    assert_eq!(c.flags.len(), 1);
    assert!(
        c.flags[0].words.contains("is not a count"),
        "{}",
        c.flags[0].words
    );
    assert!(lists[1].groups.is_empty());
    let c = evaluate(&lists[1]);
    assert!(c.flags[0].words.contains("read as 13,662"), "{:?}", c.flags);
    assert!(!c.sums[0].holds);
    assert_eq!(
        lists[2].stated_total.as_ref().map(|p| p.0.as_str()),
        Some("5")
    );
    assert_eq!(read("again.csv", &write(&lists)).unwrap(), lists);
}

/// Two lists under the same caption, two groups of the same name, and a
/// caption with no title: each kept apart and named so their table reads
/// back the same (found by the fuzz target).
#[test]
fn names_stay_distinct_so_the_table_reads_back() {
    let text = "Table 16 - CSPC PM1.1 Exclusions\n10 CH excluded for March 2021 due to\n• A – 10\n\
        Table 16 - CSPC PM1.1 Exclusions\n5 CH excluded for March 2021 due to\n• B – 5\n\
        Table 17 - Exclusions\n5 CH excluded\n\
        Exception Type Total Incidents\nA 1\nDCC Total 1\nB 2\nDCC Total 2\nGrand Total 3\nTable 11 - PMEL Exclusions Detail\n";
    let lists = exclusions::read(text);
    let titles: Vec<&str> = lists.iter().map(|l| l.title.as_str()).collect();
    assert_eq!(
        titles[..3],
        ["CSPC PM1.1", "CSPC PM1.1 (2)", "Exception list at line 8"]
    );
    let pmel = lists.iter().find(|l| l.title == "CPM4/5 (PMEL)").unwrap();
    let groups: Vec<&str> = pmel.groups.iter().map(|g| g.name.as_str()).collect();
    assert_eq!(groups, ["DCC", "DCC (2)"]);
    assert_eq!(read("again.csv", &write(&lists)).unwrap(), lists);
}

/// The excluded share of each list beside its measures' service levels, on
/// the March 2021 sample: the PMEL's 6,300 against the 896 incidents CPM4
/// and CPM5 count; the hub lists' measures given as levels, so their
/// share is left unknown and says why; and once CSPN PM1.4's events are
/// loaded as counts, its share.
#[test]
fn the_excluded_share_of_each_measures_events() {
    use dcc_perf::engine::reports::excluded::share;
    use dcc_perf::engine::{evaluate as levels, Input, Provider, Settings};
    let data = dcc_perf::io::sample();
    let results = levels(&data, Settings::default());
    let lists = sample();
    let pmel = share(&lists[0], &data, &results);
    assert_eq!(
        pmel.measures
            .iter()
            .map(|m| (m.measure, m.level.as_deref(), m.counted))
            .collect::<Vec<_>>(),
        [
            ("CPM4", Some("100.00%"), Some(5)),
            ("CPM5", Some("90.12%"), Some(891))
        ]
    );
    assert_eq!(pmel.excluded, 6_300);
    // 6,300 ÷ (6,300 + 896) = 87.548...%
    let s = pmel.share.expect("counted");
    assert_eq!(s.round_dp(3).to_string(), "87.549");
    assert_eq!(pmel.counted, Some(896));
    assert!(
        pmel.words
            .contains("6,300 excluded ÷ (6,300 excluded + 896 counted"),
        "{}",
        pmel.words
    );
    assert!(pmel.words.ends_with("= 87.55%"), "{}", pmel.words);

    let cspn = share(&lists[1], &data, &results);
    assert_eq!(cspn.measures[0].level.as_deref(), Some("100.00%"));
    assert_eq!(
        (cspn.excluded, cspn.counted, cspn.share),
        (22_152, None, None)
    );
    assert!(
        cspn.words
            .contains("CSPN PM1.4 in March 2021 is given as a level"),
        "{}",
        cspn.words
    );

    // With its events as counts: 22,152 ÷ (22,152 + 977,848) = 2.2152%.
    let march = "2021-03".parse().unwrap();
    let counted = data.with_input(
        march,
        "PM1.4",
        Provider::Cspn,
        Input::Counts {
            successes: 977_000,
            total: 977_848,
        },
    );
    let results = levels(&counted, Settings::default());
    let cspn = share(&lists[1], &counted, &results);
    assert_eq!(cspn.share, Some("2.2152".parse().unwrap()));
    assert_eq!(cspn.counted, Some(977_848));
    assert_eq!(cspn.measures[0].level.as_deref(), Some("99.91%"));

    // A list of another month, or one naming nothing the catalogue has.
    let mut other = lists[1].clone();
    other.period = Some("2019-01".parse().unwrap());
    let s = share(&other, &counted, &results);
    assert_eq!((s.measures[0].level.clone(), s.share), (None, None));
    assert!(
        s.words
            .starts_with("CSPN PM1.4 in January 2019 has no figure loaded: load its events"),
        "{}",
        s.words
    );
    // A status is not a count either.
    let none = data.with_input(
        march,
        "PM1.4",
        Provider::Cspn,
        Input::Status {
            status: dcc_perf::engine::NoValue::NoEvents,
        },
    );
    let s = share(&lists[1], &none, &levels(&none, Settings::default()));
    assert!(
        s.words
            .starts_with("CSPN PM1.4 in March 2021 is “No Events”, not counts"),
        "{}",
        s.words
    );
    other.title = "Other exceptions".into();
    let s = share(&other, &counted, &results);
    assert!(s.measures.is_empty() && s.share.is_none());
    assert!(s.words.contains("names no measure"), "{}", s.words);
}
