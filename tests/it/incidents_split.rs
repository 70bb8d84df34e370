//! Big incident lists read in two halves at once (the page and the import
//! worker): the import is that of one reading, wherever the halves meet.

use super::incidents::{march_2021, H};
use super::incidents_stream::{big_list, streamed, variants};
use super::reading_ways;
use dcc_perf::io::incidents::{read_part, record_start, Part};
use dcc_perf::io::{read, ErrorKind, Import, Reading, HEAD_BYTES, MAX_ERRORS};

/// Reads `text` as the page does with a worker (see [`reading_ways::halves`]).
fn halves(text: &[u8], head: usize, cut: usize, chunk: usize) -> Option<(Import, bool)> {
    reading_ways::halves(text, b',', head, cut, chunk)
}

/// Just past the header's line end (`\n`, `\r\n` or `\r`).
fn header_end(bytes: &[u8]) -> usize {
    let at = bytes
        .iter()
        .position(|&b| b == b'\n' || b == b'\r')
        .unwrap();
    at + if bytes[at..].starts_with(b"\r\n") {
        2
    } else {
        1
    }
}

/// Cuts to try: every byte of a short text, about 300 spread over a long one.
fn cuts(len: usize, from: usize) -> impl Iterator<Item = usize> {
    let step = ((len - from) / 300).max(1);
    (from..=len).step_by(step)
}

#[test]
fn any_meeting_place_gives_the_import_of_one_reading() {
    for (name, text) in variants() {
        let bytes = text.as_bytes();
        let whole = read("f.csv", bytes);
        // A head ending in the header's lone `\r` is not streamed (it may be
        // half of `\r\n`): one byte more is.
        let from = header_end(bytes) + usize::from(name == "cr");
        let (mut joined, mut alone) = (0, 0);
        for cut in cuts(bytes.len(), from) {
            // Byte by byte only for short lists: it is slow in a debug build.
            let chunk = if bytes.len() < 4096 {
                [1, 7, 4096]
            } else {
                [97, 1000, 4096]
            }[cut % 3];
            let (got, was_joined) = halves(bytes, from, cut, chunk).expect(name);
            assert_eq!(got, whole, "{name}: cut at {cut}");
            if was_joined {
                joined += 1;
            } else {
                alone += 1;
            }
        }
        // A list with `\n` line ends is mostly read in halves; one with only
        // `\r` never is (there is no `\n` to start a part at), nor one whose
        // first row opens a quote that runs to the end.
        if name == "cr" || name == "unclosed" {
            assert_eq!(joined, 0, "{name}");
            assert!(alone > 50, "{name}: {alone} read alone");
        } else {
            assert!(
                joined > alone,
                "{name}: {joined} joined, {alone} read alone"
            );
        }
    }
}

#[test]
fn a_quoted_field_across_the_meeting_place_is_read_by_one_reader() {
    // The part would start inside the quoted field's second line.
    let text = format!(
        "{H}INC1,3,2021-03-01,,2021-03-01,yes,\"Data\nService, Provider\",\n\
         INC2,3,2021-03-02,,2021-03-02,yes,DSP,\n"
    );
    let bytes = text.as_bytes();
    let inside = text.find("Data").unwrap();
    let (got, joined) = halves(bytes, H.len(), inside, 64).unwrap();
    assert!(
        !joined,
        "a part starting inside a quoted field must not be joined"
    );
    assert_eq!(got, read("f.csv", bytes));
    assert_eq!(got.rows, 2);
    assert_eq!(got.errors, vec![]);
}

/// March 2021's list, with the reference of its row `at` (0-based data
/// row) replaced by that of row `from`.
fn with_repeat(from: usize, at: usize) -> String {
    let text = march_2021();
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    let reference = lines[1 + from].split(',').next().unwrap().to_string();
    let rest = lines[1 + at].split_once(',').unwrap().1.to_string();
    lines[1 + at] = format!("{reference},{rest}");
    lines.join("\n") + "\n"
}

#[test]
fn a_reference_repeated_across_the_halves_is_found_as_one_reading_finds_it() {
    let text = with_repeat(10, 800);
    let bytes = text.as_bytes();
    let whole = read("f.csv", bytes);
    assert_eq!(whole.errors.len(), 1);
    assert_eq!(whole.errors[0].kind, ErrorKind::Duplicate);
    assert_eq!(whole.errors[0].row, Some(802));
    let (got, joined) = halves(bytes, H.len(), bytes.len() / 2, 1000).unwrap();
    assert!(!joined);
    assert_eq!(got, whole);
}

