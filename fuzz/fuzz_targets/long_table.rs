//! Any text through the long table reader (`io::long_csv`), its separator
//! sniffed as `io::read` sniffs it: never a panic; what reads clean, written
//! back as the app exports it (`io::write::dataset_csv`), reads back the
//! same dataset.
#![no_main]
use dcc_perf::io::{long_csv, sniff_delimiter, write};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let import = long_csv::read("fuzz.csv", &text, sniff_delimiter(&text));
    if import.errors.is_empty() {
        let csv = write::dataset_csv(&import.dataset);
        let again = long_csv::read("fuzz.csv", &csv, b',');
        assert_eq!(again.errors, vec![], "the export of a clean read:\n{csv}");
        assert_eq!(again.dataset, import.dataset, "the export:\n{csv}");
    }
});
