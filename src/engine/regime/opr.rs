//! The Operational Performance Regime (OPR) as data: regulatory years, their
//! measures, weights, levels, regions and the margin at risk.
//!
//! Ofgem puts the DCC's baseline margin at risk each regulatory year (April
//! to March), split by weight across the measures (Revised OPR Guidance,
//! 29 March 2022; RY23/24 submission, Table 7). A year is a value of
//! [`RegimeYear`], read from JSON by `io::regime`, so a future guidance
//! change is a new year, not a code change.
//!
//! - A measure's margin is its weight × the year's margin at risk, unless the
//!   year states the amount allocated ([`OprMeasure::margin`]).
//! - A measure is split into [`Part`]s, each carrying a share of its margin.
//!   A part with no region is penalty mechanism A (one figure for the whole
//!   part); a regional part is mechanism B. SDM2 has both.
//! - A part's performance is either levels against TPL and MPL, or a score
//!   out of a maximum ([`Scale`]).
//!
//! The arithmetic is in [`crate::engine::margin`]; the inverse ("what would it take")
//! in [`crate::engine::opr_whatif`].

use crate::engine::catalogue::Provider;
use crate::engine::period::Month;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Every regulatory year the user has, oldest first.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Regime {
    pub years: Vec<RegimeYear>,
}

/// One regulatory year's OPR.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegimeYear {
    /// As Ofgem names it: `RY23/24`.
    pub name: String,
    /// The first month, April; the year runs twelve months from it.
    pub start: Month,
    /// The baseline margin at risk, in pounds.
    pub margin_at_risk: Decimal,
    /// How much of a part is kept between MPL and TPL. Default: straight line.
    #[serde(default)]
    pub curve: LossCurve,
    pub measures: Vec<OprMeasure>,
    /// Where the figures come from, and what is assumed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// Totals as a submission states them, to check against.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reported: Option<ReportedOutcome>,
    /// Groups a submission speaks of together ("customer engagement and
    /// contract management"), summed and checked as one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub combined: Vec<Combined>,
}

/// Several groups summed as one line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Combined {
    pub name: String,
    pub groups: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reported: Option<ReportedOutcome>,
}

/// An OPR measure: SUM1, SDM1, SDM2, VMM1, VMM2 and the zero-weighted ones.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OprMeasure {
    pub code: String,
    pub name: String,
    /// The summary's grouping: system performance, customer engagement, contract management.
    pub group: String,
    /// Percent of the margin at risk; 0 for a zero-weighted measure.
    pub weight: Decimal,
    /// The amount allocated, in pounds, where the year states it; otherwise
    /// weight × margin at risk.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub margin: Option<Decimal>,
    pub scale: Scale,
    pub parts: Vec<Part>,
    /// The measure's line in a submission's summary table, to check against.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reported: Option<ReportedOutcome>,
}

/// What a measure's performance is measured on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Scale {
    /// A percentage against a target (TPL) and minimum (MPL) performance level.
    Levels { tpl: Decimal, mpl: Decimal },
    /// A score out of `max`; the share kept is score ÷ max.
    Score { max: Decimal },
}

/// A region for penalty mechanism B.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Region {
    North,
    Central,
    South,
}

impl Region {
    pub const ALL: [Region; 3] = [Region::North, Region::Central, Region::South];
}

impl fmt::Display for Region {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Region::North => "North",
            Region::Central => "Central",
            Region::South => "South",
        })
    }
}

/// Penalty mechanism A (one figure) or B (per region).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Mechanism {
    A,
    B,
}

/// A share of a measure's margin, assessed on one performance figure.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Part {
    /// A label where the region does not say it (`SMETS1`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `None`: the non-regional part (mechanism A).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<Region>,
    /// Relative to the measure's other parts: three parts of 1 take a third each.
    #[serde(default = "one")]
    pub share: Decimal,
    /// The metrics the RPL is formed from, if known.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub metrics: Vec<Metric>,
    /// The RPL (percent) or score as entered; when present it is used, and
    /// the metrics only cross-check it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub performance: Option<Decimal>,
    /// A share kept decided outright (an Ofgem determination), with why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided: Option<Decided>,
}

