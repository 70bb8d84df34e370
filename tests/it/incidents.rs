//! Incident lists: CPM4 / CPM5 counted from one row per incident.

use dcc_perf::engine::level::ServiceLevel;
use dcc_perf::engine::{evaluate, Input, Month, NoValue, Provider};
use dcc_perf::io::incidents::IncidentReader;
use dcc_perf::io::{read, ErrorKind, Format, Import};
use rust_decimal::Decimal;
use std::fmt::Write as _;

pub(super) const SMALL: &str = include_str!("../fixtures/incidents-small.csv");
pub(super) const H: &str =
    "reference,category,raised,resolved,closed,within_target,resolver,exclusion\n";

fn month(s: &str) -> Month {
    s.parse().unwrap()
}

type Cat = (u8, u64, u64, Vec<(String, u64)>);

/// The categories of one observation, or `None` for a status.
fn categories(import: &Import, period: &str, measure: &str) -> Result<Vec<Cat>, NoValue> {
    let o = import
        .dataset
        .observations
        .iter()
        .find(|o| o.period == month(period) && o.measure == measure)
        .unwrap_or_else(|| panic!("no {measure} for {period}"));
    assert_eq!(o.provider, Provider::Dcc);
    assert_eq!((o.reported, o.reported_in, &o.note), (None, None, &None));
    match &o.input {
        Input::Incidents { categories } => Ok(categories
            .iter()
            .map(|c| {
                let ex = c.excluded.iter().map(|(k, v)| (k.clone(), *v)).collect();
                (c.category, c.within, c.total, ex)
            })
            .collect()),
        Input::Status { status } => Err(*status),
        other => panic!("unexpected input {other:?}"),
    }
}

fn c(category: u8, within: u64, total: u64, excluded: &[(&str, u64)]) -> Cat {
    let ex = excluded.iter().map(|(k, v)| (k.to_string(), *v)).collect();
    (category, within, total, ex)
}

#[test]
fn small_fixture_gives_the_hand_counted_figures() {
    let im = read("incidents-small.csv", SMALL.as_bytes());
    assert_eq!(im.errors, vec![], "clean");
    assert_eq!(im.format, Some(Format::Incidents));
    assert_eq!(im.delimiter, Some(b','));
    assert_eq!(
        (im.rows, im.rejected),
        (30, 0),
        "the blank line is not a row"
    );
    assert_eq!(
        im.notes,
        vec!["1 incident still open (no closed time) is not counted".to_string()]
    );
    let keys: Vec<(String, &str)> = im
        .dataset
        .observations
        .iter()
        .map(|o| (o.period.to_string(), o.measure.as_str()))
        .collect();
    assert_eq!(
        keys,
        [
            ("2021-02".to_string(), "CPM4"),
            ("2021-02".into(), "CPM5"),
            ("2021-03".into(), "CPM4"),
            ("2021-03".into(), "CPM5")
        ]
    );
    assert_eq!(
        categories(&im, "2021-02", "CPM4"),
        Ok(vec![c(1, 1, 1, &[]), c(2, 1, 2, &[])])
    );
    assert_eq!(
        categories(&im, "2021-02", "CPM5"),
        Ok(vec![
            c(3, 1, 2, &[("Cancelled", 1)]),
            c(4, 2, 2, &[]),
            c(5, 2, 3, &[("Duplicate", 2)]),
        ])
    );
    assert_eq!(
        categories(&im, "2021-03", "CPM4"),
        Ok(vec![c(1, 1, 2, &[]), c(2, 1, 1, &[])])
    );
    assert_eq!(
        categories(&im, "2021-03", "CPM5"),
        Ok(vec![
            c(3, 3, 3, &[]),
            c(4, 1, 2, &[("Cancelled", 1)]),
            c(5, 4, 5, &[("Cancelled", 1), ("Duplicate", 1)]),
        ])
    );
}

/// A row: reference, category, closed time, within target, exclusion.
fn row(out: &mut String, r: u32, cat: u8, closed: &str, within: &str, exclusion: &str) {
    let _ = writeln!(
        out,
        "INC{r:012},{cat},2021-01-15 09:00:00,{closed},{closed},{within},DSP,{exclusion}"
    );
}

