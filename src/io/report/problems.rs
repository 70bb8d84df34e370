//! The Problem Record Summary and the records listed after it, from the
//! report's text as pasted (Table 31 and Appendix A in March 2021's).
//!
//! Found by its caption, not its number or position: the summary's rows
//! (`2020 September 3 1 2`, or `September 2020 3 1 2`) are the lines of a
//! year, a month and three counts near the caption, before the first
//! listed record; each record is a line holding only its reference
//! (`PBI000000121400`), followed by the report it came from (`September
//! Report 2020 - Key Incident …`, which may wrap) and its title.

use crate::engine::reports::problems::{ProblemRecord, ProblemRow, Problems};
use crate::engine::Month;
use crate::io::values;

const CAPTION: &str = "problem record summary";

/// The summary and its records, if the text has the table's caption (a
/// contents page names the caption too: the caption with the most records,
/// then rows, by it is read).
pub fn read(text: &str) -> Option<Problems> {
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let captions: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].to_lowercase().contains(CAPTION))
        .collect();
    // The caption with the most records, then rows, by it.
    let best = captions
        .iter()
        .map(|&c| at_caption(&lines, c))
        .max_by_key(|p| (p.records.len(), p.rows.len()))?;
    Some(Problems {
        period: super::report_month(&lines),
        ..best
    })
}

fn at_caption(lines: &[&str], caption: usize) -> Problems {
    // The records follow the caption, before the next caption.
    let next_caption = (caption + 1..lines.len())
        .find(|&i| lines[i].starts_with("Table "))
        .unwrap_or(lines.len());
    let first_record = (caption..next_caption)
        .find(|&i| reference(lines[i]).is_some())
        .unwrap_or(next_caption);
    let mut out = Problems::default();
    // The rows lie between the caption before this one (or the start) and
    // the first record listed after it.
    let from = (0..caption)
        .rev()
        .find(|&i| lines[i].starts_with("Table "))
        .map_or(0, |i| i + 1);
    for l in &lines[from..first_record] {
        if let Some(row) = summary_row(l) {
            if !out.rows.iter().any(|r| r.report == row.report) {
                out.rows.push(row);
            }
        }
    }
    let mut i = first_record;
    while i < lines.len() {
        let Some(r) = reference(lines[i]) else {
            i += 1;
            continue;
        };
        let next = |from: usize| (from..lines.len()).find(|&j| !lines[j].is_empty());
        let Some(j) = next(i + 1) else {
            break;
        };
        let Some(report) = report_month(lines[j]) else {
            i += 1;
            continue;
        };
        // A report line with an open bracket wraps onto the next.
        let mut end = j;
        let open = |s: &str| s.matches('(').count() > s.matches(')').count();
        let mut joined = lines[j].to_string();
        while open(&joined) && end + 1 < lines.len() && end < j + 3 {
            end += 1;
            joined.push(' ');
            joined.push_str(lines[end]);
        }
        let title = next(end + 1)
            .map(|k| lines[k])
            .filter(|t| reference(t).is_none() && !t.starts_with("Problem:"))
            .unwrap_or("");
        if !out.records.iter().any(|x| x.reference == r) {
            out.records.push(ProblemRecord {
                reference: r.into(),
                report,
                // A PDF copy doubles spaces here and there.
                title: title.split_whitespace().collect::<Vec<_>>().join(" "),
            });
        }
        i = end + 1;
    }
    out.rows.sort_by_key(|r| r.report);
    out
}

/// `PBI000000121400` alone on its line.
fn reference(line: &str) -> Option<&str> {
    let digits = line.strip_prefix("PBI")?;
    (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())).then_some(line)
}

/// `September Report 2020 - …` → September 2020.
fn report_month(line: &str) -> Option<Month> {
    let mut words = line.split_whitespace();
    let (name, word, year) = (words.next()?, words.next()?, words.next()?);
    if !word.eq_ignore_ascii_case("report") {
        return None;
    }
    values::month(&format!("{name} {year}"))
}

/// `2020 September 3 1 2` or `September 2020 3 1 2`.
fn summary_row(line: &str) -> Option<ProblemRow> {
    let words: Vec<&str> = line.split_whitespace().collect();
    let [a, b, related, closed, open] = words[..] else {
        return None;
    };
    // A year is four digits ("June" and "Sept" are four letters).
    let year_first = a.len() == 4 && a.bytes().all(|b| b.is_ascii_digit());
    let report = match year_first {
        true => values::month(&format!("{b} {a}")),
        false => values::month(&format!("{a} {b}")),
    }?;
    let count = |t: &str| {
        t.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| values::count(t))?
    };
    Some(ProblemRow {
        report,
        related: count(related)?,
        closed: count(closed)?,
        open: count(open)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "16.1 Appendix A – Open Problem & Incidents relating to Prior Periods\n\
        Performance\nMeasurement Report\nVolume of Related\nProblems\n\n\
        2019 August 1 0 1\n\nSeptember 2020 3 1 2\n\nTable 31 – Problem Record Summary\n\
        (Correct as of 23/04/2021)\n\n PBI000000116812\n\n\
        August Report 2019 - Key Incident INC000000479406\n \nDCC SMS degradation\n\n\
        Problem: text 2019 August 1 0 1\n  PBI000000121900\n\
        September Report 2020 - Key Incident INC1 (Exclusions 628941,\n628942 & 628943)\n \n\
        Inbound motorway availability issue\n";

    #[test]
    fn rows_and_records_found_by_caption() {
        let p = read(TEXT).unwrap();
        let months: Vec<String> = p.rows.iter().map(|r| r.report.to_string()).collect();
        assert_eq!(months, ["2019-08", "2020-09"]);
        assert_eq!(
            (p.rows[1].related, p.rows[1].closed, p.rows[1].open),
            (3, 1, 2)
        );
        let recs: Vec<(&str, String, &str)> = (p.records.iter())
            .map(|r| (r.reference.as_str(), r.report.to_string(), r.title.as_str()))
            .collect();
        assert_eq!(
            recs,
            [
                ("PBI000000116812", "2019-08".into(), "DCC SMS degradation"),
                (
                    "PBI000000121900",
                    "2020-09".into(),
                    "Inbound motorway availability issue"
                ),
            ]
        );
    }

    #[test]
    fn no_caption_no_table() {
        assert_eq!(read("2019 August 1 0 1\nPBI1\nAugust Report 2019\n"), None);
    }
}