impl Part {
    pub fn mechanism(&self) -> Mechanism {
        match self.region {
            None => Mechanism::A,
            Some(_) => Mechanism::B,
        }
    }

    /// The part's name, else the region's, else `Non-regional`.
    pub fn label(&self) -> String {
        match (&self.name, self.region) {
            (Some(n), _) if !n.trim().is_empty() => n.clone(),
            (_, Some(r)) => r.to_string(),
            _ => "Non-regional".to_string(),
        }
    }
}

/// A share kept decided rather than computed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decided {
    /// Percent of the part's margin kept.
    pub kept: Decimal,
    pub reason: String,
}

/// One metric an RPL is the mean of.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Metric {
    pub name: String,
    /// Relative weight; 0 for a zero-weighted metric (SRV8.11 in RY23/24).
    #[serde(default = "one")]
    pub weight: Decimal,
    /// Monthly series whose mean over the year forms the metric, where loaded.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub series: Vec<Series>,
    /// The annual figure as reported, used where no month is loaded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annual: Option<Decimal>,
}

/// A provider's measure in the loaded monthly figures.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Series {
    pub provider: Provider,
    pub measure: String,
}

/// A figure in a submission's summary, in pounds, and the pounds it is
/// rounded to (1,000 for £m to three decimals).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportedOutcome {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kept: Option<Decimal>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lost: Option<Decimal>,
    /// Percent kept, as printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub share_kept: Option<Decimal>,
    /// The margin at risk, as stated (checked for combined lines).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub margin: Option<Decimal>,
    #[serde(default = "thousand")]
    pub rounded_to: Decimal,
    /// Where in the submission.
    #[serde(default)]
    pub source: String,
}

/// Share kept as a function of where the RPL falls between MPL (0%) and
/// TPL (100%). At or above TPL all is kept and at or below MPL all is lost,
/// whatever the curve.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum LossCurve {
    /// Straight line from nothing lost at TPL to all lost at MPL: the common
    /// reading of the guidance.
    #[default]
    Linear,
    /// All lost below TPL.
    Step,
    /// Straight lines through points (position %, kept %), in order.
    Points { points: Vec<CurvePoint> },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CurvePoint {
    /// Percent of the way from MPL to TPL.
    pub at: Decimal,
    /// Percent kept there.
    pub kept: Decimal,
}

impl LossCurve {
    pub fn describe(&self) -> String {
        match self {
            LossCurve::Linear => {
                "straight line: nothing lost at or above TPL, all lost at or below MPL".into()
            }
            LossCurve::Step => "all or nothing: all lost below TPL".into(),
            LossCurve::Points { points } => {
                let pts: Vec<String> = points
                    .iter()
                    .map(|p| format!("{}% of the way → {}% kept", p.at, p.kept))
                    .collect();
                format!("through points: {}", pts.join("; "))
            }
        }
    }
}

fn one() -> Decimal {
    Decimal::ONE
}

fn thousand() -> Decimal {
    Decimal::ONE_THOUSAND
}

impl RegimeYear {
    /// The twelve months of the year.
    pub fn months(&self) -> Vec<Month> {
        (0..12).map(|i| self.start.plus(i)).collect()
    }

    pub fn measure(&self, code: &str) -> Option<&OprMeasure> {
        self.measures.iter().find(|m| m.code == code)
    }

    pub fn measure_mut(&mut self, code: &str) -> Option<&mut OprMeasure> {
        self.measures.iter_mut().find(|m| m.code == code)
    }

    /// Sum of the weights, percent.
    pub fn total_weight(&self) -> Decimal {
        self.measures
            .iter()
            .fold(Decimal::ZERO, |a, m| a.saturating_add(m.weight))
    }

