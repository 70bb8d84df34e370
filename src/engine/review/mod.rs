//! The month on one page: how the DCC did and whether the report is right.
//!
//! [`review`] gathers, for one month, what a Panel or Operations Group
//! member asks first: the CPM scorecard, every measure below target with how
//! far off and for how long, the money (service credits and the OPR year so
//! far), everything the report gets wrong, how complete the loaded month is,
//! and what would bring each failing CPM back. It only reads the results,
//! credits and margins already computed; nothing here is a new rule.
//!
//! - [`run`]: how long a measure has been below target, and whether the
//!   loaded history can say;
//! - [`recovery`]: the level a CPM's weakest component would need;
//! - [`claims`]: what the report states in words, checked;
//! - [`findings`]: every discrepancy, each pointing at its explanation.

pub mod claims;
pub mod findings;
pub mod recovery;
pub mod run;

pub use claims::{ClaimCheck, Verdict};
pub use findings::{Finding, FindingKind, Subject};
pub use recovery::{Needed, Recovery};
pub use run::Run;

use crate::engine::catalogue::{Basis, Catalogue, Provider, Unit};
use crate::engine::credit_table::latest_reported;
use crate::engine::credits::{Credits, LineState};
use crate::engine::format::{decimal, level};
use crate::engine::level::ServiceLevel;
use crate::engine::margin::YearMargin;
use crate::engine::observation::Dataset;
use crate::engine::opr::Regime;
use crate::engine::parties::Fleet;
use crate::engine::period::Month;
use crate::engine::reported::{Amount, CreditScope};
use crate::engine::results::{MeasureResult, Results};
use crate::engine::rule::Compliance;
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::HashMap;

/// Results looked up by period, measure and provider without a scan.
pub(crate) struct Index<'a> {
    rows: HashMap<(Month, &'a str, Provider), &'a MeasureResult>,
}

impl<'a> Index<'a> {
    pub(crate) fn new(results: &'a Results) -> Index<'a> {
        let rows = results
            .rows
            .iter()
            .map(|r| ((r.period, r.measure.as_str(), r.provider), &**r))
            .collect();
        Index { rows }
    }

    pub(crate) fn get(
        &self,
        period: Month,
        measure: &str,
        provider: Provider,
    ) -> Option<&'a MeasureResult> {
        self.rows.get(&(period, measure, provider)).copied()
    }

    /// The result a monthly report for `month` shows: that month's, or a
    /// quarterly measure's latest quarter.
    pub(crate) fn shown(
        &self,
        month: Month,
        measure: &str,
        provider: Provider,
    ) -> Option<&'a MeasureResult> {
        (0..3)
            .filter_map(|k| self.get(month.minus(k), measure, provider))
            .find(|r| r.cadence.shows_in(r.period, month))
    }
}

/// One CPM on the scorecard.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CpmCard {
    pub measure: String,
    pub provider: Provider,
    /// The period shown (a quarterly CPM's latest quarter).
    pub period: Month,
    pub name: String,
    pub display: String,
    pub target: Option<Decimal>,
    pub minimum: Option<Decimal>,
    pub status: Compliance,
    /// From the period before, in percentage points.
    pub change: Option<Decimal>,
    /// The loaded periods up to this one (at most 24), oldest first.
    pub trend: Vec<(Month, Option<Decimal>)>,
    pub run: Run,
}

/// A service credit line's money as the month view shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MissCredit {
    pub state: LineState,
    pub money: Option<Decimal>,
}

impl Miss {
    /// The credit as the month view shows it: money where accrued or set,
    /// else why there is none ("Pending", "Exempt", "KPI – no credit").
    pub fn credit_label(&self) -> String {
        match &self.credit {
            Some(MissCredit {
                state: LineState::Accrued | LineState::Overridden,
                money: Some(g),
            }) => crate::engine::reported::pounds(*g),
            Some(c) => c.state.label().to_string(),
            None if self.kpi => LineState::NoCredit.label().to_string(),
            None => "–".into(),
        }
    }
}

/// A measure below target this month.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Miss {
    pub period: Month,
    pub measure: String,
    pub provider: Provider,
    pub name: String,
    pub display: String,
    pub target: Option<Decimal>,
    pub status: Compliance,
    /// How far off, in words: successes short where counts exist, else
    /// percentage points.
    pub shortfall: String,
    pub run: Run,
    pub kpi: bool,
    /// `None` for a CPM or a measure with no credit line.
    pub credit: Option<MissCredit>,
}

