//! Any text through the forecast variance table reader, and whatever it
//! reads worked out under each report's rule: never a panic; what reads
//! writes back to the same months.
#![no_main]
use dcc_perf::engine::reports::variance::evaluate;
use dcc_perf::io::variance_csv;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    match variance_csv::read("fuzz", &text) {
        Ok(months) => {
            for m in &months {
                let v = evaluate(m, m.report.thresholds());
                // A zero forecast is never divided by, and only a party
                // with a percentage can be an exception.
                for p in &v.parties {
                    assert_eq!(p.percent.is_none(), p.forecast == 0);
                    assert!(p.exception.is_none() || p.percent.is_some());
                }
                if !m.parties.is_empty() {
                    let sum = m
                        .parties
                        .iter()
                        .fold(0u64, |a, p| a.saturating_add(p.actual));
                    assert_eq!(v.actual, sum);
                }
            }
            let again = variance_csv::read("again", &variance_csv::write(&months));
            assert_eq!(again.ok().as_ref(), Some(&months));
        }
        Err(errors) => assert!(!errors.is_empty()),
    }
});
