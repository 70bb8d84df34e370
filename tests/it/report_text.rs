//! The PMR's text as copied from its PDF: the March 2021 report gives
//! exactly the shipped sample's figures, and variants built from it
//! (another month with other figures, cells wrapped otherwise, page breaks
//! elsewhere, two pages alone) read as they should.

use dcc_perf::engine::data::claim::Claim;
use dcc_perf::engine::{Dataset, Input, Month, Observation, Provider, ReportedCredit};
use dcc_perf::io::{self, Format, Import};
use proptest::prelude::*;

const REPORT: &str = include_str!("../fixtures/reports/pmr-2021-03.txt");

fn read(text: &str) -> Import {
    io::read("report.txt", text.as_bytes())
}

/// An observation without its note (the sample's notes are an analyst's).
fn bare(o: &Observation) -> Observation {
    Observation {
        note: None,
        ..o.clone()
    }
}

fn bare_credit(c: &ReportedCredit) -> ReportedCredit {
    ReportedCredit {
        note: None,
        ..c.clone()
    }
}

/// A claim without where it was read: the sample's and the text's agree on what is claimed.
fn bare_claim(c: &Claim) -> Claim {
    Claim {
        words: String::new(),
        line: None,
        ..c.clone()
    }
}

/// The sample without the two figures only the report's prose approximates
/// ("about 50%" in December 2020, "43%" in January 2021), which no table gives.
fn sample_from_tables() -> Dataset {
    let s = io::sample().normalised();
    Dataset {
        observations: s
            .observations
            .iter()
            .filter(|o| !o.approximate)
            .map(|o| bare(o).into())
            .collect(),
        credits: s.credits.iter().map(bare_credit).collect(),
        claims: s.claims.iter().map(bare_claim).collect(),
    }
}

fn bare_dataset(d: &Dataset) -> Dataset {
    let d = d.clone().normalised();
    Dataset {
        observations: d.observations.iter().map(|o| bare(o).into()).collect(),
        credits: d.credits.iter().map(bare_credit).collect(),
        claims: d.claims.iter().map(bare_claim).collect(),
    }
}

/// The first difference, not two datasets printed whole.
fn same(got: &Dataset, want: &Dataset, what: &str) {
    fn differ<T: PartialEq + std::fmt::Debug>(got: &[T], want: &[T], what: &str) {
        let missing: Vec<_> = want.iter().filter(|x| !got.contains(x)).collect();
        let extra: Vec<_> = got.iter().filter(|x| !want.contains(x)).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{what}: missing {missing:#?}\nextra {extra:#?}"
        );
    }
    differ(&got.observations, &want.observations, what);
    differ(&got.credits, &want.credits, what);
    differ(&got.claims, &want.claims, what);
}

fn m(y: i32, mo: u8) -> Month {
    Month::new(y, mo).unwrap()
}

#[test]
fn the_march_2021_text_gives_exactly_the_sample() {
    let import = read(REPORT);
    assert_eq!(import.format, Some(Format::Report));
    assert!(import.errors.is_empty(), "{:#?}", import.errors);
    assert!(import.unplaced.is_empty(), "{:#?}", import.unplaced);
    let got = bare_dataset(&import.dataset);
    let want = sample_from_tables();
    for (g, w) in got.observations.iter().zip(&want.observations) {
        assert_eq!(g, w);
    }
    assert_eq!(got.observations.len(), want.observations.len());
    for (g, w) in got.credits.iter().zip(&want.credits) {
        assert_eq!(g, w);
    }
    assert_eq!(got.credits.len(), want.credits.len());
    let summary = import.report.as_ref().unwrap();
    assert_eq!(summary.month, Some(m(2021, 3)));
    assert_eq!((summary.read, summary.expected), (116, 116));
    assert!(summary.missing.is_empty());
    assert!(summary.differences.is_empty(), "{:?}", summary.differences);
}