/// March 2021 as the report gives it (Severity 3: 108 of 111, 4: 124 of
/// 131, 5: 571 of 649), with exclusions, February closures and open ones.
pub(super) fn march_2021() -> String {
    let mut s = String::from(H);
    let mut r = 700_000;
    for (cat, within, total) in [(3u8, 108, 111), (4, 124, 131), (5, 571, 649)] {
        for i in 0..total {
            r += 1;
            let day = 1 + i % 28;
            let closed = format!("2021-03-{day:02} 1{}:00:00", i % 10);
            row(
                &mut s,
                r,
                cat,
                &closed,
                if i < within { "yes" } else { "no" },
                "",
            );
        }
    }
    for (cat, kind, n) in [
        (5u8, "Cancelled", 40),
        (4, "Duplicate", 3),
        (5, "Prod Proving", 2),
    ] {
        for _ in 0..n {
            r += 1;
            row(&mut s, r, cat, "2021-03-20 12:00:00", "", kind);
        }
    }
    for i in 0..25 {
        r += 1;
        row(
            &mut s,
            r,
            5,
            "2021-02-27 12:00:00",
            if i % 5 == 0 { "no" } else { "yes" },
            "",
        );
    }
    for _ in 0..3 {
        r += 1;
        let _ = writeln!(s, "INC{r:012},5,2021-03-30 09:00:00,,,,DSP,");
    }
    s
}

#[test]
fn march_2021_cpm5_from_an_incident_list() {
    let im = read("march.csv", march_2021().as_bytes());
    assert_eq!(im.errors, vec![]);
    assert_eq!(im.rows, 111 + 131 + 649 + 45 + 25 + 3);
    assert_eq!(
        im.notes,
        vec!["3 incidents still open (no closed time) are not counted".to_string()]
    );
    assert_eq!(
        categories(&im, "2021-03", "CPM5"),
        Ok(vec![
            c(3, 108, 111, &[]),
            c(4, 124, 131, &[("Duplicate", 3)]),
            c(5, 571, 649, &[("Cancelled", 40), ("Prod Proving", 2)]),
        ])
    );
    assert_eq!(categories(&im, "2021-03", "CPM4"), Err(NoValue::NoEvents));
    assert_eq!(categories(&im, "2021-02", "CPM4"), Err(NoValue::NoEvents));
    assert_eq!(
        categories(&im, "2021-02", "CPM5"),
        Ok(vec![c(5, 20, 25, &[])])
    );

    let results = evaluate(&im.dataset, Default::default());
    let cpm5 = results
        .get(month("2021-03"), "CPM5", Provider::Dcc)
        .expect("CPM5 March 2021");
    assert_eq!(
        cpm5.level,
        ServiceLevel::Number(Decimal::from(80300) / Decimal::from(891))
    );
    assert!(cpm5.display.starts_with("90.12"), "{}", cpm5.display);
    assert!(results
        .explain(&im.dataset, cpm5)
        .steps
        .iter()
        .any(|s| s.contains("803") && s.contains("891")));
}

/// Expected outcome of one malformed row: kind, row, column.
type Case = (
    &'static str,
    String,
    ErrorKind,
    u64,
    Option<&'static str>,
    &'static str,
);

const GOOD: &str =
    "INC000000000001,3,2021-03-01 09:00,2021-03-01 10:00,2021-03-01 11:00,yes,DSP,\n";

