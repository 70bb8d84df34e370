//! Any text through the wide table reader (`io::wide_csv`), its separator
//! sniffed as `io::read` sniffs it: never a panic; what reads clean,
//! exported as a long table (`io::write::dataset_csv`), reads back the same
//! dataset through the long reader.
#![no_main]
use dcc_perf::io::{long_csv, wide_csv, write};
use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| common::round_trip(
    data,
    wide_csv::read,
    write::dataset_csv,
    long_csv::read
));
