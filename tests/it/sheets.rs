//! Spreadsheets as people keep them, pasted: titles above the header, extra
//! columns, their own column names and dates, ambiguous provider names,
//! percentages held as fractions, columns only the user can name. Each is
//! read, or asked about and then read with the answer; none panics.

use crate::helpers::d;
use dcc_perf::engine::{Input, Month, Provider};
use dcc_perf::io::sheet::{read_grid, Choices, Fractions, Grid, Question, Role};
use dcc_perf::io::{read, read_with, ErrorKind, Format, Import};
use rust_decimal::Decimal;

fn m(y: i32, mo: u8) -> Month {
    Month::new(y, mo).unwrap()
}

/// The level read for a period, measure and provider.
fn level(import: &Import, period: Month, measure: &str, provider: Provider) -> Option<Input> {
    import
        .dataset
        .observations
        .iter()
        .find(|o| o.period == period && o.measure == measure && o.provider == provider)
        .map(|o| o.input.clone())
}

fn lvl(s: &str) -> Option<Input> {
    Some(Input::Level { level: d(s) })
}

fn clean(name: &str, import: &Import) {
    assert!(
        import.is_clean(),
        "{name}: {:?}\nquestions: {:?}",
        import.errors,
        import.sheet.as_ref().map(|s| &s.questions)
    );
}

fn questions(import: &Import) -> &[Question] {
    import.sheet.as_ref().map_or(&[], |s| &s.questions)
}

#[test]
fn title_rows_and_extra_columns() {
    let text = "DCC performance figures, as kept by the panel secretariat\n\
                Source: PMR March 2021\n\
                \n\
                Month,Performance Measure,Service Provider,Description,Service Level,Notes,RAG\n\
                Mar-21,PM2,CSP North,firmware within TRT,23.74%,recovery plan,Red\n\
                Mar-21,PM1.1,DSP,on-demand,99.83,,Green\n";
    let import = read("panel.csv", text.as_bytes());
    clean("title", &import);
    assert_eq!(import.format, Some(Format::Long));
    assert_eq!(import.rows, 2);
    assert_eq!(
        level(&import, m(2021, 3), "PM2", Provider::Cspn),
        lvl("23.74")
    );
    assert_eq!(
        level(&import, m(2021, 3), "PM1.1", Provider::Dsp),
        lvl("99.83")
    );
    let pm2 = &import.dataset.observations;
    assert!(pm2
        .iter()
        .any(|o| o.note.as_deref() == Some("recovery plan")));
    let notes = import.notes.join("\n");
    assert!(notes.contains("Header on row 4"), "{notes}");
    assert!(
        notes.contains("Columns not read: D (Description), G (RAG)"),
        "{notes}"
    );
    assert_eq!(import.sheet.as_ref().unwrap().header_row, Some(4));
}

#[test]
fn column_names_as_people_write_them() {
    let cases = [
        "SP\tPM\tPeriod\tLevel\nCSPN\tPM2\t2021-03\t23.74\n",
        "Provider\tMeasure\tMonth\tAchieved %\nCSP N\tpm 2\tMarch 2021\t23.74%\n",
        "Service Provider;Performance Measure;Reporting Period;Service Level (%)\nArqiva;PM2;01/03/2021;23,74\n",
        "service_provider,performance_measure,month,value\nCSPN,PM2,2021-03-01,23.74\n",
        "Month,Service Provider,PM,Within TRT,Total\nMar-21,CSP North,PM2,\"56,774\",\"239,128\"\n",
    ];
    for (i, text) in cases.iter().enumerate() {
        let import = read("names.csv", text.as_bytes());
        if i == 2 {
            // A decimal comma is refused, not guessed, and located.
            let e = &import.errors[0];
            assert_eq!((e.kind, e.row), (ErrorKind::BadValue, Some(2)), "{e}");
            assert_eq!(e.column.as_deref(), Some("D (Service Level (%))"), "{e}");
            continue;
        }
        clean(text, &import);
        let input = level(&import, m(2021, 3), "PM2", Provider::Cspn);
        if i == 4 {
            assert_eq!(
                input,
                Some(Input::Counts {
                    successes: 56774,
                    total: 239128
                })
            );
        } else {
            assert_eq!(input, lvl("23.74"), "{text}");
        }
    }
}

