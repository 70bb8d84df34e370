//! Service points and credits from results and a [`CreditScheme`].
//!
//! For each period, every provider measure that missed its target (or that
//! carries a manual adjustment) becomes a [`CreditLine`]:
//!
//! 1. no scheme, pending, exempt or KPI: no points (pending shows as pending,
//!    never as zero);
//! 2. points from the measure's rule (its own terms, else the provider's):
//!    bands, thresholds or scaled, or a manual override of points;
//! 3. × the repeat multiplier when the measure also missed target in the
//!    period before (within the loaded data), rounded as the scheme says;
//! 4. the provider's cap on points for the period, taken up in report order;
//! 5. × money per point, rounded as the scheme says (or a manual override of
//!    money), then the cap on money, in the same order.
//!
//! Every step is saturating: no figure a user types can overflow or panic.

use crate::engine::catalogue::{Direction, Provider};
use crate::engine::explain::{Explanation, Fact};
use crate::engine::format::exact;
use crate::engine::parties::Party;
use crate::engine::period::{Cadence, Month};
use crate::engine::reported::pounds;
use crate::engine::results::{MeasureResult, Results};
use crate::engine::rule::{ComparisonRule, Compliance};
use crate::engine::scheme::{CreditScheme, Decision, PointsRule, ProviderScheme};
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// Why a line has the credit it has.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LineState {
    Accrued,
    /// A KPI, or a measure the scheme says carries no credit.
    NoCredit,
    Exempt,
    /// Under discussion: no figure yet.
    Pending,
    /// A manual override of points or money.
    Overridden,
    /// The scheme has no terms for this provider.
    NoScheme,
    /// The measure meets target under the comparison rule in force, so a
    /// decision left pending (made for a miss) has nothing to decide: no
    /// credit, and nothing pending.
    MetUnderRule,
}

impl LineState {
    pub fn label(self) -> &'static str {
        match self {
            LineState::Accrued => "Accrued",
            LineState::NoCredit => "KPI – no credit",
            LineState::Exempt => "Exempt",
            LineState::Pending => "Pending",
            LineState::Overridden => "Overridden",
            LineState::NoScheme => "No scheme",
            LineState::MetUnderRule => "Met target under this rule",
        }
    }
}

/// One failing (or adjusted) measure's points and credit in one period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CreditLine {
    pub period: Month,
    pub provider: Provider,
    pub party: Party,
    pub measure: String,
    pub name: String,
    /// The service level as shown in the results.
    pub display: String,
    pub target: Option<Decimal>,
    pub minimum: Option<Decimal>,
    pub status: Compliance,
    pub state: LineState,
    /// Which band or rule gave the points, in words.
    pub band: String,
    pub base_points: Decimal,
    /// The repeat multiplier applied (1 when the period before met target).
    pub multiplier: Decimal,
    pub points_before_cap: Decimal,
    /// `None` only when pending.
    pub points: Option<Decimal>,
    pub money_before_cap: Decimal,
    /// `None` only when pending.
    pub money: Option<Decimal>,
    /// The money was set by hand, not from points.
    pub money_override: bool,
    /// What a cap took off, in words.
    pub cap_effect: Option<String>,
    pub explanation: Explanation,
}

/// One provider's credits in one period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ProviderCredits {
    pub period: Month,
    pub provider: Provider,
    pub party: Party,
    pub points: Decimal,
    pub money: Decimal,
    /// Lines pending: the money is a floor, not a total.
    pub pending: usize,
}

/// Credits for every loaded period.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Credits {
    /// By period, provider (report order), then measure (report order).
    pub lines: Vec<CreditLine>,
    pub totals: Vec<ProviderCredits>,
    /// Periods and providers with monthly results: where a computed credit
    /// of zero can mean "nothing accrued" rather than "no data".
    pub loaded: BTreeSet<(Month, Provider)>,
    /// Per period and provider: monthly measures with a result, and how many
    /// the catalogue has. A month with some missing is computed but partial.
    pub coverage: BTreeMap<(Month, Provider), (usize, usize)>,
}

