//! The other reports' figures kept in this browser's local storage, under
//! their own key: the service levels' saved work never holds them, so
//! neither can overwrite the other. Saved text that cannot be read is put
//! aside under a second key before anything is written over it.

use crate::engine::reports::ReportFigures;

pub const KEY: &str = "dcc-perf-reports-v1";
const UNREADABLE_KEY: &str = "dcc-perf-reports-unreadable";

/// The saved figures, or the sample when nothing is saved; with a notice
/// when saved text could not be read (it is kept aside, not lost).
pub fn load() -> (ReportFigures, Option<String>) {
    let Some(raw) = crate::ui::storage::local() else {
        return (crate::io::reports_sample(), None);
    };
    let Some(text) = raw.get_item(KEY).ok().flatten() else {
        return (crate::io::reports_sample(), None);
    };
    match serde_json::from_str::<ReportFigures>(&text) {
        Ok(mut f) => {
            // Kept sorted, as merging expects.
            f.variance.sort_by_key(|m| (m.report, m.period));
            f.rdp.sort_by_key(|m| m.period);
            f.aged.sort_by_key(|t| (t.report, t.assigned));
            (f, None)
        }
        Err(e) => {
            // Moved aside only once copied: if the browser refuses the
            // copy (full), the text stays where it is, and the user is told.
            let kept = raw.set_item(UNREADABLE_KEY, &text).is_ok();
            if kept {
                let _ = raw.remove_item(KEY);
            }
            let notice = format!(
                "The other reports saved in this browser could not be read ({e}); the sample is shown. {}",
                match kept {
                    true => format!("The saved text is kept under \u{201c}{UNREADABLE_KEY}\u{201d}."),
                    false => format!("The browser would not keep the saved text aside: it stays under \u{201c}{KEY}\u{201d} until you next load a report's figures, so copy it from there now if you need it."),
                }
            );
            (crate::io::reports_sample(), Some(notice))
        }
    }
}

/// Saves the figures; says why not when the browser refuses (full, or
/// storage turned off).
pub fn save(f: &ReportFigures) -> Result<(), String> {
    let text = serde_json::to_string(f).map_err(|e| e.to_string())?;
    let store = crate::ui::storage::local().ok_or(
        "This browser does not let the page store anything; export the figures to keep them.",
    )?;
    store.set_item(KEY, &text).map_err(|_| {
        "These figures could not be saved in this browser (its storage is full or turned off); export them to keep them.".to_string()
    })
}

/// Keeps what the figures get wrong, month by month, for the month view
/// ([`super::FINDINGS_KEY`]). Best effort: the figures themselves are
/// saved apart, and the findings are worked out again whenever this view
/// opens.
pub fn keep_findings(f: &ReportFigures) {
    let text: String = (crate::engine::reports::findings(f).iter())
        .map(|(m, t)| format!("{m}\t{}\n", t.replace(['\n', '\t'], " ")))
        .collect();
    if let Some(l) = crate::ui::storage::local() {
        let _ = l.set_item(super::FINDINGS_KEY, &text);
    }
}