#[test]
fn uk_dates_and_month_names() {
    let text = "Period\tMeasure\tProvider\tValue\n\
                01/05/2021\tPM2\tCSPN\t20\n\
                2021-06-01\tPM2\tCSPN\t21\n\
                Jul-21\tPM2\tCSPN\t22\n\
                August 2021\tPM2\tCSPN\t23\n\
                2021-09\tPM2\tCSPN\t24\n";
    // The app's own long header: the fast path reads dates too.
    let import = read("dates.tsv", text.as_bytes());
    clean("dates", &import);
    for (mo, v) in [(5, "20"), (6, "21"), (7, "22"), (8, "23"), (9, "24")] {
        assert_eq!(level(&import, m(2021, mo), "PM2", Provider::Cspn), lvl(v));
    }
    // Through the spreadsheet reader, with a title above.
    let titled = format!("Firmware\n{}", text.replace("Period", "Month"));
    let import = read("dates.tsv", titled.as_bytes());
    clean("titled dates", &import);
    assert_eq!(import.dataset.observations.len(), 5);
    // Month first (US) is refused and located, not read as another month.
    let us = "Title\nMonth\tSP\tPM\tValue\n05/31/2021\tCSPN\tPM2\t20\n";
    let import = read("us.tsv", us.as_bytes());
    let e = &import.errors[0];
    assert_eq!((e.kind, e.row), (ErrorKind::BadPeriod, Some(3)), "{e}");
    assert_eq!(e.value.as_deref(), Some("05/31/2021"));
    assert!(e.expected.contains("day first"), "{e}");
}

#[test]
fn wide_with_date_headers_and_a_description() {
    let text =
        "Service Provider\tPerformance Measure\tDescription\t01/05/2021\t2021-06-01\tJul-21\n\
                CSP North\tPM2\tFirmware\t20.5%\t21%\t56,774 / 239,128\n\
                DSP\tPM1.1\tOn-demand\t99.9\tNo Events\t\n";
    let import = read("wide.tsv", text.as_bytes());
    clean("wide", &import);
    assert_eq!(import.format, Some(Format::Wide));
    assert_eq!(
        level(&import, m(2021, 5), "PM2", Provider::Cspn),
        lvl("20.5")
    );
    assert_eq!(level(&import, m(2021, 6), "PM2", Provider::Cspn), lvl("21"));
    assert_eq!(
        level(&import, m(2021, 7), "PM2", Provider::Cspn),
        Some(Input::Counts {
            successes: 56774,
            total: 239128
        })
    );
    assert_eq!(
        level(&import, m(2021, 5), "PM1.1", Provider::Dsp),
        lvl("99.9")
    );
    assert_eq!(import.dataset.observations.len(), 5);
    let notes = import.notes.join("\n");
    assert!(
        notes.contains("3 month columns, May 2021 to Jul 2021")
            || notes.contains("3 month columns"),
        "{notes}"
    );
    assert!(
        notes.contains("Columns not read: C (Description)"),
        "{notes}"
    );
    // Every figure read is listed where it stood.
    let f = &import.figures;
    assert!(f.iter().any(|f| f.line == 2
        && f.place == "column D"
        && f.subject == "2021-05 PM2 CSPN level"
        && f.text == "20.5%"));
    assert!(f
        .iter()
        .any(|f| f.subject == "2021-07 PM2 CSPN successes" && f.text == "56,774"));
    assert_eq!(f.len(), 6, "{f:?}");
}

#[test]
fn the_apps_own_wide_table_with_notes_columns() {
    // `measure, provider` with a Notes column used to be refused ("Notes" is
    // not a month); a column a sheet may carry is now read or left out.
    let text = "measure,provider,Notes,Mar-21\nPM2,CSPN,slow,23.74\n";
    let import = read("w.csv", text.as_bytes());
    clean("notes", &import);
    assert_eq!(import.dataset.observations[0].note.as_deref(), Some("slow"));
    // A stray column that is no such name stays refused, as before.
    let import = read("w.csv", b"measure,provider,Mar-21,Total\nPM2,CSPN,99,99\n");
    assert_eq!(import.errors[0].kind, ErrorKind::BadPeriod);
}

