//! Any text through the problem records readers (the table, and the
//! report's text): never a panic; the totals are the rows' sums; what the
//! table reader reads writes back to the same records.
#![no_main]
use dcc_perf::engine::reports::problems::{evaluate, Problems};
use dcc_perf::io::problems_csv;
use dcc_perf::io::report::problems;
use libfuzzer_sys::fuzz_target;

fn check(p: &Problems) {
    let s = evaluate(p);
    let related = p.rows.iter().fold(0u64, |a, r| a.saturating_add(r.related));
    assert_eq!(s.related, related);
    assert_eq!(s.listed, p.records.len());
    // One arithmetic check per row, one list check per row when listed.
    assert!(s.checks.len() >= p.rows.len());
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Some(p) = problems::read(&text) {
        check(&p);
        // What the report's text gives goes through the table and back.
        if !p.rows.is_empty() || !p.records.is_empty() {
            let again = problems_csv::read("text", &problems_csv::write(&p));
            assert_eq!(again.ok().as_ref(), Some(&p));
        }
    }
    match problems_csv::read("fuzz", &text) {
        Ok(p) => {
            check(&p);
            let again = problems_csv::read("again", &problems_csv::write(&p));
            assert_eq!(again.ok().as_ref(), Some(&p));
        }
        Err(errors) => assert!(!errors.is_empty()),
    }
});
