//! Registration Data Provider incidents (SEC Appendix AG 2.5.10, monthly):
//! the incidents the DCC must resolve but which need an RDP's action,
//! opened, resolved and still open each month.
//!
//! The carry-over is checked: what is open at the end of a month is what
//! was open at its start, plus those opened, less those resolved, less
//! those taken off the list another way (reassigned, or closed as not an
//! RDP incident: recorded with a note). A month's start is the previous
//! month's end where that month is loaded; where neither is given it is
//! worked out from the month's own figures and marked as implied.

use crate::engine::format::thousands;
use crate::engine::period::Month;
use serde::{Deserialize, Serialize};

/// One month's figures as reported. Any count the report does not give is
/// `None` (July 2019's gave resolved and outstanding only).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RdpMonth {
    pub period: Month,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub open_at_start: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opened: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolved: Option<u64>,
    /// Taken off the list other than by resolution (reassigned, or closed
    /// as not an RDP incident); `note` says which.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reassigned: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub open_at_end: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Where a month's opening count comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// The report gives it.
    Stated,
    /// The previous month's end, loaded.
    Carried,
    /// The month's end, less opened, plus resolved and reassigned.
    Implied,
    /// None of these.
    Unknown,
}

/// A month worked out: its opening count, where it came from, the end
/// the figures give, and every check.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RdpBalance {
    pub period: Month,
    pub start: Option<u64>,
    pub start_from: Source,
    pub opened: Option<u64>,
    pub resolved: Option<u64>,
    pub reassigned: u64,
    /// As stated, or as the figures give where the report does not say.
    pub end: Option<u64>,
    pub end_stated: bool,
    pub note: Option<String>,
    pub checks: Vec<RdpCheck>,
}

/// A claim the figures test, and whether it holds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RdpCheck {
    pub what: String,
    pub holds: bool,
}

impl RdpBalance {
    /// Whether every check holds.
    pub fn balances(&self) -> bool {
        self.checks.iter().all(|c| c.holds)
    }
}

/// Every month worked out, in order. `months` may come in any order and
/// have gaps: a month carries from the one before it only when that one
/// is loaded.
pub fn evaluate(months: &[RdpMonth]) -> Vec<RdpBalance> {
    let mut sorted: Vec<&RdpMonth> = months.iter().collect();
    sorted.sort_by_key(|m| m.period);
    let mut out: Vec<RdpBalance> = Vec::with_capacity(sorted.len());
    for m in sorted {
        let before = out
            .last()
            .filter(|b| m.period.months_since(b.period) == 1)
            .and_then(|b| b.end);
        out.push(balance(m, before));
    }
    out
}