#[test]
fn telefonica_is_asked_then_answered() {
    let text = "Month\tSP\tPM\tService Level\n\
                Mar-21\tTelefonica\tPM2\t99.17\n\
                Mar-21\tArqiva\tPM2\t23.74\n\
                Feb-21\tTelefónica\tPM2\t99.2\n";
    let import = read("tef.tsv", text.as_bytes());
    assert!(!import.is_clean(), "an ambiguous provider is not taken");
    let asked: Vec<_> = questions(&import)
        .iter()
        .filter_map(|q| match q {
            Question::Provider {
                text,
                choices,
                rows,
            } => Some((text.clone(), choices.clone(), rows.clone())),
            _ => None,
        })
        .collect();
    assert_eq!(asked.len(), 2, "{asked:?}");
    assert_eq!(asked[0].0, "Telefonica");
    assert_eq!(asked[0].1, vec![Provider::Cspc, Provider::Csps]);
    assert_eq!(asked[0].2, vec![2]);
    let e = import
        .errors
        .iter()
        .find(|e| e.kind == ErrorKind::UnknownProvider)
        .unwrap();
    assert_eq!(e.row, Some(2));
    assert!(e.expected.contains("CSP Central"), "{e}");
    // The row it could read is read; the others wait.
    assert_eq!(
        level(&import, m(2021, 3), "PM2", Provider::Cspn),
        lvl("23.74")
    );
    assert_eq!(import.rejected, 2);

    let mut choices = Choices::default();
    choices
        .providers
        .insert("Telefonica".into(), Provider::Csps);
    let import = read_with("tef.tsv", text.as_bytes(), &choices);
    clean("answered", &import);
    assert_eq!(
        level(&import, m(2021, 3), "PM2", Provider::Csps),
        lvl("99.17")
    );
    assert_eq!(
        level(&import, m(2021, 2), "PM2", Provider::Csps),
        lvl("99.2")
    );
    assert!(import.notes.iter().any(|n| n.contains("as you chose")));
}

#[test]
fn telefonica_in_the_apps_own_long_form_is_asked_too() {
    let text = "period,measure,provider,value\n2021-03,PM2,Telefonica,99.17\n";
    let import = read("l.csv", text.as_bytes());
    assert!(!import.is_clean());
    assert!(matches!(questions(&import), [Question::Provider { .. }]));
    let mut choices = Choices::default();
    choices
        .providers
        .insert("telefonica".into(), Provider::Cspc);
    let import = read_with("l.csv", text.as_bytes(), &choices);
    clean("long answered", &import);
    assert_eq!(
        level(&import, m(2021, 3), "PM2", Provider::Cspc),
        lvl("99.17")
    );
}

#[test]
fn a_region_column_says_which_contract() {
    let text = "Month,Provider,Region,PM,Value\nMar-21,Telefonica,Central,PM2,99.17\nMar-21,Telefonica,South,PM2,99.28\n";
    let import = read("r.csv", text.as_bytes());
    clean("region", &import);
    assert_eq!(
        level(&import, m(2021, 3), "PM2", Provider::Cspc),
        lvl("99.17")
    );
    assert_eq!(
        level(&import, m(2021, 3), "PM2", Provider::Csps),
        lvl("99.28")
    );
}

