//! A corpus of malformed files, each read through `dcc_perf::io::read` as
//! the app and the command line read them: every one gives a located error
//! (kind, row, column), names its file, counts its rejected rows, prints a
//! short message, and none panics. A few positive controls read clean.
//!
//! Incident lists (`reference, category, closed, ...`) are left out: that
//! reader is being written elsewhere.

use dcc_perf::io::{read, ErrorKind, Format, Import};

const H: &str = "period,measure,provider,category,value,successes,total,reported_in,note\n";
const HX: &str =
    "period,measure,provider,category,value,successes,total,reported_in,note,excluded\n";

/// One malformed input and the first error it must give.
struct Case {
    name: &'static str,
    file: &'static str,
    bytes: Vec<u8>,
    kind: ErrorKind,
    row: Option<u64>,
    column: Option<&'static str>,
}

fn case(
    name: &'static str,
    file: &'static str,
    bytes: impl Into<Vec<u8>>,
    kind: ErrorKind,
    row: Option<u64>,
    column: Option<&'static str>,
) -> Case {
    Case {
        name,
        file,
        bytes: bytes.into(),
        kind,
        row,
        column,
    }
}

/// A long-form file: the standard header, then `body`.
fn long(body: &str) -> String {
    format!("{H}{body}\n")
}

