//! Exclusion and exception lists from the report's text as pasted: the
//! Performance Measure Exclusion List for CPM4/5 (Table 11 in March
//! 2021's) and the communications hub exception lists (Tables 14 to 22).
//!
//! Found by their words, not their numbers or positions:
//! - an exception list starts at its total (`13,662 CH excluded for March
//!   2021 due to…`, or `22,152 x CH excluded…`), is named by the caption
//!   just before (`Table 16 - CSPC PM1.1 Exclusions`), and lists its reasons
//!   as bullets (`• Installed outside of region – 142`), which may be
//!   interrupted by footnotes and page furniture, until the next section
//!   heading, caption or list;
//! - the PMEL is the lines under `Exception Type Total Incidents` (or
//!   `Exclusion Type …`) before its caption, each a reason and a count, a
//!   `… Total N` line closing a group and `Grand Total N` the list.
//!
//! Counts are kept as printed: the engine reads them and flags the odd one.

use crate::engine::reports::exclusions::{ExclusionList, Group, Item, Printed};

/// Every list the text holds, in the order it gives them.
pub fn read(text: &str) -> Vec<ExclusionList> {
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let mut out: Vec<(usize, ExclusionList)> = Vec::new();
    if let Some((at, mut l)) = pmel(&lines) {
        l.period = super::report_month(&lines);
        out.push((at, l));
    }
    for (i, l) in lines.iter().enumerate() {
        if let Some(total) = excluded_total(l) {
            out.push((i, exception_list(&lines, i, total)));
        }
    }
    out.sort_by_key(|x| x.0);
    // Titles stay distinct, as the table format keys lists by them.
    let mut lists: Vec<ExclusionList> = Vec::with_capacity(out.len());
    for (_, mut l) in out {
        let base = l.title.clone();
        let mut n = 1;
        while lists.iter().any(|x| x.title == l.title) {
            n += 1;
            l.title = format!("{base} ({n})");
        }
        lists.push(l);
    }
    lists
}

/// `13,662 CH excluded for …` or `22,152 x CH excluded …`: the total.
fn excluded_total(line: &str) -> Option<&str> {
    let (count, rest) = line.split_once(' ')?;
    let rest = rest.trim_start();
    let rest = rest.strip_prefix("x ").unwrap_or(rest).trim_start();
    // Trimmed as a table's cell is (any white space), so the list reads
    // back the same from its table.
    let count = count.trim();
    (rest.starts_with("CH excluded") && count.starts_with(|c: char| c.is_ascii_digit()))
        .then_some(count)
}

/// `Table 16 - CSPC PM1.1 Exclusions` → `CSPC PM1.1`.
fn caption_title(line: &str) -> Option<String> {
    let rest = line.strip_prefix("Table ")?;
    let (_, title) = rest.split_once(['-', '–'])?;
    let title = title.trim();
    let title = title
        .strip_suffix("Exclusions")
        .or_else(|| title.strip_suffix("Exclusions Detail"))
        .unwrap_or(title);
    let title = title.trim();
    (!title.is_empty()).then(|| title.to_string())
}

/// A line that ends a list: a numbered heading (`6.2.1.2 PM11 …`), a
/// caption, another list's total, or the estate's exceptions.
fn ends_list(line: &str) -> bool {
    let numbered = line.split_once(' ').is_some_and(|(n, _)| {
        n.contains('.')
            && n.split('.')
                .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    });
    numbered
        || line.starts_with("Table ")
        || excluded_total(line).is_some()
        || line.starts_with("Total Estate Exceptions")
        || line.starts_with("In Period Exceptions")
}

/// `Reason words – 1,415` (an en dash or a spaced hyphen): reason and count.
fn reason_count(line: &str) -> Option<(String, String)> {
    // The later of the two dashes: a reason may hold either.
    let dashes = [
        line.rfind(" – ").map(|i| (i, " – ".len())),
        line.rfind(" - ").map(|i| (i, 3)),
    ];
    let cut = dashes.into_iter().flatten().max_by_key(|d| d.0)?;
    let (reason, count) = (line[..cut.0].trim(), line[cut.0 + cut.1..].trim());
    // A count with no words before it gives no reason (the fuzz target
    // found `•` then `- 1`): not an item, as a reason is what a list lists.
    (!reason.is_empty() && count.starts_with(|c: char| c.is_ascii_digit()) && !count.contains(' '))
        .then(|| (reason.to_string(), count.to_string()))
}

