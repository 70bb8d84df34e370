//! What the table readers' targets share.

use dcc_perf::engine::Dataset;
use dcc_perf::io::{sniff_delimiter, Import};

/// A reader of a table: file name, text, separator.
pub type Reader = fn(&str, &str, u8) -> Import;

/// Any bytes as text through `read`, its separator sniffed as `io::read`
/// sniffs it: never a panic; what reads clean, written as the app exports
/// it (`write`), reads back through `again` as the same dataset.
pub fn round_trip(data: &[u8], read: Reader, write: fn(&Dataset) -> String, again: Reader) {
    let text = String::from_utf8_lossy(data);
    let import = read("fuzz.csv", &text, sniff_delimiter(&text));
    if import.errors.is_empty() {
        let csv = write(&import.dataset);
        let back = again("fuzz.csv", &csv, b',');
        assert_eq!(back.errors, vec![], "the export of a clean read:\n{csv}");
        assert_eq!(back.dataset, import.dataset, "the export:\n{csv}");
    }
}
