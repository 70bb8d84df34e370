//! Aged incidents: the tickets not closed at the report's point of
//! extract (the 1st of the month after the report's), by the month they
//! were raised and their category, as the report's Tables 9 (assigned to
//! service users) and 10 (assigned to service providers or the DCC) give
//! them, with the row and column totals it prints.
//!
//! Worked out: each row's categories against its total and each column
//! against the printed totals; how many are over 30, 90 and 365 days old
//! at the point of extract (a month straddling a band's edge is counted as
//! a range, since the tables give months, not days); the change from the
//! previous report's table; and the report's claims about them ("a
//! reduction of ~22% of Incidents over 90 days old", "fewer than 5,000
//! raised before 2020").

use super::due::Day;
use crate::engine::format::thousands;
use crate::engine::period::{days_from_civil, Month};
use serde::{Deserialize, Serialize};

/// Whom the tickets are assigned to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Assigned {
    /// Table 9.
    ServiceUsers,
    /// Table 10.
    Providers,
}

impl Assigned {
    pub const ALL: [Assigned; 2] = [Assigned::ServiceUsers, Assigned::Providers];

    pub fn code(self) -> &'static str {
        match self {
            Assigned::ServiceUsers => "service_users",
            Assigned::Providers => "providers",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Assigned::ServiceUsers => "Assigned to service users",
            Assigned::Providers => "Assigned to service providers or the DCC",
        }
    }

    pub fn parse(s: &str) -> Option<Assigned> {
        Assigned::ALL
            .into_iter()
            .find(|a| a.code().eq_ignore_ascii_case(s.trim()))
    }
}

/// The categories, Cat 1 (most severe) to Cat 5.
pub const CATEGORIES: usize = 5;

/// A row: tickets raised in a month, by category (empty cells `None`), and
/// the total the report prints for it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgedRow {
    pub raised: Month,
    pub counts: [Option<u64>; CATEGORIES],
    pub total: Option<u64>,
}

/// A claim the report's words make about the table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AgedClaim {
    /// "Fewer than 5,000 Incidents raised [before 2020]".
    FewerThan { count: u64, raised_before: Month },
    /// "a reduction of ~22% of Incidents over 90 days old": the change, in
    /// whole percent (negative for a reduction), from the previous report.
    ChangeOver {
        days: u32,
        percent: i64,
        approximate: bool,
    },
}

/// One report's table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgedTable {
    pub assigned: Assigned,
    /// The month the report covers: tickets are counted at the 1st of the next.
    pub report: Month,
    pub rows: Vec<AgedRow>,
    /// The printed Total row.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stated: Option<([Option<u64>; CATEGORIES], Option<u64>)>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub claims: Vec<AgedClaim>,
}

/// Tickets over an age at the point of extract: at least `low` (raised in
/// months wholly past it), at most `high` (with the month straddling it).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Band {
    pub days: u32,
    pub low: u64,
    pub high: u64,
}

/// A check and whether it holds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AgedCheck {
    pub what: String,
    /// `None`: cannot be checked (the words say why).
    pub holds: Option<bool>,
}

/// A table worked out.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AgedSummary {
    pub assigned: Assigned,
    pub report: Month,
    pub extract: Option<Day>,
    /// Every ticket: the categories' sum.
    pub total: u64,
    pub by_category: [u64; CATEGORIES],
    pub bands: Vec<Band>,
    /// Against the previous report's table, where loaded: its month and total.
    pub previous: Option<(Month, u64)>,
    pub checks: Vec<AgedCheck>,
}

/// The ages the Group asks about.
pub const BANDS: [u32; 3] = [30, 90, 365];

fn sum(xs: impl Iterator<Item = u64>) -> u64 {
    xs.fold(0, u64::saturating_add)
}

fn row_sum(r: &AgedRow) -> u64 {
    sum(r.counts.iter().flatten().copied())
}

/// The point of extract: the 1st of the month after the report's.
pub fn extract(report: Month) -> Option<Day> {
    let next = report.plus(1);
    Day::new(next.year(), next.month(), 1)
}

/// Tickets over each of [`BANDS`] days old at the point of extract.
fn bands(t: &AgedTable) -> Vec<Band> {
    BANDS.iter().filter_map(|&d| band(t, d)).collect()
}

