//! How long a measure has been below target, saying what the loaded history
//! can and cannot tell.
//!
//! The March 2021 PMR says CPM1 "has been below Target Service Level for the
//! last 21 months". With only February and March 2021 loaded, the honest
//! reading is "at least 2 months": the loaded history stops before the run
//! does. A run is exact only when the period before it is loaded and met
//! target.

use super::Index;
use crate::engine::period::{Cadence, Month};
use crate::engine::results::MeasureResult;
use crate::engine::rule::Compliance;
use serde::Serialize;

/// A run of periods below target ending with the period looked at.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Run {
    /// Periods below target, this one included (0 when it meets target).
    pub periods: u32,
    pub cadence: Cadence,
    /// The first period of the run.
    pub since: Option<Month>,
    /// `false` when the history loaded stops before the run does: the run is
    /// at least `periods` long.
    pub exact: bool,
    /// Where the loaded history the run was counted through starts, when
    /// it stops before the run does (the run's first period).
    pub history_from: Option<Month>,
}

impl Run {
    /// The run ending at `row`, walking back through the loaded results.
    pub(crate) fn of(row: &MeasureResult, index: &Index) -> Run {
        let mut periods = 0u32;
        let mut since = None;
        let mut at = row.period;
        // Whether the walk ended at a loaded period that met target.
        let exact = loop {
            match index.get(at, &row.measure, row.provider).map(|r| r.status) {
                Some(s) if s.is_miss() => {
                    periods += 1;
                    since = Some(at);
                    at = row.cadence.previous(at);
                }
                Some(Compliance::MeetsTarget) => break true,
                // Not loaded, or loaded without a level to assess: the
                // history cannot say whether the run went on.
                _ => break false,
            }
        };
        // Where the history the walk could see starts: the run's first
        // period when the walk stopped at a gap.
        let history_from = if exact { None } else { since };
        Run {
            periods,
            cadence: row.cadence,
            since,
            exact,
            history_from,
        }
    }

    /// "below target for 3 months (since January 2021)", or "for at least 2
    /// months (history loaded from February 2021)".
    pub fn describe(&self) -> String {
        let n = self.cadence.count(self.periods);
        match (self.periods, self.exact, self.since, self.history_from) {
            (0, true, ..) => "meets target".into(),
            (0, false, ..) => "not assessed".into(),
            (1, true, ..) => format!(
                "{n} (met target the {} before)",
                self.cadence.count(1).trim_start_matches("1 ")
            ),
            (_, true, Some(s), _) => format!("{n}, since {}", self.cadence.label(s)),
            (_, _, _, Some(h)) => format!(
                "at least {n} (history loaded from {})",
                self.cadence.label(h)
            ),
            _ => format!("at least {n}"),
        }
    }

    /// The shortest form, for a table cell: "3 months", "≥ 2 months".
    pub fn short(&self) -> String {
        let n = self.cadence.count(self.periods);
        if self.exact {
            n
        } else {
            format!("≥ {n}")
        }
    }
}
