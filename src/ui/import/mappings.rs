//! Answers to a spreadsheet's questions, kept in the browser per sheet
//! shape (its header's names), so next month's sheet laid out the same way
//! is read as the user said the first time.

use crate::io::sheet::Choices;
use crate::io::Import;

const KEY: &str = "dcc-perf/mappings";

/// How many shapes are kept: enough for anyone's sheets; old ones go first.
const KEPT: usize = 50;

fn all() -> Vec<(String, Choices)> {
    // Unreadable or older entries are dropped, never an error: they are
    // only a convenience.
    crate::ui::storage::local()
        .and_then(|l| l.get_item(KEY).ok().flatten())
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default()
}

/// The answers kept for sheets of this shape.
pub fn recall(shape: &str) -> Option<Choices> {
    all().into_iter().find(|(s, _)| s == shape).map(|(_, c)| c)
}

/// Keeps `choices` for `shape` (newest last), or forgets the shape when
/// they are empty.
pub fn remember(shape: &str, choices: &Choices) {
    let mut kept: Vec<(String, Choices)> = all().into_iter().filter(|(s, _)| s != shape).collect();
    if !choices.is_empty() {
        kept.push((shape.to_string(), choices.clone()));
    }
    let surplus = kept.len().saturating_sub(KEPT);
    kept.drain(..surplus);
    if let (Some(l), Ok(text)) = (crate::ui::storage::local(), serde_json::to_string(&kept)) {
        let _ = l.set_item(KEY, &text);
    }
}

/// Reads pasted text, with the answers kept for its shape where it has
/// questions they settle. Returns the import and the answers used.
pub fn read_remembering(file: &str, bytes: &[u8]) -> (Import, Choices) {
    with_remembered(crate::io::read(file, bytes), |c| {
        crate::io::read_with(file, bytes, c)
    })
}

/// `first` read again by `again` with the answers kept for its shape, if
/// it asked questions and answers for that shape are kept: a paste, an
/// uploaded text or a workbook's sheet laid out as one answered before.
pub fn with_remembered(first: Import, again: impl FnOnce(&Choices) -> Import) -> (Import, Choices) {
    let asked = first.sheet.as_ref().filter(|s| !s.questions.is_empty());
    let Some(kept) = asked.and_then(|s| recall(&s.shape)) else {
        return (first, Choices::default());
    };
    let mut again = again(&kept);
    again.notes.insert(
        0,
        "Read with the answers you gave before for sheets laid out like this one (Forget them, below, to be asked again).".into(),
    );
    (again, kept)
}