fn balance(m: &RdpMonth, carried: Option<u64>) -> RdpBalance {
    let reassigned = m.reassigned.unwrap_or(0);
    let mut checks = Vec::new();
    // Taken off the list in the month: resolved and reassigned.
    let out = m.resolved.map(|r| r.saturating_add(reassigned));
    let implied = match (m.open_at_end, m.opened, out) {
        (Some(end), Some(opened), Some(out)) => end.saturating_add(out).checked_sub(opened),
        _ => None,
    };
    let (start, start_from) = match (m.open_at_start, carried, implied) {
        (Some(s), _, _) => (Some(s), Source::Stated),
        (None, Some(c), _) => (Some(c), Source::Carried),
        (None, None, Some(i)) => (Some(i), Source::Implied),
        (None, None, None) => (None, Source::Unknown),
    };
    if let (Some(s), Some(c)) = (m.open_at_start, carried) {
        checks.push(RdpCheck {
            what: format!(
                "Open at the start ({}) is what the month before ended with ({})",
                thousands(s),
                thousands(c)
            ),
            holds: s == c,
        });
    }
    // What the figures give at the end, where the opening count is known.
    let given = match (start, m.opened, out) {
        (Some(s), Some(o), Some(out)) => Some(s.saturating_add(o).checked_sub(out)),
        _ => None,
    };
    match (given, m.open_at_end, start) {
        (Some(None), _, Some(s)) => checks.push(RdpCheck {
            what: format!(
                "More taken off the list ({}) than were open at the start ({}) plus opened ({})",
                thousands(out.unwrap_or(0)),
                thousands(s),
                thousands(m.opened.unwrap_or(0)),
            ),
            holds: false,
        }),
        (Some(Some(g)), Some(end), Some(s)) if start_from != Source::Implied => {
            checks.push(RdpCheck {
                what: format!(
                "Open at the end ({}) = open at the start ({}) + opened ({}) − resolved ({}){}: {}",
                thousands(end),
                thousands(s),
                thousands(m.opened.unwrap_or(0)),
                thousands(m.resolved.unwrap_or(0)),
                match reassigned {
                    0 => String::new(),
                    r => format!(" − reassigned ({})", thousands(r)),
                },
                thousands(g),
            ),
                holds: g == end,
            })
        }
        _ => {}
    }
    let end = m.open_at_end.or(given.flatten());
    RdpBalance {
        period: m.period,
        start,
        start_from,
        opened: m.opened,
        resolved: m.resolved,
        reassigned,
        end,
        end_stated: m.open_at_end.is_some(),
        note: m.note.clone(),
        checks,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn month(p: &str) -> RdpMonth {
        RdpMonth {
            period: p.parse().unwrap(),
            open_at_start: None,
            opened: None,
            resolved: None,
            reassigned: None,
            open_at_end: None,
            note: None,
        }
    }

    #[test]
    fn august_2021_implies_eight_open_at_the_start() {
        let aug = RdpMonth {
            opened: Some(8),
            resolved: Some(12),
            open_at_end: Some(4),
            ..month("2021-08")
        };
        let b = &evaluate(&[aug])[0];
        assert_eq!((b.start, b.start_from), (Some(8), Source::Implied));
        assert_eq!(b.end, Some(4));
        assert!(b.checks.is_empty(), "{:?}", b.checks);
    }

    #[test]
    fn the_month_before_carries_and_a_difference_is_flagged() {
        let jul = RdpMonth {
            open_at_start: Some(5),
            opened: Some(6),
            resolved: Some(3),
            open_at_end: Some(8),
            ..month("2021-07")
        };
        let aug = RdpMonth {
            opened: Some(8),
            resolved: Some(12),
            open_at_end: Some(5),
            ..month("2021-08")
        };
        let out = evaluate(&[aug, jul]);
        assert!(out[0].balances());
        assert_eq!(
            (out[1].start, out[1].start_from),
            (Some(8), Source::Carried)
        );
        // 8 + 8 − 12 = 4, not the 5 stated.
        assert!(!out[1].balances());
        assert!(
            out[1].checks[0].what.ends_with(": 4"),
            "{}",
            out[1].checks[0].what
        );
    }

    #[test]
    fn a_stated_start_is_checked_against_the_month_before() {
        let jul = RdpMonth {
            open_at_end: Some(3),
            ..month("2021-07")
        };
        let aug = RdpMonth {
            open_at_start: Some(2),
            ..month("2021-08")
        };
        let out = evaluate(&[jul, aug]);
        assert_eq!(out[1].checks.len(), 1);
        assert!(!out[1].checks[0].holds);
    }

    #[test]
    fn a_reassigned_incident_balances_the_month() {
        let m = RdpMonth {
            open_at_start: Some(4),
            opened: Some(2),
            resolved: Some(3),
            reassigned: Some(1),
            open_at_end: Some(2),
            note: Some("INC1 reassigned to the DSP".into()),
            ..month("2021-09")
        };
        let b = &evaluate(&[m])[0];
        assert!(b.balances(), "{:?}", b.checks);
        assert!(b.checks[0].what.contains("reassigned (1)"));
    }

    #[test]
    fn more_resolved_than_open_is_flagged_not_wrapped() {
        let m = RdpMonth {
            open_at_start: Some(1),
            opened: Some(2),
            resolved: Some(12),
            ..month("2021-09")
        };
        let b = &evaluate(&[m])[0];
        assert!(!b.balances());
        assert_eq!(b.end, None);
    }

    #[test]
    fn a_gap_does_not_carry() {
        let jun = RdpMonth {
            open_at_end: Some(3),
            ..month("2021-06")
        };
        let aug = month("2021-08");
        let out = evaluate(&[jun, aug]);
        assert_eq!(out[1].start_from, Source::Unknown);
    }
}
