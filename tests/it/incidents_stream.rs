//! Incident lists read as they arrive, in parts of any size: the same
//! import as reading the whole file, whatever the cut.

use super::incidents::{march_2021, H, SMALL};
use super::reading_ways;
use dcc_perf::io::{read, ErrorKind, Import, Reading, HEAD_BYTES};

/// Reads `text` as it would arrive (see [`reading_ways::streamed`]).
pub(super) fn streamed(text: &[u8], head: usize, parts: &[usize]) -> Option<Import> {
    reading_ways::streamed(text, b',', head, parts)
}

/// Lists with quoted fields across lines, `\r\n` and lone `\r` line ends,
/// errors, blank lines and multi-byte characters.
pub(super) fn variants() -> Vec<(&'static str, String)> {
    let quoted = format!(
        "{H}\"INC1\",3,2021-03-01 09:00,,2021-03-01 11:00,yes,\"Data\nService, Provider\",\n\
         INC2,4,2021-03-02,,2021-03-02,no,DSP,\"Caf\u{e9} \"\"closed\"\"\"\n\
         INC3,5,2021-03-03,,2021-03-03,maybe,DSP,\n\nINC4,5,2021-03-04,,2021-03-04,yes,DSP,\u{2014}\n"
    );
    let crlf = march_2021().replace('\n', "\r\n");
    let cr = SMALL.replace('\n', "\r");
    let unclosed = format!(
        "{H}INC1,3,2021-03-01,,2021-03-01,yes,\"DSP,\nINC2,3,2021-03-01,,2021-03-01,yes,DSP,\n"
    );
    let no_final_newline = march_2021().trim_end().to_string();
    vec![
        ("small", SMALL.to_string()),
        ("march", march_2021()),
        ("quoted", quoted),
        ("crlf", crlf),
        ("cr", cr),
        ("unclosed", unclosed),
        ("no final newline", no_final_newline),
    ]
}

#[test]
fn any_cut_gives_the_import_of_the_whole_file() {
    for (name, text) in variants() {
        let whole = read("f.csv", text.as_bytes());
        let bytes = text.as_bytes();
        let header_end = bytes
            .iter()
            .position(|&b| b == b'\n' || b == b'\r')
            .unwrap()
            + 1;
        let mut tried = 0;
        for head in [
            header_end,
            header_end + 1,
            header_end + 17,
            bytes.len() / 2,
            bytes.len(),
        ] {
            for parts in [&[1usize][..], &[2, 3], &[7], &[64, 5, 300], &[4096]] {
                let Some(got) = streamed(bytes, head, parts) else {
                    // Only a head ending in `\r` (perhaps half of `\r\n`)
                    // right after the header is refused.
                    assert_eq!(bytes[head - 1], b'\r', "{name}: head {head} refused");
                    continue;
                };
                tried += 1;
                assert_eq!(got, whole, "{name}: head {head}, parts {parts:?}");
            }
        }
        assert!(tried >= 15, "{name}: only {tried} cuts read");
    }
}

#[test]
fn a_part_that_is_not_utf8_refuses_the_file_as_a_whole_read_does() {
    let mut bytes = march_2021().into_bytes();
    let at = bytes.len() - 40;
    bytes[at] = 0xFF;
    let whole = read("f.csv", &bytes);
    assert_eq!(whole.errors.len(), 1);
    assert_eq!(whole.errors[0].kind, ErrorKind::Unreadable);
    for parts in [&[1usize][..], &[100], &[5000]] {
        let got = streamed(&bytes, H.len(), parts).unwrap();
        assert_eq!(
            got,
            Import {
                format: None,
                delimiter: None,
                ..whole.clone()
            },
            "{parts:?}"
        );
    }
}

/// March 2021's list copied until it is at least `len` bytes long, each
/// copy's references made fresh.
pub(super) fn big_list(len: usize) -> String {
    let mut big = march_2021();
    while big.len() < len {
        let more = march_2021();
        let n = big.len();
        big.push_str(&more[H.len()..].replace("INC0000", &format!("INC{n:07}")[..7]));
    }
    big
}

#[test]
fn the_head_decides_as_the_whole_file_would() {
    // An incident list of several heads streams.
    let big = big_list(4 * HEAD_BYTES);
    let bytes = big.as_bytes();
    let head = bytes[..HEAD_BYTES].to_vec();
    let mut reader =
        Reading::stream("big.csv", &head, bytes.len() as u64).expect("an incident list streams");
    reader.push(&bytes[HEAD_BYTES..]);
    reader.end();
    while !reader.step(1000) {}
    let got = reader.finish();
    assert_eq!(got, read("big.csv", bytes));
    assert!(
        got.rows > 3_000 && got.errors.is_empty(),
        "{} rows, {:?}",
        got.rows,
        got.errors.first()
    );

    // A short head of a big file, another format, or a header with an
    // error: read whole instead.
    let total = bytes.len() as u64 * 2;
    assert!(Reading::stream("big.csv", &bytes[..1000], total).is_none());
    let long = "period,measure,provider,level\n".repeat(HEAD_BYTES / 20);
    assert!(Reading::stream("long.csv", long.as_bytes(), total).is_none());
    let missing = big.replacen("within_target", "other", 1);
    assert!(Reading::stream("m.csv", &missing.as_bytes()[..HEAD_BYTES], total).is_none());
    // A big file with a byte-order mark streams from a head that has room
    // for it, as the page reads it.
    let mut marked = b"\xEF\xBB\xBF".to_vec();
    marked.extend_from_slice(bytes);
    let mut r = Reading::stream("m.csv", &marked[..HEAD_BYTES + 3], marked.len() as u64)
        .expect("a marked incident list streams");
    r.push(&marked[HEAD_BYTES + 3..]);
    r.end();
    while !r.step(1000) {}
    assert_eq!(r.finish(), read("m.csv", &marked));
    // A byte-order mark is dropped, as in a whole read.
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(SMALL.as_bytes());
    let mut r =
        Reading::stream("s.csv", &bom, bom.len() as u64).expect("a whole small file streams");
    r.end();
    while !r.step(10) {}
    assert_eq!(r.finish(), read("s.csv", &bom));
}