#[test]
fn a_reference_repeated_within_the_part_is_found_as_one_reading_finds_it() {
    let text = with_repeat(700, 800);
    let bytes = text.as_bytes();
    let whole = read("f.csv", bytes);
    assert_eq!(whole.errors.len(), 1);
    assert!(
        whole.errors[0].expected.contains("row 702"),
        "{:?}",
        whole.errors
    );
    let (got, joined) = halves(bytes, H.len(), bytes.len() / 2, 1000).unwrap();
    assert!(!joined, "the part's message names a row of the part");
    assert_eq!(got, whole);
}

#[test]
fn errors_in_the_part_are_located_in_the_whole_file() {
    let text = march_2021().replacen(",yes,", ",maybe,", 1);
    // The last row with "yes" is in the second half.
    let at = text.rfind(",yes,").unwrap();
    let text = format!(
        "{}{}",
        &text[..at],
        text[at..].replacen(",yes,", ",perhaps,", 1)
    );
    let bytes = text.as_bytes();
    let whole = read("f.csv", bytes);
    assert_eq!(whole.errors.len(), 2);
    let (got, joined) = halves(bytes, H.len(), bytes.len() / 2, 1000).unwrap();
    assert!(joined);
    assert_eq!(got, whole);
    // `text[..at]` ends inside the row: its last line is that row.
    let last_row = text[..at].lines().count() as u64;
    assert_eq!(got.errors[1].row, Some(last_row));
    assert_eq!(got.errors[1].value.as_deref(), Some("perhaps"));
}

#[test]
fn exclusion_types_first_seen_in_the_part_are_counted_under_their_names() {
    let mut text = String::from(H);
    let types = ["", "Cancelled", "", "Third party", "Cancelled", ""];
    for i in 0..600 {
        // The second half brings a type of its own, and repeats one of the first's.
        let t = if i < 300 {
            types[i % 3]
        } else {
            types[3 + i % 3]
        };
        text.push_str(&format!(
            "INC{i:05},4,2021-03-01,,2021-03-{:02},{},CSP,{t}\n",
            1 + i % 28,
            if i % 4 == 0 { "no" } else { "yes" }
        ));
    }
    let bytes = text.as_bytes();
    let whole = read("f.csv", bytes);
    assert_eq!(whole.errors, vec![]);
    let (got, joined) = halves(bytes, H.len(), bytes.len() / 2, 1000).unwrap();
    assert!(joined);
    assert_eq!(got, whole);
    let counted = format!("{:?}", got.dataset.observations);
    assert!(counted.contains("Third party") && counted.contains("Cancelled"));
}

#[test]
fn a_part_that_is_not_utf8_refuses_the_file_as_one_reading_does() {
    let mut bytes = march_2021().into_bytes();
    let at = bytes.len() - 40;
    bytes[at] = 0xFF;
    let (got, joined) = halves(&bytes, H.len(), bytes.len() / 2, 1000).unwrap();
    assert!(!joined);
    assert_eq!(Some(got), streamed(&bytes, H.len(), &[bytes.len()]));
    assert_eq!(read("f.csv", &bytes).errors[0].kind, ErrorKind::Unreadable);
}

#[test]
fn a_damaged_part_is_not_decoded() {
    let text = march_2021();
    let (json, refs) = read_part("f.csv", text.into_bytes(), b',').encode();
    let part = Part::decode(&json, &refs).unwrap();
    assert_eq!(part.rows(), read("f.csv", march_2021().as_bytes()).rows);
    assert_eq!(refs.len(), 8 * 964);
    assert!(Part::decode(&json, &refs[..refs.len() - 1]).is_none());
    assert!(Part::decode(&json[..json.len() / 2], &refs).is_none());
    assert!(Part::decode("", &[]).is_none());
    // A part from another version of the app (a cached worker) is not read.
    let older = json.replacen(
        &format!("\"format\":{}", dcc_perf::io::incidents::PART_FORMAT),
        "\"format\":0",
        1,
    );
    assert_ne!(older, json);
    assert!(Part::decode(&older, &refs).is_none());
}

#[test]
fn the_error_list_is_cut_where_one_reading_cuts_it() {
    // 1,500 bad rows, spread over both halves: the list stops at MAX_ERRORS.
    let text = march_2021().replace(",yes,", ",maybe,");
    let text = format!("{text}{}", text[H.len()..].replace("INC0000", "INC1000"));
    let bytes = text.as_bytes();
    let whole = read("f.csv", bytes);
    assert_eq!(whole.errors.len(), MAX_ERRORS);
    assert!(whole.rejected as usize > MAX_ERRORS);
    assert!(
        whole.notes.iter().any(|n| n.contains("only the first")),
        "{:?}",
        whole.notes
    );
    for cut in [bytes.len() / 3, bytes.len() / 2, bytes.len() * 9 / 10] {
        let (got, joined) = halves(bytes, H.len(), cut, 4096).unwrap();
        assert!(joined, "cut at {cut}");
        assert_eq!(got, whole, "cut at {cut}");
    }
}