#[test]
fn every_figure_is_shown_with_its_line() {
    let import = read(REPORT);
    let lines: Vec<&str> = REPORT.lines().collect();
    assert!(import.figures.len() >= 232 + 136);
    for f in &import.figures {
        let line = lines[(f.line - 1) as usize];
        // A printed level or amount ends on its line (a status's first
        // word may be on the line before).
        let last = f.text.split_whitespace().last().unwrap();
        if last.contains(['%', '£']) || f.text.contains("No Events") {
            assert!(line.contains(last), "{f:?} not on line {}: {line}", f.line);
        }
    }
    let pm2 = import
        .figures
        .iter()
        .find(|f| f.subject.starts_with("2021-03 PM2 CSPN level"))
        .unwrap();
    assert_eq!(pm2.text, "23.74%");
    assert!(pm2.place.contains("Table 1"));
}

#[test]
fn restatements_statuses_and_counts_as_the_report_prints_them() {
    let d = read(REPORT).dataset;
    let find = |p: Month, code: &str, prov: Provider, rin: Month| {
        d.observations
            .iter()
            .find(|o| {
                o.period == p
                    && o.measure == code
                    && o.provider == prov
                    && o.reported_in == Some(rin)
            })
            .unwrap_or_else(|| panic!("{p} {code} {prov} in {rin}"))
    };
    let (feb, mar) = (m(2021, 2), m(2021, 3));
    let reported = |s: &str| Some(s.parse().unwrap());
    // (period, measure, provider, reported in, level as input or printed)
    #[rustfmt::skip]
    let levels = [
        (feb, "CH1.2", Provider::Cspc, feb, level("99.21")), // as first reported
        (feb, "CH1.2", Provider::Cspc, mar, level("100.00")), // restated
        (feb, "CH1.1", Provider::Csps, feb, level("98.75")),
        (m(2020, 10), "PM7", Provider::Dsp, mar, level("100.00")), // Aug20 – Oct20
        (m(2021, 1), "PM7", Provider::Dsp, mar, level("100.00")), // Nov20 – Jan21
        (m(2020, 12), "PM1.3", Provider::Cspn, mar, level("99.97")), // 2020 Q4
        (mar, "VF-LINKS", Provider::Vodafone, mar, level("100.00")), // no number
        (mar, "PM7.4", Provider::Cspn, mar, level("88.44")), // §14 only
    ];
    for (p, code, prov, rin, want) in levels {
        assert_eq!(find(p, code, prov, rin).input, want, "{p} {code} {prov}");
    }
    assert_eq!(
        find(mar, "CH1.3", Provider::Cspc, mar).reported,
        reported("99.896")
    );
    assert_eq!(
        find(mar, "PM12.2", Provider::Cspn, mar).reported,
        reported("394.28")
    );
}

fn level(s: &str) -> dcc_perf::engine::Input {
    dcc_perf::engine::Input::Level {
        level: s.parse().unwrap(),
    }
}

