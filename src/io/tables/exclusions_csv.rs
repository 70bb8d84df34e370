//! Exclusion and exception lists as a table (see README "Exclusions and
//! exceptions"), one row per reason, and a `Total` row for each total the
//! report states:
//!
//! ```text
//! list,group,reason,count
//! CSPC PM1.1,,Total,"13,662"
//! CSPC PM1.1,,There were no address details,8.016*
//! CPM4/5 (PMEL),Non DCC Resolution,Total,"1,954"
//! CPM4/5 (PMEL),Non DCC Resolution,User Request,1
//! ```
//!
//! - `list`: what the list excludes from, as the report names it;
//! - `group`: a subtotal's name, or empty;
//! - `reason`: the reason; `Total` is the stated total of the group (or of
//!   the list, with `group` empty);
//! - `count`: as printed, starting with a digit: a whole number (`1,954`),
//!   or digits grouped by full stops (`8.016`), read but flagged; a
//!   footnote's mark (`*`, `^`) may follow; anything else after the digits
//!   (`30.`) is kept and flagged as not a count;
//! - `period`: the month the events were excluded from, optional (given on
//!   any of a list's rows; one month per list).
//!
//! Rows keep their order. Nothing is used unless the whole file is good.

use crate::engine::reports::exclusions::{ExclusionList, Group, Item, Printed};
use crate::io::error::{ErrorKind, ImportError};
use crate::io::tables::rows;

/// The columns, in the order [`write`] writes them.
pub const COLUMNS: [&str; 5] = ["list", "group", "reason", "count", "period"];

/// The shipped sample: the March 2021 report's Table 11 and the hub
/// exception lists of Tables 14 to 22, as printed ("8.016" and all).
pub const SAMPLE: &str = include_str!("../../../data/exclusions-2021-03.csv");

pub fn sample() -> Vec<ExclusionList> {
    read("data/exclusions-2021-03.csv", SAMPLE).unwrap_or_default()
}

/// A row's reason naming the list's (or, in a group, the group's) stated total.
pub(crate) fn is_total(reason: &str) -> bool {
    reason.eq_ignore_ascii_case("total")
}

/// `text` read as a report's text where it holds lists, else as the table
/// of `file`.
pub fn read_any(file: &str, text: &str) -> Result<Vec<ExclusionList>, Vec<ImportError>> {
    match crate::io::report::exclusions::read(text) {
        lists if !lists.is_empty() => Ok(lists),
        _ => read(file, text),
    }
}

/// Reads the exclusions table `text` of `file`.
pub fn read(file: &str, text: &str) -> Result<Vec<ExclusionList>, Vec<ImportError>> {
    let mut out: Vec<ExclusionList> = Vec::new();
    rows::read(file, text, &COLUMNS, &COLUMNS[..1], |row| {
        let list = row.get("list").to_string();
        let (group, reason) = (row.get("group").to_string(), row.get("reason").to_string());
        if list.is_empty() {
            row.bad(
                "list",
                ErrorKind::BadValue,
                "what the list excludes from, such as CSPC PM1.1",
            );
        }
        if reason.is_empty() {
            row.bad(
                "reason",
                ErrorKind::BadValue,
                "a reason, or Total for a stated total",
            );
        }
        // Kept as printed: anything that starts as a count does (the
        // engine flags what is not a whole number, as "8.016" or "30.").
        let count = Printed(row.get("count").to_string());
        if !count.0.starts_with(|c: char| c.is_ascii_digit()) {
            let expected = "a count as printed, starting with a digit: a whole number such as 1,954 (8.016 is taken but flagged)";
            row.bad("count", ErrorKind::BadCount, expected);
            return;
        }
        let period = match row.get("period") {
            "" => Some(None),
            _ => row.month("period").map(Some),
        };
        let (Some(period), false, false) = (period, list.is_empty(), reason.is_empty()) else {
            return;
        };
        let at = match out.iter().position(|l| l.title == list) {
            Some(i) => i,
            None => {
                out.push(ExclusionList {
                    title: list.clone(),
                    ..ExclusionList::default()
                });
                out.len() - 1
            }
        };
        let l = &mut out[at];
        match (l.period, period) {
            (Some(a), Some(b)) if a != b => {
                let expected = format!("{}, the month given for this list already", a);
                row.bad("period", ErrorKind::Inconsistent, &expected);
                return;
            }
            (None, Some(_)) => l.period = period,
            _ => {}
        }
        if is_total(&reason) && group.is_empty() {
            if l.stated_total.is_some() {
                row.bad(
                    "reason",
                    ErrorKind::Duplicate,
                    "one Total row for the list: this one repeats it",
                );
                return;
            }
            l.stated_total = Some(count);
            return;
        }
        let g = match l.groups.iter().position(|g| g.name == group) {
            Some(i) => &mut l.groups[i],
            None => {
                l.groups.push(Group {
                    name: group.clone(),
                    ..Group::default()
                });
                let n = l.groups.len() - 1;
                &mut l.groups[n]
            }
        };
        if is_total(&reason) {
            if g.stated.is_some() {
                row.bad(
                    "reason",
                    ErrorKind::Duplicate,
                    "one Total row for the group: this one repeats it",
                );
                return;
            }
            g.stated = Some(count);
        } else {
            g.items.push(Item { reason, count });
        }
    })?;
    Ok(out)
}

/// The lists as a table [`read`] reads back.
pub fn write(lists: &[ExclusionList]) -> String {
    let mut out: Vec<Vec<String>> = Vec::new();
    for l in lists {
        let period = rows::cell(l.period);
        let mut row = |group: &str, reason: &str, count: &Printed| {
            out.push(vec![
                l.title.clone(),
                group.into(),
                reason.into(),
                count.0.clone(),
                period.clone(),
            ]);
        };
        if let Some(t) = &l.stated_total {
            row("", "Total", t);
        }
        for g in &l.groups {
            if let Some(s) = &g.stated {
                row(&g.name, "Total", s);
            }
            for i in &g.items {
                row(&g.name, &i.reason, &i.count);
            }
        }
    }
    rows::write(&COLUMNS, out)
}
