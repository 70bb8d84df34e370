//! The incident list's reader, tokenizer and cells, tested from inside.

use super::*;

#[test]
fn timestamps() {
    let ok = |s: &str| {
        time(s.as_bytes(), &mut Calendar::default()).map(|t| (t.month.to_string(), t.secs, t.nanos))
    };
    assert_eq!(ok("1970-01-01").unwrap().1, 0);
    assert_eq!(ok("2021-03-04 10:22").unwrap().0, "2021-03");
    assert_eq!(
        ok("2021-03-04 10:22:05").unwrap().1,
        ok("04/03/2021 10:22:05").unwrap().1
    );
    assert_eq!(
        ok("2021-03-04T10:22:05Z").unwrap().1,
        ok("2021-03-04T11:22:05+01:00").unwrap().1
    );
    assert_eq!(ok("2021-03-04T10:22:05.25Z").unwrap().2, 250_000_000);
    assert_eq!(
        ok("2021-03-04T10:22:05.123456789123Z").unwrap().2,
        123_456_789
    );
    assert_eq!(ok("4/3/2021 9:05").unwrap().0, "2021-03");
    assert_eq!(ok("2020-02-29").unwrap().0, "2020-02");
    let impossible = [
        "2021-13-01",
        "2021-01-32",
        "2021-02-30",
        "2021-02-29",
        "30/02/2021",
        "2021-03-04 24:00",
        "2021-03-04 10:60",
    ];
    let malformed = [
        "",
        "yesterday",
        "2021-3-4",
        "2021-03-04x",
        "2021-03-04 10",
        "04/03/21",
        "2021-03-04 10:22:05 junk",
        "2021-03-041",
    ];
    assert_errors(&impossible, &malformed, &mut Calendar::default());
}

/// Each text is refused as impossible, or as malformed.
fn assert_errors(impossible: &[&str], malformed: &[&str], cal: &mut Calendar) {
    let bad = impossible
        .iter()
        .map(|t| (t, TimeError::Impossible))
        .chain(malformed.iter().map(|t| (t, TimeError::Malformed)));
    for (text, why) in bad {
        assert_eq!(time(text.as_bytes(), cal), Err(why), "{text}");
    }
}

/// The kept year gives the day Hinnant's formula gives, for every day of
/// 1900 to 2100 read in an order that keeps changing year; and the usual
/// form, read at fixed places, agrees with the general reader.
#[test]
fn calendar_and_the_usual_form() {
    let mut cal = Calendar::default();
    let mut n = 0;
    for m in 1..=12u8 {
        for y in (1900..=2100).rev() {
            for d in 1..=31u8 {
                let real = d
                    <= [
                        31,
                        28 + u8::from(is_leap(y)),
                        31,
                        30,
                        31,
                        30,
                        31,
                        31,
                        30,
                        31,
                        30,
                        31,
                    ][usize::from(m - 1)];
                let got = cal.day(y, m, d);
                assert_eq!(got, real.then(|| days_from_civil(y, m, d)), "{y}-{m}-{d}");
                n += usize::from(real);
            }
        }
    }
    assert_eq!(n, 73_414);
    assert_eq!(cal.day(1899, 12, 31), None);
    assert_eq!(cal.day(2021, 0, 1), None);
    assert_eq!(cal.day(2021, 13, 1), None);
    for (usual, general) in [
        ("2021-03-04 10:22:05", "2021-03-04 10:22:05.0"),
        ("2021-03-04T10:22:05", "2021-03-04t10:22:05"),
        ("2020-02-29 23:59:59", "29/02/2020 23:59:59"),
        ("1970-01-01 00:00:00", "1970-01-01"),
        ("2099-12-31 00:00:00", "2099-12-31 00:00"),
    ] {
        let a = time(usual.as_bytes(), &mut cal);
        assert!(a.is_ok(), "{usual}");
        assert_eq!(
            a,
            time(general.as_bytes(), &mut Calendar::default()),
            "{usual}"
        );
    }
    let impossible = [
        "2021-02-29 10:00:00",
        "2021-04-31 10:00:00",
        "2021-03-04 24:00:00",
        "2021-03-04 10:60:00",
        "2021-03-04 10:00:60",
        "1899-12-31 10:00:00",
        "2021-00-04 10:00:00",
    ];
    let malformed = [
        "2021-03-04 10:2x:00",
        "2021-03-04x10:22:05",
        "2021/03-04 10:22:05",
    ];
    assert_errors(&impossible, &malformed, &mut cal);
}

#[test]
fn categories_and_flags() {
    for (s, want) in [
        ("3", Some(3)),
        (" Cat 3 ", Some(3)),
        ("Category 5", Some(5)),
        ("c1", Some(1)),
        ("P2", Some(2)),
        ("CAT-4", Some(4)),
        ("6", None),
        ("0", None),
        ("", None),
        ("Cat", None),
        ("33", None),
        ("x3", None),
    ] {
        assert_eq!(category(s.as_bytes()), want, "{s}");
    }
    assert_eq!(within(b"Yes"), Some(true));
    assert_eq!(within(b"BREACHED"), Some(false));
    assert_eq!(within(b"maybe"), None);
    assert_eq!(exclusion(b" None "), None);
    assert_eq!(exclusion(b" Cancelled "), Some(&b"Cancelled"[..]));
}

#[test]
fn tokenizer_quotes() {
    let src = b"a,\"b,\"\"c\"\"\",\"d\ne\"\r\n\n\nx,y,z";
    let mut t = Tokenizer::new(b',');
    let (mut f, mut s) = (Vec::new(), Vec::new());
    let Record::Fields(1, 3) = t.next(src, &mut f, &mut s) else {
        panic!()
    };
    let got: Vec<&[u8]> = f.iter().map(|&x| field(src, &s, x)).collect();
    assert_eq!(got, vec![&b"a"[..], b"b,\"c\"", b"d\ne"]);
    let Record::Fields(5, 3) = t.next(src, &mut f, &mut s) else {
        panic!()
    };
    assert_eq!(f.len(), 3);
    assert!(matches!(t.next(src, &mut f, &mut s), Record::Eof));
    let mut t = Tokenizer::new(b',');
    assert!(matches!(
        t.next(b"\"ab\"c,d\nx", &mut f, &mut s),
        Record::Bad(1, _)
    ));
    assert!(matches!(
        t.next(b"\"ab\"c,d\nx", &mut f, &mut s),
        Record::Fields(2, 1)
    ));
    let mut t = Tokenizer::new(b',');
    assert!(matches!(
        t.next(b"a,\"open", &mut f, &mut s),
        Record::Bad(1, _)
    ));
    assert!(matches!(t.next(b"a,\"open", &mut f, &mut s), Record::Eof));
}
