//! Workbooks (.xlsx, .ods) written by openpyxl and LibreOffice
//! (`scripts/make-workbook-fixtures.py`) read to the figures they hold;
//! damaged files and junk give an error naming the file, never a panic.

use crate::helpers::run;
use dcc_perf::io::sheet::Grid;
use dcc_perf::io::workbook::{default_sheet, has_data, is_workbook, read_sheet, sheets, PANICKED};
use dcc_perf::io::{self, ErrorKind};

fn path(name: &str) -> String {
    format!(
        "{}/tests/fixtures/workbooks/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

fn bytes(name: &str) -> Vec<u8> {
    std::fs::read(path(name)).unwrap()
}

fn grids(name: &str) -> Vec<Grid> {
    sheets(name, &bytes(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The default sheet of a fixture, read as figures, with no error.
fn read_default(name: &str) -> io::Import {
    let g = grids(name);
    let i = default_sheet(name, &g).expect("a sheet with data");
    let import = read_sheet(name, &g[i], &Default::default());
    assert!(import.is_clean(), "{name}: {:?}", import.errors);
    import
}

fn expected(csv: &str) -> io::Import {
    let data = std::fs::read(format!("{}/{csv}", env!("CARGO_MANIFEST_DIR")))
        .unwrap_or_else(|_| bytes(csv));
    let import = io::read(csv, &data);
    assert!(import.is_clean(), "{csv}: {:?}", import.errors);
    import
}

#[test]
fn the_long_sample_reads_to_the_embedded_sample() {
    let sample = io::sample().observations;
    for name in [
        "sample-long.xlsx",
        "sample-long.ods",
        "sample-long-libreoffice.xlsx",
    ] {
        assert!(is_workbook(name, &bytes(name)));
        let import = read_default(name);
        assert_eq!(import.format, Some(io::Format::Long), "{name}");
        assert_eq!(
            import.rows,
            expected("data/sample-2021-03.csv").rows,
            "{name}"
        );
        assert!(
            import.dataset.observations == sample,
            "{name}: other observations than the sample's"
        );
        assert_eq!(import.file, format!("{name}, sheet Figures"));
        // The tab-separated text in between is ours, not the user's.
        assert_eq!(import.delimiter, None);
    }
}

#[test]
fn cells_read_as_shown() {
    let g = grids("sample-long.xlsx");
    assert_eq!(g.len(), 1);
    let rows = &g[0].rows;
    let pm2 = rows
        .iter()
        .find(|r| r[0] == "2021-03" && r[1] == "PM2" && r[2] == "CSPN")
        .unwrap();
    // Numbers without float noise; text (a period, a note with quotes) as is.
    assert_eq!(&pm2[4..7], ["23.74", "56774", "239128"]);
    assert!(pm2[8].contains("\"finishing the month on 23.48%\""));
    assert!(rows.iter().any(|r| r[4] == "No Events"));
    assert!(rows.iter().any(|r| r[4] == "~43"));
}

#[test]
fn the_data_sheet_is_chosen_after_a_notes_sheet() {
    for name in ["two-sheets.xlsx", "two-sheets.ods"] {
        let g = grids(name);
        let names: Vec<&str> = g.iter().map(|g| g.name.as_str()).collect();
        assert_eq!(names, ["Notes", "Data", "Empty"], "{name}");
        assert_eq!(
            g.iter().map(has_data).collect::<Vec<_>>(),
            [true, true, false]
        );
        // A date cell on the notes sheet reads as a date.
        assert_eq!(g[0].rows[2][..2], ["Checked", "2021-04-12"], "{name}");
        assert_eq!(default_sheet(name, &g), Some(1), "{name}");
        let import = read_default(name);
        assert_eq!(
            import.dataset.observations,
            expected("two-sheets.expected.csv").dataset.observations,
            "{name}"
        );
        // The notes sheet, chosen, says what it lacks and names file and sheet.
        let notes = read_sheet(name, &g[0], &Default::default());
        assert!(!notes.is_clean());
        assert!(notes.errors[0]
            .to_string()
            .starts_with(&format!("{name}, sheet Notes")));
    }
}

#[test]
fn month_headers_that_are_dates_read_as_months() {
    let want = expected("wide-dates.expected.csv").dataset.observations;
    assert!(want.len() >= 20);
    for name in ["wide-dates.xlsx", "wide-dates.ods"] {
        let g = grids(name);
        assert_eq!(g[0].rows[0][2..4], ["2021-02-01", "2021-03-01"], "{name}");
        let import = read_default(name);
        assert_eq!(import.format, Some(io::Format::Wide), "{name}");
        assert_eq!(import.dataset.observations, want, "{name}");
    }
}

#[test]
fn percentages_keep_their_fractions() {
    for name in ["percent-fractions.xlsx", "percent-fractions.ods"] {
        let g = grids(name);
        let values: Vec<&str> = g[0].rows[1..].iter().map(|r| r[3].as_str()).collect();
        assert_eq!(values, ["0.9917", "0.9928", "0.9983"], "{name}");
    }
}

#[test]
fn a_truncated_workbook_is_an_error_naming_the_file() {
    let e = sheets("truncated.xlsx", &bytes("truncated.xlsx")).unwrap_err();
    assert_eq!(e.kind, ErrorKind::Unreadable);
    let text = e.to_string();
    assert!(
        text.starts_with("truncated.xlsx; expected an .xlsx workbook"),
        "{text}"
    );
    assert!(text.contains("damaged"), "{text}");
}

#[test]
fn other_files_are_named_for_what_they_are() {
    let cases: [(&str, &[u8], &str); 5] = [
        (
            "old.xls",
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1junk",
            "Excel 97–2003",
        ),
        ("book.xlsb", b"PK\x03\x04 xl/workbook.bin", ".xlsb"),
        (
            "letter.zip",
            b"PK\x03\x04 word/document.xml",
            "another kind of document",
        ),
        ("empty.xlsx", b"", "empty"),
        ("text.ods", b"period,measure\n", "not one"),
    ];
    for (name, data, says) in cases {
        assert!(is_workbook(name, data), "{name}");
        let e = sheets(name, data).unwrap_err().to_string();
        assert!(e.starts_with(name) && e.contains(says), "{name}: {e}");
    }
}

#[test]
fn junk_and_damaged_workbooks_never_panic() {
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let mut tried = 0;
    let mut check = |name: &str, data: &[u8]| {
        tried += 1;
        if let Err(e) = sheets(name, data) {
            // A panic caught in `sheets` says PANICKED: no input may get there.
            assert_ne!(e.expected, PANICKED, "{name}");
            assert!(e.to_string().starts_with(name));
        }
    };
    // Random bytes, bare and behind a zip signature.
    for i in 0..200 {
        let len = (next() % 4096) as usize;
        let mut data: Vec<u8> = (0..len).map(|_| next() as u8).collect();
        if i % 2 == 0 {
            data.splice(0..0, *b"PK\x03\x04");
        }
        check(if i % 3 == 0 { "junk.ods" } else { "junk.xlsx" }, &data);
    }
    // Good workbooks cut short and with bytes flipped.
    for name in ["sample-long.xlsx", "two-sheets.ods", "wide-dates.xlsx"] {
        let good = bytes(name);
        for cut in (0..good.len()).step_by(good.len() / 60 + 1) {
            check(name, &good[..cut]);
        }
        for _ in 0..60 {
            let mut bad = good.clone();
            for _ in 0..4 {
                let at = (next() as usize) % bad.len();
                bad[at] = next() as u8;
            }
            check(name, &bad);
        }
    }
    assert!(tried > 500);
}

/// Each result's measure, provider, period and status, from the CLI's JSON.
fn statuses(json: &str) -> Vec<String> {
    let v: serde_json::Value = serde_json::from_str(json).expect("results JSON");
    v["results"]
        .as_array()
        .expect("results")
        .iter()
        .map(|r| {
            format!(
                "{} {} {} {}",
                r["period"], r["measure"], r["provider"], r["status"]
            )
        })
        .collect()
}

#[test]
fn cli_reads_a_workbook_like_its_csv() {
    let sample = format!("{}/data/sample-2021-03.csv", env!("CARGO_MANIFEST_DIR"));
    let (code, csv, _) = run(&[&sample]);
    assert_eq!(code, 0);
    let want = statuses(&csv);
    assert!(want.len() > 200);
    for name in ["sample-long.xlsx", "sample-long.ods"] {
        let (code, out, err) = run(&[&path(name)]);
        assert_eq!(code, 0, "{name}: {err}");
        // One sheet: nothing to say about the choice.
        assert_eq!(err, "", "{name}");
        // The same statuses. (Not byte for byte: a number cell holds 100, not
        // the 100.00 the CSV prints, so a reported figure's decimals differ.)
        assert!(
            statuses(&out) == want,
            "{name}: other statuses than from the CSV"
        );
    }
}

#[test]
fn cli_says_which_sheet_it_read_and_takes_sheet() {
    let file = path("two-sheets.xlsx");
    let (code, out, err) = run(&[&file, "--output", "csv"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("2 sheets hold data (\"Notes\", \"Data\"); read \"Data\"; choose another with --sheet NAME"),
        "{err}"
    );
    assert!(
        out.contains("2021-03,PM2,CSPN,,23.74,56774,239128"),
        "{out}"
    );

    let (code, out2, err) = run(&[&file, "--sheet", "Data", "--output", "csv"]);
    assert_eq!((code, err.as_str()), (0, ""), "a named sheet needs no note");
    assert_eq!(out2, out);

    let (code, _, err) = run(&[&file, "--sheet", "Notes"]);
    assert_eq!(code, 2);
    assert!(err.contains("two-sheets.xlsx, sheet Notes, row 1"), "{err}");

    let (code, _, err) = run(&[&file, "--sheet", "Nope"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("has no sheet \"Nope\"; its sheets are \"Notes\", \"Data\", \"Empty\""),
        "{err}"
    );

    let (code, _, err) = run(&[
        &format!("{}/tests/fixtures/small.csv", env!("CARGO_MANIFEST_DIR")),
        "--sheet",
        "Data",
    ]);
    assert_eq!(code, 1);
    assert!(
        err.contains("--sheet applies to .xlsx and .ods workbooks"),
        "{err}"
    );
    let (code, _, err) = run(&[&file, "--sheet"]);
    assert_eq!(code, 1);
    assert!(err.contains("--sheet needs a sheet name"), "{err}");
}

#[test]
fn cli_reports_a_damaged_workbook() {
    let (code, out, err) = run(&[&path("truncated.xlsx")]);
    assert_eq!(code, 2);
    assert_eq!(out, "");
    assert!(
        err.contains("truncated.xlsx; expected an .xlsx workbook"),
        "{err}"
    );
}

/// Found by `scripts/fuzz.sh` (target `workbook`): a cell reference long
/// enough to overflow calamine 0.38's column arithmetic (tafia/calamine#709)
/// panics inside calamine where overflow checks are on; the file is
/// reported as damaged, naming it, and nothing panics out of the reader.
#[test]
fn a_workbook_that_overflows_calamine_is_damaged_not_a_crash() {
    let path = format!(
        "{}/tests/fixtures/workbooks/fuzz-calamine-overflow.xlsx",
        env!("CARGO_MANIFEST_DIR")
    );
    let bytes = std::fs::read(path).unwrap();
    let import = dcc_perf::io::read("fuzz-calamine-overflow.xlsx", &bytes);
    let err = match dcc_perf::io::workbook::sheets("fuzz-calamine-overflow.xlsx", &bytes) {
        Err(e) => e,
        Ok(grids) => panic!("read {} sheets; import {:?}", grids.len(), import.errors),
    };
    assert_eq!(err.file, "fuzz-calamine-overflow.xlsx");
    assert!(err.expected.contains("damaged"), "{err}");
}
