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

mod caps;
mod price;
use caps::*;
use price::*;

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
    /// By period, then provider.
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
    /// Credits of distinct periods, given in period order, as one: what
    /// [`compute`] gives for them all (lines and totals are in period order).
    pub fn joined<'a>(parts: impl IntoIterator<Item = &'a Credits>) -> Credits {
        let mut out = Credits::default();
        for c in parts {
            out.lines.extend(c.lines.iter().cloned());
            out.totals.extend(c.totals.iter().cloned());
            out.loaded.extend(c.loaded.iter().copied());
            out.coverage
                .extend(c.coverage.iter().map(|(k, v)| (*k, *v)));
        }
        // Kept in period order even if given out of it: the lookups below
        // bisect by period. Stable, so each period's order stays.
        crate::engine::order::sort_by_key(&mut out.lines, |l| l.period);
        crate::engine::order::sort_by_key(&mut out.totals, |t| t.period);
        out
    }

    /// The lines of one period: found by bisecting (lines are in period
    /// order), so a month's credits are found as fast in five years as in one.
    pub fn lines_in(&self, period: Month) -> impl Iterator<Item = &CreditLine> {
        in_period(&self.lines, period, |l| l.period).iter()
    }

    pub fn line(&self, period: Month, provider: Provider, measure: &str) -> Option<&CreditLine> {
        self.lines_in(period)
            .find(|l| l.provider == provider && l.measure == measure)
    }

    fn totals_in(&self, period: Month) -> &[ProviderCredits] {
        in_period(&self.totals, period, |t| t.period)
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
            .totals_in(period)
            .iter()
            .filter(|t| t.party == party)
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
        self.totals_in(period)
            .iter()
            .fold((Decimal::ZERO, 0), |(m, n), t| {
                (add(m, t.money), n + t.pending)
            })
    }
}

