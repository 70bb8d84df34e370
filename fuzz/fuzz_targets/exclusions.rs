//! Any text through the exclusion list readers (the table, and the
//! report's text), every list worked out: never a panic; a list's excluded
//! count is its stated total or its reasons' sum; what the table reader
//! reads writes back to the same lists.
#![no_main]
use dcc_perf::engine::reports::exclusions::{evaluate, ExclusionList, SumKind};
use dcc_perf::io::exclusions_csv;
use dcc_perf::io::report::exclusions;
use libfuzzer_sys::fuzz_target;

fn check(lists: &[ExclusionList]) {
    for l in lists {
        let c = evaluate(l);
        assert_eq!(c.title, l.title);
        if l.stated_total.is_none() {
            assert!(c.sums.iter().all(|s| s.kind == SumKind::Subtotal));
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    // What the report's text gives goes through the table and back.
    let from_text = exclusions::read(&text);
    check(&from_text);
    let again = exclusions_csv::read("text", &exclusions_csv::write(&from_text));
    if !from_text.is_empty() {
        assert_eq!(again.ok().as_ref(), Some(&from_text));
    }
    match exclusions_csv::read("fuzz", &text) {
        Ok(lists) => {
            check(&lists);
            let again = exclusions_csv::read("again", &exclusions_csv::write(&lists));
            assert_eq!(again.ok().as_ref(), Some(&lists));
        }
        Err(errors) => assert!(!errors.is_empty()),
    }
});