#[test]
fn malformed_rows_give_located_errors() {
    let r = |s: &str| s.to_string();
    let huge = "X".repeat(1 << 20);
    let cases: Vec<Case> = vec![
        (
            "bad category",
            r("INC2,7,,,2021-03-02 10:00,yes,DSP,"),
            ErrorKind::BadValue,
            3,
            Some("category"),
            "category 1 to 5",
        ),
        (
            "empty category",
            r("INC2,,,,2021-03-02 10:00,yes,DSP,"),
            ErrorKind::BadValue,
            3,
            Some("category"),
            "Cat 3",
        ),
        (
            "bad date",
            r("INC2,3,,,2021-03-xx,yes,DSP,"),
            ErrorKind::BadPeriod,
            3,
            Some("closed"),
            "04/03/2021",
        ),
        (
            "bad UK date",
            r("INC2,3,,,4-3-21,yes,DSP,"),
            ErrorKind::BadPeriod,
            3,
            Some("closed"),
            "2021-03-04T10:22:05Z",
        ),
        (
            "month 13",
            r("INC2,3,2021-13-01,,2021-03-02,yes,DSP,"),
            ErrorKind::BadPeriod,
            3,
            Some("raised"),
            "real date",
        ),
        (
            "day 32",
            r("INC2,3,,2021-01-32 10:00,2021-03-02,yes,DSP,"),
            ErrorKind::BadPeriod,
            3,
            Some("resolved"),
            "real date",
        ),
        (
            "30 February",
            r("INC2,3,,,30/02/2021 10:00,yes,DSP,"),
            ErrorKind::BadPeriod,
            3,
            Some("closed"),
            "2021-03-04 10:22",
        ),
        (
            "closed before raised",
            r("INC2,3,2021-03-05 10:00,,2021-03-04 10:00,yes,DSP,"),
            ErrorKind::Inconsistent,
            3,
            Some("closed"),
            "raised (2021-03-05 10:00)",
        ),
        (
            "closed before resolved",
            r("INC2,3,,2021-03-05 10:00,2021-03-05 09:59:59,yes,DSP,"),
            ErrorKind::Inconsistent,
            3,
            Some("closed"),
            "resolved (2021-03-05 10:00)",
        ),
        (
            "resolved before raised",
            r("INC2,3,2021-03-05T10:00:00Z,2021-03-05T10:30:00+01:00,2021-03-06,yes,DSP,"),
            ErrorKind::Inconsistent,
            3,
            Some("resolved"),
            "raised",
        ),
        (
            "bad within_target",
            r("INC2,3,,,2021-03-02 10:00,perhaps,DSP,"),
            ErrorKind::BadValue,
            3,
            Some("within_target"),
            "yes or no",
        ),
        (
            "empty within_target on a counted row",
            r("INC2,3,,,2021-03-02 10:00,,DSP,"),
            ErrorKind::BadValue,
            3,
            Some("within_target"),
            "excluded or still-open",
        ),
        (
            "duplicate reference",
            r("INC000000000001,4,,,2021-03-02 10:00,no,DSP,"),
            ErrorKind::Duplicate,
            3,
            Some("reference"),
            "row 2",
        ),
        (
            "empty reference",
            r(" ,4,,,2021-03-02 10:00,no,DSP,"),
            ErrorKind::BadValue,
            3,
            Some("reference"),
            "may not be empty",
        ),
        (
            "too many fields",
            r("INC2,3,,,2021-03-02 10:00,yes,DSP,,extra"),
            ErrorKind::Syntax,
            3,
            None,
            "8 fields",
        ),
        (
            "too few fields",
            r("INC2,3,,,2021-03-02 10:00"),
            ErrorKind::Syntax,
            3,
            None,
            "found 5",
        ),
        (
            "unclosed quote",
            r("INC2,3,,,2021-03-02 10:00,yes,\"DSP,"),
            ErrorKind::Syntax,
            3,
            None,
            "closing quote",
        ),
        (
            "text after a closing quote",
            r("INC2,3,,,2021-03-02 10:00,yes,\"DSP\"x,"),
            ErrorKind::Syntax,
            3,
            None,
            "after the closing quote",
        ),
        (
            "huge reference",
            format!("{huge},3,,,2021-03-02 10:00,yes,DSP,"),
            ErrorKind::BadValue,
            3,
            Some("reference"),
            "at most 100",
        ),
        (
            "huge category",
            format!("INC2,{huge},,,2021-03-02 10:00,yes,DSP,"),
            ErrorKind::BadValue,
            3,
            Some("category"),
            "category",
        ),
        (
            "huge quoted date",
            format!("INC2,3,,,\"{huge}\",yes,DSP,"),
            ErrorKind::BadPeriod,
            3,
            Some("closed"),
            "2021-03-04",
        ),
    ];
    for (name, line, kind, row, column, expected) in cases {
        let text = format!("{H}{GOOD}{line}\n");
        let im = read("bad.csv", text.as_bytes());
        assert_eq!(im.format, Some(Format::Incidents), "{name}");
        assert_eq!(im.errors.len(), 1, "{name}: {:?}", im.errors);
        let e = &im.errors[0];
        assert_eq!(
            (e.kind, e.row, e.column.as_deref()),
            (kind, Some(row), column),
            "{name}: {e}"
        );
        assert_eq!(e.file, "bad.csv", "{name}");
        assert!(e.expected.contains(expected), "{name}: {}", e.expected);
        assert!(
            e.value.as_ref().is_none_or(|v| v.chars().count() <= 201),
            "{name}: values are cut"
        );
        assert!(!e.to_string().is_empty());
        assert_eq!((im.rows, im.rejected), (2, 1), "{name}");
        // The good row is still counted.
        assert_eq!(
            categories(&im, "2021-03", "CPM5"),
            Ok(vec![c(3, 1, 1, &[])]),
            "{name}"
        );
    }
}