/// Tickets over `days` old at the point of extract.
fn band(t: &AgedTable, days: u32) -> Option<Band> {
    let at = extract(t.report)?;
    let at = days_from_civil(at.year, at.month, at.day);
    let (mut low, mut high) = (0u64, 0u64);
    for r in &t.rows {
        let m = r.raised;
        // The youngest ticket of the month was raised on its last day,
        // the oldest on its first.
        let youngest = at - days_from_civil(m.year(), m.month(), m.days());
        let oldest = at - days_from_civil(m.year(), m.month(), 1);
        let n = row_sum(r);
        if youngest > i64::from(days) {
            low = low.saturating_add(n);
        }
        if oldest > i64::from(days) {
            high = high.saturating_add(n);
        }
    }
    Some(Band { days, low, high })
}

/// Every table worked out, each against the latest earlier report's table
/// of the same kind among them (its previous report, where loaded).
pub fn evaluate_all(tables: &[AgedTable]) -> Vec<AgedSummary> {
    tables
        .iter()
        .map(|t| {
            let before = (tables.iter())
                .filter(|p| p.assigned == t.assigned && p.report < t.report)
                .max_by_key(|p| p.report);
            evaluate(t, before)
        })
        .collect()
}

/// Works out `t`, against `previous` (the same table of an earlier
/// report) where it is loaded.
pub fn evaluate(t: &AgedTable, previous: Option<&AgedTable>) -> AgedSummary {
    let mut checks = Vec::new();
    for r in &t.rows {
        if let Some(total) = r.total {
            let s = row_sum(r);
            checks.push(AgedCheck {
                what: format!(
                    "{}: its categories add up to {} (printed total {})",
                    r.raised.long_name(),
                    thousands(s),
                    thousands(total)
                ),
                holds: Some(s == total),
            });
        }
    }
    let by_category: [u64; CATEGORIES] =
        std::array::from_fn(|c| sum(t.rows.iter().filter_map(|r| r.counts[c])));
    let total = sum(by_category.iter().copied());
    if let Some((cats, grand)) = &t.stated {
        for (c, stated) in cats.iter().enumerate() {
            let Some(stated) = stated else { continue };
            checks.push(AgedCheck {
                what: format!(
                    "Cat {}: the months add up to {} (printed total {})",
                    c + 1,
                    thousands(by_category[c]),
                    thousands(*stated)
                ),
                holds: Some(by_category[c] == *stated),
            });
        }
        if let Some(g) = grand {
            // The rows' totals count only where every row has one.
            let rows: Option<u64> = t
                .rows
                .iter()
                .try_fold(0u64, |a, r| Some(a.saturating_add(r.total?)));
            checks.push(AgedCheck {
                what: match rows {
                    Some(rows) => format!(
                        "All tickets: the categories add up to {}, the rows' totals to {} (printed grand total {})",
                        thousands(total),
                        thousands(rows),
                        thousands(*g)
                    ),
                    None => format!(
                        "All tickets: the categories add up to {} (printed grand total {})",
                        thousands(total),
                        thousands(*g)
                    ),
                },
                holds: Some(total == *g && rows.is_none_or(|r| r == *g)),
            });
        }
    }
    let now = bands(t);
    let previous = previous.filter(|p| p.assigned == t.assigned && p.report < t.report);
    for claim in &t.claims {
        checks.push(claim_check(t, claim, previous));
    }
    AgedSummary {
        assigned: t.assigned,
        report: t.report,
        extract: extract(t.report),
        total,
        by_category,
        bands: now,
        previous: previous.map(|p| (p.report, sum(p.rows.iter().map(row_sum)))),
        checks,
    }
}