fn corpus() -> Vec<Case> {
    use ErrorKind::*;
    let json_obs = |input: &str| {
        format!(
            r#"{{"observations":[{{"period":"2021-03","measure":"PM2","provider":"CSPN","input":{input}}}]}}"#
        )
    };
    vec![
        // ---- delimiters and table shape ----
        case(
            "semicolon file whose header has commas inside quotes (sniffed as comma)",
            "semi.csv",
            "period;measure;provider;\"value (%, as printed, or words)\";\"note, free, text\"\n\
             2021-03;PM2;CSPN;99,83;ok\n",
            MissingColumn,
            Some(1),
            None,
        ),
        case(
            "pipe-separated file",
            "pipe.txt",
            "period|measure|provider|value\n2021-03|PM2|CSPN|99.5\n",
            MissingColumn,
            Some(1),
            None,
        ),
        case(
            "header names no known columns",
            "cols.csv",
            "a,b,c\n1,2,3\n",
            MissingColumn,
            Some(1),
            None,
        ),
        case(
            "long header without provider",
            "noprov.csv",
            "period,measure,value\n2021-03,PM2,99\n",
            MissingColumn,
            Some(1),
            Some("provider"),
        ),
        case(
            "unbalanced quotes run to the end of the file",
            "quote.csv",
            long("2021-03,PM2,CSPN,,\"99.5,,,,\n2021-03,PM3,CSPN,,99,,,,"),
            Syntax,
            Some(2),
            None,
        ),
        case(
            "a row with too many fields",
            "many.csv",
            long("2021-03,PM2,CSPN,,99,,,,,extra"),
            Syntax,
            Some(2),
            None,
        ),
        case(
            "a row with too few fields",
            "few.csv",
            long("2021-03,PM2,CSPN,,99.5,,,,\n2021-03,PM3,CSPN,,99"),
            Syntax,
            Some(3),
            None,
        ),
        // ---- keys ----
        case(
            "unknown measure",
            "m.csv",
            long("2021-03,PM9,CSPN,,99,,,,"),
            UnknownMeasure,
            Some(2),
            Some("measure"),
        ),
        case(
            "unknown provider",
            "p.csv",
            long("2021-03,PM2,CSP East,,99,,,,"),
            UnknownProvider,
            Some(2),
            Some("provider"),
        ),
        case(
            "a provider alias that exists (DCO = Capgemini) with a measure it lacks",
            "alias.csv",
            long("2021-03,PM2,DCO,,99,,,,"),
            UnknownMeasure,
            Some(2),
            Some("measure"),
        ),
        case(
            "unknown measure in a wide table",
            "wide.tsv",
            "measure\tprovider\tMar-21\nPM9\tCSPN\t99\n",
            UnknownMeasure,
            Some(2),
            Some("measure"),
        ),
        case(
            "duplicate key in the long form",
            "dup.csv",
            long("2021-03,PM2,CSPN,,99,,,,\n2021-03,pm 2,CSP North,,98,,,,"),
            Duplicate,
            Some(3),
            Some("period"),
        ),
        case(
            "the same month twice in a wide header",
            "dupmonth.tsv",
            "measure\tprovider\tMar-21\t2021-03\nPM2\tCSPN\t99\t98\n",
            Duplicate,
            Some(2),
            Some("period"),
        ),
        case(
            "two rows for the same CPM5 category",
            "cat.csv",
            long("2021-03,CPM5,DCC,3,,1,2,,\n2021-03,CPM5,DCC,3,,2,2,,"),
            Duplicate,
            Some(3),
            Some("period"),
        ),
        case(
            "a category on a non-incident measure",
            "catpm.csv",
            long("2021-03,PM2,CSPN,3,,1,2,,"),
            Inconsistent,
            Some(2),
            Some("category"),
        ),
        case(
            "category 6",
            "cat6.csv",
            long("2021-03,CPM5,DCC,6,,1,2,,"),
            BadValue,
            Some(2),
            Some("category"),
        ),
        case(
            "CPM4 with category 3",
            "cpm4.csv",
            long("2021-03,CPM4,DCC,3,,1,2,,"),
            Inconsistent,
            Some(2),
            Some("category"),
        ),
        case(
            "excluded without a count",
            "excl.csv",
            format!("{HX}2021-03,CPM5,DCC,3,,1,2,,,Cancelled\n"),
            BadValue,
            Some(2),
            Some("excluded"),
        ),
        case(
            "counts on the total row as well as category rows",
            "cpm5tot.csv",
            long("2021-03,CPM5,DCC,,,5,6,,\n2021-03,CPM5,DCC,3,,1,2,,"),
            Inconsistent,
            Some(2),
            Some("successes"),
        ),
        // ---- periods ----
        case(
            "month 13",
            "d1.csv",
            long("2021-13,PM2,CSPN,,99,,,,"),
            BadPeriod,
            Some(2),
            Some("period"),
        ),
        case(
            "month before year",
            "d2.csv",
            long("13/2021,PM2,CSPN,,99,,,,"),
            BadPeriod,
            Some(2),
            Some("period"),
        ),
        case(
            "misspelt month name",
            "d3.csv",
            long("Marchh 2021,PM2,CSPN,,99,,,,"),
            BadPeriod,
            Some(2),
            Some("period"),
        ),
        case(
            "trailing junk after a date",
            "d4.csv",
            long("2021-3-1x,PM2,CSPN,,99,,,,"),
            BadPeriod,
            Some(2),
            Some("period"),
        ),
        case(
            "bad reported_in",
            "d5.csv",
            long("2021-03,PM2,CSPN,,99,,,March,"),
            BadPeriod,
            Some(2),
            Some("reported_in"),
        ),
        case(
            "a wide header column that is not a month",
            "wh.csv",
            "measure,provider,Mar-21,Total\nPM2,CSPN,99,99\n",
            BadPeriod,
            Some(1),
            Some("Total"),
        ),
        case(
            "a wide table with no month columns",
            "wn.csv",
            "measure,provider,note\nPM2,CSPN,hello\n",
            MissingColumn,
            Some(1),
            None,
        ),
        // ---- values ----
        case(
            "a percentage over 100",
            "v1.csv",
            long("2021-03,PM2,CSPN,,100.01%,,,,"),
            BadValue,
            Some(2),
            Some("value"),
        ),
        case(
            "a percentage over 100 in a wide table",
            "v2.tsv",
            "measure\tprovider\tJan-21\tMar-21\nPM2\tCSPN\t99\t100.5%\n",
            BadValue,
            Some(2),
            Some("Mar-21"),
        ),
        case(
            "a negative level",
            "v3.csv",
            long("2021-03,PM2,CSPN,,-0.5,,,,"),
            BadValue,
            Some(2),
            Some("value"),
        ),
        case(
            "a negative count",
            "v4.csv",
            long("2021-03,PM2,CSPN,,,-5,10,,"),
            BadCount,
            Some(2),
            Some("successes"),
        ),
        case(
            "a negative total",
            "v5.csv",
            long("2021-03,PM2,CSPN,,,5,-10,,"),
            BadCount,
            Some(2),
            Some("total"),
        ),
        case(
            "successes above total",
            "v6.csv",
            long("2021-03,PM2,CSPN,,,11,10,,"),
            Inconsistent,
            Some(2),
            Some("successes"),
        ),
        case(
            "successes above total in a wide cell",
            "v7.tsv",
            "measure\tprovider\tMar-21\nPM2\tCSPN\t11 / 10\n",
            Inconsistent,
            Some(2),
            Some("Mar-21"),
        ),
        case(
            "successes without total",
            "v8.csv",
            long("2021-03,PM2,CSPN,,,11,,,"),
            Inconsistent,
            Some(2),
            Some("total"),
        ),
        case(
            "a status word in a counts row",
            "v9.csv",
            long("2021-03,PM2,CSPN,,No Events,1,2,,"),
            Inconsistent,
            Some(2),
            Some("value"),
        ),
        case(
            "thousands separator in the wrong place",
            "v10.csv",
            long("2021-03,PM2,CSPN,,,\"1,2345\",20000,,"),
            BadCount,
            Some(2),
            Some("successes"),
        ),
        case(
            "decimal comma in a semicolon file",
            "v11.csv",
            "period;measure;provider;value\n2021-03;PM2;CSPN;99,83\n",
            BadValue,
            Some(2),
            Some("value"),
        ),
        case(
            "no value at all",
            "v12.csv",
            long("2021-03,PM2,CSPN,,,,,,"),
            BadValue,
            Some(2),
            Some("value"),
        ),
        case(
            "a NUL byte inside a value of a UTF-8 file",
            "nul.csv",
            long("2021-03,PM2,CSPN,,99\u{0}.5,,,,"),
            BadValue,
            Some(2),
            Some("value"),
        ),
        case(
            "a 1 MB value",
            "huge.csv",
            long(&format!("2021-03,PM2,CSPN,,{},,,,", "9".repeat(1 << 20))),
            BadValue,
            Some(2),
            Some("value"),
        ),
        case(
            "a 1 MB measure",
            "hugem.csv",
            long(&format!("2021-03,{},CSPN,,99,,,,", "X".repeat(1 << 20))),
            UnknownMeasure,
            Some(2),
            Some("measure"),
        ),
        // ---- whole files ----
        case("empty file", "empty.csv", "", Unreadable, None, None),
        case(
            "whitespace only",
            "blank.csv",
            " \t\r\n\n  \n",
            Unreadable,
            None,
            None,
        ),
        case(
            "binary junk",
            "junk.xlsx",
            vec![0x50, 0x4b, 0x03, 0x04, 0xff, 0xfe, 0x00, 0x81, 0x9f],
            Unreadable,
            None,
            None,
        ),
        case(
            "invalid UTF-8 in one cell of a CSV",
            "latin1.csv",
            [H.as_bytes(), b"2021-03,PM2,CSPN,,99,,,,caf\xe9\n"].concat(),
            Unreadable,
            None,
            None,
        ),
        // ---- JSON ----
        case(
            "JSON syntax error",
            "broken.json",
            "{\"observations\": [\n  {\"period\": \"2021-03\",}\n]}",
            Syntax,
            Some(2),
            Some("character 24"),
        ),
        case(
            "JSON with an unknown measure",
            "m.json",
            r#"{"observations":[{"period":"2021-03","measure":"PM9","provider":"CSPN","input":{"kind":"level","level":"1"}}]}"#,
            UnknownMeasure,
            Some(1),
            Some("observations[0].measure"),
        ),
        case(
            "JSON with successes above total",
            "c.json",
            json_obs(r#"{"kind":"counts","successes":5,"total":4}"#),
            Inconsistent,
            Some(1),
            Some("observations[0].input.successes"),
        ),
        case(
            "JSON with a level over 100",
            "l.json",
            json_obs(r#"{"kind":"level","level":"100.5"}"#),
            BadValue,
            Some(1),
            Some("observations[0].input.level"),
        ),
        case(
            "JSON with an empty incident category list",
            "i.json",
            r#"{"observations":[{"period":"2021-03","measure":"CPM5","provider":"DCC","input":{"kind":"incidents","categories":[]}}]}"#,
            Inconsistent,
            Some(1),
            Some("observations[0].input.categories"),
        ),
        case(
            "JSON with a CPM4 category 5",
            "i4.json",
            r#"{"observations":[{"period":"2021-03","measure":"CPM4","provider":"DCC","input":{"kind":"incidents","categories":[{"category":5,"within":1,"total":1}]}}]}"#,
            Inconsistent,
            Some(1),
            Some("observations[0].input.categories"),
        ),
        case(
            "JSON with the same key twice",
            "dup.json",
            format!(
                "{{\"observations\":[{o},{o}]}}",
                o = r#"{"period":"2021-03","measure":"PM2","provider":"CSPN","input":{"kind":"level","level":"1"}}"#
            ),
            Duplicate,
            Some(2),
            Some("observations[1].period"),
        ),
        case(
            "a scenario with a newer schema",
            "new.json",
            r#"{"schema":"dcc-perf/scenario/99","data":{"observations":[]}}"#,
            Unreadable,
            None,
            Some("schema"),
        ),
        case(
            "JSON that is an array (read as a table with no known columns)",
            "arr.json",
            "[1,2]",
            MissingColumn,
            Some(1),
            None,
        ),
    ]
}

/// The checks every malformed case must pass, beyond its first error.
fn check_invariants(c: &Case, import: &Import) {
    let name = c.name;
    assert!(!import.is_clean(), "{name}: read clean");
    for e in &import.errors {
        assert_eq!(e.file, c.file, "{name}: {e}");
        assert!(!e.expected.is_empty(), "{name}: {e}");
        let shown = e.to_string();
        assert!(shown.starts_with(c.file), "{name}: {shown}");
        assert!(
            shown.chars().count() < 300 || e.expected.len() > 200,
            "{name}: {shown}"
        );
        if let Some(r) = e.row {
            assert!(shown.contains(&format!("row {r}")), "{name}: {shown}");
        }
        if let Some(col) = &e.column {
            assert!(shown.contains(&format!("column {col}")), "{name}: {shown}");
        }
    }
    let data_row_errors = import
        .errors
        .iter()
        .filter(|e| {
            // A table's data line, or an observation of a JSON file
            // (a JSON syntax error's row is a line of text, not a data row).
            (import.format.is_some() && e.row.is_some_and(|r| r > 1))
                || e.column
                    .as_deref()
                    .is_some_and(|c| c.starts_with("observations["))
        })
        .count();
    if data_row_errors > 0 {
        assert!(import.rejected >= 1, "{name}: rejected {}", import.rejected);
    }
    assert!(
        import.rejected <= import.rows,
        "{name}: rejected {} of {} rows",
        import.rejected,
        import.rows
    );
}

#[test]
fn corpus_of_malformed_inputs_gives_located_errors() {
    let cases = corpus();
    assert!(cases.len() >= 40, "{} cases", cases.len());
    let mut failures = Vec::new();
    for c in &cases {
        let import = read(c.file, &c.bytes);
        check_invariants(c, &import);
        let matches = |e: &&dcc_perf::io::ImportError| {
            (e.kind, e.row, e.column.as_deref()) == (c.kind, c.row, c.column)
        };
        if import.errors.first().filter(matches).is_none() {
            failures.push(format!(
                "{}: expected {:?} row {:?} column {:?}; got {:?}",
                c.name,
                c.kind,
                c.row,
                c.column,
                import
                    .errors
                    .iter()
                    .map(|e| (e.kind, e.row, e.column.clone()))
                    .collect::<Vec<_>>()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn scenario_without_data_is_refused() {
    // The error's place is checked in `structural_json_errors_name_no_row_0`.
    let import = read(
        "nodata.json",
        br#"{"schema":"dcc-perf/scenario/1","settings":{"rule":"2dp"}}"#,
    );
    assert!(!import.is_clean());
    let e = &import.errors[0];
    assert_eq!(e.kind, ErrorKind::Syntax, "{e}");
    assert_eq!(e.file, "nodata.json");
    assert!(e.expected.contains("data"), "{e}");
    assert_eq!((import.rows, import.rejected), (0, 0));
    assert!(import.dataset.observations.is_empty());
}

#[test]
fn header_only_reads_clean_with_no_rows() {
    // Decided: a header with no data rows is not an error, it is an empty
    // dataset (so a template saved without rows loads). Long and wide alike.
    for (file, text, format) in [
        ("h.csv", H.to_string(), Format::Long),
        (
            "h.tsv",
            "measure\tprovider\tMar-21\n".to_string(),
            Format::Wide,
        ),
        ("h2.csv", H.trim_end().to_string(), Format::Long),
    ] {
        let import = read(file, text.as_bytes());
        assert!(import.is_clean(), "{file}: {:?}", import.errors);
        assert_eq!(import.format, Some(format), "{file}");
        assert_eq!((import.rows, import.rejected), (0, 0), "{file}");
        assert!(import.dataset.observations.is_empty(), "{file}");
    }
}

const GOOD: &str =
    "period,measure,provider,category,value,successes,total,reported_in,note,excluded
2021-03,PM2,CSPN,,23.74,56774,239128,2021-03,\"counts, and the printed level\",
2021-03,PM1.1,DSP,,99.83%,,,,,
2021-03,PM6.2,CSPC,,No Events,,,,,
2021-03,CPM5,DCC,3,,108,111,,,Cancelled=2
2021-03,CPM5,DCC,4,,124,131,,,
";

#[test]
fn bom_and_crlf_read_as_the_plain_file() {
    let plain = read("good.csv", GOOD.as_bytes());
    assert!(plain.is_clean(), "{:?}", plain.errors);
    assert_eq!(plain.rows, 5);
    assert_eq!(plain.dataset.observations.len(), 4);

    let bom = [b"\xEF\xBB\xBF".as_slice(), GOOD.as_bytes()].concat();
    let crlf = GOOD.replace('\n', "\r\n");
    let both = [b"\xEF\xBB\xBF".as_slice(), crlf.as_bytes()].concat();
    for (name, bytes) in [("bom", bom), ("crlf", crlf.into_bytes()), ("both", both)] {
        let import = read("good.csv", &bytes);
        assert!(import.is_clean(), "{name}: {:?}", import.errors);
        assert_eq!(import.format, Some(Format::Long), "{name}");
        assert_eq!(import.rows, plain.rows, "{name}");
        assert_eq!(import.dataset, plain.dataset, "{name}");
    }
}

#[test]
fn huge_fields_are_shortened_in_messages() {
    for (column, row) in [
        (
            "value",
            format!("2021-03,PM2,CSPN,,{},,,,", "9".repeat(1 << 20)),
        ),
        (
            "measure",
            format!("2021-03,{},CSPN,,99,,,,", "M".repeat(1 << 20)),
        ),
        (
            "provider",
            format!("2021-03,PM2,{},,99,,,,", "é".repeat(1 << 20)),
        ),
        (
            "note",
            format!("2021-03,PM2,CSPN,,101,,,,{}", "n".repeat(1 << 20)),
        ),
    ] {
        let import = read("huge.csv", long(&row).as_bytes());
        assert!(!import.is_clean(), "{column}");
        for e in &import.errors {
            let shown = e.to_string();
            assert!(
                shown.chars().count() < 300,
                "{column}: {} chars",
                shown.len()
            );
            assert!(shown.contains("row 2"), "{column}: {shown}");
        }
    }
}

#[test]
fn many_bad_rows_are_all_counted_but_errors_are_capped() {
    let body: String = (0..1500).map(|_| "2021-03,PM9,CSPN,,99,,,,\n").collect();
    let import = read("many.csv", format!("{H}{body}").as_bytes());
    assert_eq!(import.rows, 1500);
    assert_eq!(import.rejected, 1500);
    assert!(!import.errors.is_empty() && import.errors.len() <= 1000);
    assert_eq!(import.errors[0].row, Some(2));
}

#[test]
fn every_error_of_a_file_is_reported_in_row_order() {
    let text = long(
        "2021-03,PM9,CSPN,,1,,,,\n\
         2021-03,PM2,CSPC,,99,,,,\n\
         2021-13,PM2,CSPS,,x,,,,\n\
         2021-03,PM2,CSPN,,,3,2,,",
    );
    let import = read("all.csv", text.as_bytes());
    assert_eq!(import.rows, 4);
    assert_eq!(import.rejected, 3);
    let rows: Vec<_> = import.errors.iter().map(|e| e.row).collect();
    assert!(rows.windows(2).all(|w| w[0] <= w[1]), "{rows:?}");
    assert_eq!(rows.first(), Some(&Some(2)));
    assert_eq!(rows.last(), Some(&Some(5)));
    // Row 4 has two problems, both said.
    assert!(import.errors.iter().filter(|e| e.row == Some(4)).count() >= 2);
    // The good row is kept for the preview.
    assert_eq!(import.dataset.observations.len(), 1);
}

#[test]
fn the_template_reads_clean() {
    let import = read("template.csv", dcc_perf::io::write::TEMPLATE_CSV.as_bytes());
    assert!(import.is_clean(), "{:?}", import.errors);
}

#[test]
fn structural_json_errors_name_no_row_0() {
    for bytes in [
        br#"{"schema":"dcc-perf/scenario/1","settings":{"rule":"2dp"}}"#.as_slice(),
        br#"{"observations":[{"period":"2021-03"}]}"#.as_slice(),
    ] {
        let import = read("x.json", bytes);
        let e = &import.errors[0];
        assert_ne!(e.row, Some(0), "{e}");
        assert!(!e.to_string().contains("row 0"), "{e}");
    }
}
