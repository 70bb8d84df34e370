//! Any text through the scenario file reader (`io::scenario::read`, every
//! version; seeded with scenario files): never a panic; a scenario that
//! reads clean, saved again as the app saves it (`Scenario::to_compact_json`
//! for the browser and share links, `Scenario::to_json` for a file), reads
//! back the same import.
#![no_main]
use dcc_perf::io::{scenario, Format, Scenario};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let import = scenario::read("fuzz.json", &text);
    if !import.errors.is_empty() || import.format != Some(Format::Scenario) {
        return;
    }
    let (Some(settings), Some(scheme), Some(regime)) = (
        import.settings.clone(),
        import.scheme.clone(),
        import.regime.clone(),
    ) else {
        panic!("a scenario read clean carries its settings, scheme and years");
    };
    let saved = Scenario::new(import.dataset.clone(), settings, import.month)
        .with_scheme(scheme, import.baseline.clone().map(|b| *b))
        .with_regime(regime, import.saved.clone());
    // One of the two forms per input: both cost a write and a read.
    let json = if data.len() % 2 == 0 {
        saved.to_compact_json()
    } else {
        saved.to_json()
    };
    let again = scenario::read("fuzz.json", &json);
    assert_eq!(again, import, "written:\n{json}");
});