/// A company's computed credits in one period.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct PartyCredits {
    pub money: Decimal,
    pub points: Decimal,
    pub pending: usize,
    /// Every monthly measure of the party's contracts has a figure.
    pub complete: bool,
}

impl PartyCredits {
    /// Nothing yet, complete until a part says otherwise.
    pub const NONE: PartyCredits = PartyCredits {
        money: Decimal::ZERO,
        points: Decimal::ZERO,
        pending: 0,
        complete: true,
    };

    /// Both together (saturating).
    pub fn plus(self, other: PartyCredits) -> PartyCredits {
        PartyCredits {
            money: add(self.money, other.money),
            points: add(self.points, other.points),
            pending: self.pending.saturating_add(other.pending),
            complete: self.complete && other.complete,
        }
    }
}

impl Credits {
    pub fn lines_in(&self, period: Month) -> impl Iterator<Item = &CreditLine> {
        self.lines.iter().filter(move |l| l.period == period)
    }

    pub fn line(&self, period: Month, provider: Provider, measure: &str) -> Option<&CreditLine> {
        self.lines
            .iter()
            .find(|l| l.period == period && l.provider == provider && l.measure == measure)
    }

    /// `None` when none of the party's contracts has results for the period.
    pub fn party(&self, period: Month, party: Party) -> Option<PartyCredits> {
        let providers = party.providers();
        if !providers
            .iter()
            .any(|p| self.loaded.contains(&(period, *p)))
        {
            return None;
        }
        let complete = providers.iter().all(|p| self.is_complete(period, *p));
        let out = self
            .totals
            .iter()
            .filter(|t| t.period == period && t.party == party)
            .map(|t| PartyCredits {
                money: t.money,
                points: t.points,
                pending: t.pending,
                complete,
            })
            .fold(
                PartyCredits {
                    complete,
                    ..PartyCredits::NONE
                },
                PartyCredits::plus,
            );
        Some(out)
    }

    /// Whether every monthly measure of `provider` has a figure in `period`.
    pub fn is_complete(&self, period: Month, provider: Provider) -> bool {
        self.coverage
            .get(&(period, provider))
            .is_some_and(|(have, all)| have >= all)
    }

    /// The total over every provider for a period (§15's reduction in
    /// external costs), and how many lines are pending.
    pub fn total(&self, period: Month) -> (Decimal, usize) {
        self.totals
            .iter()
            .filter(|t| t.period == period)
            .fold((Decimal::ZERO, 0), |(m, n), t| {
                (add(m, t.money), n + t.pending)
            })
    }
}

fn add(a: Decimal, b: Decimal) -> Decimal {
    a.checked_add(b).unwrap_or(Decimal::MAX)
}

fn mul(a: Decimal, b: Decimal) -> Decimal {
    a.checked_mul(b).unwrap_or(Decimal::MAX)
}

fn nonneg(v: Decimal) -> Decimal {
    v.max(Decimal::ZERO)
}

