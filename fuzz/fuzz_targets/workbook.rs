//! Workbook bytes (.xlsx / .ods through calamine), then each sheet through
//! the spreadsheet reader: never a panic, whatever the bytes.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(grids) = dcc_perf::io::workbook::sheets("fuzz.xlsx", data) {
        for g in grids.iter().take(4) {
            let _ = dcc_perf::io::workbook::read_sheet("fuzz.xlsx", g, &Default::default());
        }
    }
});
