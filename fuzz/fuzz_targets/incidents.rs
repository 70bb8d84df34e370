//! Any bytes through the incident list reader (`io::incidents`), as the app
//! reads a list: whole (`IncidentReader::new`, as `io::read` does for UTF-8
//! text whose header names an incident list), as it arrives in parts
//! (`IncidentReader::streaming` and `push`), and in two halves joined
//! (`read_part`, `Part::encode`/`decode`, `IncidentReader::join`, as the
//! page and the import worker read a big list). Never a panic, and every
//! way of reading gives the import of the whole read (the property of
//! tests/it/incidents_stream.rs and incidents_split.rs, on any input).
//! Where the head, the parts and the halves' meeting place fall is taken
//! from a hash of the input.
#![no_main]
use dcc_perf::io::incidents::IncidentReader;
use dcc_perf::io::{sniff_delimiter, Import};
use libfuzzer_sys::fuzz_target;

// The ways the page reads a list, as the tests read it.
#[path = "../../tests/it/reading_ways.rs"]
mod reading_ways;
use reading_ways::{halves, streamed};

const FILE: &str = "f.csv";

fn whole(bytes: &[u8], delimiter: u8) -> Import {
    if std::str::from_utf8(bytes).is_err() {
        // `io::read` refuses such a file before any reader sees it.
        return dcc_perf::io::read(FILE, bytes);
    }
    match IncidentReader::new(FILE, bytes.to_vec(), delimiter) {
        Ok(mut r) => {
            while !r.step(usize::MAX) {}
            r.finish()
        }
        Err(import) => import,
    }
}

fuzz_target!(|data: &[u8]| {
    let bytes = data.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(data);
    // The separator as `io::read` sniffs it, from the first line.
    let first = bytes.split(|&b| b == b'\n').next().unwrap_or_default();
    let delimiter = sniff_delimiter(&String::from_utf8_lossy(first));
    let whole = whole(bytes, delimiter);
    assert!(whole.rejected <= whole.rows);

    let hash = bytes.iter().fold(0x9E37_79B9u64, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01B3)
    });
    // Just past the first line end (`\n`, `\r\n` or `\r`).
    let header_end = match bytes.iter().position(|&b| b == b'\n' || b == b'\r') {
        Some(n) if bytes[n..].starts_with(b"\r\n") => n + 2,
        Some(n) => n + 1,
        None => bytes.len(),
    };
    let len = bytes.len();
    let head = [header_end, header_end + 1, header_end + 17, len / 2, len][(hash % 5) as usize];
    let part = [1usize, 2, 3, 7, 64, 4096][((hash >> 8) % 6) as usize];
    if let Some(got) = streamed(bytes, delimiter, head, &[part]) {
        assert_eq!(got, whole, "streamed: head {head}, parts of {part}");
    }
    let cut = header_end + ((hash >> 16) as usize) % (len.saturating_sub(header_end) + 1);
    let chunk = [1usize, 7, 97, 4096][((hash >> 40) % 4) as usize];
    if let Some((got, _)) = halves(bytes, delimiter, header_end, cut, chunk) {
        assert_eq!(got, whole, "halves: cut {cut}, worker parts of {chunk}");
    }
});