/// Computes every credit line and total.
pub fn compute(results: &Results, scheme: &CreditScheme) -> Credits {
    let mut credits = Credits::default();
    let mut seen = BTreeSet::new();
    let mut order: Vec<(usize, CreditLine)> = Vec::new();
    for (i, r) in results.rows.iter().enumerate() {
        let Some(party) = Party::of(r.provider) else {
            continue;
        };
        if r.cadence == Cadence::Monthly {
            credits.loaded.insert((r.period, r.provider));
            let expected = monthly_measures(r.provider);
            credits
                .coverage
                .entry((r.period, r.provider))
                .or_insert((0, expected))
                .0 += 1;
        }
        let adjusted = scheme
            .adjustment(r.period, r.provider, &r.measure)
            .is_some();
        if r.status.is_miss() || adjusted {
            seen.insert((r.period, r.provider, r.measure.clone()));
            order.push((i, price(r, party, scheme, results.settings.rule)));
        }
    }
    // Decisions about measures with no loaded figure still show (a pending
    // credit must never vanish because its month is not loaded).
    for a in &scheme.adjustments {
        let Some(party) = Party::of(a.provider) else {
            continue;
        };
        if seen.insert((a.period, a.provider, a.measure.clone())) {
            order.push((usize::MAX, unloaded(a, party, scheme)));
        }
    }
    order.sort_by(|(ia, a), (ib, b)| {
        (a.period, a.provider, *ia, &a.measure).cmp(&(b.period, b.provider, *ib, &b.measure))
    });
    let mut lines: Vec<CreditLine> = order.into_iter().map(|(_, l)| l).collect();
    apply_caps(&mut lines, scheme);
    for l in &lines {
        match credits
            .totals
            .iter_mut()
            .find(|t| t.period == l.period && t.provider == l.provider)
        {
            Some(t) => accumulate(t, l),
            None => {
                let mut t = ProviderCredits {
                    period: l.period,
                    provider: l.provider,
                    party: l.party,
                    points: Decimal::ZERO,
                    money: Decimal::ZERO,
                    pending: 0,
                };
                accumulate(&mut t, l);
                credits.totals.push(t);
            }
        }
    }
    credits.lines = lines;
    credits
}

/// Monthly measures the catalogue has for a provider.
fn monthly_measures(provider: Provider) -> usize {
    crate::engine::catalogue::Catalogue::builtin()
        .measures()
        .iter()
        .filter(|m| {
            m.provider == provider
                && m.cadence == Cadence::Monthly
                && m.basis != crate::engine::catalogue::Basis::Derived
        })
        .count()
}

fn accumulate(t: &mut ProviderCredits, l: &CreditLine) {
    match (l.points, l.money) {
        (Some(p), Some(m)) => {
            t.points = add(t.points, p);
            t.money = add(t.money, m);
        }
        _ => t.pending += 1,
    }
}

/// A line with no points yet: accrued, zero, × 1.
fn blank_line(period: Month, provider: Provider, party: Party, measure: &str) -> CreditLine {
    CreditLine {
        period,
        provider,
        party,
        measure: measure.into(),
        name: crate::engine::catalogue::Catalogue::builtin()
            .get(measure, provider)
            .map_or_else(String::new, |d| d.name.to_string()),
        display: "not loaded".into(),
        target: None,
        minimum: None,
        status: Compliance::NotAssessed,
        state: LineState::Accrued,
        band: String::new(),
        base_points: Decimal::ZERO,
        multiplier: Decimal::ONE,
        points_before_cap: Decimal::ZERO,
        points: Some(Decimal::ZERO),
        money_before_cap: Decimal::ZERO,
        money: Some(Decimal::ZERO),
        money_override: false,
        cap_effect: None,
        explanation: Explanation::default(),
    }
}

fn base_line(r: &MeasureResult, party: Party) -> CreditLine {
    CreditLine {
        name: r.name.clone(),
        display: r.display.clone(),
        target: r.target,
        minimum: r.minimum,
        status: r.status,
        ..blank_line(r.period, r.provider, party, &r.measure)
    }
}

fn level_facts(r: &MeasureResult) -> Vec<Fact> {
    let mut f = vec![Fact::new("Service level", r.display.clone())];
    if let Some(t) = r.target {
        f.push(Fact::new("Target", exact(t)));
    }
    if let Some(m) = r.minimum {
        f.push(Fact::new("Minimum", exact(m)));
    }
    f.push(Fact::new("Status", r.status.label()));
    f
}