/// The report for another month: the scope and footers say June 2021, and
/// some figures differ.
#[test]
fn another_month_with_other_figures() {
    let text = REPORT
        .replace(
            "Performance Measures for March 2021",
            "Performance Measures for June 2021",
        )
        .replace("\nMarch 2021 \n", "\nJune 2021 \n")
        .replace(
            "CSPN 35.88% 23.74% 99.00% 96.00%",
            "CSPN 47.10% 61.05% 99.00% 96.00%",
        )
        .replace("93.95% 92.75% 99.00% 96.00%", "94.20% 95.01% 99.00% 96.00%")
        .replace(
            "Monthly 100.00% 98.56% 99.00% 98.00%",
            "Monthly 98.56% 99.20% 99.00% 98.00%",
        );
    let import = read(&text);
    assert!(import.errors.is_empty(), "{:#?}", import.errors);
    let d = import.dataset;
    let get = |p: Month, code: &str, prov: Provider| {
        d.observations
            .iter()
            .find(|o| {
                o.period == p
                    && o.measure == code
                    && o.provider == prov
                    && o.reported_in == Some(m(2021, 6))
            })
            .map(|o| o.input.clone())
    };
    assert_eq!(get(m(2021, 6), "CPM1", Provider::Dcc), Some(level("95.01")));
    assert_eq!(get(m(2021, 5), "CPM1", Provider::Dcc), Some(level("94.20")));
    assert_eq!(get(m(2021, 5), "PM2", Provider::Cspn), Some(level("47.10")));
    assert_eq!(
        get(m(2021, 6), "PM2.7", Provider::Dsp),
        Some(level("99.20"))
    );
    // Volumes still join the level of their own month.
    let pm2 = d
        .observations
        .iter()
        .find(|o| o.period == m(2021, 6) && o.measure == "PM2" && o.provider == Provider::Cspn)
        .unwrap();
    assert_eq!(
        pm2.input,
        dcc_perf::engine::Input::Counts {
            successes: 56774,
            total: 239128
        }
    );
    assert_eq!(pm2.reported, Some("61.05".parse().unwrap()));
    assert!(d
        .observations
        .iter()
        .all(|o| o.reported_in != Some(m(2021, 3))));
}

/// Lines with figures split into one word a line, or joined in pairs:
/// a PDF copy wraps cells anywhere.
#[test]
fn cells_wrapped_over_other_lines() {
    let lines: Vec<&str> = REPORT.lines().collect();
    // Sticky notes are one line each in a PDF copy: leave them be.
    let keep = |k: usize| {
        let l = lines[k].trim();
        (k > 0 && lines[k - 1].trim() == "Sticky Note")
            || l.starts_with("Table ")
            || l == "Sticky Note"
    };
    let mut split = Vec::new();
    for (k, l) in lines.iter().enumerate() {
        if l.contains('%') && !keep(k) {
            split.extend(l.split_whitespace().map(String::from));
        } else {
            split.push(l.to_string());
        }
    }
    let mut joined = Vec::new();
    let mut k = 0;
    while k < lines.len() {
        let l = lines[k];
        let next = k + 1 < lines.len()
            && !keep(k + 1)
            && !lines[k + 1].trim().is_empty()
            && !lines[k + 1].contains("Sticky");
        if l.contains('%') && !keep(k) && next {
            joined.push(format!("{l} {}", lines[k + 1]));
            k += 2;
        } else {
            joined.push(l.to_string());
            k += 1;
        }
    }
    let want = bare_dataset(&read(REPORT).dataset);
    for (how, text) in [("split", split.join("\n")), ("joined", joined.join("\n"))] {
        let import = read(&text);
        assert!(import.errors.is_empty(), "{how}: {:#?}", import.errors);
        assert!(import.unplaced.is_empty(), "{how}: {:#?}", import.unplaced);
        same(&bare_dataset(&import.dataset), &want, how);
    }
}

