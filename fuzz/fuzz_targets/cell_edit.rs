//! Any text typed into a figure's cell (`io::edit::parse_input`), for a
//! measure of the catalogue chosen by the first byte: never a panic; what
//! reads, shown in the box again (`io::edit::input_text`), reads back the
//! same (the property of src/io/edit.rs's test, on any text).
#![no_main]
use dcc_perf::engine::Catalogue;
use dcc_perf::io::edit::{input_text, parse_input};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let measures = Catalogue::builtin().measures();
    let Some(def) = measures.get(usize::from(pick) % measures.len().max(1)) else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    if let Ok(input) = parse_input(def, &text, None) {
        let shown = input_text(&input);
        assert_eq!(
            parse_input(def, &shown, None),
            Ok(input),
            "shown as {shown:?}"
        );
    }
});
