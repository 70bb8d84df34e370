//! Reported service credits as a table (`period,party,measure,points,
//! credits,reported_in,note`): the embedded March 2021 figures read clean,
//! every malformed row gives a located error, what the app writes it reads
//! back unchanged, and nothing panics.

use dcc_perf::engine::{
    Amount, Catalogue, CreditScope, Dataset, Fleet, Month, Party, Provider, ReportedCredit,
};
use dcc_perf::io::write::credits_csv;
use dcc_perf::io::{read, ErrorKind, Format, Import, SAMPLE_CREDITS_CSV, SAMPLE_CREDITS_NAME};
use proptest::prelude::*;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

const H: &str = "period,party,measure,points,credits,reported_in,note\n";

fn m(y: i32, mo: u8) -> Month {
    Month::new(y, mo).expect("valid month")
}

fn gbp(s: &str) -> Amount {
    Amount::Money {
        gbp: s.parse().expect("decimal"),
    }
}

fn sample_import() -> Import {
    read(SAMPLE_CREDITS_NAME, SAMPLE_CREDITS_CSV.as_bytes())
}

/// The credit of `scope` for `period` in `credits`.
fn find<'c>(
    credits: &'c [ReportedCredit],
    period: Month,
    scope: &CreditScope,
) -> &'c ReportedCredit {
    credits
        .iter()
        .find(|c| c.period == period && c.scope == *scope)
        .unwrap_or_else(|| panic!("no credit for {scope} in {period}"))
}

#[test]
fn the_sample_credits_read_clean_with_every_cell() {
    let import = sample_import();
    assert!(import.is_clean(), "{:#?}", import.errors);
    assert_eq!(import.format, Some(Format::Credits));
    assert_eq!(import.delimiter, Some(b','));
    assert_eq!(import.rows, 137);
    assert_eq!(import.rejected, 0);
    let credits = &import.dataset.credits;
    assert!(import.dataset.observations.is_empty());
    assert_eq!(credits.len(), 137);

    let table = |c: &&ReportedCredit| match c.scope {
        CreditScope::Party { .. } => true,
        CreditScope::Total { fleet } => fleet != Fleet::All,
        CreditScope::Measure { .. } => false,
    };
    assert_eq!(credits.iter().filter(table).count(), 12 * (4 + 1 + 5 + 1));
    let measures = credits
        .iter()
        .filter(|c| matches!(c.scope, CreditScope::Measure { .. }))
        .count();
    assert_eq!(measures, 4);
    let overall: Vec<_> = credits
        .iter()
        .filter(|c| c.scope == CreditScope::Total { fleet: Fleet::All })
        .collect();
    assert_eq!(overall.len(), 1);
    assert_eq!(overall[0].amount, gbp("50432"));
    assert!(credits.iter().all(|c| c.reported_in == Some(m(2021, 3))));

    // Every month of the twelve has every column of both tables.
    for i in 0..12 {
        let period = m(2021, 3).minus(i);
        for party in Party::ALL.iter().filter(|p| p.in_report_table()) {
            find(credits, period, &CreditScope::Party { party: *party });
        }
        for fleet in [Fleet::Smets2, Fleet::Smets1] {
            find(credits, period, &CreditScope::Total { fleet });
        }
    }
}