/// Points and money for one result, before caps.
fn price(
    r: &MeasureResult,
    party: Party,
    scheme: &CreditScheme,
    rule: ComparisonRule,
) -> CreditLine {
    let mut line = base_line(r, party);
    let mut ex = Explanation {
        inputs: level_facts(r),
        ..Explanation::default()
    };
    let adjustment = scheme.adjustment(r.period, r.provider, &r.measure);
    let Some(ps) = scheme.provider(r.provider) else {
        line.state = LineState::NoScheme;
        line.band = "No scheme".into();
        ex.formula = format!(
            "The scheme has no terms for {}; no credit is computed.",
            r.provider
        );
        line.explanation = ex;
        return line;
    };
    ex.inputs
        .push(Fact::new("Money per point", pounds(ps.money_per_point)));
    if let Some(a) = adjustment.filter(|a| a.decision == Decision::Pending) {
        if r.status == Compliance::MeetsTarget {
            // Pending is about a miss; under this rule there is none (CSPC
            // CH1.3 in March 2021: 99.897% meets 99.9% rounded to 2 decimals).
            line.state = LineState::MetUnderRule;
            line.band = band_name(r.status).into();
            ex.formula = format!(
                "{} {} meets its target under the comparison rule in force ({}), so it earns no service credit and nothing is pending.",
                r.provider,
                r.measure,
                rule.describe()
            );
            ex.notes.push(format!(
                "The decision recorded (pending: {}) applies only under a rule where the measure misses target.",
                a.reason
            ));
            line.explanation = ex;
            return line;
        }
        line.state = LineState::Pending;
        line.band = band_name(r.status).into();
        line.points = None;
        line.money = None;
        ex.formula = "Pending: under discussion, so no figure is counted. It is not zero.".into();
        ex.notes.push(a.reason.clone());
        line.explanation = ex;
        return line;
    }
    if let Some(e) = ps.exemptions.iter().find(|e| e.covers(r.period)) {
        line.state = LineState::Exempt;
        line.band = "Exempt".into();
        ex.formula = format!(
            "{} is exempt from service credits from {} to {}.",
            r.provider,
            e.from.long_name(),
            e.to.long_name()
        );
        ex.notes.push(e.reason.clone());
        line.explanation = ex;
        return line;
    }
    let terms = ps.terms(&r.measure);
    let own_rule = terms.and_then(|t| t.rule.as_ref());
    // A measure's own terms decide; without them the catalogue's KPI flag does.
    let no_credit = terms.map_or(r.kpi, |t| t.no_credit);
    let money_override = match adjustment.map(|a| &a.decision) {
        Some(Decision::Money { gbp }) => Some(nonneg(*gbp)),
        _ => None,
    };
    if no_credit && money_override.is_none() {
        line.state = LineState::NoCredit;
        line.band = "KPI".into();
        ex.formula = if r.kpi {
            "A KPI: a miss is reported but carries no service credit (report §14).".into()
        } else {
            format!(
                "The scheme marks {} {} as carrying no credit.",
                r.provider, r.measure
            )
        };
        line.explanation = ex;
        return line;
    }
    let rule_used = own_rule.unwrap_or(&ps.rule);
    ex.formula = format!(
        "Points by the {} rule ({}); × {} when the period before also missed target; × money per point, rounded {}.",
        if own_rule.is_some() { "measure's own" } else { "provider's" },
        rule_used.describe(),
        exact(ps.repeat_multiplier),
        scheme.money_rounding.label()
    );
    if let Some(gbp) = money_override {
        line.state = LineState::Overridden;
        line.band = band_name(r.status).into();
        line.money_before_cap = gbp;
        line.money = Some(gbp);
        line.money_override = true;
        line.points = Some(Decimal::ZERO);
        ex.steps
            .push(format!("Manual override: credit set to {}", pounds(gbp)));
        if let Some(a) = adjustment {
            ex.notes.push(a.reason.clone());
        }
        line.explanation = ex;
        return line;
    }
    let (band, base) = match adjustment.map(|a| &a.decision) {
        Some(Decision::Points { points }) => {
            line.state = LineState::Overridden;
            if let Some(a) = adjustment {
                ex.notes.push(a.reason.clone());
            }
            ("Override".to_string(), nonneg(*points))
        }
        // Rounded like any later step, so that × 1 on a repeat changes nothing.
        _ => {
            let (band, raw) = points_by_rule(r, rule_used, rule);
            (band, scheme.point_rounding.apply(raw))
        }
    };
    ex.steps.push(format!(
        "{band}: {} points (rounded {})",
        exact(base),
        scheme.point_rounding.label()
    ));
    line.band = band;
    line.base_points = base;
    let mut points = base;
    if r.streak >= 2 && line.state != LineState::Overridden {
        line.multiplier = nonneg(ps.repeat_multiplier);
        points = scheme.point_rounding.apply(mul(base, line.multiplier));
        ex.steps.push(format!(
            "Repeat failure ({} periods in a row below target): {} × {} = {} points (rounded {})",
            r.streak,
            exact(base),
            exact(line.multiplier),
            exact(points),
            scheme.point_rounding.label()
        ));
    } else if line.state != LineState::Overridden {
        ex.steps.push(
            "Not a repeat failure (the period before met target or is not loaded): × 1".into(),
        );
    }
    line.points_before_cap = points;
    line.points = Some(points);
    line.money_before_cap = money_of(points, ps, scheme);
    line.money = Some(line.money_before_cap);
    ex.steps.push(money_step(points, ps, scheme));
    line.explanation = ex;
    line
}