fn claim_check(t: &AgedTable, claim: &AgedClaim, previous: Option<&AgedTable>) -> AgedCheck {
    match claim {
        AgedClaim::FewerThan {
            count,
            raised_before,
        } => {
            let n = sum(t
                .rows
                .iter()
                .filter(|r| r.raised < *raised_before)
                .map(row_sum));
            AgedCheck {
                what: format!(
                    "\u{201c}Fewer than {} raised before {}\u{201d}: the table gives {}",
                    thousands(*count),
                    raised_before.long_name(),
                    thousands(n)
                ),
                holds: Some(n < *count),
            }
        }
        AgedClaim::ChangeOver {
            days,
            percent,
            approximate,
        } => {
            let said = format!(
                "\u{201c}A change of {}{}% in tickets over {days} days old\u{201d}",
                if *approximate { "~" } else { "" },
                percent
            );
            let now = band(t, *days);
            let then = previous.and_then(|p| Some((p, band(p, *days)?)));
            // Against the month before, or said which report it is against.
            let which = |p: &AgedTable| match t.report.months_since(p.report) {
                1 => String::new(),
                _ => " (the latest earlier report loaded, not the month before)".to_string(),
            };
            match (now, then) {
                (Some(_), Some((p, then))) if then.low == 0 => AgedCheck {
                    what: format!(
                        "{said}: the {} report's table{} has none over {days} days, so no change can be worked out",
                        p.report.long_name(),
                        which(p)
                    ),
                    holds: None,
                },
                (Some(now), Some((p, then))) => {
                    // Months wholly past the age at each point of extract;
                    // the change to a whole percent, halves away from zero.
                    let (d, change) = (
                        i128::from(then.low),
                        (i128::from(now.low) - i128::from(then.low)) * 100,
                    );
                    let whole = (2 * change.abs() + d).div_euclid(2 * d) * change.signum();
                    let off = (whole - i128::from(*percent)).abs();
                    AgedCheck {
                        what: format!(
                            "{said}: {} over {days} days at {} against {} at {}{}, a change of {}%",
                            thousands(now.low),
                            t.report.long_name(),
                            thousands(then.low),
                            p.report.long_name(),
                            which(p),
                            whole
                        ),
                        holds: Some(off <= i128::from(*approximate) * 2),
                    }
                }
                _ => AgedCheck {
                    what: format!("{said}: cannot be checked without the previous report's table"),
                    holds: None,
                },
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(m: &str, c5: u64) -> AgedRow {
        AgedRow {
            raised: m.parse().unwrap(),
            counts: [None, None, None, None, Some(c5)],
            total: Some(c5),
        }
    }

    fn table(report: &str, rows: Vec<AgedRow>) -> AgedTable {
        AgedTable {
            assigned: Assigned::Providers,
            report: report.parse().unwrap(),
            rows,
            stated: None,
            claims: vec![],
        }
    }

    #[test]
    fn bands_at_the_point_of_extract() {
        // Extract 1 April 2021: March's tickets are 1 to 31 days old (over
        // 30 at most), January's 60 to 90 (not over 90), December's 91 to
        // 121, and March 2020's 366 to 396 (over 365).
        let t = table(
            "2021-03",
            vec![
                row("2020-03", 1),
                row("2020-12", 10),
                row("2021-01", 100),
                row("2021-03", 1000),
            ],
        );
        let s = evaluate(&t, None);
        assert_eq!(s.extract, Day::new(2021, 4, 1));
        let b: Vec<(u32, u64, u64)> = s.bands.iter().map(|b| (b.days, b.low, b.high)).collect();
        assert_eq!(b, [(30, 111, 1111), (90, 11, 11), (365, 1, 1)]);
    }

    #[test]
    fn totals_and_claims() {
        let mut t = table(
            "2021-03",
            vec![row("2019-06", 4), row("2020-06", 6), row("2021-03", 1)],
        );
        t.rows[1].total = Some(7);
        t.stated = Some(([None, None, None, None, Some(11)], Some(12)));
        t.claims = vec![
            AgedClaim::FewerThan {
                count: 5,
                raised_before: "2020-01".parse().unwrap(),
            },
            AgedClaim::ChangeOver {
                days: 90,
                percent: -22,
                approximate: true,
            },
        ];
        let mut before = table("2021-02", vec![row("2019-06", 5), row("2020-06", 8)]);
        before.rows[0].total = Some(5);
        let s = evaluate(&t, Some(&before));
        let holds: Vec<Option<bool>> = s.checks.iter().map(|c| c.holds).collect();
        // Rows: 4 ok, 6 vs 7 no, 1 ok; Cat 5 11 ok; grand: 11 vs 12 no;
        // fewer than 5 before 2020: 4, holds; over 90 days 10 against 13,
        // −23%: within ~22.
        assert_eq!(
            holds,
            [
                Some(true),
                Some(false),
                Some(true),
                Some(true),
                Some(false),
                Some(true),
                Some(true)
            ]
        );
        assert!(
            s.checks[6].what.ends_with("a change of -23%"),
            "{}",
            s.checks[6].what
        );
        assert_eq!(s.previous.map(|p| p.1), Some(13));
        let alone = evaluate(&t, None);
        assert_eq!(alone.checks.last().unwrap().holds, None);
    }
}