#[test]
fn fractions_are_flagged_then_converted_exactly() {
    let text = "Month\tSP\tPM\tAchieved\tTarget\n\
                Mar-21\tCSPN\tPM2\t0.2374\t0.99\n\
                Mar-21\tCSPC\tPM2\t0.991\t0.99\n\
                Mar-21\tDSP\tPM2.7\t0.9856\t0.99\n\
                Mar-21\tDSP\tPM3\t0\t\n";
    let import = read("frac.tsv", text.as_bytes());
    assert!(!import.is_clean(), "fractions are never taken silently");
    let Some(Question::Fractions {
        rows,
        examples,
        place,
    }) = questions(&import)
        .iter()
        .find(|q| matches!(q, Question::Fractions { .. }))
    else {
        panic!("no fractions question: {:?}", questions(&import));
    };
    assert_eq!(rows, &[2, 3, 4]);
    assert_eq!(examples[0], "0.2374");
    assert_eq!(place, "D (Achieved)");
    let e = &import.errors[0];
    assert_eq!((e.kind, e.row), (ErrorKind::BadValue, None), "{e}");
    assert_eq!(e.column.as_deref(), Some("D (Achieved)"));

    let choices = Choices {
        fractions: Some(Fractions::Percent),
        ..Choices::default()
    };
    let import = read_with("frac.tsv", text.as_bytes(), &choices);
    clean("percent", &import);
    let pm2 = level(&import, m(2021, 3), "PM2", Provider::Cspn);
    assert_eq!(pm2, lvl("23.74"));
    let Some(Input::Level { level: cspc }) = level(&import, m(2021, 3), "PM2", Provider::Cspc)
    else {
        panic!()
    };
    assert_eq!(
        (cspc, cspc.scale()),
        (d("99.1"), 1),
        "two fewer decimals, exactly"
    );
    // The targets, in the same form, agree with the catalogue once converted.
    assert!(
        !import.notes.iter().any(|n| n.contains("catalogue")),
        "{:?}",
        import.notes
    );
    // The figures list shows the cells as written.
    assert!(import.figures.iter().any(|f| f.text == "0.2374"));

    let as_printed = Choices {
        fractions: Some(Fractions::AsPrinted),
        ..Choices::default()
    };
    let import = read_with("frac.tsv", text.as_bytes(), &as_printed);
    assert!(import.errors.is_empty(), "{:?}", import.errors);
    assert_eq!(
        level(&import, m(2021, 3), "PM2", Provider::Cspn),
        lvl("0.2374")
    );
}

/// A level between 0 and 1 beside percentages over 1 is still in doubt (a
/// sheet may hold some rows as fractions): asked about; "as written" keeps
/// it, "×100" converts it alone.
#[test]
fn a_fraction_among_percentages_is_asked_about() {
    let text = "Title\nMonth,SP,PM,Value\nMar-21,CSPN,PM2,0.5\nMar-21,CSPC,PM2,99.17\n";
    let import = read("p.csv", text.as_bytes());
    assert!(!import.is_clean());
    assert!(matches!(questions(&import), [Question::Fractions { rows, .. }] if rows == &vec![3]));
    let as_written = Choices {
        fractions: Some(Fractions::AsPrinted),
        ..Choices::default()
    };
    let import = read_with("p.csv", text.as_bytes(), &as_written);
    clean("as written", &import);
    assert_eq!(
        level(&import, m(2021, 3), "PM2", Provider::Cspn),
        lvl("0.5")
    );
    let percent = Choices {
        fractions: Some(Fractions::Percent),
        ..Choices::default()
    };
    let import = read_with("p.csv", text.as_bytes(), &percent);
    clean("x100", &import);
    assert_eq!(level(&import, m(2021, 3), "PM2", Provider::Cspn), lvl("50"));
    assert_eq!(
        level(&import, m(2021, 3), "PM2", Provider::Cspc),
        lvl("99.17")
    );
}

#[test]
fn unknown_columns_are_asked_then_mapped_and_remembered_by_shape() {
    let text = "When,What,Who,Score,Comment\nMar-21,PM2,CSPN,23.74,late\nFeb-21,PM2,CSPN,35.88,\n";
    let import = read("own.csv", text.as_bytes());
    assert!(!import.is_clean());
    let e = &import.errors[0];
    assert_eq!((e.kind, e.row), (ErrorKind::MissingColumn, Some(1)), "{e}");
    let [Question::Columns {
        header_row,
        missing,
        columns,
    }] = questions(&import)
    else {
        panic!("{:?}", questions(&import));
    };
    assert_eq!(*header_row, 1);
    assert_eq!(
        missing,
        &[Role::Measure, Role::Provider, Role::Period, Role::Value]
    );
    assert_eq!(columns.len(), 5);
    assert_eq!(columns[3].header, "Score");
    assert_eq!(columns[3].samples, ["23.74", "35.88"]);
    assert_eq!(columns[4].role, Some(Role::Note));
    let shape = import.sheet.as_ref().unwrap().shape.clone();
    assert_eq!(shape, "when|what|who|score|comment");

    let mut choices = Choices::default();
    for (h, r) in [
        ("When", Role::Period),
        ("What", Role::Measure),
        ("Who", Role::Provider),
        ("Score", Role::Value),
    ] {
        choices.columns.insert(h.into(), r);
    }
    let import = read_with("own.csv", text.as_bytes(), &choices);
    clean("mapped", &import);
    assert_eq!(
        level(&import, m(2021, 3), "PM2", Provider::Cspn),
        lvl("23.74")
    );
    assert_eq!(import.dataset.observations.len(), 2);
    // Next month's file of the same shape, with the same choices.
    let next = "When,What,Who,Score,Comment\nApr-21,PM2,CSPN,30,\n";
    let again = read("own2.csv", next.as_bytes());
    assert_eq!(again.sheet.as_ref().unwrap().shape, shape);
    let import = read_with("own2.csv", next.as_bytes(), &choices);
    clean("remembered", &import);
}