/// The run of `items` (in period order) that is `period`'s.
fn in_period<T>(items: &[T], period: Month, of: impl Fn(&T) -> Month) -> &[T] {
    let from = items.partition_point(|x| of(x) < period);
    let to = from + items[from..].partition_point(|x| of(x) == period);
    &items[from..to]
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

/// Computes every credit line and total, each line with its explanation.
pub fn compute(results: &Results, scheme: &CreditScheme) -> Credits {
    let rows = results.rows.iter().map(|r| &**r).enumerate();
    compute_rows(rows, results.settings.rule, scheme, |_, _| true, true)
}

/// The credits of one period alone. A period's lines, caps and totals take
/// nothing from another period (the repeat multiplier reads the row's own
/// streak, step 3; caps are per provider and period, step 4), so every
/// period's credits joined in order ([`Credits::joined`]) are [`compute`]'s.
///
/// The lines' explanations are written only if `words`: the figures are the
/// same either way, and a view needs the words of one line at a time
/// ([`explain_line`]).
pub fn compute_in(results: &Results, scheme: &CreditScheme, period: Month, words: bool) -> Credits {
    compute_over(results, scheme, &[period], words)
}

/// The credits of these periods (in any order), in one pass: what their
/// credits joined in order give.
pub fn compute_over(
    results: &Results,
    scheme: &CreditScheme,
    periods: &[Month],
    words: bool,
) -> Credits {
    let rows = results.rows_of(periods).into_iter();
    let keep = |m: Month, _| periods.contains(&m);
    compute_rows(rows, results.settings.rule, scheme, keep, words)
}

/// The providers whose credits can differ under scheme `b` from under `a`:
/// those whose terms or decisions differ; `None` when any provider's can
/// (anything else in the scheme, the rounding say, differs).
pub fn providers_changed(a: &CreditScheme, b: &CreditScheme) -> Option<Vec<Provider>> {
    let rest = |s: &CreditScheme| CreditScheme {
        providers: Vec::new(),
        adjustments: Vec::new(),
        ..s.clone()
    };
    if rest(a) != rest(b) {
        return None;
    }
    fn decisions(s: &CreditScheme, p: Provider) -> Vec<&crate::engine::scheme::Adjustment> {
        s.adjustments.iter().filter(|x| x.provider == p).collect()
    }
    let named = (a.providers.iter().chain(&b.providers)).map(|s| s.provider);
    let decided = (a.adjustments.iter().chain(&b.adjustments)).map(|x| x.provider);
    let mut out: Vec<Provider> = Vec::new();
    for p in named.chain(decided) {
        let differs = a.provider(p) != b.provider(p) || decisions(a, p) != decisions(b, p);
        if differs && !out.contains(&p) {
            out.push(p);
        }
    }
    Some(out)
}

/// One period's credits, `old`, with the lines and totals of `providers`
/// worked out again under `scheme` (without words): a provider's credits
/// take nothing from another's (caps are per provider, step 4), so the rest
/// are `old`'s. What a what-if on one provider's terms costs.
pub fn repriced(
    results: &Results,
    scheme: &CreditScheme,
    period: Month,
    old: &Credits,
    providers: &[Provider],
) -> Credits {
    let ours = |p: Provider| providers.contains(&p);
    let rows = results.rows_of(&[period]).into_iter();
    let rows = rows.filter(|(_, r)| ours(r.provider));
    let rule = results.settings.rule;
    let fresh = compute_rows(rows, rule, scheme, |m, p| m == period && ours(p), false);
    // Each provider's are in report order: the others' kept, then sorted
    // stably by provider.
    fn merged<T: Clone>(
        old: &[T],
        fresh: Vec<T>,
        of: impl Fn(&T) -> Provider,
        ours: &dyn Fn(Provider) -> bool,
    ) -> Vec<T> {
        let kept = old.iter().filter(|x| !ours(of(x))).cloned();
        let mut out: Vec<T> = kept.chain(fresh).collect();
        crate::engine::order::sort_by(&mut out, |a, b| of(a).cmp(&of(b)));
        out
    }
    let lines = merged(&old.lines, fresh.lines, |l| l.provider, &ours);
    let totals = merged(&old.totals, fresh.totals, |t| t.provider, &ours);
    // Which measures have figures does not depend on the scheme.
    Credits {
        lines,
        totals,
        loaded: old.loaded.clone(),
        coverage: old.coverage.clone(),
    }
}

/// The explanation of one line, written now: its period worked out again
/// with words (caps take lines in order, so the line is not priced alone).
pub fn explain_line(
    results: &Results,
    scheme: &CreditScheme,
    period: Month,
    provider: Provider,
    measure: &str,
) -> Option<Explanation> {
    let credits = compute_in(results, scheme, period, true);
    let line = credits
        .lines
        .into_iter()
        .find(|l| l.provider == provider && l.measure == measure);
    line.map(|l| l.explanation)
}

/// The credits of each of `periods`, each alone (see [`compute_in`]): a
/// period's rows found by bisecting each series ([`Results::rows_of`]).
pub fn by_period(
    results: &Results,
    scheme: &CreditScheme,
    periods: &BTreeSet<Month>,
    words: bool,
) -> BTreeMap<Month, Credits> {
    let rule = results.settings.rule;
    periods
        .iter()
        .map(|&m| {
            let rows = results.rows_of(&[m]).into_iter();
            (m, compute_rows(rows, rule, scheme, |p, _| p == m, words))
        })
        .collect()
}

/// Every period with credits to work out: each with a result, and each a
/// decision of the scheme names (shown even when its month is not loaded).
pub fn periods(results: &Results, scheme: &CreditScheme) -> BTreeSet<Month> {
    let mut out: BTreeSet<Month> = results.rows.iter().map(|r| r.period).collect();
    out.extend(scheme.adjustments.iter().map(|a| a.period));
    out
}

/// The credit lines and totals of `rows` (each with its place in the
/// results, the report order), and of the scheme's decisions about
/// unloaded measures that `keep` keeps (by period and provider); explained
/// if `words`.
fn compute_rows<'a>(
    rows: impl Iterator<Item = (usize, &'a MeasureResult)>,
    rule: ComparisonRule,
    scheme: &CreditScheme,
    keep: impl Fn(Month, Provider) -> bool,
    words: bool,
) -> Credits {
    let mut credits = Credits::default();
    let mut seen = BTreeSet::new();
    let mut order: Vec<(usize, CreditLine)> = Vec::new();
    for (i, r) in rows {
        let Some(party) = Party::of(r.provider) else {
            continue;
        };
        if r.cadence == Cadence::Monthly {
            credits.loaded.insert((r.period, r.provider));
            // The catalogue is read once per provider and period, not per row.
            credits
                .coverage
                .entry((r.period, r.provider))
                .or_insert_with(|| (0, monthly_measures(r.provider)))
                .0 += 1;
        }
        let adjusted = scheme
            .adjustment(r.period, r.provider, &r.measure)
            .is_some();
        if r.status.is_miss() || adjusted {
            seen.insert((r.period, r.provider, r.measure.clone()));
            order.push((i, price(r, party, scheme, rule, words)));
        }
    }
    // Decisions about measures with no loaded figure still show (a pending
    // credit must never vanish because its month is not loaded).
    for a in scheme
        .adjustments
        .iter()
        .filter(|a| keep(a.period, a.provider))
    {
        let Some(party) = Party::of(a.provider) else {
            continue;
        };
        if seen.insert((a.period, a.provider, a.measure.clone())) {
            order.push((usize::MAX, unloaded(a, party, scheme, words)));
        }
    }
    crate::engine::order::sort_by(&mut order, |(ia, a), (ib, b)| {
        (a.period, a.provider, *ia, &a.measure).cmp(&(b.period, b.provider, *ib, &b.measure))
    });
    let mut lines: Vec<CreditLine> = order.into_iter().map(|(_, l)| l).collect();
    apply_caps(&mut lines, scheme, words);
    for l in &lines {
        // Lines are by period and provider, so a line's total, if it has
        // one yet, is the last.
        match credits
            .totals
            .last_mut()
            .filter(|t| t.period == l.period && t.provider == l.provider)
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