#[test]
fn several_errors_in_one_row_reject_it_once() {
    let text = format!("{H}INC1,9,2021-02-30,,soon,maybe,DSP,\n{GOOD}");
    let im = read("bad.csv", text.as_bytes());
    let got: Vec<_> = im
        .errors
        .iter()
        .map(|e| (e.kind, e.row, e.column.clone().unwrap_or_default()))
        .collect();
    assert_eq!(
        got,
        vec![
            (ErrorKind::BadValue, Some(2), "category".into()),
            (ErrorKind::BadPeriod, Some(2), "raised".into()),
            (ErrorKind::BadPeriod, Some(2), "closed".into()),
            (ErrorKind::BadValue, Some(2), "within_target".into()),
        ]
    );
    assert_eq!((im.rows, im.rejected), (2, 1));
}

#[test]
fn missing_required_columns_are_named() {
    let text = "reference,category,closed,resolver\nINC1,3,2021-03-01,DSP\n";
    let im = read("cols.csv", text.as_bytes());
    assert_eq!(im.format, Some(Format::Incidents));
    let e: Vec<_> = im
        .errors
        .iter()
        .map(|e| (e.kind, e.row, e.column.as_deref()))
        .collect();
    assert_eq!(
        e,
        vec![(ErrorKind::MissingColumn, Some(1), Some("within_target"))]
    );
    assert!(im.errors[0].expected.contains("within_sla"));
    assert!(im.dataset.observations.is_empty());
}

#[test]
fn header_aliases_and_extra_columns() {
    let text =
        "Incident Reference,Cat,Opened,Resolved At,Closed-At,Within SLA,Provider,PMEL,Comment\n\
                INC1,P2,2021-03-01 09:00,,2021-03-01 11:00,Met,DSP,,fine\n\
                INC2,c1,2021-03-01 09:00,,2021-03-01 11:00,no,DSP,,\n";
    let im = read("aliases.csv", text.as_bytes());
    assert_eq!(im.errors, vec![]);
    assert_eq!(
        categories(&im, "2021-03", "CPM4"),
        Ok(vec![c(1, 0, 1, &[]), c(2, 1, 1, &[])])
    );
    assert_eq!(categories(&im, "2021-03", "CPM5"), Err(NoValue::NoEvents));
}

fn stepwise(name: &str, text: &str, n: usize) -> Import {
    let mut r = IncidentReader::new(name, text.as_bytes().to_vec(), b',').unwrap();
    let mut last = 0;
    let mut steps = 0;
    while !r.step(n) {
        let (done, total) = r.progress();
        assert!(done >= last && done <= total);
        last = done;
        steps += 1;
    }
    assert!(r.step(n), "stays done");
    let (done, total) = r.progress();
    assert_eq!((done, total), (text.len() as u64, text.len() as u64));
    if n < 100 && text.lines().count() > 30 {
        assert!(steps > 3, "{steps} steps");
    }
    r.finish()
}

#[test]
fn step_wise_reading_gives_the_same_import() {
    let with_errors = format!("{H}{GOOD}INC2,9,,,2021-03-02,yes,DSP,\n\n{GOOD}");
    for (name, text) in [
        ("small", SMALL.to_string()),
        ("march", march_2021()),
        ("errors", with_errors),
    ] {
        let whole = stepwise(name, &text, usize::MAX);
        assert_eq!(stepwise(name, &text, 7), whole, "{name}");
        assert_eq!(stepwise(name, &text, 1), whole, "{name}");
        assert_eq!(read(name, text.as_bytes()), whole, "{name}");
    }
}

/// The fixture with another separator (commas inside quotes kept).
fn with_delimiter(text: &str, d: char) -> String {
    let mut quoted = false;
    text.chars()
        .map(|ch| match ch {
            '"' => {
                quoted = !quoted;
                ch
            }
            ',' if !quoted => d,
            _ => ch,
        })
        .collect()
}

