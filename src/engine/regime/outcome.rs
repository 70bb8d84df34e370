//! What the OPR margin computation gives: each part's, measure's, group's
//! and year's margin kept and lost, and the checks of stated figures. Types
//! only, so that [`super::margin`] (which fills them) and
//! [`super::margin_checks`] (which reads them) need not import each other.

use crate::engine::explain::Explanation;
use crate::engine::opr::{LossCurve, Mechanism, Region, Scale};
use crate::engine::period::Month;
use rust_decimal::Decimal;
use serde::Serialize;

/// Where a part's performance figure came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// Typed in or as the submission states it.
    Entered,
    /// The weighted mean of the metrics.
    Metrics,
    /// No figure: a metric has neither loaded months nor an annual figure.
    Missing,
}

/// Where a metric's figure came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MetricSource {
    /// The mean of this many loaded months (of twelve).
    Monthly(u32),
    Annual,
    Missing,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MetricValue {
    pub name: String,
    pub weight: Decimal,
    pub value: Option<Decimal>,
    pub source: MetricSource,
    /// The annual figure as entered, also when months override it.
    pub annual: Option<Decimal>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PartMargin {
    pub label: String,
    pub region: Option<Region>,
    pub mechanism: Mechanism,
    /// Percent of the measure's margin.
    pub share: Decimal,
    pub margin: Decimal,
    pub performance: Option<Decimal>,
    pub source: Source,
    /// The metrics' weighted mean, when every weighted metric has a figure.
    pub from_metrics: Option<Decimal>,
    pub metrics: Vec<MetricValue>,
    /// Percent of the way from MPL to TPL, clamped to 0–100 (levels only).
    pub position: Option<Decimal>,
    /// Percent kept; `None` when there is no performance figure.
    pub share_kept: Option<Decimal>,
    /// A decided share overrode the computed one.
    pub decided: bool,
    pub kept: Option<Decimal>,
    pub lost: Option<Decimal>,
    pub explanation: Explanation,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MeasureMargin {
    pub code: String,
    pub name: String,
    pub group: String,
    pub weight: Decimal,
    pub scale: Scale,
    /// `A`, `B` or `A and B`.
    pub mechanism: String,
    pub margin: Decimal,
    /// The year states the margin rather than weight × margin at risk.
    pub margin_stated: bool,
    pub kept: Decimal,
    pub lost: Decimal,
    /// Margin of parts with no performance figure.
    pub unassessed: Decimal,
    /// Percent kept of the margin, when every part is assessed.
    pub share_kept: Option<Decimal>,
    pub parts: Vec<PartMargin>,
    pub explanation: Explanation,
}

/// A summary line: system performance, customer engagement, contract management.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct GroupMargin {
    pub group: String,
    pub margin: Decimal,
    pub kept: Decimal,
    pub lost: Decimal,
    pub unassessed: Decimal,
}

/// How a figure compares with what a submission states.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Agreement {
    Agrees,
    /// Differs by no more than the printed figures' rounding can explain.
    WithinRounding,
    Differs,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MarginCheck {
    pub what: String,
    pub stated: String,
    pub computed: String,
    pub agreement: Agreement,
    pub note: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct YearMargin {
    pub year: String,
    pub first: Month,
    pub last: Month,
    pub margin_at_risk: Decimal,
    /// The sum of the measures' margins.
    pub allocated: Decimal,
    pub kept: Decimal,
    pub lost: Decimal,
    pub unassessed: Decimal,
    pub total_weight: Decimal,
    pub curve: LossCurve,
    pub measures: Vec<MeasureMargin>,
    pub groups: Vec<GroupMargin>,
    /// The year's combined lines, each the sum of its groups.
    pub combined: Vec<GroupMargin>,
    pub checks: Vec<MarginCheck>,
    pub problems: Vec<String>,
}

impl YearMargin {
    pub fn measure(&self, code: &str) -> Option<&MeasureMargin> {
        self.measures.iter().find(|m| m.code == code)
    }
}