fn exception_list(lines: &[&str], at: usize, total: &str) -> ExclusionList {
    // The caption before the list, looking back no further than the
    // previous list or heading.
    let title = (0..at)
        .rev()
        .take_while(|&i| excluded_total(lines[i]).is_none() && !lines[i].starts_with('•'))
        .find_map(|i| caption_title(lines[i]))
        .unwrap_or_else(|| format!("Exception list at line {}", at + 1));
    let mut items = Vec::new();
    let mut i = at + 1;
    while i < lines.len() && !ends_list(lines[i]) {
        if let Some(bullet) = lines[i].strip_prefix('•') {
            let mut text = bullet.trim().to_string();
            // A bullet whose count wrapped onto the next line.
            // (Not onto a blank line, another bullet, or what ends the list.)
            let next = lines.get(i + 1).copied().unwrap_or("");
            if reason_count(&text).is_none()
                && !next.is_empty()
                && !next.starts_with('•')
                && !ends_list(next)
            {
                text = format!("{text} {}", lines[i + 1]);
                i += 1;
            }
            // A bullet with no count ("No total estate exceptions") is not a
            // reason; nor is one restating the total (the list's total is
            // its heading's, and the table format reads a "Total" row as it).
            if let Some((reason, count)) = reason_count(&text) {
                if !crate::io::tables::exclusions_csv::is_total(&reason) {
                    items.push(Item {
                        reason,
                        count: Printed(count),
                    });
                }
            }
        }
        i += 1;
    }
    // "… excluded for March 2021 due to …".
    let period = lines[at].split_once("excluded for ").and_then(|(_, rest)| {
        let mut w = rest.split_whitespace();
        crate::io::values::month(&format!("{} {}", w.next()?, w.next()?))
    });
    // A list with no counted reasons has no group (as its table gives it).
    let groups = match items.is_empty() {
        true => Vec::new(),
        false => vec![Group {
            items,
            ..Group::default()
        }],
    };
    ExclusionList {
        title,
        period,
        stated_total: Some(Printed(total.to_string())),
        groups,
    }
}

/// `Reason words 1,954`: the last word a count.
fn trailing_count(line: &str) -> Option<(&str, &str)> {
    let (reason, count) = line.rsplit_once(' ')?;
    let count = count.trim();
    (count.starts_with(|c: char| c.is_ascii_digit()) && !reason.trim().is_empty())
        .then(|| (reason.trim(), count))
}

/// The first caption naming the PMEL that has its table above it (a
/// contents page names it too).
fn pmel(lines: &[&str]) -> Option<(usize, ExclusionList)> {
    (0..lines.len())
        .filter(|&i| lines[i].starts_with("Table ") && lines[i].contains("PMEL Exclusions"))
        .find_map(|caption| pmel_above(lines, caption))
}