#[test]
fn tab_and_semicolon_separated_read_the_same() {
    let comma = read("small.csv", SMALL.as_bytes());
    for (d, b) in [('\t', b'\t'), (';', b';')] {
        let text = with_delimiter(SMALL, d);
        let other = read("small.csv", text.as_bytes());
        assert_eq!(other.delimiter, Some(b));
        assert_eq!(
            Import {
                delimiter: Some(b','),
                ..other
            },
            comma,
            "{d:?}"
        );
    }
    // Windows line ends and a byte-order mark change nothing.
    let crlf = format!("\u{feff}{}", SMALL.replace('\n', "\r\n"));
    assert_eq!(read("small.csv", crlf.as_bytes()), comma);
}

#[test]
fn errors_are_capped_but_rows_still_counted() {
    let mut text = String::from(H);
    for i in 0..1500 {
        let _ = writeln!(text, "INC{i},9,,,2021-03-02,yes,DSP,");
    }
    let im = read("many.csv", text.as_bytes());
    assert_eq!(im.errors.len(), 1000);
    assert_eq!((im.rows, im.rejected), (1500, 1500));
    assert!(im
        .notes
        .contains(&"only the first 1,000 errors are listed".to_string()));
}

#[test]
fn excluded_only_month_and_open_with_partial_times() {
    let text = format!(
        "{H}INC1,1,2021-04-01,,2021-04-02,,DSP,Cancelled\n\
         INC2,4,2021-04-01,2021-04-02,,,DSP,\n"
    );
    let im = read("x.csv", text.as_bytes());
    assert_eq!(im.errors, vec![]);
    assert_eq!(
        categories(&im, "2021-04", "CPM4"),
        Ok(vec![c(1, 0, 0, &[("Cancelled", 1)])])
    );
    assert_eq!(categories(&im, "2021-04", "CPM5"), Err(NoValue::NoEvents));
    assert_eq!(im.dataset.observations.len(), 2);
}

#[test]
fn header_only_and_blank_rows() {
    let im = read("empty.csv", format!("{H}\n,,,,,,,\n  \n").as_bytes());
    assert_eq!((im.rows, im.rejected, im.errors.len()), (0, 0, 0));
    assert!(im.dataset.observations.is_empty());
    assert_eq!(
        im.notes,
        vec!["the file has a header but no incidents".to_string()]
    );
}

/// Random damage to a valid list never panics and is always located.
#[test]
fn damaged_input_never_panics() {
    let base = SMALL.as_bytes();
    let mut seed: u64 = 0x1234_5678;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let pool = b",;\t\"\r\n 0123456789:-/TZ+.abcXYZ";
    for _ in 0..3000 {
        let mut bytes = base.to_vec();
        for _ in 0..1 + next() % 8 {
            let at = (next() as usize) % bytes.len();
            let b = pool[(next() as usize) % pool.len()];
            match next() % 3 {
                0 => bytes[at] = b,
                1 => bytes.insert(at, b),
                _ => {
                    bytes.remove(at);
                }
            }
        }
        let im = read("damaged.csv", &bytes);
        for e in &im.errors {
            assert!(e.row.is_some() || e.kind == ErrorKind::Unreadable, "{e}");
        }
        assert!(im.rejected <= im.rows);
    }
}

/// `node scripts/gen-incidents.mjs` then
/// `cargo test --release --test it incidents:: -- --ignored --nocapture`.
#[test]
#[ignore]
fn timing_100k() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/target/incidents-100000.csv");
    let Ok(bytes) = std::fs::read(path) else {
        eprintln!("{path} not found: run node scripts/gen-incidents.mjs first");
        return;
    };
    let mut best = f64::MAX;
    let mut im = Import::default();
    for _ in 0..10 {
        let t = std::time::Instant::now();
        im = read("incidents-100000.csv", &bytes);
        best = best.min(t.elapsed().as_secs_f64());
    }
    assert_eq!(im.errors, vec![]);
    eprintln!(
        "{} rows, {} bytes: best of 10 {:.2} ms ({:.0} MB/s); {} observations; notes {:?}",
        im.rows,
        bytes.len(),
        best * 1e3,
        bytes.len() as f64 / best / 1e6,
        im.dataset.observations.len(),
        im.notes
    );
}