#[test]
fn blank_lines_before_the_header_are_counted_in_both_halves() {
    let text = format!(
        "\n\r\n\n{}",
        march_2021().replacen(",yes,", ",perhaps,", 800)
    );
    let bytes = text.as_bytes();
    let whole = read("f.csv", bytes);
    assert_eq!(whole.errors.len(), 800);
    let head = text
        .find('\n')
        .map(|_| text.find(H).unwrap() + H.len())
        .unwrap();
    let (got, joined) = halves(bytes, head, bytes.len() / 2, 1000).unwrap();
    assert!(joined);
    assert_eq!(got, whole);
    // The last error, in the part, on the line one reading gives it.
    assert_eq!(
        got.errors.last().unwrap().row,
        whole.errors.last().unwrap().row
    );
}

#[test]
fn a_byte_order_mark_is_read_in_halves_as_one_reading_reads_it() {
    // As the page reads it: the head (with room for the mark) through
    // `Reading::stream`, which drops the mark; file offsets from then on.
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(big_list(3 * HEAD_BYTES).as_bytes());
    let total = bytes.len() as u64;
    let head = HEAD_BYTES + 3;
    let mut reader = Reading::stream("f.csv", &bytes[..head], total).expect("a list streams");
    let cut = bytes.len() / 2;
    let start = cut + record_start(&bytes[cut..]).unwrap();
    reader.push(&bytes[head..start]);
    while !reader.step(1000) {}
    let part = read_part(
        "f.csv",
        [reader.header_text(), &bytes[start..]].concat(),
        reader.delimiter(),
    );
    let (json, refs) = part.encode();
    let joined = reader.join(Part::decode(&json, &refs).unwrap());
    let whole = read("f.csv", &bytes);
    assert!(whole.rows > 2_000 && whole.errors.is_empty());
    assert_eq!(joined.ok(), Some(whole));
}

/// The worker's reader, made from the file's head as the page makes its own
/// (`Reading::stream_part`), reads the rest as the page's header would.
#[test]
fn the_worker_finds_the_header_and_separator_the_page_finds() {
    for (mark, separator) in [
        (&b""[..], ","),
        (&b"\xEF\xBB\xBF"[..], ";"),
        (&b""[..], "\t"),
    ] {
        let mut bytes = mark.to_vec();
        let list = big_list(3 * HEAD_BYTES);
        let list = if separator == "," {
            list
        } else {
            list.replace(',', separator)
        };
        bytes.extend_from_slice(list.as_bytes());
        let total = bytes.len() as u64;
        let head = &bytes[..HEAD_BYTES + 3];
        let mut reader = Reading::stream("f.csv", head, total).expect("a list streams");
        // As the page and the worker do: the part starts after the first
        // line end from the middle.
        let middle = bytes.len() / 2;
        let start = middle + record_start(&bytes[middle..]).unwrap();
        reader.push(&bytes[HEAD_BYTES + 3..start]);
        while !reader.step(1000) {}
        let mut part = Reading::stream_part("f.csv", head, total, start as u64)
            .expect("the worker reads the same header");
        assert_eq!(part.header_text(), reader.header_text(), "{separator:?}");
        assert_eq!(part.delimiter(), reader.delimiter());
        for chunk in bytes[start..].chunks(70_000) {
            part.push(chunk);
            while !part.step(1000) {}
        }
        part.end();
        while !part.step(1000) {}
        let (json, refs) = part.into_part().encode();
        let whole = read("f.csv", &bytes);
        assert!(
            whole.rows > 2_000 && whole.errors.is_empty(),
            "{separator:?}"
        );
        let joined = reader.join(Part::decode(&json, &refs).unwrap());
        assert_eq!(joined.ok(), Some(whole), "{separator:?}");
    }
    // What the page would not stream, the worker does not read either.
    let report = format!("{{\"observations\": []}}{}", " ".repeat(2 * HEAD_BYTES));
    assert!(Reading::stream_part("f.json", report.as_bytes(), report.len() as u64, 10).is_none());
    let short = big_list(3 * HEAD_BYTES);
    assert!(
        Reading::stream_part("f.csv", &short.as_bytes()[..1000], short.len() as u64, 5000)
            .is_none()
    );
}
