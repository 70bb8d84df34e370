//! How long a measure has been below target, saying what the loaded history
//! can and cannot tell.
//!
//! The March 2021 PMR says CPM1 "has been below Target Service Level for the
//! last 21 months". With only February and March 2021 loaded, the honest
//! reading is "at least 2 months": the loaded history stops before the run
//! does. A run is exact only when the period before it is loaded and met
//! target.

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
    /// The run ending at `row`, as the results counted it
    /// ([`MeasureResult::streak`] and `streak_exact`).
    pub fn of(row: &MeasureResult) -> Run {
        let periods = row.streak;
        let since = (periods > 0).then(|| row.period.minus((periods - 1) * row.cadence.months()));
        // A level that cannot be assessed says nothing of a run.
        let exact = row.streak_exact && row.status != Compliance::NotAssessed;
        Run {
            periods,
            cadence: row.cadence,
            since,
            exact,
            history_from: if exact { None } else { since },
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