fn pmel_above(lines: &[&str], caption: usize) -> Option<(usize, ExclusionList)> {
    let header = |l: &str| l.ends_with("Type Total Incidents");
    // From the first header after the caption before this one.
    let from = (0..caption)
        .rev()
        .find(|&i| lines[i].starts_with("Table "))
        .map_or(0, |i| i + 1);
    let start = (from..caption).find(|&i| header(lines[i]))?;
    let mut list = ExclusionList {
        title: "CPM4/5 (PMEL)".into(),
        ..ExclusionList::default()
    };
    let mut open = Group::default();
    // A page's footer ends in a number too ("Page 28 of 69").
    let furniture = |l: &str| l.contains("Page ") && l.contains(" of ");
    for l in &lines[start..caption] {
        if header(l) || furniture(l) {
            continue;
        }
        let Some((reason, count)) = trailing_count(l) else {
            continue;
        };
        // "Grand Total" (or a bare "Total") is the list's.
        if reason.eq_ignore_ascii_case("grand total") || reason.eq_ignore_ascii_case("total") {
            if list.stated_total.is_none() {
                list.stated_total = Some(Printed(count.into()));
            }
        } else if let Some(name) = reason.strip_suffix("Total") {
            // Group names stay distinct, as the table format keys them.
            let mut name = name.trim().to_string();
            let base = name.clone();
            let mut n = 1;
            while list.groups.iter().any(|g| g.name == name) {
                n += 1;
                name = format!("{base} ({n})");
            }
            open.name = name;
            open.stated = Some(Printed(count.into()));
            list.groups.push(std::mem::take(&mut open));
        } else {
            open.items.push(Item {
                reason: reason.to_string(),
                count: Printed(count.into()),
            });
        }
    }
    if !open.items.is_empty() {
        list.groups.push(open);
    }
    (!list.groups.is_empty()).then_some((start, list))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_interrupted_by_a_footnote_and_a_wrapped_bullet() {
        let text = "Table 16 - CSPC PM1.1 Exclusions\n\n13,662 CH excluded for March 2021 due to reasons, covering: -\n\n\
            • There were no address details – 8.016*\n\n• No aerial – 2,644\n7  The outline methodology\nhttps://x\n\
            • Installed outside of region –\n142\n• Aborted Installation - 30\n\n*This exception\n6.2.1.2 PM11 Accuracy\n• Not this – 1\n";
        let lists = read(text);
        assert_eq!(lists.len(), 1);
        let l = &lists[0];
        assert_eq!(l.title, "CSPC PM1.1");
        assert_eq!(l.stated_total, Some(Printed("13,662".into())));
        let got: Vec<(&str, &str)> = (l.groups[0].items.iter())
            .map(|i| (i.reason.as_str(), i.count.0.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("There were no address details", "8.016*"),
                ("No aerial", "2,644"),
                ("Installed outside of region", "142"),
                ("Aborted Installation", "30"),
            ]
        );
    }

    #[test]
    fn the_pmel_groups_close_on_their_totals() {
        let text = "CPM4/5 - Incidents\nException Type Total Incidents\nA thing 842\nOther 1,112\n\
            Non DCC Resolution Total 1,954\nExclusion Type Total Incidents\nCancelled 490\nPM001 DCC Controlled        Page 28 of 69\n\
            Exception Type Total Incidents\nProd Proving 2\nDCC Resolution Total 492\nGrand Total 2,446\n\
            Table 11 - PMEL Exclusions Detail\n";
        let lists = read(text);
        assert_eq!(lists.len(), 1);
        let l = &lists[0];
        assert_eq!(l.stated_total, Some(Printed("2,446".into())));
        let groups: Vec<(&str, usize)> = l
            .groups
            .iter()
            .map(|g| (g.name.as_str(), g.items.len()))
            .collect();
        // The page's footer is not a reason.
        assert_eq!(groups, [("Non DCC Resolution", 2), ("DCC Resolution", 2)]);
    }

    /// Found by the exclusions fuzz target: a bullet whose wrapped line is
    /// a count alone gave an item with no reason, which the table format
    /// (rightly) refuses, so the list did not go through it and back.
    #[test]
    fn a_count_with_no_reason_is_not_an_item() {
        let lists = read("2 CH excluded\n\u{2022}\n- 1");
        assert!(lists.iter().all(|l| l
            .groups
            .iter()
            .all(|g| g.items.iter().all(|i| !i.reason.is_empty()))));
        let csv = crate::io::exclusions_csv::write(&lists);
        assert_eq!(
            crate::io::exclusions_csv::read("again", &csv).ok(),
            Some(lists)
        );
        assert_eq!(reason_count("Dup – 12"), Some(("Dup".into(), "12".into())));
        assert_eq!(reason_count(" - 1"), None);
    }

    /// Found by the exclusions fuzz target too: a bullet "Total – 8" was an
    /// item named Total, which the table format reads as the list's total.
    #[test]
    fn a_bullet_restating_the_total_is_not_an_item() {
        let lists = read("52,662 CH excluded for March 2021\n\u{2022} Late \u{2013} 7\n\u{2022} Total \u{2013} 8\n");
        let items: Vec<&str> = lists[0].groups[0]
            .items
            .iter()
            .map(|i| i.reason.as_str())
            .collect();
        assert_eq!(items, ["Late"]);
        let csv = crate::io::exclusions_csv::write(&lists);
        assert_eq!(
            crate::io::exclusions_csv::read("again", &csv).ok(),
            Some(lists)
        );
    }
}