#[test]
fn the_sample_credits_say_what_the_report_prints() {
    let credits = sample_import().dataset.credits;
    let party = |party| CreditScope::Party { party };
    let total = |fleet| CreditScope::Total { fleet };
    let measure = |measure: &str, provider| CreditScope::Measure {
        measure: measure.into(),
        provider,
    };
    #[rustfmt::skip]
    let cases = [
        (m(2020, 8), party(Party::Arqiva), gbp("105533")),
        (m(2020, 6), party(Party::Telefonica), Amount::Pending),
        (m(2020, 6), total(Fleet::Smets2), gbp("72084")),
        (m(2020, 4), party(Party::Secure), Amount::NotApplicable),
        (m(2021, 3), party(Party::Secure), Amount::NotApplicable),
        (m(2020, 12), party(Party::Secure), Amount::NotApplicable),
        (m(2021, 2), party(Party::Telefonica), gbp("0")),
        (m(2020, 9), party(Party::Cgi), gbp("3015")),
        (m(2020, 7), party(Party::Capgemini), gbp("39384")),
        (m(2020, 7), total(Fleet::Smets1), gbp("46088")),
        (m(2021, 3), total(Fleet::Smets2), gbp("44555")),
        (m(2021, 3), total(Fleet::Smets1), gbp("5688")),
        (m(2021, 3), measure("PM2", Provider::Cspn), gbp("43198")),
        (m(2021, 3), measure("PM2.7", Provider::Dsp), gbp("1357")),
        (m(2021, 3), measure("PM2.1", Provider::Capgemini), gbp("5688")),
        (m(2021, 3), measure("CH1.3", Provider::Cspc), Amount::Pending),
    ];
    for (period, scope, want) in cases {
        assert_eq!(
            find(&credits, period, &scope).amount,
            want,
            "{scope} {period}"
        );
    }
    let points = |scope| find(&credits, m(2021, 3), &scope).points;
    assert_eq!(
        points(measure("PM2", Provider::Cspn)),
        Some(Decimal::from(175))
    );
    assert_eq!(
        points(measure("PM2.7", Provider::Dsp)),
        Some(Decimal::from(9))
    );
    assert_eq!(
        points(measure("PM2.1", Provider::Capgemini)),
        Some(Decimal::from(62))
    );
    assert_eq!(points(measure("CH1.3", Provider::Cspc)), None);

    // The footnotes ride on the cells they mark, and only there.
    let noted: Vec<_> = credits
        .iter()
        .filter(|c| matches!(c.scope, CreditScope::Party { .. }) && c.note.is_some())
        .map(|c| (c.period, c.scope.clone()))
        .collect();
    assert_eq!(
        noted,
        vec![
            (m(2020, 12), party(Party::Secure)),
            (m(2021, 2), party(Party::Telefonica)),
        ]
    );
    let note = |p, s| find(&credits, p, &s).note.clone().unwrap_or_default();
    assert!(note(m(2021, 2), party(Party::Telefonica)).contains("V2.0"));
    assert!(note(m(2020, 12), party(Party::Secure)).contains("exempt"));
    assert!(note(m(2021, 3), measure("CH1.3", Provider::Cspc)).contains("under discussion"));
    assert!(note(m(2021, 3), total(Fleet::All)).contains("§15"));

    // Nothing corrected: §15's total is not the two tables' totals summed.
    let money = |s| find(&credits, m(2021, 3), &s).amount.money();
    let tables = money(total(Fleet::Smets2)).zip(money(total(Fleet::Smets1)));
    assert_eq!(tables.map(|(a, b)| a + b), Some(Decimal::from(50243)));
    assert_eq!(money(total(Fleet::All)), Some(Decimal::from(50432)));
}

#[test]
fn the_embedded_sample_carries_the_credits() {
    let sample = dcc_perf::io::sample();
    assert_eq!(sample.credits.len(), 137);
    assert_eq!(sample.credits, sample_import().dataset.credits);
    assert!(
        !sample.observations.is_empty(),
        "the measures are still there"
    );
}

/// One malformed input and the error it must give.
struct Case {
    name: &'static str,
    text: String,
    kind: ErrorKind,
    row: Option<u64>,
    column: Option<&'static str>,
    value: Option<&'static str>,
}

fn case(
    name: &'static str,
    text: impl Into<String>,
    kind: ErrorKind,
    row: u64,
    column: &'static str,
    value: &'static str,
) -> Case {
    Case {
        name,
        text: text.into(),
        kind,
        row: Some(row),
        column: Some(column),
        value: Some(value),
    }
}

fn body(rows: &str) -> String {
    format!("{H}{rows}\n")
}

