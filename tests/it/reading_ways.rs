//! The ways the page reads an incident list, written once for the tests
//! (`incidents_stream.rs`, `incidents_split.rs`) and the incidents fuzz
//! target (`fuzz/fuzz_targets/incidents.rs`, which includes this file): as
//! it arrives in parts, and in two halves, the page's and the import
//! worker's, joined. Only `dcc_perf` is used here, so both can.

use dcc_perf::io::incidents::{read_part, record_start, IncidentReader, Part};
use dcc_perf::io::Import;

/// The name the readers are given.
const FILE: &str = "f.csv";

/// Reads `text` as it would arrive: `head` bytes first, then parts of the
/// sizes in `parts` (cycled), reading a few rows between parts; `None`
/// when its head is not an incident list's to stream.
pub fn streamed(text: &[u8], delimiter: u8, head: usize, parts: &[usize]) -> Option<Import> {
    let head = head.min(text.len());
    let total = text.len() as u64;
    let mut reader = IncidentReader::streaming(FILE, text[..head].to_vec(), total, delimiter)?;
    let mut at = head;
    let mut i = 0;
    while at < text.len() {
        while !reader.step(3) {}
        let n = parts[i % parts.len().max(1)].max(1);
        let to = (at + n).min(text.len());
        reader.push(&text[at..to]);
        let (done, all) = reader.progress();
        assert!(done <= at as u64 && all == total, "{done} of {all} at {at}");
        at = to;
        i += 1;
    }
    reader.end();
    while !reader.step(3) {}
    Some(reader.finish())
}

/// Reads `text` as the page does with a worker: the first `head` bytes and
/// then up to the record start after `cut` here; the rest as a part read
/// as it arrives in parts of `chunk` bytes (and sent through its encoding),
/// joined if it can be, else read on here. Returns the import and whether
/// the part was joined.
pub fn halves(
    text: &[u8],
    delimiter: u8,
    head: usize,
    cut: usize,
    chunk: usize,
) -> Option<(Import, bool)> {
    let head = head.min(text.len());
    let total = text.len() as u64;
    let mut reader = IncidentReader::streaming(FILE, text[..head].to_vec(), total, delimiter)?;
    let start = cut.max(head);
    let start = match text.get(start..).and_then(record_start) {
        Some(n) => start + n,
        None => text.len(),
    };
    reader.push(&text[head..start]);
    while !reader.step(5) {}
    // The part as the worker reads it: as it arrives, in parts of `chunk`.
    let header = reader.header_text().to_vec();
    let (json, refs) = match IncidentReader::streaming(FILE, header.clone(), total, delimiter) {
        Some(mut part) => {
            for bytes in text[start..].chunks(chunk.max(1)) {
                part.push(bytes);
                while !part.step(5) {}
            }
            part.end();
            while !part.step(5) {}
            part.into_part().encode()
        }
        // A header the worker cannot stream (it ends in `\r`): read whole.
        None => read_part(FILE, [header, text[start..].to_vec()].concat(), delimiter).encode(),
    };
    let part = Part::decode(&json, &refs).expect("a part decodes as encoded");
    match reader.join(part) {
        Ok(import) => Some((import, true)),
        Err(mut reader) => {
            reader.push(&text[start..]);
            reader.end();
            while !reader.step(5) {}
            Some((reader.finish(), false))
        }
    }
}
