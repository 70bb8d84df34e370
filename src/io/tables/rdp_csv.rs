//! RDP incident counts as a table, one row per month (see README "RDP
//! incidents"):
//!
//! ```text
//! period,open_at_start,opened,resolved,reassigned,open_at_end,note
//! 2021-08,,8,12,,4,
//! ```
//!
//! - `period`: the month (`2021-08`, `Aug 2021`);
//! - `opened`, `resolved`, `open_at_end`: whole numbers, zero or more, or
//!   empty where the report does not say;
//! - `open_at_start`: the same, optional: without it a month starts with
//!   the month before's end, or with what its own figures imply;
//! - `reassigned`: incidents taken off the list other than by resolution
//!   (reassigned, or closed as not an RDP incident), optional; a `note`
//!   says which.
//!
//! Columns may come in any order; other columns are not read. A month
//! that takes off more than it had open is refused, as is one with no
//! counts at all. Nothing is used unless the whole file is good.

use crate::engine::reports::rdp::RdpMonth;
use crate::io::error::{ErrorKind, ImportError};
use crate::io::tables::rows;
use std::collections::BTreeMap;

/// The columns, in the order [`write`] writes them.
pub const COLUMNS: [&str; 7] = [
    "period",
    "open_at_start",
    "opened",
    "resolved",
    "reassigned",
    "open_at_end",
    "note",
];
const REQUIRED: [&str; 4] = ["period", "opened", "resolved", "open_at_end"];
const COUNT: &str = "a whole number of incidents, zero or more, or empty";

/// The shipped sample: July 2019 and August 2021 as the Panel's papers
/// give them.
pub const SAMPLE: &str = include_str!("../../../data/rdp.csv");

/// The sample's months.
pub fn sample() -> Vec<RdpMonth> {
    read("data/rdp.csv", SAMPLE).unwrap_or_default()
}

/// Reads the RDP table `text` of `file`: every month, or every problem.
pub fn read(file: &str, text: &str) -> Result<Vec<RdpMonth>, Vec<ImportError>> {
    let mut months: BTreeMap<crate::engine::Month, RdpMonth> = BTreeMap::new();
    rows::read(file, text, &COLUMNS, &REQUIRED, |row| {
        let period = row.month("period");
        let mut counts = [None; 5];
        for (i, c) in COLUMNS[1..6].iter().enumerate() {
            counts[i] = row.optional_count(c, COUNT);
        }
        let [Some(start), Some(opened), Some(resolved), Some(reassigned), Some(end)] = counts
        else {
            return;
        };
        let note = row.get("note").to_string();
        if [start, opened, resolved, reassigned, end]
            .iter()
            .all(Option::is_none)
        {
            let expected = "at least one count: opened, resolved or open_at_end";
            row.bad("opened", ErrorKind::BadValue, expected);
            return;
        }
        if reassigned.is_some_and(|r| r > 0) && note.is_empty() {
            let expected = "a note saying which incidents were reassigned or closed, and why";
            row.bad("note", ErrorKind::BadValue, expected);
        }
        // More taken off than there were: no figure could make it balance.
        if let (Some(s), Some(o), Some(r)) = (start, opened, resolved) {
            let had = s.saturating_add(o);
            if r.saturating_add(reassigned.unwrap_or(0)) > had {
                let expected = format!(
                    "at most open_at_start plus opened ({had}), less any reassigned: no more can be resolved than were open"
                );
                row.bad("resolved", ErrorKind::Inconsistent, &expected);
                return;
            }
        }
        let Some(period) = period else { return };
        if months.contains_key(&period) {
            let expected = format!("one row for {}: this one repeats it", period.long_name());
            row.bad("period", ErrorKind::Duplicate, &expected);
            return;
        }
        let month = RdpMonth {
            period,
            open_at_start: start,
            opened,
            resolved,
            reassigned,
            open_at_end: end,
            note: (!note.is_empty()).then_some(note),
        };
        months.insert(period, month);
    })?;
    Ok(months.into_values().collect())
}

/// The months as a table [`read`] reads back.
pub fn write(months: &[RdpMonth]) -> String {
    let row = |m: &RdpMonth| {
        vec![
            m.period.to_string(),
            rows::cell(m.open_at_start),
            rows::cell(m.opened),
            rows::cell(m.resolved),
            rows::cell(m.reassigned),
            rows::cell(m.open_at_end),
            m.note.clone().unwrap_or_default(),
        ]
    };
    rows::write(&COLUMNS, months.iter().map(row))
}