#[test]
fn target_and_minimum_that_differ_from_the_catalogue_are_noted() {
    let text = "Month,SP,PM,Value,Target,Minimum\n\
                Mar-21,CSPN,PM2,23.74,98,96\n\
                Feb-21,CSPN,PM2,35.88,98,96\n\
                Mar-21,DSP,PM1.1,99.83,99,96\n\
                Mar-21,CSPC,PM2,99.17,TBC,\n";
    let import = read("t.csv", text.as_bytes());
    clean("targets", &import);
    let notes = import.notes.join("\n");
    assert!(
        notes.contains(
            "E (Target) says PM2 CSPN's target is 98, the catalogue 99 (2 rows from row 2)"
        ),
        "{notes}"
    );
    assert!(notes.contains("\"TBC\" is not a number"), "{notes}");
    assert!(
        !notes.contains("PM1.1"),
        "an agreeing target is not noted: {notes}"
    );
    // The catalogue's levels stand: the dataset has only levels.
    assert_eq!(import.dataset.observations.len(), 4);
    assert!(import
        .figures
        .iter()
        .any(|f| f.subject == "2021-03 PM2 CSPN target"));
}

#[test]
fn bad_values_are_located_by_row_and_column() {
    let text = "Figures\nMonth\tSP\tPM\tService Level\n\
                Mar-21\tCSPN\tPM9\t23.74\n\
                Mar-21\tCSP East\tPM2\t99\n\
                13/2021\tCSPN\tPM2\t99\n\
                Mar-21\tCSPC\tPM2\t101\n\
                Mar-21\tCSPS\tPM2\tninety\n";
    let import = read("bad.tsv", text.as_bytes());
    let got: Vec<_> = import
        .errors
        .iter()
        .map(|e| (e.row, e.kind, e.column.clone().unwrap_or_default()))
        .collect();
    assert_eq!(
        got,
        vec![
            (Some(3), ErrorKind::UnknownMeasure, "C (PM)".into()),
            (Some(4), ErrorKind::UnknownProvider, "B (SP)".into()),
            (Some(5), ErrorKind::BadPeriod, "A (Month)".into()),
            (Some(6), ErrorKind::BadValue, "D (Service Level)".into()),
            (Some(7), ErrorKind::BadValue, "D (Service Level)".into()),
        ]
    );
    assert_eq!((import.rows, import.rejected), (5, 5));
    let shown = import.errors[0].to_string();
    assert!(
        shown.starts_with("bad.tsv, row 3, column C (PM): found \"PM9\""),
        "{shown}"
    );
}

#[test]
fn notes_and_totals_below_the_table_are_listed_not_read() {
    let text = "Month,SP,PM,Value\nMar-21,CSPN,PM2,23.74\n,,,\nSource: the March 2021 PMR\n,,Average,61.5\n";
    let import = read("n.csv", text.as_bytes());
    clean("notes below", &import);
    assert_eq!(import.rows, 1);
    let lines: Vec<u64> = import.unplaced.iter().map(|u| u.line).collect();
    assert_eq!(lines, [4, 5]);
    assert!(import.unplaced[0].why.contains("note"));
}