/// A page footer and the table's header again, put between lines inside the
/// tables at other places than the report's own page breaks.
#[test]
fn page_breaks_elsewhere() {
    const FOOTER: &str = "\n   \nDCC Performance Measurement Report V1.0 \nMarch 2021 \n\nPM001 DCC Controlled – Panel, Ofgem, BEIS and SEC Parties Only        Page 7 of 69 \n \n";
    const CODE_HEADER: &str = "Code \nPerformanc\ne Measure \n\nNumber \n\nPerformance Measure  \nPrevious \nService \nLevel \n\nService \nLevel \n\nTarget \nService \nLevel \n\nMinimum \nService \nLevel \n";
    const PROVIDER_HEADER: &str = "Performance Area Performance \nMeasure Number Performance Measure Name Measurement \n\nPeriod \nPrevious Service \nLevel Service Level \n\nTarget Service \nLevel \n\nMinimum \nService Level \n";
    let want = bare_dataset(&read(REPORT).dataset);
    for every in [7, 11, 17] {
        let mut out = String::new();
        let mut header: Option<&str> = None;
        for (i, l) in REPORT.lines().enumerate() {
            let t = l.trim();
            if t == "Code" {
                header = Some(CODE_HEADER);
            } else if t.starts_with("Performance Area")
                && REPORT
                    .lines()
                    .skip(i)
                    .take(14)
                    .any(|n| n.contains("Minimum"))
            {
                header = Some(PROVIDER_HEADER);
            } else if t.starts_with("Performance Area") || t.starts_with("Table ") {
                header = None;
            }
            out.push_str(l);
            out.push('\n');
            // After a row's figures or a line of its name: never inside a
            // header or a sticky note.
            let in_row = t.contains('%') || t.starts_with("Percentage");
            let note_next = REPORT
                .lines()
                .nth(i + 1)
                .is_some_and(|n| n.contains("Sticky"));
            if let Some(h) = header.filter(|_| i % every == 0 && in_row && !note_next) {
                out.push_str(FOOTER);
                out.push_str(h);
            }
        }
        let import = read(&out);
        assert!(
            import.errors.is_empty(),
            "every {every}: {:#?}",
            import.errors
        );
        assert!(
            import.unplaced.is_empty(),
            "every {every}: {:#?}",
            import.unplaced
        );
        same(
            &bare_dataset(&import.dataset),
            &want,
            &format!("every {every}"),
        );
    }
}

/// Two pages pasted alone: what they hold is read (the month from the page
/// footer), and the rest is said to be missing.
#[test]
fn two_pages_alone() {
    let lines: Vec<&str> = REPORT.lines().collect();
    let full = bare_dataset(&read(REPORT).dataset);
    for (from, to, has) in [
        (1044, 1340, ("CPM8", Provider::Dcc)),
        (1978, 2318, ("PM12.2", Provider::Cspn)),
    ] {
        let text = lines[from..to].join("\n");
        let import = read(&text);
        assert_eq!(import.format, Some(Format::Report));
        assert!(import.errors.is_empty(), "{:#?}", import.errors);
        let got = bare_dataset(&import.dataset);
        assert!(got
            .observations
            .iter()
            .any(|o| (o.measure.as_str(), o.provider) == has));
        for o in &got.observations {
            let same = full
                .observations
                .iter()
                .find(|f| f.key() == o.key())
                .unwrap();
            // Levels as in the whole report; a level whose counts were on
            // other pages is the printed level, as the whole report prints it.
            match (&o.input, &same.input) {
                (
                    Input::Level { .. } | Input::Status { .. },
                    Input::Level { .. } | Input::Status { .. },
                ) => {
                    assert_eq!(o.input, same.input, "{o:?}")
                }
                (Input::Level { level }, _) => assert_eq!(Some(*level), same.reported, "{o:?}"),
                _ => assert_eq!(o.input, same.input, "{o:?}"),
            }
        }
        let s = import.report.unwrap();
        assert_eq!(s.month, Some(m(2021, 3)));
        assert!(
            s.read > 5 && s.read < s.expected,
            "{} of {}",
            s.read,
            s.expected
        );
        assert_eq!(s.missing.len(), s.expected - s.read);
        assert!(import.notes.iter().any(|n| n.contains("missing")));
    }
}

#[test]
fn a_changed_target_is_shown_not_taken() {
    let text = REPORT.replace(
        "CSPN 100.00% 100.00% 85.00% 80.00%",
        "CSPN 100.00% 100.00% 90.00% 80.00%",
    );
    let import = read(&text);
    let s = import.report.unwrap();
    assert_eq!(s.differences.len(), 1, "{:?}", s.differences);
    assert!(
        s.differences[0].contains("PM4.3")
            && s.differences[0].contains("90.00%")
            && s.differences[0].contains("85%")
    );
}