    /// Everything that makes the year unusable, in words; empty when fine.
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        let y = &self.name;
        if self.name.trim().is_empty() {
            out.push("a year needs a name".into());
        }
        if self.margin_at_risk < Decimal::ZERO {
            out.push(format!("{y}: the margin at risk is negative"));
        }
        if let LossCurve::Points { points } = &self.curve {
            let pct = |d: Decimal| d >= Decimal::ZERO && d <= Decimal::ONE_HUNDRED;
            if points.iter().any(|p| !pct(p.at) || !pct(p.kept)) {
                out.push(format!("{y}: curve points must lie between 0% and 100%"));
            }
            if points
                .windows(2)
                .any(|w| w[1].at <= w[0].at || w[1].kept < w[0].kept)
            {
                out.push(format!(
                    "{y}: curve points must rise in position and never fall in share kept"
                ));
            }
        }
        for m in &self.measures {
            out.extend(m.problems(y));
        }
        out
    }
}

impl OprMeasure {
    fn problems(&self, year: &str) -> Vec<String> {
        let mut out = Vec::new();
        let c = format!("{year} {}", self.code);
        if self.weight < Decimal::ZERO || self.weight > Decimal::ONE_HUNDRED {
            out.push(format!("{c}: the weight must be between 0% and 100%"));
        }
        if self.margin.is_some_and(|m| m < Decimal::ZERO) {
            out.push(format!("{c}: the margin is negative"));
        }
        match self.scale {
            Scale::Levels { tpl, mpl } if tpl <= mpl => {
                out.push(format!("{c}: TPL ({tpl}) must be above MPL ({mpl})"))
            }
            Scale::Score { max } if max <= Decimal::ZERO => {
                out.push(format!("{c}: the maximum score must be above 0"))
            }
            _ => {}
        }
        if self.parts.is_empty() {
            out.push(format!("{c}: a measure needs at least one part"));
        }
        if self.parts.iter().any(|p| p.share < Decimal::ZERO)
            || self.parts.iter().all(|p| p.share.is_zero()) && !self.parts.is_empty()
        {
            out.push(format!("{c}: part shares must be 0 or more, and not all 0"));
        }
        for p in &self.parts {
            if p.performance.is_some_and(|v| v < Decimal::ZERO) {
                out.push(format!("{c} {}: performance is negative", p.label()));
            }
            if let (Scale::Score { max }, Some(v)) = (self.scale, p.performance) {
                if v > max {
                    out.push(format!("{c} {}: the score is above {max}", p.label()));
                }
            }
            if let Some(d) = &p.decided {
                if d.kept < Decimal::ZERO || d.kept > Decimal::ONE_HUNDRED {
                    out.push(format!(
                        "{c} {}: a decided share must be 0% to 100%",
                        p.label()
                    ));
                }
            }
            if p.metrics
                .iter()
                .any(|m| m.annual.is_some_and(|a| a < Decimal::ZERO))
            {
                out.push(format!(
                    "{c} {}: a metric's annual figure is negative",
                    p.label()
                ));
            }
            if p.metrics.iter().any(|m| m.weight < Decimal::ZERO) {
                out.push(format!(
                    "{c} {}: metric weights must be 0 or more",
                    p.label()
                ));
            }
        }
        out
    }
}

impl Regime {
    pub fn year(&self, name: &str) -> Option<&RegimeYear> {
        self.years.iter().find(|y| y.name == name)
    }

    pub fn year_mut(&mut self, name: &str) -> Option<&mut RegimeYear> {
        self.years.iter_mut().find(|y| y.name == name)
    }

    pub fn problems(&self) -> Vec<String> {
        let mut out: Vec<String> = self.years.iter().flat_map(|y| y.problems()).collect();
        for (i, y) in self.years.iter().enumerate() {
            if self.years[..i].iter().any(|o| o.name == y.name) {
                out.push(format!("two years are named {}", y.name));
            }
        }
        out
    }
}