fn money_of(points: Decimal, ps: &ProviderScheme, scheme: &CreditScheme) -> Decimal {
    scheme
        .money_rounding
        .apply(mul(points, nonneg(ps.money_per_point)))
}

fn money_step(points: Decimal, ps: &ProviderScheme, scheme: &CreditScheme) -> String {
    let raw = mul(points, nonneg(ps.money_per_point));
    format!(
        "{} points × {} = {}, rounded {} = {}",
        exact(points),
        pounds(ps.money_per_point),
        pounds(raw),
        scheme.money_rounding.label(),
        pounds(scheme.money_rounding.apply(raw))
    )
}

fn band_name(status: Compliance) -> &'static str {
    match status {
        Compliance::BelowMinimum => "Below minimum",
        Compliance::BelowTarget => "Below target",
        _ => "Not a miss",
    }
}

/// The band's name and its points under `rule_used`.
fn points_by_rule(
    r: &MeasureResult,
    rule_used: &PointsRule,
    rule: ComparisonRule,
) -> (String, Decimal) {
    let level = r.level.number();
    match rule_used {
        PointsRule::Bands {
            below_target,
            below_minimum,
        } => match r.status {
            Compliance::BelowMinimum => ("Below minimum".into(), nonneg(*below_minimum)),
            Compliance::BelowTarget => ("Below target".into(), nonneg(*below_target)),
            _ => ("Not a miss".into(), Decimal::ZERO),
        },
        PointsRule::Thresholds { bands } => {
            let Some(level) = level else {
                return ("No number".into(), Decimal::ZERO);
            };
            bands
                .iter()
                .filter(|b| !rule.reaches(level, b.level, r.direction))
                .max_by_key(|b| b.points)
                .map(|b| (format!("Short of {}", exact(b.level)), nonneg(b.points)))
                .unwrap_or(("Within every threshold".into(), Decimal::ZERO))
        }
        PointsRule::Scaled { per_unit, max } => {
            let (Some(level), Some(target)) = (level, r.target) else {
                return ("No number".into(), Decimal::ZERO);
            };
            if !r.status.is_miss() {
                return ("Not a miss".into(), Decimal::ZERO);
            }
            let short = match r.direction {
                Direction::HigherIsBetter => target.checked_sub(level),
                Direction::LowerIsBetter => level.checked_sub(target),
            }
            .map_or(Decimal::MAX, nonneg);
            let raw = mul(short, nonneg(*per_unit));
            let points = raw.min(nonneg(*max));
            (
                format!(
                    "Scaled: {} short × {} = {} points{}",
                    crate::engine::format::brief(short),
                    exact(*per_unit),
                    crate::engine::format::brief(raw),
                    if points < raw {
                        format!(", capped at the maximum {}", exact(points))
                    } else {
                        String::new()
                    }
                ),
                points,
            )
        }
    }
}

