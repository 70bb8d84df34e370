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

/// Bytes from a fixed-seed xorshift, for checks against a plain scan.
fn noise(seed: u64, n: usize, alphabet: &[u8]) -> Vec<u8> {
    let mut x = seed | 1;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            alphabet[(x % alphabet.len() as u64) as usize]
        })
        .collect()
}

#[test]
fn a_field_ends_where_a_plain_scan_says() {
    let plain = |v: &[u8], d: u8| {
        v.iter()
            .position(|&b| b == d || b == b'\n' || b == b'\r')
            .unwrap_or(v.len())
    };
    // Each stop byte at each place, among bytes next to the stops' values,
    // high bytes and zeros.
    let fillers = [
        b'a', 0x80, 0xFF, 0x0B, 0x0C, 0x09, 0x00, b'+', b'-', 0x8D, 0x8A,
    ];
    let mut checked = 0;
    for d in [b',', b';', b'\t', b'|'] {
        for len in 0..20 {
            for at in 0..=len {
                for stop in [d, b'\n', b'\r'] {
                    for &f in &fillers {
                        let mut v = vec![f; len];
                        if at < len {
                            v[at] = stop;
                        }
                        assert_eq!(field_end(&v, d), plain(&v, d), "{v:?} by {d}");
                        checked += 1;
                    }
                }
            }
        }
        // Random texts, with the stops among few other bytes.
        let alphabet = [d, b'\n', b'\r', b'a', 0x00, 0xFF, 0x80, d + 1, d - 1, b'"'];
        for seed in 0..3_000 {
            let v = noise(seed, (seed % 40) as usize, &alphabet);
            for from in 0..v.len() {
                assert_eq!(field_end(&v[from..], d), plain(&v[from..], d), "{v:?}");
                checked += 1;
            }
        }
    }
    assert!(checked > 100_000, "{checked}");
}

#[test]
fn eight_digits_are_checked_as_one_by_one() {
    let plain = |w: u64, skip: u64| {
        (0..8).all(|i| (skip >> (8 * i)) & 0xFF == 0xFF || ((w >> (8 * i)) as u8).is_ascii_digit())
    };
    let skips = [0, 0xFF00_00FF_0000_0000, 0x0000_FF00_00FF_0000, u64::MAX];
    // Every byte value at every place, among digits and among other bytes.
    for around in [b'5', b'0', b'9', b'/', b':', 0xFF] {
        for at in 0..8 {
            for b in 0..=255u8 {
                let mut bytes = [around; 8];
                bytes[at] = b;
                let w = u64::from_le_bytes(bytes);
                for skip in skips {
                    assert_eq!(digits(w, skip), plain(w, skip), "{bytes:?} skip {skip:x}");
                }
            }
        }
    }
    for seed in 0..20_000 {
        let v = noise(seed, 8, b"0123456789:/-\x00\xff\x80@");
        let w = u64::from_le_bytes(v.clone().try_into().unwrap());
        for skip in skips {
            assert_eq!(digits(w, skip), plain(w, skip), "{v:?}");
        }
    }
}

/// References: each reference's first line, against a plain map, with
/// repeats and without, through the growth of the fingerprint table and
/// the change to the exact map.
#[test]
fn references_find_first_uses_as_a_map_does() {
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let mut next = |n: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % n
    };
    for (draws, pool) in [(30_000u64, u64::MAX), (20_000, 15_000), (5_000, 40)] {
        let mut refs = References::for_bytes(0);
        let mut model: HashMap<Vec<u8>, u64> = HashMap::new();
        for line in 0..draws {
            let r = if pool == u64::MAX {
                format!("INC{line:09}")
            } else {
                format!("INC{:09}", next(pool))
            };
            let want = model.get(r.as_bytes()).copied();
            model.entry(r.clone().into_bytes()).or_insert(line);
            assert_eq!(refs.first_use(r.as_bytes(), line), want, "{r} on {line}");
        }
        // Only a list with repeats needs the map of every reference.
        assert_eq!(refs.exact.is_some(), pool != u64::MAX);
        assert!(!refs.has_hash(hash(b"INC-never-used")));
        // Every reference recorded once, in the order first used.
        assert_eq!(refs.hashes().count(), model.len());
        for r in model.keys() {
            assert!(refs.has_hash(hash(r)));
        }
    }
}

/// Two references whose fingerprints match in the same slot though their
/// hashes differ, and two of one hash: none is taken for a repeat of
/// another, and real repeats of each are found.
#[test]
fn references_sharing_a_fingerprint_or_a_hash_are_told_apart() {
    // The same upper 32 bits, and the same lower 12 (the first slot of the
    // smallest table): the second probe meets the first's fingerprint.
    let (ha, hb) = (0xAAAA_AAAA_0000_0005u64, 0xAAAA_AAAA_0000_1005u64);
    let mut refs = References::for_bytes(0);
    assert_eq!(refs.first_use_hashed(ha, b"A", 2), None);
    assert!(refs.exact.is_none());
    assert_eq!(refs.first_use_hashed(hb, b"B", 3), None);
    assert!(
        refs.exact.is_some(),
        "the shared fingerprint builds the map"
    );
    assert_eq!(refs.first_use_hashed(ha, b"A", 4), Some(2));
    assert_eq!(refs.first_use_hashed(hb, b"B", 5), Some(3));
    // One hash, other bytes: a reference of its own, repeated later.
    assert_eq!(refs.first_use_hashed(ha, b"C", 6), None);
    assert_eq!(refs.first_use_hashed(ha, b"C", 7), Some(6));
    assert_eq!(refs.first_use_hashed(ha, b"A", 8), Some(2));
    assert_eq!(refs.hashes().collect::<Vec<_>>(), [ha, hb]);
}
