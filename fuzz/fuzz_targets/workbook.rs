//! Workbook bytes (.xlsx / .ods through calamine), then each sheet through
//! the spreadsheet reader: never a panic, whatever the bytes.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // `workbook::sheets` catches a panic inside calamine and reports the
    // file as damaged (calamine 0.38 overflows on a cell reference of seven
    // or more letters where overflow checks are on: tafia/calamine#709).
    // libFuzzer's panic hook would abort before that catch, so it is
    // silenced; a panic anywhere else still unwinds to fuzz_target!, which
    // reports it as a crash.
    static QUIET: std::sync::Once = std::sync::Once::new();
    QUIET.call_once(|| std::panic::set_hook(Box::new(|_| {})));
    if let Ok(grids) = dcc_perf::io::workbook::sheets("fuzz.xlsx", data) {
        for g in grids.iter().take(4) {
            let _ = dcc_perf::io::workbook::read_sheet("fuzz.xlsx", g, &Default::default());
        }
    }
});
