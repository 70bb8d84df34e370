//! Aged incident tables from the report's text as pasted: Tables 9
//! (assigned to service users) and 10 (to service providers or the DCC) in
//! March 2021's, and the claims the report's words make about them.
//!
//! Found by their captions (`Aged Incidents Assigned to Service Users`,
//! `… Service Providers…`), not their numbers: a table's rows are the lines
//! of a year, a month and counts between the caption before it and its
//! own; its Total row the line starting `Total`. A PDF copy drops empty
//! cells but keeps one space for each, so the runs of spaces place each
//! count in its category; where they cannot (the row has too few or too
//! many cells), the counts are taken as the rightmost categories, and the
//! row and column checks show any misplacement. The claims are read from
//! the paragraphs after each table: `Fewer than 5,000 Incidents raised
//! within that period` (after words naming the year they were raised
//! before, `prior to 2020`) and `a reduction of ~22% of Incidents over 90
//! days old`.

use crate::engine::reports::aged::{AgedClaim, AgedRow, AgedTable, Assigned, CATEGORIES};
use crate::engine::Month;
use crate::io::values;

/// Both tables, where the text has their captions. Their report month is
/// the one the text says it covers ([`super::report_month`]), else the
/// latest month a table's rows were raised in.
pub fn read(text: &str) -> Vec<AgedTable> {
    let lines: Vec<&str> = text.lines().collect();
    let report = super::report_month(&lines);
    let mut out = Vec::new();
    for (assigned, words) in [
        (
            Assigned::ServiceUsers,
            "aged incidents assigned to service users",
        ),
        (
            Assigned::Providers,
            "aged incidents assigned to service providers",
        ),
    ] {
        let is_caption =
            |l: &str| l.trim_start().starts_with("Table ") && l.to_lowercase().contains(words);
        // The caption with rows above it (a contents page names it too).
        let found = (0..lines.len())
            .filter(|&i| is_caption(lines[i]))
            .find_map(|i| table(&lines, i, assigned, report));
        if let Some(t) = found {
            out.push(t);
        }
    }
    // In the order the table format keeps (a table may be dated by its rows).
    out.sort_by_key(|t| (t.report, t.assigned));
    out
}

fn table(
    lines: &[&str],
    caption: usize,
    assigned: Assigned,
    report: Option<Month>,
) -> Option<AgedTable> {
    let start = (0..caption)
        .rev()
        .find(|&i| lines[i].trim_start().starts_with("Table "))
        .map_or(0, |i| i + 1);
    let mut rows: Vec<AgedRow> = Vec::new();
    let mut stated = None;
    for l in &lines[start..caption] {
        let t = l.trim_end();
        if let Some(rest) = t.trim_start().strip_prefix("Total") {
            if let Some((cells, total)) = cells(rest) {
                stated = Some((cells, total));
            }
            continue;
        }
        let mut words = t.trim_start().splitn(3, ' ');
        let (Some(year), Some(month), Some(rest)) = (words.next(), words.next(), words.next())
        else {
            continue;
        };
        if year.len() != 4 {
            continue;
        }
        let Some(raised) = values::month(&format!("{month} {year}")) else {
            continue;
        };
        let Some((counts, total)) = cells(&format!(" {rest}")) else {
            continue;
        };
        if !rows.iter().any(|r| r.raised == raised) {
            rows.push(AgedRow {
                raised,
                counts,
                total,
            });
        }
    }
    if rows.is_empty() {
        return None;
    }
    rows.sort_by_key(|r| r.raised);
    let report = report.or_else(|| rows.last().map(|r| r.raised))?;
    // No ticket is raised after its report's month.
    rows.retain(|r| r.raised <= report);
    if rows.is_empty() {
        return None;
    }
    // The claims are in the words after the caption, up to the next one.
    let end = (caption + 1..lines.len())
        .find(|&i| lines[i].trim_start().starts_with("Table "))
        .unwrap_or(lines.len());
    let claims = claims(&lines[caption..end]);
    Some(AgedTable {
        assigned,
        report,
        rows,
        stated,
        claims,
    })
}

/// The counts after a row's label (with the space before them): each run
/// of `k` spaces before a count stands for `k − 1` empty cells. The last
/// count is the row's total.
fn cells(rest: &str) -> Option<([Option<u64>; CATEGORIES], Option<u64>)> {
    let rest = rest.strip_prefix(' ').unwrap_or(rest);
    let mut placed: Vec<Option<u64>> = Vec::new();
    let mut counts = Vec::new();
    let mut gap = 0usize;
    for ch in rest.split(' ') {
        if ch.is_empty() {
            gap += 1;
            continue;
        }
        let n =
            values::count(ch).filter(|_| ch.bytes().all(|b| b.is_ascii_digit() || b == b','))?;
        placed.extend(std::iter::repeat_n(None, gap));
        placed.push(Some(n));
        counts.push(n);
        gap = 0;
    }
    let total = *counts.last()?;
    let cats = &counts[..counts.len() - 1];
    let mut out = [None; CATEGORIES];
    if placed.len() == CATEGORIES + 1 {
        out.copy_from_slice(&placed[..CATEGORIES]);
    } else if cats.len() <= CATEGORIES {
        // Rightmost categories, as the most common tickets are Cat 5.
        let skip = CATEGORIES - cats.len();
        for (i, c) in cats.iter().enumerate() {
            out[skip + i] = Some(*c);
        }
    } else {
        return None;
    }
    Some((out, Some(total)))
}

/// The claims in the words after a table.
fn claims(lines: &[&str]) -> Vec<AgedClaim> {
    let text = lines.iter().map(|l| l.trim()).collect::<Vec<_>>().join(" ");
    let lower = text.to_lowercase();
    let mut out = Vec::new();
    if let Some(i) = lower.find("fewer than ") {
        let count = lower[i + 11..]
            .split_whitespace()
            .next()
            .and_then(values::count);
        // "…raised prior to 2020…" in the words before.
        let year = lower[..i]
            .rfind("prior to ")
            .and_then(|j| lower[j + 9..].get(..4))
            .and_then(|y| y.parse::<i32>().ok())
            .and_then(|y| Month::new(y, 1));
        if let (Some(count), Some(raised_before)) = (count, year) {
            out.push(AgedClaim::FewerThan {
                count,
                raised_before,
            });
        }
    }
    if let Some(i) = lower.find("reduction of ") {
        let rest = &lower[i + 13..];
        let approximate = rest.starts_with('~');
        let digits: String = rest
            .trim_start_matches('~')
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        let days = rest
            .find(" over ")
            .and_then(|j| rest[j + 6..].split_whitespace().next())
            .and_then(|d| d.parse::<u32>().ok());
        if let (Ok(p), Some(days)) = (digits.parse::<i64>(), days) {
            out.push(AgedClaim::ChangeOver {
                days,
                percent: -p,
                approximate,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaces_place_the_counts() {
        let c = |s: &str| cells(s).unwrap();
        assert_eq!(c("     1 1"), ([None, None, None, None, Some(1)], Some(1)));
        assert_eq!(
            c("   1  170 171"),
            ([None, None, Some(1), None, Some(170)], Some(171))
        );
        assert_eq!(
            c("   20 50 2,981 3,051"),
            ([None, None, Some(20), Some(50), Some(2981)], Some(3051))
        );
        // Too few spaces to place them: the rightmost categories.
        assert_eq!(c(" 4 5"), ([None, None, None, None, Some(4)], Some(5)));
        assert_eq!(cells(" 1 2 3 4 5 6 7"), None);
        assert_eq!(cells(" x 1"), None);
    }
}
