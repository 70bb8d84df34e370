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
    /// The earliest period of this measure with an assessed level.
    pub history_from: Option<Month>,
}

impl Run {
    /// The run ending at `row`, walking back through the loaded results.
    pub(crate) fn of(row: &MeasureResult, index: &Index) -> Run {
        let history_from = index.first_assessed(&row.measure, row.provider);
        let mut periods = 0u32;
        let mut since = None;
        let mut at = row.period;
        let mut exact = true;
        loop {
            match index.get(at, &row.measure, row.provider).map(|r| r.status) {
                Some(s) if s.is_miss() => {
                    periods += 1;
                    since = Some(at);
                    at = row.cadence.previous(at);
                }
                Some(Compliance::MeetsTarget) => break,
                // Not loaded, or loaded without a level to assess: the
                // history cannot say whether the run went on.
                _ => {
                    exact = periods == 0;
                    break;
                }
            }
        }
        Run {
            periods,
            cadence: row.cadence,
            since,
            exact,
            history_from,
        }
    }

    fn unit(&self) -> &'static str {
        match (self.cadence, self.periods) {
            (Cadence::Monthly, 1) => "month",
            (Cadence::Monthly, _) => "months",
            (Cadence::Quarterly, 1) => "quarter",
            (Cadence::Quarterly, _) => "quarters",
        }
    }

    /// "below target for 3 months (since January 2021)", or "for at least 2
    /// months (history loaded from February 2021)".
    pub fn describe(&self) -> String {
        if self.periods == 0 {
            return "meets target".into();
        }
        let n = self.periods;
        let unit = self.unit();
        if self.exact {
            match self.since {
                Some(s) if n > 1 => format!("{n} {unit}, since {}", s.long_name()),
                _ => format!(
                    "{n} {unit} (met target the {} before)",
                    unit_one(self.cadence)
                ),
            }
        } else {
            let from = self
                .history_from
                .map_or("this period".to_string(), |m| m.long_name());
            format!("at least {n} {unit} (history loaded from {from})")
        }
    }

    /// The shortest form, for a table cell: "3", "≥ 2".
    pub fn short(&self) -> String {
        if self.exact {
            format!("{} {}", self.periods, self.unit())
        } else {
            format!("≥ {} {}", self.periods, self.unit())
        }
    }
}

fn unit_one(c: Cadence) -> &'static str {
    match c {
        Cadence::Monthly => "month",
        Cadence::Quarterly => "quarter",
    }
}
