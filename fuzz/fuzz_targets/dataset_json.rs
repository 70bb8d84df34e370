//! Any text through the app's JSON reader (`io::scenario::read`, which
//! reads the bare dataset `{"observations": [...]}` as well as scenario
//! files; seeded with datasets): never a panic; a dataset that reads clean,
//! written back as JSON, reads back the same.
#![no_main]
use dcc_perf::io::{scenario, Format};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let import = scenario::read("fuzz.json", &text);
    if import.errors.is_empty() && import.format == Some(Format::DatasetJson) {
        let json = serde_json::to_string(&import.dataset).expect("a dataset writes as JSON");
        let again = scenario::read("fuzz.json", &json);
        assert_eq!(again, import, "written:\n{json}");
    }
});
