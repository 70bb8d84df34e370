//! What a report states in words: a level, a status, how long a measure has
//! been below target, how many failures it was over. A claim is never an
//! input to the calculations; it is checked against them
//! ([`crate::engine::review::claims`]).
//!
//! The March 2021 PMR, for example, says CPM1 "has been below Target Service
//! Level for the last 21 months; with this being the 27th instance it has
//! been below in 28 months", and that CSPN PM2 was "finishing the month on
//! 23.48%" where its table prints 23.74%.

use crate::engine::catalogue::Provider;
use crate::engine::period::Month;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A status as a report words it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StatedStatus {
    /// "above the Target Service Level", "met".
    MeetsTarget,
    /// "below the Target Service Level".
    BelowTarget,
    /// "below the Minimum Service Level".
    BelowMinimum,
}

impl StatedStatus {
    pub fn words(self) -> &'static str {
        match self {
            StatedStatus::MeetsTarget => "at or above target",
            StatedStatus::BelowTarget => "below target",
            StatedStatus::BelowMinimum => "below the minimum",
        }
    }
}

/// What the report states about one measure in one month.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Stated {
    /// A service level in words: "finishing the month on 23.48%".
    Level { level: Decimal },
    /// "is below the Minimum Service Level".
    Status { status: StatedStatus },
    /// "below Target Service Level for the last 21 months".
    BelowTargetRun { months: u32 },
    /// "the 27th instance it has been below in 28 months".
    BelowTargetCount { below: u32, months: u32 },
    /// "92 of which were deemed to be faulty – 2 more than the SLA allowed".
    FailuresOverAllowed { over: u64 },
}

impl fmt::Display for Stated {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Stated::Level { level } => write!(f, "level {}%", level.normalize()),
            Stated::Status { status } => f.write_str(status.words()),
            Stated::BelowTargetRun { months } => {
                write!(f, "below target for the last {months} months")
            }
            Stated::BelowTargetCount { below, months } => {
                write!(f, "below target in {below} of the last {months} months")
            }
            Stated::FailuresOverAllowed { over } => {
                write!(f, "{over} more failures than the level allows")
            }
        }
    }
}

/// One claim: about which measure, for which month, and where it was read.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Claim {
    /// The month the claim is about (the report's month).
    pub period: Month,
    pub measure: String,
    pub provider: Provider,
    pub stated: Stated,
    /// The report's words, as read (or as typed, for a claim added by hand).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub words: String,
    /// Where the words were read: the line of the pasted text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
}

impl Claim {
    /// Two claims are the same claim when they state the same thing about
    /// the same measure and month, wherever they were read.
    pub fn key(&self) -> (Month, &str, Provider, &Stated) {
        (self.period, &self.measure, self.provider, &self.stated)
    }
}