#[test]
fn a_workbook_grid_reads_the_same_and_names_its_sheet() {
    let grid = Grid {
        name: "Data".into(),
        rows: vec![
            vec!["PMR figures".into()],
            vec!["Month".into(), " SP ".into(), "PM".into(), "Value".into()],
            vec![
                "2021-03-01T00:00:00".into(),
                "CSPN".into(),
                "PM2".into(),
                "23.74".into(),
            ],
        ],
    };
    let import = read_grid("book.xlsx", &grid, &Choices::default());
    clean("grid", &import);
    assert_eq!(
        level(&import, m(2021, 3), "PM2", Provider::Cspn),
        lvl("23.74")
    );
    assert_eq!(import.figures[0].place, "Data column D");
    assert_eq!(import.delimiter, None);
}

#[test]
fn junk_never_panics_and_plain_text_is_no_table() {
    let junk: Vec<Vec<u8>> = vec![
        b"just a sentence\n".to_vec(),
        b"a|b|c\n1|2|3\n".to_vec(),
        "é,ü,\u{1F600}\n\u{1F600},é,ü\n".as_bytes().to_vec(),
        b"\"unclosed,quote\nMonth,SP,PM,Value\n".to_vec(),
        b",,,,\n,,,\n\t\t\n".to_vec(),
        b"Month,SP,PM,Value\n".to_vec(),
        b"Month,SP,PM,Value\nMar-21\n,CSPN\n".to_vec(),
        "Month,SP,PM,Value\n\u{e9}\u{e9}\u{e9},\u{1F600},PM2,0.\u{e9}\n"
            .as_bytes()
            .to_vec(),
        b"Month,SP,PM,Value,Target\nMar-21,CSPN,PM2,~0.5,~0.9\n".to_vec(),
        "measure,provider,".repeat(1000).into_bytes(),
    ];
    for bytes in &junk {
        let import = read("junk", bytes);
        for e in &import.errors {
            assert!(!e.to_string().is_empty());
        }
        let mut c = Choices::default();
        c.columns.insert("SP".into(), Role::Value);
        c.fractions = Some(Fractions::Percent);
        c.providers.insert("é".into(), Provider::Dsp);
        let _ = read_with("junk", bytes, &c);
    }
    let plain = read("words.txt", b"just a sentence\n");
    assert_eq!(plain.errors[0].kind, ErrorKind::MissingColumn);
    assert!(
        questions(&plain).is_empty(),
        "one column is no table to map"
    );
}

#[test]
fn a_hundred_thousand_rows_read_in_linear_time() {
    let mut text = String::from("PMR extract\nMonth\tSP\tPM\tService Level\tDescription\n");
    let providers = ["CSPN", "CSPC", "CSPS"];
    let mut n = 0;
    'outer: for year in 1900..2300 {
        for month in 1..=12 {
            for p in providers {
                for pm in [
                    "PM2", "PM3.1", "PM3.2", "PM4.1", "PM4.2", "PM4.3", "CH1.1", "CH1.2", "CH1.3",
                    "PM5.1", "PM5.2", "PM6.1", "PM6.2", "PM7.1", "PM7.2", "PM8.1", "PM8.2", "PM9",
                    "PM10", "PM11.1", "PM11.2", "PM11.3", "PM12.1", "PM13",
                ] {
                    text.push_str(&format!("01/{month:02}/{year}\t{p}\t{pm}\t99.5\tx\n"));
                    n += 1;
                    if n == 100_000 {
                        break 'outer;
                    }
                }
            }
        }
    }
    let started = std::time::Instant::now();
    let import = read("big.tsv", text.as_bytes());
    let took = started.elapsed();
    assert_eq!(import.rows, 100_000);
    assert!(import.figures.len() >= 100_000 - import.rejected as usize);
    // Generous for a debug build on a slow machine; quadratic would take minutes.
    assert!(took.as_secs() < 60, "{took:?}");
}

