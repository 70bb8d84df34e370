//! The PMR text reader on any text: never a panic, and every figure it
//! takes has a line inside the text.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let import = dcc_perf::io::report::read("fuzz.txt", &text);
    let lines = text.lines().count() as u64;
    for f in &import.figures {
        assert!(
            f.line >= 1 && f.line <= lines,
            "figure at line {} of {lines}",
            f.line
        );
    }
});
