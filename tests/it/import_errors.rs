//! Malformed inputs: each gives a located error and never a panic.

use dcc_perf::io::{read_dataset, ErrorKind};

const H: &str = "period,measure,provider,category,value,successes,total,reported_in,note\n";

#[test]
fn malformed_inputs_give_located_errors() {
    #[rustfmt::skip]
    type Case = (&'static str, &'static str, ErrorKind, Option<u64>, Option<&'static str>);
    let cases: &[Case] = &[
        // name, body after the header (None header for whole-file cases), kind, row, column
        (
            "unknown measure",
            "2021-03,PM9,CSPN,,99,,,,",
            ErrorKind::UnknownMeasure,
            Some(2),
            Some("measure"),
        ),
        (
            "unknown provider",
            "2021-03,PM2,CSP East,,99,,,,",
            ErrorKind::UnknownProvider,
            Some(2),
            Some("provider"),
        ),
        (
            "bad month",
            "2021-13,PM2,CSPN,,99,,,,",
            ErrorKind::BadPeriod,
            Some(2),
            Some("period"),
        ),
        (
            "bad reported_in",
            "2021-03,PM2,CSPN,,99,,,March,",
            ErrorKind::BadPeriod,
            Some(2),
            Some("reported_in"),
        ),
        (
            "percent over 100",
            "2021-03,PM2,CSPN,,100.5,,,,",
            ErrorKind::BadValue,
            Some(2),
            Some("value"),
        ),
        (
            "negative level",
            "2021-03,PM2,CSPN,,-1,,,,",
            ErrorKind::BadValue,
            Some(2),
            Some("value"),
        ),
        (
            "words for a level",
            "2021-03,PM2,CSPN,,ninety,,,,",
            ErrorKind::BadValue,
            Some(2),
            Some("value"),
        ),
        (
            "negative count",
            "2021-03,PM2,CSPN,,,-5,10,,",
            ErrorKind::BadCount,
            Some(2),
            Some("successes"),
        ),
        (
            "fractional count",
            "2021-03,PM2,CSPN,,,5.5,10,,",
            ErrorKind::BadCount,
            Some(2),
            Some("successes"),
        ),
        (
            "successes above total",
            "2021-03,PM2,CSPN,,,11,10,,",
            ErrorKind::Inconsistent,
            Some(2),
            Some("successes"),
        ),
        (
            "successes without total",
            "2021-03,PM2,CSPN,,,11,,,",
            ErrorKind::Inconsistent,
            Some(2),
            Some("total"),
        ),
        (
            "status with counts",
            "2021-03,PM2,CSPN,,No Events,1,2,,",
            ErrorKind::Inconsistent,
            Some(2),
            Some("value"),
        ),
        (
            "no value at all",
            "2021-03,PM2,CSPN,,,,,,",
            ErrorKind::BadValue,
            Some(2),
            Some("value"),
        ),
        (
            "category on a non-incident measure",
            "2021-03,PM2,CSPN,3,,1,2,,",
            ErrorKind::Inconsistent,
            Some(2),
            Some("category"),
        ),
        (
            "CPM4 category 3",
            "2021-03,CPM4,DCC,3,,1,2,,",
            ErrorKind::Inconsistent,
            Some(2),
            Some("category"),
        ),
        (
            "category 9",
            "2021-03,CPM5,DCC,9,,1,2,,",
            ErrorKind::BadValue,
            Some(2),
            Some("category"),
        ),
        (
            "duplicate key",
            "2021-03,PM2,CSPN,,99,,,,\n2021-03,PM2,CSPN,,98,,,,",
            ErrorKind::Duplicate,
            Some(3),
            Some("period"),
        ),
        (
            "wrong field count",
            "2021-03,PM2,CSPN,,99",
            ErrorKind::Syntax,
            Some(2),
            None,
        ),
    ];
    for &(name, body, kind, row, column) in cases {
        let text = format!("{H}{body}\n");
        let errors = read_dataset("t.csv", text.as_bytes()).expect_err(name);
        let e = &errors[0];
        assert_eq!(
            (e.kind, e.row, e.column.as_deref()),
            (kind, row, column),
            "{name}: {e}"
        );
        assert!(e.to_string().starts_with("t.csv, row"), "{name}: {e}");
        assert!(!e.expected.is_empty(), "{name}");
    }
}

#[test]
fn whole_file_problems() {
    #[rustfmt::skip]
    let cases: &[(&str, &[u8], ErrorKind)] = &[
        ("empty", b"", ErrorKind::Unreadable),
        ("blank", b" \n\n", ErrorKind::Unreadable),
        ("binary junk", &[0xff, 0xfe, 0x00, 0x81, 0x9f], ErrorKind::Unreadable),
        ("missing columns", b"a,b,c\n1,2,3\n", ErrorKind::MissingColumn),
        ("broken json", b"{\"observations\": [", ErrorKind::Syntax),
        ("json level beyond 100", br#"{"observations":[{"period":"2021-03","measure":"PM2","provider":"CSPN","input":{"kind":"level","level":"79228162514264337593543950335"}}]}"#, ErrorKind::BadValue),
        ("json successes above total", br#"{"observations":[{"period":"2021-03","measure":"PM2","provider":"CSPN","input":{"kind":"counts","successes":5,"total":4}}]}"#, ErrorKind::Inconsistent),
        ("json unknown measure", br#"{"observations":[{"period":"2021-03","measure":"PM9","provider":"CSPN","input":{"kind":"level","level":"1"}}]}"#, ErrorKind::UnknownMeasure),
    ];
    for &(name, bytes, kind) in cases {
        let errors = read_dataset("f", bytes).expect_err(name);
        assert_eq!(errors[0].kind, kind, "{name}: {}", errors[0]);
    }
}

#[test]
fn forgiving_where_people_differ() {
    // BOM, CRLF, friendly months and providers, % signs, separators, quoted commas.
    let text = "\u{feff}period,measure,provider,value,successes,total,note\r\nMar-21,pm 2,CSP N,23.74%,\"56,774\",\"239,128\",\"a, b\"\r\n";
    let data = read_dataset("f.csv", text.as_bytes()).expect("reads");
    assert_eq!(data.observations.len(), 1);
    assert_eq!(data.observations[0].measure, "PM2");
    assert_eq!(data.observations[0].note.as_deref(), Some("a, b"));
}

#[test]
fn every_error_in_a_file_is_reported() {
    let text =
        format!("{H}2021-03,PM9,CSPN,,1,,,,\n2021-13,PM2,CSPC,,99,,,,\n2021-03,PM2,CSPS,,x,,,,\n");
    let errors = read_dataset("t.csv", text.as_bytes()).expect_err("three bad rows");
    let rows: Vec<_> = errors.iter().map(|e| e.row).collect();
    assert_eq!(rows, vec![Some(2), Some(3), Some(4)]);
}

#[test]
fn huge_field_is_shortened_in_messages() {
    let text = format!("{H}2021-03,{},CSPN,,1,,,,\n", "X".repeat(100_000));
    let errors = read_dataset("t.csv", text.as_bytes()).expect_err("unknown");
    assert!(errors[0].to_string().len() < 1000);
}

#[test]
fn json_round_trips_the_sample() {
    let data = dcc_perf::io::sample();
    let json = serde_json::to_string(&data).unwrap();
    assert_eq!(read_dataset("s.json", json.as_bytes()).unwrap(), data);
}

/// Mutated sample lines and random bytes: reading and evaluating never panic.
/// Deterministic (xorshift), so a failure reproduces.
#[test]
fn no_input_panics() {
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let sample = dcc_perf::io::SAMPLE_CSV.as_bytes();
    let alphabet = b"0123456789.,%-\"\n\r\t ;{}[]:abcNoEvntsPMCSDX\xff\x00";
    let mut ok = 0;
    for i in 0..3000 {
        let bytes: Vec<u8> = if i % 3 == 0 {
            (0..(next() % 400))
                .map(|_| alphabet[(next() % alphabet.len() as u64) as usize])
                .collect()
        } else {
            let mut b = sample[..(next() as usize % sample.len())].to_vec();
            for _ in 0..(1 + next() % 8) {
                if b.is_empty() {
                    break;
                }
                let at = next() as usize % b.len();
                b[at] = alphabet[(next() % alphabet.len() as u64) as usize];
            }
            b
        };
        match read_dataset("fuzz.csv", &bytes) {
            Ok(data) => {
                let r = dcc_perf::engine::evaluate(&data, Default::default());
                assert!(r.rows.len() <= data.observations.len() + 16);
                ok += 1;
            }
            Err(errors) => assert!(errors.iter().all(|e| e.to_string().starts_with("fuzz.csv"))),
        }
    }
    assert!(ok > 10, "some mutations stay valid ({ok})");
}

/// The largest figures a file or an edit can carry are computed and
/// exported without a panic (a panic freezes the page in the browser).
#[test]
fn extreme_figures_compute_without_panic() {
    use dcc_perf::engine::{evaluate, Catalogue, ComparisonRule, Provider, Settings};
    use dcc_perf::io::{edit::parse_input, read, results_json};
    let max = u64::MAX;
    let text = format!(
        "{H}2021-03,PM3,DSP,,79228162514264337593543950335,,,,\n\
         2021-02,PM3,DSP,,0,,,,\n\
         2021-03,PM12.2,CSPN,,,{max},{max},,\n\
         2021-03,PM12.2,CSPS,,,{max},0,,\n\
         2021-03,PM2,CSPN,,99.9999999999999999999999999,{max},{max},,\n\
         2021-03,CPM5,DCC,3,,{max},{max},,\n\
         2021-03,CPM5,DCC,4,,{max},{max},,\n\
         2021-03,PM1.1,DSP,,0.0000000000000000000000000001,,,,\n"
    );
    let import = read("extreme.csv", text.as_bytes());
    assert!(import.is_clean(), "{:?}", import.errors);
    for rule in ComparisonRule::CHOICES {
        let results = evaluate(&import.dataset, Settings { rule });
        assert!(!results.rows.is_empty());
        assert!(results_json(&results, &import.dataset, None, &[], false).contains("PM12.2"));
    }
    // The same through the edit box.
    let cat = Catalogue::builtin();
    let pm3 = cat.get("PM3", Provider::Dsp).expect("PM3");
    let cpm4 = cat.get("CPM4", Provider::Dcc).expect("CPM4");
    // Each typed figure gives the level shown (or is refused, saying why),
    // and the results with it are written out.
    let m = "2021-03".parse().expect("month");
    for (def, typed, shown) in [
        (pm3, "79228162514264337593543950335", Ok("79,228,162,514,264,337,593,543,950,335")),
        (pm3, "79228162514264337593543950336", Err("")),
        (cpm4, "1: 18446744073709551615 / 18446744073709551615, 2: 18446744073709551615/18446744073709551615", Ok("100.00%")),
    ] {
        match (parse_input(def, typed, None), shown) {
            (Ok(input), Ok(shown)) => {
                let data = import.dataset.with_input(m, def.code, def.provider, input);
                let results = evaluate(&data, Settings::default());
                let row = results.get(m, def.code, def.provider).expect("the edited row");
                assert_eq!(row.display, shown, "{typed}");
                let json = results_json(&results, &data, None, &[], false);
                assert!(json.contains(def.code), "{typed}");
            }
            (Err(e), Err(_)) => assert!(!e.is_empty(), "{typed}: refused without a reason"),
            (got, want) => panic!("{typed}: got {got:?}, expected {want:?}"),
        }
    }
}

/// Rows as an editor numbers them, whatever the line ends and blank lines
/// (the csv crate's own count runs one behind in CRLF files and skips blanks).
#[test]
fn rows_are_numbered_as_an_editor_shows_them() {
    let cases: [(&str, &str, &[u64]); 4] = [
        (
            "long CRLF",
            "period,measure,provider,value\r\n2021-03,PM2,CSPN,abc\r\n2021-03,PM2.7,DSP,xyz\r\n",
            &[2, 3],
        ),
        (
            "long LF, blank line",
            "period,measure,provider,value\n2021-03,PM2,CSPN,abc\n\n2021-03,PM2.7,DSP,xyz\n",
            &[2, 4],
        ),
        (
            "wide CRLF",
            "measure,provider,2021-03\r\nPM2,CSPN,abc\r\n",
            &[2],
        ),
        (
            "long CR only",
            "period,measure,provider,value\r2021-03,PM2,CSPN,abc\r",
            &[2],
        ),
    ];
    for (name, text, rows) in cases {
        let import = dcc_perf::io::read("t.csv", text.as_bytes());
        let got: Vec<u64> = import.errors.iter().filter_map(|e| e.row).collect();
        assert_eq!(got, rows, "{name}: {:?}", import.errors);
    }
}
