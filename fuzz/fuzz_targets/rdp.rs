//! Any text through the RDP incident table reader, and whatever it reads
//! worked out: never a panic; a month's figures as read are kept; what
//! reads writes back to the same months.
#![no_main]
use dcc_perf::engine::reports::rdp::evaluate;
use dcc_perf::io::rdp_csv;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    match rdp_csv::read("fuzz", &text) {
        Ok(months) => {
            let out = evaluate(&months);
            assert_eq!(out.len(), months.len());
            for (b, m) in out.iter().zip(&months) {
                // The reader sorts by month, and evaluation keeps the order.
                assert_eq!(b.period, m.period);
                assert_eq!((b.opened, b.resolved), (m.opened, m.resolved));
                if m.open_at_end.is_some() {
                    assert_eq!(b.end, m.open_at_end);
                }
            }
            let again = rdp_csv::read("again", &rdp_csv::write(&months));
            assert_eq!(again.ok().as_ref(), Some(&months));
        }
        Err(errors) => assert!(!errors.is_empty()),
    }
});