#[test]
fn what_cannot_be_placed_is_listed_with_its_line() {
    // A row whose number names no measure of the provider.
    let text = REPORT.replace(
        " 12.2 Percentage of Power Outage Event \nalerts delivered: greater than 50",
        " 19.9 Percentage of Power Outage Event \nalerts delivered: greater than 50",
    );
    assert_ne!(text, REPORT);
    let import = read(&text);
    let u = &import.unplaced;
    assert!(!u.is_empty());
    assert!(u.iter().any(|u| u.text.contains("396.20%")), "{u:#?}");
    // Its previous figure is not taken from the unplaced row.
    let feb = m(2021, 2);
    assert!(!import
        .dataset
        .observations
        .iter()
        .any(|o| o.period == feb && o.measure == "PM12.2" && o.provider == Provider::Cspn));
}

#[test]
fn text_with_no_month_is_refused_by_name() {
    let text = REPORT
        .replace(
            "Performance Measures for March 2021",
            "Performance Measures",
        )
        .replace("\nMarch 2021 \n", "\n\n");
    let import = read(&text);
    assert!(!import.errors.is_empty());
    assert!(import.errors[0].expected.contains("report month"));
    assert!(import.dataset.observations.is_empty());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    /// Any slice of the report, and any slice with lines shuffled or cut
    /// mid-word, reads without panicking, and what it reads is checked.
    #[test]
    fn slices_never_panic(a in 0usize..4400, len in 0usize..600, cut in 0usize..200, swap in 0usize..50) {
        let lines: Vec<&str> = REPORT.lines().collect();
        let a = a.min(lines.len());
        let b = (a + len).min(lines.len());
        let mut part: Vec<String> = lines[a..b].iter().map(|s| s.to_string()).collect();
        if part.len() > 2 {
            let i = swap % part.len();
            let j = part.len() - 1 - i;
            part.swap(i, j);
            let l = &mut part[i];
            let c = cut.min(l.len());
            if l.is_char_boundary(c) {
                l.truncate(c);
            }
        }
        let text = format!("DCC Performance Measurement Report\nMarch 2021\n{}", part.join("\n"));
        let import = read(&text);
        for o in &import.dataset.observations {
            prop_assert!(o.reported_in.is_some());
        }
    }
}

/// `dcc-perf FILE` on the report's text: recognised by its content, and
/// March 2021's results are the sample's.
#[test]
fn the_command_reads_the_text_as_any_other_file() {
    let run = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_dcc-perf"))
            .args(args)
            .output()
            .expect("runs");
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("results JSON");
        (v, String::from_utf8_lossy(&out.stderr).to_string())
    };
    let path = format!(
        "{}/tests/fixtures/reports/pmr-2021-03.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    let (text, err) = run(&[&path, "--month", "2021-03"]);
    assert!(err.contains("116 of the 116 measures"), "{err}");
    let (sample, _) = run(&["--month", "2021-03"]);
    let rows = |v: &serde_json::Value| {
        let mut r: Vec<(String, String, String, String)> = v["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                let s = |k: &str| r[k].as_str().unwrap_or("").to_string();
                (s("measure"), s("provider"), s("display"), s("status"))
            })
            .collect();
        r.sort();
        r
    };
    assert_eq!(rows(&text), rows(&sample));
    assert_eq!(rows(&text).len(), 116);
    let money = |v: &serde_json::Value| v["credits"]["checks"].as_array().unwrap().len();
    assert_eq!(money(&text), money(&sample));
}

#[test]
fn a_report_with_no_table_the_reader_knows_says_so() {
    let text = "DCC Performance Measurement Report V1.0\nMarch 2021\n\
                This report covers the Service Levels against the Target Service Level \
                and Minimum Service Level.\nNothing else.\n";
    let import = read(text);
    assert_eq!(import.format, Some(Format::Report));
    assert_eq!(import.errors.len(), 1);
    assert!(import.errors[0].expected.contains("Minimum Service Level"));
    assert!(!import.is_clean());
}

