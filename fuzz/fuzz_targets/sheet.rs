//! Any text through the spreadsheet reader (`io::sheet::read_text`: a grid
//! of cells from a pasted block, its header found, its columns named as
//! people name them), then read again with the questions it asked about
//! providers and fractions answered, as the app does: never a panic; a
//! clean import carries no errors and no questions.
#![no_main]
use dcc_perf::io::sheet::{read_text, Choices, Fractions, Question};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let import = read_text("fuzz.csv", &text, &Choices::default());
    if import.is_clean() {
        assert!(import.errors.is_empty());
    }
    let Some(sheet) = &import.sheet else {
        panic!("the sheet reader says what it made of the sheet");
    };
    let mut choices = Choices::default();
    for q in &sheet.questions {
        match q {
            Question::Provider {
                text, choices: may, ..
            } => {
                if let Some(p) = may.get(data.len() % may.len().max(1)) {
                    choices.providers.insert(text.clone(), *p);
                }
            }
            Question::Fractions { .. } => {
                choices.fractions = Some(if data.len() % 2 == 0 {
                    Fractions::Percent
                } else {
                    Fractions::AsPrinted
                });
            }
            Question::Columns { .. } => {}
        }
    }
    if !choices.is_empty() {
        let again = read_text("fuzz.csv", &text, &choices);
        if again.is_clean() {
            assert!(again.errors.is_empty());
        }
    }
});
