//! Two sets of inputs side by side: what differs in the inputs (figures,
//! settings, credit scheme, OPR years) and what that changes in the results
//! (service levels, statuses, CPMs, credits, OPR margin).
//!
//! Everything is compared as the app shows it: a value is the text a user
//! would read, so "changed" means "looks different", and a difference is
//! given only where both sides are numbers. Lookups go through maps keyed by
//! identity, so a whole year of figures compares in a few milliseconds.

mod figures;
mod regime;
mod results;
mod scheme;

use super::format::{exact, signed};
use super::results::Settings;
use super::work::{Outcome, Work};
use rust_decimal::Decimal;
use serde::Serialize;

/// Where a change belongs. The first four are inputs; the rest results.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Section {
    Figures,
    Settings,
    Scheme,
    Regime,
    ServiceLevel,
    Status,
    Cpm,
    Credit,
    Margin,
}

impl Section {
    pub const INPUTS: [Section; 4] = [
        Section::Figures,
        Section::Settings,
        Section::Scheme,
        Section::Regime,
    ];
    pub const RESULTS: [Section; 5] = [
        Section::ServiceLevel,
        Section::Status,
        Section::Cpm,
        Section::Credit,
        Section::Margin,
    ];

    /// A heading for the section.
    pub fn label(self) -> &'static str {
        match self {
            Section::Figures => "Figures",
            Section::Settings => "Settings",
            Section::Scheme => "Credit scheme",
            Section::Regime => "OPR years",
            Section::ServiceLevel => "Service levels",
            Section::Status => "Statuses",
            Section::Cpm => "CPMs",
            Section::Credit => "Service credits",
            Section::Margin => "OPR margin",
        }
    }

    /// A stable name for files and test hooks: `service_level`.
    pub fn key(self) -> &'static str {
        match self {
            Section::Figures => "figures",
            Section::Settings => "settings",
            Section::Scheme => "scheme",
            Section::Regime => "regime",
            Section::ServiceLevel => "service_level",
            Section::Status => "status",
            Section::Cpm => "cpm",
            Section::Credit => "credit",
            Section::Margin => "margin",
        }
    }
}

/// One thing that differs: what, as each side shows it, and by how much.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Change {
    pub section: Section,
    pub item: String,
    pub left: String,
    pub right: String,
    /// Right minus left, signed, where both are numbers.
    pub difference: Option<String>,
}

/// Everything that differs, inputs first, each list in section order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Comparison {
    pub inputs: Vec<Change>,
    pub results: Vec<Change>,
}

impl Comparison {
    pub fn is_empty(&self) -> bool {
        self.inputs.is_empty() && self.results.is_empty()
    }
}

/// Compares two sides' work under their settings, computing each side's outcome.
pub fn compare(left: &Work, ls: Settings, right: &Work, rs: Settings) -> Comparison {
    compare_outcomes(&Outcome::of(left, ls), &Outcome::of(right, rs))
}

/// Compares two sides whose outcomes are already computed (the app keeps
/// them, so changing one side does not recompute the other).
pub fn compare_outcomes(lo: &Outcome, ro: &Outcome) -> Comparison {
    let (left, right) = (&lo.work, &ro.work);
    let mut inputs = Vec::new();
    figures::figures(&left.data, &right.data, &mut inputs);
    figures::reported_credits(&left.data, &right.data, &mut inputs);
    if lo.settings != ro.settings {
        inputs.push(change(
            Section::Settings,
            "Comparison rule".into(),
            lo.settings.rule.to_string(),
            ro.settings.rule.to_string(),
            None,
        ));
    }
    scheme::scheme(&left.scheme, &right.scheme, &mut inputs);
    regime::regime(&left.regime, &right.regime, &mut inputs);
    let mut results = Vec::new();
    results::levels(&lo.results, &ro.results, &mut results);
    results::credit_changes(&lo.credits(), &ro.credits(), &mut results);
    results::margins(&lo.margins(), &ro.margins(), &mut results);
    // Stable: keeps the order each part added within a section.
    crate::engine::order::sort_by_key(&mut inputs, |c| c.section);
    crate::engine::order::sort_by_key(&mut results, |c| c.section);
    Comparison { inputs, results }
}

const ABSENT: &str = "—";

/// How a number is shown, or its difference.
type Show = fn(Decimal) -> String;

fn change(
    section: Section,
    item: String,
    left: String,
    right: String,
    difference: Option<String>,
) -> Change {
    Change {
        section,
        item,
        left,
        right,
        difference,
    }
}

/// Pushes a change when the two texts differ.
fn differ(out: &mut Vec<Change>, section: Section, item: String, l: String, r: String) {
    if l != r {
        out.push(change(section, item, l, r, None));
    }
}

/// Pushes a change of a number when the shown texts differ, with its difference.
fn number(
    out: &mut Vec<Change>,
    section: Section,
    item: String,
    (l, r): (Option<Decimal>, Option<Decimal>),
    show: Show,
    diff: Show,
) {
    let text = |v: Option<Decimal>| v.map_or_else(|| ABSENT.to_string(), show);
    let (lt, rt) = (text(l), text(r));
    if lt != rt {
        let d = match (l, r) {
            (Some(a), Some(b)) => b.checked_sub(a).map(diff),
            _ => None,
        };
        out.push(change(section, item, lt, rt, d));
    }
}

/// A plain number's difference at its own precision: `+0.5`, `-2`.
fn signed_exact(v: Decimal) -> String {
    let n = v.normalize();
    signed(n, n.scale().min(6))
}

fn percent(p: Decimal) -> String {
    format!("{}%", exact(p))
}

/// Percentage points, for levels and shares: `+1.25 pp`.
fn points_diff(v: Decimal) -> String {
    let n = v.normalize();
    format!("{} pp", signed(n, n.scale().clamp(2, 6)))
}
