//! Anything pasted or dropped, through format detection to whichever
//! reader takes it (tables, spreadsheets, report text, JSON, incidents):
//! never a panic, and a clean import never carries errors.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let import = dcc_perf::io::read("fuzz.csv", data);
    if import.is_clean() {
        assert!(import.errors.is_empty());
    }
});