#[test]
fn malformed_rows_give_located_errors() {
    use ErrorKind::*;
    let cases = vec![
        case(
            "unknown party",
            body("2021-03,Acme Ltd,,,5,2021-03,"),
            UnknownProvider,
            2,
            "party",
            "Acme Ltd",
        ),
        case(
            "empty party",
            body("2021-03,,,,5,2021-03,"),
            UnknownProvider,
            2,
            "party",
            "",
        ),
        case(
            "a company, not a provider, with a measure",
            body("2021-03,Telefonica,CH1.3,,TBC,2021-03,"),
            UnknownProvider,
            2,
            "party",
            "Telefonica",
        ),
        case(
            "a table total with a measure",
            body("2021-03,SMETS2,PM2,,5,2021-03,"),
            UnknownProvider,
            2,
            "party",
            "SMETS2",
        ),
        case(
            "unknown measure",
            body("2021-03,CSPN,PM99,,5,2021-03,"),
            UnknownMeasure,
            2,
            "measure",
            "PM99",
        ),
        case(
            "measure of another provider",
            body("2021-03,DSP,CH1.3,,5,2021-03,"),
            UnknownMeasure,
            2,
            "measure",
            "CH1.3",
        ),
        case(
            "bad amount",
            body("2021-03,Arqiva,,,lots,2021-03,"),
            BadValue,
            2,
            "credits",
            "lots",
        ),
        case(
            "negative amount",
            body("2021-03,Arqiva,,,-5,2021-03,"),
            BadValue,
            2,
            "credits",
            "-5",
        ),
        case(
            "empty amount",
            body("2021-03,Arqiva,,,,2021-03,"),
            BadValue,
            2,
            "credits",
            "",
        ),
        case(
            "negative points",
            body("2021-03,CSPN,PM2,-175,43198,2021-03,"),
            BadValue,
            2,
            "points",
            "-175",
        ),
        case(
            "points not a number",
            body("2021-03,CSPN,PM2,many,43198,2021-03,"),
            BadValue,
            2,
            "points",
            "many",
        ),
        case(
            "bad month",
            body("2021-13,Arqiva,,,5,2021-03,"),
            BadPeriod,
            2,
            "period",
            "2021-13",
        ),
        case(
            "empty month",
            body(",Arqiva,,,5,2021-03,"),
            BadPeriod,
            2,
            "period",
            "",
        ),
        case(
            "bad reported_in",
            body("2021-03,Arqiva,,,5,soon,"),
            BadPeriod,
            2,
            "reported_in",
            "soon",
        ),
        case(
            "duplicate company row",
            body("2021-03,Arqiva,,,5,2021-03,\n2021-03,Arqiva,,,6,2021-03,"),
            Duplicate,
            3,
            "party",
            "Arqiva",
        ),
        case(
            "duplicate spelt differently",
            body("Mar-21,CSPN,,,5,2021-03,\n2021-03,arqiva,,,5,March 2021,"),
            Duplicate,
            3,
            "party",
            "arqiva",
        ),
        case(
            "duplicate table total (All and Total are the same)",
            body("2021-03,All,,,5,,\n2021-03,Total,,,5,,"),
            Duplicate,
            3,
            "party",
            "Total",
        ),
        case(
            "duplicate measure row",
            body("2021-03,CSPN,PM2,175,43198,2021-03,\n2021-03,CSP N,PM 2,175,43198,2021-03,"),
            Duplicate,
            3,
            "measure",
            "PM 2",
        ),
        case(
            "error on a later row after good ones",
            body("2021-03,Arqiva,,,5,,\n2021-03,BT,,,0,,\n2021-02,Nobody,,,0,,"),
            UnknownProvider,
            4,
            "party",
            "Nobody",
        ),
        case(
            "semicolons, columns reordered",
            "credits;party;period\n\"£1,5\";BT;2021-03\n",
            BadValue,
            2,
            "credits",
            "£1,5",
        ),
    ];
    let missing = |name, text: &str, column| Case {
        name,
        text: text.into(),
        kind: MissingColumn,
        row: Some(1),
        column: Some(column),
        value: None,
    };
    let whole = [
        missing("no party column", "period,credits\n2021-03,5\n", "party"),
        missing(
            "no period column",
            "party,credits,note\nArqiva,5,\n",
            "period",
        ),
        Case {
            name: "a row longer than the header",
            text: body("2021-03,Arqiva,,,5,2021-03,,extra"),
            kind: Syntax,
            row: Some(2),
            column: None,
            value: None,
        },
    ];
    for c in cases.into_iter().chain(whole) {
        let import = read("credits-bad.csv", c.text.as_bytes());
        assert_eq!(import.format, Some(Format::Credits), "{}", c.name);
        let Some(e) = import.errors.first() else {
            panic!("{}: no error", c.name);
        };
        assert_eq!(import.errors.len(), 1, "{}: {:#?}", c.name, import.errors);
        assert_eq!(e.file, "credits-bad.csv", "{}", c.name);
        assert_eq!(e.kind, c.kind, "{}: {e}", c.name);
        assert_eq!(e.row, c.row, "{}: {e}", c.name);
        assert_eq!(e.column.as_deref(), c.column, "{}: {e}", c.name);
        assert_eq!(e.value.as_deref(), c.value, "{}: {e}", c.name);
        assert!(!e.expected.is_empty(), "{}", c.name);
        let text = e.to_string();
        assert!(text.starts_with("credits-bad.csv"), "{}: {text}", c.name);
        if let Some(r) = c.row {
            assert!(text.contains(&format!("row {r}")), "{}: {text}", c.name);
        }
        if let Some(col) = c.column {
            assert!(
                text.contains(&format!("column {col}")),
                "{}: {text}",
                c.name
            );
        }
        if c.row.is_some_and(|r| r > 1) {
            assert_eq!(import.rejected, 1, "{}", c.name);
        }
        assert!(import.into_result().is_err(), "{}", c.name);
    }
}

