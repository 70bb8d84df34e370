//! Problem records open against earlier reports: the Performance
//! Measurement Report's Problem Record Summary (Table 31 in March 2021's),
//! one row per report a key incident was raised in, with the problems
//! related to it, those closed this period and those still open; and the
//! problem records the report lists after the table, each under the report
//! it came from.
//!
//! Checked: each row's related = closed + open; and, where the list is
//! loaded, each row's related count against the records listed for that
//! report (a record listed under a report the table lacks is flagged too).

use crate::engine::format::thousands;
use crate::engine::period::Month;
use serde::{Deserialize, Serialize};

/// One row of the summary.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProblemRow {
    /// The report the key incident was raised in.
    pub report: Month,
    pub related: u64,
    pub closed: u64,
    pub open: u64,
}

/// A problem record listed after the table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProblemRecord {
    /// `PBI000000116812`.
    pub reference: String,
    pub report: Month,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
}

/// The summary and its list as one report gives them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problems {
    /// The month of the report that gives the table, where known: its
    /// failing checks are that month's findings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Month>,
    pub rows: Vec<ProblemRow>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub records: Vec<ProblemRecord>,
}

/// A claim the figures test, and whether it holds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ProblemCheck {
    pub report: Option<Month>,
    pub what: String,
    pub holds: bool,
}

/// The summary's totals and its checks.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ProblemSummary {
    pub related: u64,
    pub closed: u64,
    pub open: u64,
    pub listed: usize,
    pub checks: Vec<ProblemCheck>,
}

impl ProblemSummary {
    pub fn failures(&self) -> impl Iterator<Item = &ProblemCheck> {
        self.checks.iter().filter(|c| !c.holds)
    }
}

fn sum(rows: &[ProblemRow], f: fn(&ProblemRow) -> u64) -> u64 {
    rows.iter().map(f).fold(0, u64::saturating_add)
}

/// Works out the totals and checks every row.
pub fn evaluate(p: &Problems) -> ProblemSummary {
    let mut checks = Vec::new();
    let listed = |m: Month| p.records.iter().filter(|r| r.report == m).count();
    for r in &p.rows {
        // Checked, not saturated: a sum past u64 must not pass for a
        // related count of u64::MAX.
        let given = r.closed.checked_add(r.open);
        checks.push(ProblemCheck {
            report: Some(r.report),
            what: format!(
                "{}: related ({}) = closed ({}) + still open ({}): {}",
                r.report.long_name(),
                thousands(r.related),
                thousands(r.closed),
                thousands(r.open),
                given.map_or("too many to count".into(), thousands)
            ),
            holds: given == Some(r.related),
        });
        if !p.records.is_empty() {
            let n = listed(r.report);
            checks.push(ProblemCheck {
                report: Some(r.report),
                what: format!(
                    "{}: {} related in the table, {} listed after it",
                    r.report.long_name(),
                    thousands(r.related),
                    thousands(n as u64)
                ),
                holds: n as u64 == r.related,
            });
        }
    }
    let mut orphans: Vec<Month> = (p.records.iter())
        .map(|r| r.report)
        .filter(|m| !p.rows.iter().any(|r| r.report == *m))
        .collect();
    orphans.sort();
    orphans.dedup();
    for m in orphans {
        checks.push(ProblemCheck {
            report: Some(m),
            what: format!(
                "{}: {} listed after the table, which has no row for that report",
                m.long_name(),
                thousands(listed(m) as u64)
            ),
            holds: false,
        });
    }
    ProblemSummary {
        related: sum(&p.rows, |r| r.related),
        closed: sum(&p.rows, |r| r.closed),
        open: sum(&p.rows, |r| r.open),
        listed: p.records.len(),
        checks,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(m: &str, related: u64, closed: u64, open: u64) -> ProblemRow {
        ProblemRow {
            report: m.parse().unwrap(),
            related,
            closed,
            open,
        }
    }

    fn record(reference: &str, m: &str) -> ProblemRecord {
        ProblemRecord {
            reference: reference.into(),
            report: m.parse().unwrap(),
            title: String::new(),
        }
    }

    #[test]
    fn totals_and_checks() {
        let p = Problems {
            period: None,
            rows: vec![row("2020-09", 3, 1, 2), row("2021-03", 7, 0, 6)],
            records: vec![
                record("PBI1", "2020-09"),
                record("PBI2", "2020-09"),
                record("PBI3", "2020-09"),
                record("PBI4", "2019-08"),
            ],
        };
        let s = evaluate(&p);
        assert_eq!((s.related, s.closed, s.open, s.listed), (10, 1, 8, 4));
        let failed: Vec<&str> = s.failures().map(|c| c.what.as_str()).collect();
        assert_eq!(
            failed,
            [
                "March 2021: related (7) = closed (0) + still open (6): 6",
                "March 2021: 7 related in the table, 0 listed after it",
                "August 2019: 1 listed after the table, which has no row for that report",
            ]
        );
    }

    #[test]
    fn no_list_no_list_checks() {
        let s = evaluate(&Problems {
            period: None,
            rows: vec![row("2020-09", 3, 1, 2)],
            records: vec![],
        });
        assert_eq!(s.checks.len(), 1);
        assert!(s.checks[0].holds);
    }

    #[test]
    fn huge_counts_saturate() {
        let s = evaluate(&Problems {
            period: None,
            rows: vec![
                row("2020-09", u64::MAX, u64::MAX, 1),
                row("2020-10", 1, 1, 0),
            ],
            records: vec![],
        });
        assert_eq!(s.related, u64::MAX);
        assert!(!s.checks[0].holds);
    }
}
