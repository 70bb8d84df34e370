//! Any text through the long table reader (`io::long_csv`), its separator
//! sniffed as `io::read` sniffs it: never a panic; what reads clean, written
//! back as the app exports it (`io::write::dataset_csv`), reads back the
//! same dataset.
#![no_main]
use dcc_perf::io::{long_csv, write};
use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| common::round_trip(
    data,
    long_csv::read,
    write::dataset_csv,
    long_csv::read
));