#[test]
fn messages_say_what_was_expected() {
    let text = body("2021-03,Acme,,,5,,\n2021-03,CSPN,PM99,,5,,\n2021-03,BT,,,lots,,");
    let errors = read("c.csv", text.as_bytes()).errors;
    assert_eq!(errors.len(), 3);
    assert!(errors[0].expected.contains("Arqiva") && errors[0].expected.contains("SMETS2"));
    assert!(errors[1].expected.contains("PM2"), "{}", errors[1]);
    assert!(errors[2].expected.contains("TBC"), "{}", errors[2]);
    assert!(errors[2].to_string().contains("found \"lots\""));
}

#[test]
fn every_bad_row_is_reported_and_the_good_ones_kept() {
    let text = body(
        "2021-03,Acme,,,5,,\n2021-03,Arqiva,,,5,,\n2021-02,BT,,,x,,\n\n2021-13,CGI,,,1,,\n2021-02,BT,,,0,,",
    );
    let import = read("c.csv", text.as_bytes());
    assert_eq!(import.rows, 5, "the blank line is not a row");
    assert_eq!(import.rejected, 3);
    let rows: Vec<_> = import.errors.iter().map(|e| e.row).collect();
    assert_eq!(rows, vec![Some(2), Some(4), Some(6)]);
    assert_eq!(import.dataset.credits.len(), 2);
}

/// Rows are the lines an editor shows, whatever the line ends and however
/// many blank lines or quoted line breaks come before.
#[test]
fn rows_are_the_lines_an_editor_shows() {
    let cases = [
        (
            "LF, blank line",
            "{H}2021-03,BT,,,0,,\n\n2021-03,Acme,,,0,,\n",
            4,
        ),
        ("CRLF", "{H}2021-03,BT,,,0,,\r\n2021-03,Acme,,,0,,\r\n", 3),
        (
            "CRLF, blank lines",
            "{H}\r\n2021-03,BT,,,0,,\r\n\r\n\r\n2021-03,Acme,,,0,,\r\n",
            6,
        ),
        ("CR only", "{H}2021-03,BT,,,0,,\r\r2021-03,Acme,,,0,,\r", 4),
        (
            "quoted line break",
            "{H}2021-03,BT,,,0,,\"two\nlines\"\n2021-03,Acme,,,0,,\n",
            4,
        ),
        (
            "CRLF, too many fields",
            "{H}2021-03,BT,,,0,,\r\n\r\n2021-03,BT,,,0,,,x\r\n",
            4,
        ),
    ];
    for (name, text, row) in cases {
        let header = if name.starts_with("CR") {
            H.replace(
                '\n',
                if name.starts_with("CRLF") {
                    "\r\n"
                } else {
                    "\r"
                },
            )
        } else {
            H.to_string()
        };
        let text = text.replace("{H}", &header);
        let import = read("rows.csv", text.as_bytes());
        assert_eq!(import.errors.len(), 1, "{name}: {:#?}", import.errors);
        assert_eq!(
            import.errors[0].row,
            Some(row),
            "{name}: {}",
            import.errors[0]
        );
        assert_eq!(import.rows, 2, "{name}");
    }
}

#[test]
fn one_row_with_several_problems_names_each() {
    let import = read("c.csv", body("2021-13,Acme,,-1,lots,soon,").as_bytes());
    let columns: Vec<_> = import
        .errors
        .iter()
        .map(|e| e.column.as_deref().unwrap_or(""))
        .collect();
    assert_eq!(
        columns,
        vec!["period", "party", "points", "credits", "reported_in"]
    );
    assert_eq!(import.rejected, 1);
}