#[test]
fn junk_and_huge_texts_are_refused_or_read_without_panic() {
    // Binary junk is not text at all.
    let junk: Vec<u8> = (0..4096u32).map(|i| (i * 7919 % 251) as u8).collect();
    let import = io::read("junk.bin", &junk);
    assert!(!import.errors.is_empty());
    // The report ten times over (1.2 MB): read, each figure once.
    let big = REPORT.repeat(10);
    let t = std::time::Instant::now();
    let import = read(&big);
    assert!(import.errors.is_empty(), "{:?}", import.errors.first());
    assert_eq!(
        bare_dataset(&import.dataset),
        bare_dataset(&read(REPORT).dataset)
    );
    // Linear, not quadratic: generous enough for a loaded debug build.
    assert!(t.elapsed().as_secs() < 60);
}

/// Over the shipped sample, the report's text changes nothing: its figures
/// are the sample's, and the sample's notes stay.
#[test]
fn over_the_sample_the_text_changes_nothing() {
    let sample = io::sample();
    let incoming = read(REPORT).dataset;
    let c = sample.compare(&incoming);
    assert!(
        c.added.is_empty() && c.changed.is_empty(),
        "{:#?}",
        (&c.added, &c.changed)
    );
    assert!(c.credits_added.is_empty() && c.credits_changed.is_empty());
    assert_eq!(sample.merged(&incoming), sample.clone().normalised());
}

/// A spreadsheet with report-like headers is a spreadsheet, not a report.
#[test]
fn a_table_with_report_words_is_a_table() {
    for text in [
        "Code Performance Measures kept by us\nmeasure\tprovider\tTarget Service Level\tMinimum Service Level\tMar-21\nPM2\tCSPN\t99\t96\t23.74\n",
        "period,measure,provider,value,note\n2021-03,PM2,CSPN,23.74,Target Service Level 99 and Minimum Service Level 96 (Code Performance Measure 1)\n",
    ] {
        let import = read(text);
        assert_ne!(import.format, Some(Format::Report), "{text}");
    }
    assert!(dcc_perf::io::report::looks_like_report(REPORT));
}

/// Found in review: a line whose lower case is longer than itself (`İ`)
/// before the scope's words.
#[test]
fn letters_whose_lower_case_is_longer_do_not_panic() {
    let text = format!(
        "{} performance measures for March 2021\nService Level Target Service Level Minimum Service Level performance measurement report\n",
        "İ".repeat(30)
    );
    let import = read(&text);
    assert_eq!(import.format, Some(Format::Report));
    let text = format!("{} Kelvin \u{212A}\n{REPORT}", "\u{212A}".repeat(40));
    assert!(read(&text).errors.is_empty());
}

/// Found in review: a row one figure short must not lend its code or
/// number to the next row's figures; it is listed, the next row is right.
#[test]
fn a_row_with_a_cell_not_read_is_listed_not_lent_to_the_next() {
    let mar = m(2021, 3);
    let get = |d: &Dataset, code: &str, p: Provider| {
        d.observations
            .iter()
            .find(|o| o.period == mar && o.measure == code && o.provider == p)
            .map(|o| o.input.clone())
    };
    // Table 1: CPM1's minimum unreadable.
    let text = REPORT.replacen("93.95% 92.75% 99.00% 96.00%", "93.95% 92.75% 99.00% -", 1);
    let import = read(&text);
    assert_eq!(get(&import.dataset, "CPM1", Provider::Dcc), None);
    assert_eq!(
        get(&import.dataset, "PM1.1", Provider::Dsp),
        Some(level("99.83"))
    );
    assert!(
        import
            .unplaced
            .iter()
            .any(|u| u.text.contains("CPM1") && u.text.contains("92.75%")),
        "{:#?}",
        import.unplaced
    );
    // A provider table: CSPC PM11's current level unreadable.
    let text = REPORT.replacen(
        "Monthly 98.86% 99.05% 95.00% 90.00%",
        "Monthly 98.86% 99.05% - 90.00%",
        1,
    );
    assert_ne!(text, REPORT);
    let import = read(&text);
    assert_eq!(get(&import.dataset, "PM11", Provider::Cspc), None);
    assert_eq!(
        get(&import.dataset, "PM12.1", Provider::Cspc),
        Some(level("99.99"))
    );
    assert!(
        import.unplaced.iter().any(|u| u.text.contains("98.86%")),
        "{:#?}",
        import.unplaced
    );
    // A count row one figure short.
    let text = REPORT.replacen("Monthly \n0 0 \n\n0 1 \n", "Monthly \n0 0 \n\n0 \n", 1);
    assert_ne!(text, REPORT);
    let import = read(&text);
    assert_eq!(get(&import.dataset, "PM3.1", Provider::Capgemini), None);
    assert_eq!(
        get(&import.dataset, "PM3.2", Provider::Capgemini),
        Some(level("0"))
    );
}

