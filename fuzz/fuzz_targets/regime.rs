//! Any text through the OPR years reader (`io::regime::read`): never a
//! panic; a refusal says why; what reads, written back
//! (`io::regime::to_json`), reads back the same years.
#![no_main]
use dcc_perf::io::regime;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    match regime::read("fuzz.json", &text) {
        Ok(r) => {
            let json = regime::to_json(&r);
            assert_eq!(regime::read("fuzz.json", &json), Ok(r), "written:\n{json}");
        }
        Err(errors) => assert!(!errors.is_empty()),
    }
});