#[test]
fn errors_are_capped() {
    let mut text = H.to_string();
    for _ in 0..1500 {
        text.push_str("2021-03,Acme,,,5,,\n");
    }
    let import = read("c.csv", text.as_bytes());
    assert_eq!(import.errors.len(), dcc_perf::io::MAX_ERRORS);
    assert_eq!(import.rejected, 1500);
}

#[test]
fn accepted_spellings() {
    let text = "Period\tParty\tMeasure\tPoints\tCREDITS\tReported In\tNote\n\
                Mar-21\tcspn\tpm 2\t175.5\t£43,198\tMarch 2021\t a note \n\
                March 2021\tCritical Software\t\t\tpending\t\t\n\
                2021/02\tTelefonica O2\t\t\tunder discussion\t2021-03\t\n\
                2021-01\tsmets 1\t\t\tN/A*\t\t\n\
                2021-01\tDCO\tPM2.1\t0\t1357.02\t\t\n\
                2021-01\tO2\t\t\t0\t\t\n";
    let import = read("tabs.tsv", text.as_bytes());
    assert!(import.is_clean(), "{:#?}", import.errors);
    assert_eq!(import.format, Some(Format::Credits));
    assert_eq!(import.delimiter, Some(b'\t'));
    let c = &import.dataset.credits;
    assert_eq!(c.len(), 6);
    let pm2 = find(
        c,
        m(2021, 3),
        &CreditScope::Measure {
            measure: "PM2".into(),
            provider: Provider::Cspn,
        },
    );
    assert_eq!(pm2.amount, gbp("43198"));
    assert_eq!(pm2.points, Some("175.5".parse().expect("decimal")));
    assert_eq!(pm2.reported_in, Some(m(2021, 3)));
    assert_eq!(pm2.note.as_deref(), Some("a note"));
    let critical = find(
        c,
        m(2021, 3),
        &CreditScope::Party {
            party: Party::Critical,
        },
    );
    assert_eq!(
        (
            critical.amount,
            critical.reported_in,
            critical.note.as_deref()
        ),
        (Amount::Pending, None, None)
    );
    let tef = find(
        c,
        m(2021, 2),
        &CreditScope::Party {
            party: Party::Telefonica,
        },
    );
    assert_eq!(tef.amount, Amount::Pending);
    let s1 = find(
        c,
        m(2021, 1),
        &CreditScope::Total {
            fleet: Fleet::Smets1,
        },
    );
    assert_eq!(s1.amount, Amount::NotApplicable);
    let dco = find(
        c,
        m(2021, 1),
        &CreditScope::Measure {
            measure: "PM2.1".into(),
            provider: Provider::Capgemini,
        },
    );
    assert_eq!(dco.amount, gbp("1357.02"));
    find(
        c,
        m(2021, 1),
        &CreditScope::Party {
            party: Party::Telefonica,
        },
    );

    // Only the required columns, in another order, semicolon separated.
    let import = read(
        "semi.csv",
        "credits;period;party\n5;2021-03;BT\n".as_bytes(),
    );
    assert!(import.is_clean(), "{:#?}", import.errors);
    assert_eq!(import.delimiter, Some(b';'));
    assert_eq!(
        import.dataset.credits[0].scope,
        CreditScope::Party { party: Party::Bt }
    );
}

#[test]
fn a_header_without_rows_reads_empty_and_clean() {
    for (name, text) in [
        ("full.csv", H.to_string()),
        ("no-newline.csv", H.trim_end().to_string()),
        ("required.csv", "period,party,credits\n\n\n".to_string()),
        ("bom.csv", format!("\u{feff}{H}")),
    ] {
        let import = read(name, text.as_bytes());
        assert!(import.is_clean(), "{name}: {:#?}", import.errors);
        assert_eq!(import.format, Some(Format::Credits), "{name}");
        assert_eq!(import.rows, 0, "{name}");
        assert!(import.dataset.credits.is_empty(), "{name}");
        assert!(import.dataset.observations.is_empty(), "{name}");
    }
}

#[test]
fn other_tables_are_still_told_apart() {
    let long = "period,measure,provider,value,note\n2021-03,PM2,CSPN,23.74,\n";
    assert_eq!(read("l.csv", long.as_bytes()).format, Some(Format::Long));
    let wide = "measure,provider,2021-03\nPM2,CSPN,23.74\n";
    assert_eq!(read("w.csv", wide.as_bytes()).format, Some(Format::Wide));
    let unknown = read("u.csv", b"name,amount\nArqiva,5\n");
    assert_eq!(unknown.format, None);
    assert!(unknown.errors[0].expected.contains("credits"));
}

