//! Any text through the aged incident readers (the table, and the report's
//! text), every table worked out against every other: never a panic; the
//! total is the categories' sum; ages only shrink as the band grows; what
//! the table reader reads writes back to the same tables.
#![no_main]
use dcc_perf::engine::reports::aged::{evaluate, AgedTable};
use dcc_perf::io::aged_csv;
use dcc_perf::io::report::aged;
use libfuzzer_sys::fuzz_target;

fn check(tables: &[AgedTable]) {
    for t in tables {
        for p in tables {
            let s = evaluate(t, Some(p));
            let sum = s.by_category.iter().fold(0u64, |a, c| a.saturating_add(*c));
            assert_eq!(s.total, sum);
            for b in &s.bands {
                assert!(b.low <= b.high);
            }
            for w in s.bands.windows(2) {
                assert!(w[1].low <= w[0].low && w[1].high <= w[0].high);
            }
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    // What the report's text gives goes through the table and back.
    let from_text = aged::read(&text);
    check(&from_text);
    if !from_text.is_empty() {
        let again = aged_csv::read("text", &aged_csv::write(&from_text));
        assert_eq!(again.ok().as_ref(), Some(&from_text));
    }
    match aged_csv::read("fuzz", &text) {
        Ok(tables) => {
            check(&tables);
            let again = aged_csv::read("again", &aged_csv::write(&tables));
            assert_eq!(again.ok().as_ref(), Some(&tables));
        }
        Err(errors) => assert!(!errors.is_empty()),
    }
});