/// The month's money.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Money {
    /// Service credits computed for the month, all providers.
    pub credits: Decimal,
    /// Credit lines still pending (their money is not in `credits`).
    pub pending: usize,
    /// §15's stated total for the month, where loaded.
    pub stated: Option<Amount>,
    /// The OPR year the month falls in, computed over the loaded months.
    pub opr: Option<OprSoFar>,
    /// Why there is no OPR year, in words.
    pub opr_note: Option<String>,
}

/// An OPR year's margin so far.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OprSoFar {
    pub year: String,
    pub margin_at_risk: Decimal,
    pub kept: Decimal,
    pub lost: Decimal,
    pub unassessed: Decimal,
}

/// How much of the month is loaded.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Completeness {
    pub expected: usize,
    pub loaded: usize,
    /// Up to all of them: "CSPN PM2".
    pub missing: Vec<String>,
}

impl Completeness {
    pub fn partial(&self) -> bool {
        self.loaded < self.expected
    }

    /// A plain warning for a partial month.
    pub fn warning(&self, month: Month) -> Option<String> {
        self.partial().then(|| {
            format!(
                "Partial month: only {} of the {} measures the catalogue expects are loaded for {}. \
                 Missing measures cannot miss target, so a partial month can look healthier than it was.",
                self.loaded,
                self.expected,
                month.long_name()
            )
        })
    }
}

/// The month on one page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MonthReview {
    pub month: Month,
    pub scorecard: Vec<CpmCard>,
    pub misses: Vec<Miss>,
    pub money: Money,
    pub claims: Vec<ClaimCheck>,
    pub findings: Vec<Finding>,
    pub completeness: Completeness,
    pub recoveries: Vec<Recovery>,
}

impl MonthReview {
    /// "March 2021: 1 of 8 CPMs below target; 8 measures below target; 9
    /// discrepancies in the report."
    pub fn headline(&self) -> String {
        self.headline_with(0)
    }

    /// The headline, counting too `others` found in the report's other
    /// tables and the other reports (worked out apart: see
    /// [`crate::engine::reports::findings`]), so that it counts what the
    /// month's list shows.
    pub fn headline_with(&self, others: usize) -> String {
        let cpms_missed = self.scorecard.iter().filter(|c| c.status.is_miss()).count();
        let found = match others {
            0 => format!("{} discrepancies in the report", self.findings.len()),
            n => format!(
                "{} discrepancies in the report ({} in its figures, {n} in its other tables and reports)",
                self.findings.len() + n,
                self.findings.len()
            ),
        };
        format!(
            "{}: {} of {} CPMs below target; {} measures below target; {found}.",
            self.month.long_name(),
            cpms_missed,
            self.scorecard.len(),
            self.misses.len(),
        )
    }

    /// The partial-month warning, or that the month is complete.
    pub fn completeness_line(&self) -> String {
        self.completeness.warning(self.month).unwrap_or_else(|| {
            format!(
                "Complete: all {} measures the catalogue expects are loaded.",
                self.completeness.expected
            )
        })
    }
}

/// What the review reads: the work and what was computed from it.
pub struct Computed<'a> {
    pub data: &'a Dataset,
    pub results: &'a Results,
    /// The credits of the periods the month's report shows at least (its
    /// own, and its quarterly rows' periods: `Outcome::credits_shown_in`).
    pub credits: &'a Credits,
    pub margins: &'a [YearMargin],
    pub regime: &'a Regime,
}