#[test]
fn the_writer_writes_plain_figures() {
    let data = Dataset {
        credits: vec![
            ReportedCredit {
                period: m(2021, 3),
                scope: CreditScope::Measure {
                    measure: "PM2".into(),
                    provider: Provider::Cspn,
                },
                points: Some(Decimal::from(175)),
                amount: gbp("43198"),
                reported_in: Some(m(2021, 3)),
                note: Some("§14, as printed".into()),
            },
            ReportedCredit {
                period: m(2020, 6),
                scope: CreditScope::Party {
                    party: Party::Telefonica,
                },
                points: None,
                amount: Amount::Pending,
                reported_in: None,
                note: None,
            },
            ReportedCredit {
                period: m(2020, 4),
                scope: CreditScope::Total {
                    fleet: Fleet::Smets1,
                },
                points: None,
                amount: Amount::NotApplicable,
                reported_in: None,
                note: None,
            },
        ],
        ..Dataset::default()
    };
    assert_eq!(
        credits_csv(&data),
        "period,party,measure,points,credits,reported_in,note\n\
         2021-03,CSPN,PM2,175,43198,2021-03,\"§14, as printed\"\n\
         2020-06,Telefonica,,,TBC,,\n\
         2020-04,SMETS1,,,N/A,,\n"
    );
    assert_eq!(
        credits_csv(&Dataset::default()),
        "period,party,measure,points,credits,reported_in,note\n"
    );
}

#[test]
fn the_sample_credits_round_trip() {
    let sample = dcc_perf::io::sample();
    let text = credits_csv(&sample);
    assert!(
        text.contains("\n2020-08,Arqiva,,,105533,2021-03,\n"),
        "{text}"
    );
    assert!(
        text.contains("\n2020-06,Telefonica,,,TBC,2021-03,\n"),
        "{text}"
    );
    assert!(text.contains("\n2021-03,Secure,,,N/A,2021-03,\n"), "{text}");
    let import = read("export.csv", text.as_bytes());
    assert!(import.is_clean(), "{:#?}", import.errors);
    assert_eq!(import.format, Some(Format::Credits));
    assert_eq!(import.dataset.credits, sample.credits);
}

#[test]
fn credits_in_json_are_checked_like_the_table() {
    let credit = |scope, amount, points| ReportedCredit {
        period: m(2021, 3),
        scope,
        points,
        amount,
        reported_in: Some(m(2021, 3)),
        note: None,
    };
    let unknown = CreditScope::Measure {
        measure: "PM99".into(),
        provider: Provider::Cspn,
    };
    let arqiva = CreditScope::Party {
        party: Party::Arqiva,
    };
    let data = Dataset {
        credits: vec![
            credit(unknown, gbp("5"), None),
            credit(arqiva.clone(), gbp("-5"), Some(Decimal::from(-1))),
            credit(arqiva, gbp("5"), None),
        ],
        ..Dataset::default()
    };
    let json = serde_json::to_string(&data).expect("json");
    let import = read("data.json", json.as_bytes());
    let found: Vec<_> = import
        .errors
        .iter()
        .map(|e| (e.kind, e.column.as_deref().unwrap_or("")))
        .collect();
    assert_eq!(
        found,
        vec![
            (ErrorKind::UnknownMeasure, "credits[0].scope.measure"),
            (ErrorKind::BadValue, "credits[1].points"),
            (ErrorKind::BadValue, "credits[1].amount.gbp"),
            (ErrorKind::Duplicate, "credits[2].period"),
        ]
    );
    assert!(import.errors.iter().all(|e| e.file == "data.json"));
    assert_eq!(import.errors[0].value.as_deref(), Some("PM99"));

    // The sample, credits and all, passes.
    let json = serde_json::to_string(&dcc_perf::io::sample()).expect("json");
    assert!(read("s.json", json.as_bytes()).is_clean());
}

