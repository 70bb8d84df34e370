//! Observations: what a report (or a user) says about one measure of one
//! provider in one period.

use crate::engine::catalogue::Provider;
use crate::engine::period::Month;
use crate::engine::reported::ReportedCredit;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

/// A service level that is not a number. Never zero, never averaged in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NoValue {
    /// Nothing to measure in the period.
    NoEvents,
    /// Events occurred but all were excluded as allowed exceptions.
    DataExempted,
    /// The measure did not apply.
    NotApplicable,
    /// The provider did not report it.
    NotReported,
}

impl NoValue {
    /// As the PMR prints it.
    pub fn label(self) -> &'static str {
        match self {
            NoValue::NoEvents => "No Events",
            NoValue::DataExempted => "Data Exempted",
            NoValue::NotApplicable => "N/A",
            NoValue::NotReported => "Not Reported",
        }
    }

    /// Reads the words reports use, ignoring case and spacing.
    pub fn parse(text: &str) -> Option<NoValue> {
        let key: String = text
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        Some(match key.as_str() {
            "noevents" | "noevent" => NoValue::NoEvents,
            "dataexempted" | "exempted" | "exempt" => NoValue::DataExempted,
            "na" | "notapplicable" => NoValue::NotApplicable,
            "notreported" | "performancemeasurementnotreported" => NoValue::NotReported,
            _ => return None,
        })
    }
}

impl fmt::Display for NoValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// Incidents of one category closed in the period (CPM4: 1–2, CPM5: 3–5).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IncidentCount {
    pub category: u8,
    /// Closed in the period and resolved within target, after exclusions.
    pub within: u64,
    /// Closed in the period, after exclusions.
    pub total: u64,
    /// Incidents left out under the Performance Measure Exclusion List, by
    /// exclusion type (the report's "PMEL Exclusions Detail"). Not in `total`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub excluded: BTreeMap<String, u64>,
}

impl IncidentCount {
    /// Resolved within target and closed, over all `categories`. Saturating:
    /// counts come from users, and no sum may panic or wrap.
    pub fn totals(categories: &[IncidentCount]) -> (u64, u64) {
        categories.iter().fold((0u64, 0u64), |(w, t), c| {
            (w.saturating_add(c.within), t.saturating_add(c.total))
        })
    }
}

/// What was observed. The engine turns each into a service level.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Input {
    /// A level as reported or entered: a percentage, or a count for count measures.
    Level { level: Decimal },
    /// Successes out of a total: `100 × successes / total`.
    Counts { successes: u64, total: u64 },
    /// PM12.2: alerts delivered and power-loss alerts, for the contract formula.
    PowerOutage {
        delivered: u64,
        power_loss_alerts: u64,
    },
    /// CPM4 / CPM5 from incident counts by category.
    Incidents { categories: Vec<IncidentCount> },
    /// Not a number.
    Status { status: NoValue },
}

/// One figure for one measure, provider and period, as one report gave it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Observation {
    pub period: Month,
    pub measure: String,
    pub provider: Provider,
    pub input: Input,
    /// The level as the report printed it, where the input is counts (or a
    /// derived CPM's reported figure), to check against the computed one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reported: Option<Decimal>,
    /// The month of the report that gave this figure. A later report giving
    /// the same period another value is a restatement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reported_in: Option<Month>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The documents give only an approximate figure ("about 50%").
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub approximate: bool,
}

/// All observations the calculator works on.
///
/// Each observation is shared (`Arc`): undo history, scenarios and the
/// baseline each hold a dataset, and an edit changes one figure, so a copy
/// of five years costs a pointer per figure rather than a deep copy
/// (issue 14: an edit costs the same whatever history is loaded). Saved as
/// the plain observation (serde's `rc` feature), so files are unchanged.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dataset {
    pub observations: Vec<Arc<Observation>>,
    /// Service credits as reports state them, to check against the computed ones.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub credits: Vec<ReportedCredit>,
    /// What reports state in words, to check against the computed figures.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub claims: Vec<crate::engine::data::claim::Claim>,
}

impl Dataset {
    /// A dataset of these figures alone.
    pub fn of(observations: impl IntoIterator<Item = Observation>) -> Dataset {
        Dataset {
            observations: shared(observations),
            ..Dataset::default()
        }
    }
}

/// Figures as a dataset holds them, each shared.
pub fn shared(observations: impl IntoIterator<Item = Observation>) -> Vec<Arc<Observation>> {
    observations.into_iter().map(Arc::new).collect()
}