/// `dcc-perf` with the answers as options, as a user would run it.
#[test]
fn the_command_line_asks_and_takes_the_same_answers() {
    let dir = std::env::temp_dir().join(format!("dcc-perf-sheets-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("own.csv");
    std::fs::write(
        &path,
        "Panel extract\nWhen,What,Who,Achieved %\nMar-21,PM2,Telefonica,0.9917\nMar-21,PM2,Arqiva,0.2374\n",
    )
    .unwrap();
    let path = path.to_string_lossy().into_owned();
    let run = |extra: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_dcc-perf"))
            .arg(&path)
            .args(["--output", "csv"])
            .args(extra)
            .output()
            .expect("runs");
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (code, _, err) = run(&[]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("which column is which?"), "{err}");
    assert!(err.contains("--column ROLE=HEADER"), "{err}");
    let columns = [
        "--column",
        "period=When",
        "--column",
        "measure=What",
        "--column",
        "provider=Who",
    ];
    let (code, _, err) = run(&columns);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("--provider \"Telefonica\"=CSPC|CSPS"), "{err}");
    assert!(err.contains("--fractions percent"), "{err}");
    let answers = [
        &columns[..],
        &["--provider", "Telefonica=CSPS", "--fractions", "percent"],
    ]
    .concat();
    let (code, out, err) = run(&answers);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("2021-03,PM2,CSPS,,99.17,"), "{out}");
    assert!(out.contains("2021-03,PM2,CSPN,,23.74,"), "{out}");
    let (code, _, err) = run(&["--column", "nonsense=When"]);
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("is no role"), "{err}");
    let (code, _, err) = run(&["--fractions", "maybe"]);
    assert_eq!(code, Some(1), "{err}");
}

/// A pasted block in the app's own wide or long form whose levels are all
/// 0–1 is asked about, not read as 0.991%.
#[test]
fn fractions_in_the_apps_own_forms_are_asked_about() {
    use dcc_perf::io::sheet::{Choices, Fractions};
    for text in [
        "measure\tprovider\tMar-21\nPM2\tCSPN\t0.991\n",
        "period,measure,provider,value\n2021-03,PM2,CSPN,0.991\n2021-03,PM2,CSPC,0.5\n",
    ] {
        let import = dcc_perf::io::read("paste", text.as_bytes());
        assert!(!import.is_clean(), "{text}");
        assert!(
            import
                .errors
                .iter()
                .any(|e| e.expected.contains("between 0 and 1")),
            "{:?}",
            import.errors
        );
        let choices = Choices {
            fractions: Some(Fractions::Percent),
            ..Choices::default()
        };
        let import = dcc_perf::io::read_with("paste", text.as_bytes(), &choices);
        assert!(import.is_clean(), "{:?}", import.errors);
        let pm2 = import
            .dataset
            .observations
            .iter()
            .find(|o| o.provider == Provider::Cspn)
            .unwrap();
        assert_eq!(
            pm2.input,
            dcc_perf::engine::Input::Level {
                level: "99.1".parse().unwrap()
            }
        );
    }
    // Beside levels over 1, and beside PM12.2 (its formula runs past 100),
    // a fraction is still asked about; answered, only it is converted.
    for text in [
        &b"measure\tprovider\tFeb-21\tMar-21\nPM2\tCSPN\t35.88\t0.991\n"[..],
        &b"period,measure,provider,value\n2021-03,PM2,CSPN,0.2374\n2021-03,PM2,CSPC,0.9917\n2021-03,PM12.2,CSPN,3.9428\n"[..],
    ] {
        let import = dcc_perf::io::read("paste", text);
        assert!(!import.is_clean(), "{:?}", import.dataset);
        let choices = Choices { fractions: Some(Fractions::Percent), ..Choices::default() };
        let import = dcc_perf::io::read_with("paste", text, &choices);
        assert!(import.is_clean(), "{:?}", import.errors);
        for o in &import.dataset.observations {
            let Input::Level { level } = o.input else { continue };
            assert!(level > Decimal::ONE, "{o:?}");
        }
        if let Some(o) = import.dataset.observations.iter().find(|o| o.measure == "PM12.2") {
            assert_eq!(o.input, Input::Level { level: "3.9428".parse().unwrap() });
        }
        if let Some(o) = import.dataset.observations.iter().find(|o| o.period.to_string() == "2021-02") {
            assert_eq!(o.input, Input::Level { level: "35.88".parse().unwrap() });
        }
    }
    // Zero is 0% either way: not asked about.
    let import = dcc_perf::io::read("paste", b"measure\tprovider\tMar-21\nPM2\tCSPN\t0\n");
    assert!(import.is_clean(), "{:?}", import.errors);
}
