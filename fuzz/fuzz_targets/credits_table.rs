//! Any text through the reported credits reader (`io::credits_csv`), its
//! separator sniffed as `io::read` sniffs it: never a panic; what reads
//! clean, written back as the app exports it (`io::write::credits_csv`),
//! reads back the same credits.
#![no_main]
use dcc_perf::io::{credits_csv, write};
use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| common::round_trip(
    data,
    credits_csv::read,
    write::credits_csv,
    credits_csv::read
));