/// Reviews `month`.
pub fn review(c: &Computed, month: Month) -> MonthReview {
    let index = Index::new(c.results);
    let rule = c.results.settings.rule;
    let shown = c.results.for_month(month);
    let cat = Catalogue::builtin();

    let scorecard = shown
        .iter()
        .filter(|r| r.measure.starts_with("CPM") && r.provider == Provider::Dcc)
        .map(|r| card(r, &index))
        .collect();

    let misses = shown
        .iter()
        .filter(|r| r.status.is_miss())
        .map(|r| miss(r, c.credits))
        .collect();

    let recoveries = shown
        .iter()
        .filter(|r| r.measure.starts_with("CPM") && r.provider == Provider::Dcc)
        .filter_map(|r| recovery::recovery(r, &index, rule))
        .collect();

    let claims: Vec<ClaimCheck> = c
        .data
        .claims
        .iter()
        .filter(|cl| cl.period == month)
        .map(|cl| claims::check(cl, &index, rule))
        .collect();

    let (credits, pending) = c.credits.total(month);
    let stated = latest_reported(c.data)
        .get(&(month, CreditScope::Total { fleet: Fleet::All }))
        .map(|r| r.amount);
    // The OPR year the month falls in, computed over the months up to it
    // only: "so far" as of the month on show.
    let year = c
        .margins
        .iter()
        .position(|y| y.first <= month && month <= y.last);
    let so_far = year.and_then(|i| {
        let upto = c.results.until(month);
        c.regime
            .years
            .get(i)
            .map(|y| crate::engine::margin::compute(y, Some(&upto)))
    });
    let (opr, opr_note) = match &so_far {
        Some(m) => (
            Some(OprSoFar {
                year: m.year.clone(),
                margin_at_risk: m.margin_at_risk,
                kept: m.kept,
                lost: m.lost,
                unassessed: m.unassessed,
            }),
            None,
        ),
        None => (
            None,
            Some(if c.regime.years.is_empty() {
                "No OPR years are loaded.".to_string()
            } else {
                format!(
                    "No OPR year loaded covers {} (loaded: {}).",
                    month.long_name(),
                    c.regime
                        .years
                        .iter()
                        .map(|y| y.name.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            }),
        ),
    };
    let money = Money {
        credits,
        pending,
        stated,
        opr,
        opr_note,
    };

    let completeness = completeness(c.data, &shown, cat, month);
    let findings = findings::gather(
        c,
        month,
        &shown,
        &claims,
        year.and_then(|i| c.margins.get(i)),
    );
    MonthReview {
        month,
        scorecard,
        misses,
        money,
        claims,
        findings,
        completeness,
        recoveries,
    }
}

fn card(r: &MeasureResult, index: &Index) -> CpmCard {
    let mut trend = Vec::new();
    let mut at = r.period;
    for _ in 0..24 {
        if let Some(x) = index.get(at, &r.measure, r.provider) {
            trend.push((at, x.level.number()));
        }
        at = r.cadence.previous(at);
    }
    trend.reverse();
    CpmCard {
        measure: r.measure.clone(),
        provider: r.provider,
        period: r.period,
        name: r.name.clone(),
        display: r.display.clone(),
        target: r.target,
        minimum: r.minimum,
        status: r.status,
        change: r.change,
        trend,
        run: Run::of(r),
    }
}

fn miss(r: &MeasureResult, credits: &Credits) -> Miss {
    let shortfall = match (&r.headroom, r.level, r.target) {
        (Some(h), _, _) if h.successes_short > 0 => format!(
            "{} successes short (of {})",
            crate::engine::format::thousands(h.successes_short),
            crate::engine::format::thousands(h.total)
        ),
        (_, ServiceLevel::Number(n), Some(t)) if r.unit == Unit::Percent => {
            format!("{} points short", decimal((n - t).abs(), 2))
        }
        // A count against a ceiling (incidents from a release): how many over.
        (_, ServiceLevel::Number(n), Some(t)) => format!(
            "{} over the target of {}",
            level((n - t).abs(), false),
            level(t, false)
        ),
        _ => "–".into(),
    };
    let credit = credits
        .line(r.period, r.provider, &r.measure)
        .map(|l| MissCredit {
            state: l.state,
            money: l.money,
        });
    Miss {
        period: r.period,
        measure: r.measure.clone(),
        provider: r.provider,
        name: r.name.clone(),
        display: r.display.clone(),
        target: r.target,
        status: r.status,
        shortfall,
        run: Run::of(r),
        kpi: r.kpi,
        credit,
    }
}

/// Which of the catalogue's measures have a figure for `month` (a quarterly
/// measure's latest quarter; a CPM formed from its components counts).
fn completeness(
    data: &Dataset,
    shown: &[&MeasureResult],
    cat: &Catalogue,
    month: Month,
) -> Completeness {
    let mut have = std::collections::HashSet::new();
    for o in &data.observations {
        if let Some(def) = cat.get(&o.measure, o.provider) {
            if def.cadence.shows_in(o.period, month) {
                have.insert((def.code, def.provider));
            }
        }
    }
    for r in shown {
        let derived = cat
            .get(&r.measure, r.provider)
            .filter(|d| d.basis == Basis::Derived);
        if let (Some(d), ServiceLevel::Number(_)) = (derived, r.level) {
            have.insert((d.code, d.provider));
        }
    }
    let missing = cat.missing(&have);
    Completeness {
        expected: cat.measures().len(),
        loaded: cat.measures().len() - missing.len(),
        missing,
    }
}