/// Found in review: sticky notes copied wrapped over several lines.
#[test]
fn sticky_notes_wrapped_over_lines() {
    let lines: Vec<&str> = REPORT.lines().collect();
    let mut out: Vec<String> = Vec::new();
    for (k, l) in lines.iter().enumerate() {
        if k > 0 && lines[k - 1].trim() == "Sticky Note" {
            // Rewrap the note at about 60 characters.
            let mut cur = String::new();
            for w in l.split_whitespace() {
                if cur.len() + w.len() > 60 && !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
                if !cur.is_empty() {
                    cur.push(' ');
                }
                cur.push_str(w);
            }
            out.push(cur);
        } else {
            out.push(l.to_string());
        }
    }
    let import = read(&out.join("\n"));
    assert!(import.errors.is_empty(), "{:#?}", import.errors);
    assert!(import.unplaced.is_empty(), "{:#?}", import.unplaced);
    same(
        &bare_dataset(&import.dataset),
        &bare_dataset(&read(REPORT).dataset),
        "notes rewrapped",
    );
}

/// Found in review: a volumes heading repeated with no caption was quadratic.
#[test]
fn repeated_headings_with_no_captions_stay_linear() {
    let text = format!("{}\n{}", &REPORT[..2000], "PM2 Volumes\n".repeat(20_000));
    let t = std::time::Instant::now();
    let _ = read(&text);
    assert!(t.elapsed().as_secs() < 20, "{:?}", t.elapsed());
}

/// Found in review: a sheet titled after the report is still a sheet.
#[test]
fn a_sheet_titled_after_the_report_is_a_sheet() {
    let text = "Figures from the DCC Performance Measurement Report\nMonth\tService Provider\tPerformance Measure\tService Level\tTarget Service Level\n2021-03\tCSPN\tPM2\t23.74\t99\n";
    let import = read(text);
    assert_ne!(import.format, Some(Format::Report));
    assert!(import.is_clean(), "{:?}", import.errors);
}

/// Every status the PMR prints in place of a level: "Data Exempted" and
/// "Performance measurement not reported" (over two lines, too) are
/// statuses of their rows, never numbers and never words of a name.
#[test]
fn statuses_in_place_of_levels() {
    let text = REPORT
        .replacen(
            "Monthly 99.64% 99.40% 99.00% 95.00%",
            "Monthly 99.64% Performance measurement \nnot reported 99.00% 95.00%",
            1,
        )
        .replacen(
            "Monthly 100.00% 100.00% 99.50% 98.00% \n",
            "Monthly 100.00% Data \nExempted 99.50% 98.00% \n",
            1,
        );
    let import = read(&text);
    assert!(import.unplaced.is_empty(), "{:#?}", import.unplaced);
    let status = |code: &str, p: Provider| {
        import
            .dataset
            .observations
            .iter()
            .find(|o| o.period == m(2021, 3) && o.measure == code && o.provider == p)
            .map(|o| o.input.clone())
    };
    use dcc_perf::engine::NoValue;
    assert_eq!(
        status("PM11", Provider::Cspn),
        Some(Input::Status {
            status: NoValue::NotReported
        })
    );
    assert_eq!(
        status("PM2.3", Provider::Dsp),
        Some(Input::Status {
            status: NoValue::DataExempted
        })
    );
}