/// A decision about a measure whose figure is not loaded.
fn unloaded(
    a: &crate::engine::scheme::Adjustment,
    party: Party,
    scheme: &CreditScheme,
) -> CreditLine {
    let mut line = CreditLine {
        state: LineState::Overridden,
        band: "Manual decision".into(),
        explanation: Explanation {
            inputs: vec![Fact::new("Service level", "not loaded")],
            formula: "A manual decision for a period whose figure is not loaded.".into(),
            notes: vec![a.reason.clone()],
            ..Explanation::default()
        },
        ..blank_line(a.period, a.provider, party, &a.measure)
    };
    match a.decision {
        Decision::Pending => {
            line.state = LineState::Pending;
            line.points = None;
            line.money = None;
        }
        Decision::Money { gbp } => {
            line.money_before_cap = nonneg(gbp);
            line.money = Some(line.money_before_cap);
            line.money_override = true;
        }
        Decision::Points { points } => {
            let points = nonneg(points);
            line.base_points = points;
            line.points_before_cap = points;
            line.points = Some(points);
            if let Some(ps) = scheme.provider(a.provider) {
                line.money_before_cap = money_of(points, ps, scheme);
                line.money = Some(line.money_before_cap);
            }
        }
    }
    line
}

/// Caps per provider and period, taken up by lines in report order.
fn apply_caps(lines: &mut [CreditLine], scheme: &CreditScheme) {
    let mut i = 0;
    while i < lines.len() {
        let (period, provider) = (lines[i].period, lines[i].provider);
        let end = lines[i..]
            .iter()
            .position(|l| l.period != period || l.provider != provider)
            .map_or(lines.len(), |n| i + n);
        if let Some(ps) = scheme.provider(provider) {
            cap_group(&mut lines[i..end], ps, scheme);
        }
        i = end;
    }
}

/// What each line keeps of `amounts` when `cap` is taken up in order.
fn take_up(cap: Decimal, amounts: impl Iterator<Item = Decimal>) -> Vec<Decimal> {
    let mut left = cap;
    amounts
        .map(|a| {
            let kept = a.min(left);
            left -= kept;
            kept
        })
        .collect()
}

/// Records what a cap took off a line.
fn note_cap(l: &mut CreditLine, note: String, step: String) {
    l.explanation.steps.push(format!("{note}; {step}"));
    l.cap_effect = Some(match l.cap_effect.take() {
        Some(before) => format!("{before}; {note}"),
        None => note,
    });
}

fn cap_group(group: &mut [CreditLine], ps: &ProviderScheme, scheme: &CreditScheme) {
    if let Some(cap) = ps.cap.points.map(nonneg) {
        let kept = take_up(cap, group.iter().map(|l| l.points.unwrap_or_default()));
        // Under a points cap, money is rounded on the running total of points
        // (each line gets the step in the rounded total), so the provider's
        // money is the rounded money of its capped points: it cannot rise
        // when points move between lines.
        let mut running = Decimal::ZERO;
        for (l, kept) in group.iter_mut().zip(kept) {
            let Some(p) = l.points else { continue };
            if !l.money_override {
                let before = money_of(running, ps, scheme);
                running = add(running, kept);
                let m = money_of(running, ps, scheme)
                    .checked_sub(before)
                    .map_or(Decimal::ZERO, nonneg);
                if Some(m) != l.money {
                    l.explanation.steps.push(format!(
                        "Under the points cap, money is rounded on the provider's running total: {}",
                        pounds(m)
                    ));
                }
                l.money = Some(m);
            }
            if kept < p {
                l.points = Some(kept);
                let note = format!(
                    "Cap of {} points for the period: {} points taken off",
                    exact(cap),
                    exact(p - kept)
                );
                note_cap(l, note, format!("{} points kept", exact(kept)));
            }
        }
    }
    if let Some(cap) = ps.cap.money.map(nonneg) {
        let kept = take_up(cap, group.iter().map(|l| l.money.unwrap_or_default()));
        for (l, kept) in group.iter_mut().zip(kept) {
            let Some(m) = l.money.filter(|m| kept < *m) else {
                continue;
            };
            l.money = Some(kept);
            let note = format!(
                "Cap of {} for the period: {} taken off",
                pounds(cap),
                pounds(m - kept)
            );
            note_cap(l, note, format!("credit {}", pounds(kept)));
        }
    }
}