/// Deterministic (xorshift) junk and mutations of the sample: reading never
/// panics and every error names its file.
#[test]
fn junk_never_panics() {
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let sample = SAMPLE_CREDITS_CSV.as_bytes();
    let alphabet = "0123456789.,-£*/\"\n\r\t ;{}[]:TBCN/AaSMETmeasureArqivaPM\u{a0}"
        .bytes()
        .chain([0xff, 0x00, 0xc2, 0xa3])
        .collect::<Vec<u8>>();
    let mut clean = 0;
    for i in 0..3000 {
        let bytes: Vec<u8> = match i % 3 {
            0 => {
                let mut b = H.as_bytes().to_vec();
                b.extend(
                    (0..(next() % 300))
                        .map(|_| alphabet[(next() % alphabet.len() as u64) as usize]),
                );
                b
            }
            1 => (0..(next() % 300)).map(|_| next() as u8).collect(),
            _ => {
                let mut b = sample[..(next() as usize % sample.len())].to_vec();
                for _ in 0..(1 + next() % 8) {
                    if b.is_empty() {
                        break;
                    }
                    let at = next() as usize % b.len();
                    b[at] = alphabet[(next() % alphabet.len() as u64) as usize];
                }
                b
            }
        };
        let import = read("junk.csv", &bytes);
        assert!(import
            .errors
            .iter()
            .all(|e| e.to_string().starts_with("junk.csv")));
        assert!(import.errors.len() <= dcc_perf::io::MAX_ERRORS);
        if !import.dataset.credits.is_empty() {
            clean += 1;
        }
    }
    assert!(clean > 10, "some mutations still give credits ({clean})");
}

// ------------------------------------------------------------------ proptest

fn month() -> impl Strategy<Value = Month> {
    (2019..=2026i32, 1..=12u8).prop_map(|(y, mo)| m(y, mo))
}

fn scope() -> impl Strategy<Value = CreditScope> {
    let measures: Vec<(String, Provider)> = Catalogue::builtin()
        .measures()
        .iter()
        .map(|d| (d.code.to_string(), d.provider))
        .collect();
    prop_oneof![
        proptest::sample::select(measures)
            .prop_map(|(measure, provider)| CreditScope::Measure { measure, provider }),
        proptest::sample::select(Party::ALL.to_vec())
            .prop_map(|party| CreditScope::Party { party }),
        proptest::sample::select(vec![Fleet::Smets2, Fleet::Smets1, Fleet::All])
            .prop_map(|fleet| CreditScope::Total { fleet }),
    ]
}

/// Zero or more, 0 to 4 decimals as written.
fn figure() -> impl Strategy<Value = Decimal> {
    (0..=4u32, 0..=10_000_000_000i64).prop_map(|(scale, n)| Decimal::new(n, scale))
}

fn amount() -> impl Strategy<Value = Amount> {
    prop_oneof![
        4 => figure().prop_map(|gbp| Amount::Money { gbp }),
        1 => Just(Amount::Pending),
        1 => Just(Amount::NotApplicable),
    ]
}

/// A note as the reader keeps it: trimmed, `None` when empty.
fn note() -> impl Strategy<Value = Option<String>> {
    proptest::option::of("[ -~£§’é\n\t]{0,40}")
        .prop_map(|n| n.map(|n| n.trim().to_string()).filter(|n| !n.is_empty()))
}

fn credit() -> impl Strategy<Value = ReportedCredit> {
    (
        month(),
        scope(),
        proptest::option::of(figure()),
        amount(),
        proptest::option::of(month()),
        note(),
    )
        .prop_map(
            |(period, scope, points, amount, reported_in, note)| ReportedCredit {
                period,
                scope,
                points,
                amount,
                reported_in,
                note,
            },
        )
}

/// Credits with unique keys, in no particular order.
fn credits() -> impl Strategy<Value = Vec<ReportedCredit>> {
    proptest::collection::vec(credit(), 0..40).prop_map(|cs| {
        let unique: BTreeMap<_, _> = cs.into_iter().map(|c| (c.key(), c)).collect();
        let mut cs: Vec<_> = unique.into_values().collect();
        cs.reverse();
        cs
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn written_credits_read_back_the_same(credits in credits()) {
        let data = Dataset { credits, ..Dataset::default() };
        let text = credits_csv(&data);
        let import = read("export.csv", text.as_bytes());
        prop_assert!(import.is_clean(), "{:#?}\n{}", import.errors, text);
        prop_assert_eq!(import.format, Some(Format::Credits));
        prop_assert_eq!(import.rows, data.credits.len() as u64);
        prop_assert_eq!(import.dataset.credits, data.normalised().credits);
    }
}
