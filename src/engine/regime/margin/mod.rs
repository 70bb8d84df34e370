//! The OPR margin kept and lost for one regulatory year, every amount with
//! its derivation.
//!
//! For each part of each measure (Revised OPR Guidance, March 2022; the
//! RY23/24 submission's Tables 2 to 7):
//!
//! 1. the reported performance level (RPL) is the figure entered, or the
//!    weighted mean of its metrics, each the mean of its loaded months or
//!    else its annual figure;
//! 2. the share kept is 100% at or above TPL, 0% at or below MPL, and the
//!    year's [`LossCurve`] between; for a score, score ÷ maximum;
//! 3. the part's margin is the measure's margin × its share of the parts,
//!    and the measure's margin is its weight × the margin at risk unless the
//!    year states it;
//! 4. kept = margin × share kept; lost = margin − kept, so the two always
//!    add up to the margin.
//!
//! Amounts are carried to a millionth of a pound ([`CARRY_DP`]), so that
//! parts add up to their measure and kept + lost to the margin exactly; the
//! last part with a share takes the remainder. Only the display rounds
//! further (the submission prints £m to three decimals).

use crate::engine::explain::{Explanation, Fact};
use crate::engine::format::brief;
use crate::engine::opr::{LossCurve, Mechanism, Metric, OprMeasure, Part, RegimeYear, Scale};
use crate::engine::period::Month;
use crate::engine::results::Results;
use rust_decimal::{Decimal, RoundingStrategy};

use super::amounts::by_weight;

mod metrics;
pub use super::amounts::{millions, money, percent, share_of, signed_money};
pub use super::outcome::*;
use metrics::*;

fn hundred() -> Decimal {
    Decimal::ONE_HUNDRED
}

/// Decimal places amounts are carried to: a millionth of a pound.
pub const CARRY_DP: u32 = 6;

fn carry(v: Decimal) -> Decimal {
    v.round_dp_with_strategy(CARRY_DP, RoundingStrategy::MidpointNearestEven)
        .normalize()
}

fn mul(a: Decimal, b: Decimal) -> Decimal {
    a.saturating_mul(b)
}

fn div(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_div(b)
}

fn add(a: Decimal, b: Decimal) -> Decimal {
    a.saturating_add(b)
}

/// Share kept, percent, for a performance figure on a scale and curve, and
/// the position between MPL and TPL (levels only).
pub fn share_at(
    scale: Scale,
    curve: &LossCurve,
    performance: Decimal,
) -> (Decimal, Option<Decimal>) {
    match scale {
        Scale::Score { max } => {
            let s = div(mul(performance, hundred()), max).unwrap_or(Decimal::ZERO);
            (s.clamp(Decimal::ZERO, hundred()), None)
        }
        Scale::Levels { tpl, mpl } => {
            if performance >= tpl {
                return (hundred(), Some(hundred()));
            }
            if performance <= mpl {
                return (Decimal::ZERO, Some(Decimal::ZERO));
            }
            let pos = div(
                mul(performance.saturating_sub(mpl), hundred()),
                tpl.saturating_sub(mpl),
            )
            .unwrap_or(Decimal::ZERO)
            .clamp(Decimal::ZERO, hundred());
            (curve_at(curve, pos), Some(pos))
        }
    }
}

/// Percent kept at a position strictly between MPL (0) and TPL (100).
fn curve_at(curve: &LossCurve, pos: Decimal) -> Decimal {
    match curve {
        LossCurve::Linear => pos,
        LossCurve::Step => Decimal::ZERO,
        LossCurve::Points { points } => {
            let mut prev = (Decimal::ZERO, Decimal::ZERO);
            for p in points
                .iter()
                .chain(std::iter::once(&crate::engine::opr::CurvePoint {
                    at: hundred(),
                    kept: hundred(),
                }))
            {
                if pos <= p.at {
                    // Saturating: a curve read from a file is checked, but
                    // this must not panic whatever it holds.
                    let span = p.at.saturating_sub(prev.0);
                    let t = div(pos.saturating_sub(prev.0), span).unwrap_or(Decimal::ONE);
                    let rise = p.kept.saturating_sub(prev.1);
                    return add(prev.1, mul(rise, t)).clamp(Decimal::ZERO, hundred());
                }
                prev = (p.at, p.kept);
            }
            hundred()
        }
    }
}

fn part_margin(
    measure: &OprMeasure,
    part: &Part,
    curve: &LossCurve,
    measure_margin: Decimal,
    (share_total, margin): (Decimal, Decimal),
    results: Option<&Results>,
    months: &[Month],
) -> PartMargin {
    let share = div(mul(part.share, hundred()), share_total).unwrap_or(Decimal::ZERO);
    let metrics = metric_values(part, results, months);
    let from_metrics = metrics_mean(&metrics);
    let (performance, source) = match (part.performance, from_metrics) {
        (Some(p), _) => (Some(p), Source::Entered),
        (None, Some(m)) => (Some(m), Source::Metrics),
        (None, None) => (None, Source::Missing),
    };
    let word = scale_word(measure.scale);
    let mut ex = Explanation::default();
    let mut steps = Vec::new();
    match measure.scale {
        Scale::Levels { tpl, mpl } => {
            ex.inputs.push(Fact::new(
                "TPL",
                format!("{}%", crate::engine::format::level(tpl, true)),
            ));
            ex.inputs.push(Fact::new(
                "MPL",
                format!("{}%", crate::engine::format::level(mpl, true)),
            ));
        }
        Scale::Score { max } => ex
            .inputs
            .push(Fact::new("Maximum score", max.normalize().to_string())),
    }
    for m in &metrics {
        let how = match m.source {
            MetricSource::Monthly(n) => format!("mean of {n} loaded month(s) of 12"),
            MetricSource::Annual => "annual figure as entered".into(),
            MetricSource::Missing => "no figure".into(),
        };
        let w = if m.weight.is_zero() {
            " (zero-weighted)"
        } else {
            ""
        };
        let v = m.value.map_or("—".into(), brief);
        ex.inputs
            .push(Fact::new(format!("{}{w}", m.name), format!("{v} ({how})")));
    }
    match (source, from_metrics) {
        (Source::Entered, Some(fm)) => {
            steps.push(format!(
                "{word} {} as entered; the metrics give {} = {}",
                brief(performance.unwrap_or_default()),
                metric_line(&metrics),
                brief(fm)
            ));
        }
        (Source::Entered, None) => steps.push(format!(
            "{word} {} as entered",
            brief(performance.unwrap_or_default())
        )),
        (Source::Metrics, Some(fm)) => steps.push(format!(
            "{word} = {} = {}",
            metric_line(&metrics),
            brief(fm)
        )),
        _ => {
            let missing: Vec<&str> = metrics
                .iter()
                .filter(|m| m.value.is_none() && !m.weight.is_zero())
                .map(|m| m.name.as_str())
                .collect();
            steps.push(if missing.is_empty() {
                format!("no {word}: enter one, or load the year's monthly figures")
            } else {
                format!("no {word}: no figure for {}", missing.join(", "))
            });
        }
    }
    let (mut share_kept, position) = match performance {
        Some(p) => {
            let (s, pos) = share_at(measure.scale, curve, p);
            (Some(s), pos)
        }
        None => (None, None),
    };
    if let (Some(p), Some(s)) = (performance, share_kept) {
        steps.push(share_step(measure.scale, curve, p, s, position));
    }
    let decided = part.decided.is_some();
    if let Some(d) = &part.decided {
        steps.push(format!(
            "share kept decided: {}% ({})",
            d.kept.normalize(),
            d.reason
        ));
        share_kept = Some(d.kept);
    }
    steps.push(format!(
        "part margin = {} × {} = {}",
        money(measure_margin),
        percent(share),
        money(margin)
    ));
    let (kept, lost) = match share_kept {
        Some(s) => {
            let kept = carry(div(mul(margin, s), hundred()).unwrap_or(Decimal::ZERO));
            let lost = margin - kept;
            steps.push(format!(
                "kept = {} × {} = {}; lost = {} − {} = {}",
                money(margin),
                percent(s),
                money(kept),
                money(margin),
                money(kept),
                money(lost)
            ));
            (Some(kept), Some(lost))
        }
        None => (None, None),
    };
    ex.inputs.push(Fact::new("Part's margin", money(margin)));
    ex.formula = match measure.scale {
        Scale::Levels { .. } => format!(
            "Share kept: all at or above TPL, none at or below MPL, {} between (OPR guidance; the curve is a setting). Kept = part margin × share kept.",
            match curve {
                LossCurve::Linear => "a straight line",
                LossCurve::Step => "none",
                LossCurve::Points { .. } => "the year's curve",
            }
        ),
        Scale::Score { .. } => "Share kept = score ÷ maximum score. Kept = part margin × share kept.".into(),
    };
    ex.rule = match part.mechanism() {
        Mechanism::A => format!(
            "Penalty mechanism A: one figure for {}'s {} part.",
            measure.code,
            if part.name.is_some() {
                part.label()
            } else {
                "non-regional".into()
            }
        ),
        Mechanism::B => format!(
            "Penalty mechanism B: the {} region carries {} of {}'s margin.",
            part.label(),
            percent(share),
            measure.code
        ),
    };
    ex.steps = steps;
    PartMargin {
        label: part.label(),
        region: part.region,
        mechanism: part.mechanism(),
        share,
        margin,
        performance,
        source,
        from_metrics,
        metrics,
        position,
        share_kept,
        decided,
        kept,
        lost,
        explanation: ex,
    }
}

fn share_step(
    scale: Scale,
    curve: &LossCurve,
    p: Decimal,
    s: Decimal,
    pos: Option<Decimal>,
) -> String {
    match scale {
        Scale::Score { max } => format!(
            "share kept = {} ÷ {} = {}",
            brief(p),
            max.normalize(),
            percent(s)
        ),
        Scale::Levels { tpl, mpl } => {
            if p >= tpl {
                format!(
                    "{} is at or above TPL {}: all kept",
                    brief(p),
                    tpl.normalize()
                )
            } else if p <= mpl {
                format!(
                    "{} is at or below MPL {}: all lost",
                    brief(p),
                    mpl.normalize()
                )
            } else {
                let pos = pos.unwrap_or_default();
                let how = match curve {
                    LossCurve::Linear => format!("share kept = {}", percent(s)),
                    LossCurve::Step => "below TPL, all lost (all-or-nothing curve)".into(),
                    LossCurve::Points { .. } => format!("the curve gives {}", percent(s)),
                };
                format!(
                    "position = ({} − {}) ÷ ({} − {}) = {} of the way from MPL to TPL; {how}",
                    brief(p),
                    mpl.normalize(),
                    tpl.normalize(),
                    mpl.normalize(),
                    percent(pos)
                )
            }
        }
    }
}

/// Each part's margin by share, the last part with a share taking the
/// remainder so that the parts add up to the measure's margin exactly.
fn split(margin: Decimal, parts: &[Part], share_total: Decimal) -> Vec<Decimal> {
    let mut out: Vec<Decimal> = parts
        .iter()
        .map(|p| carry(div(mul(margin, p.share), share_total).unwrap_or(Decimal::ZERO)))
        .collect();
    if let Some(last) = parts.iter().rposition(|p| !p.share.is_zero()) {
        let others = out
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != last)
            .fold(Decimal::ZERO, |a, (_, v)| add(a, *v));
        out[last] = margin.saturating_sub(others).max(Decimal::ZERO);
    }
    out
}

fn mechanism_label(parts: &[Part]) -> String {
    let a = parts.iter().any(|p| p.mechanism() == Mechanism::A);
    let b = parts.iter().any(|p| p.mechanism() == Mechanism::B);
    match (a, b) {
        (true, true) => "A and B".into(),
        (false, true) => "B".into(),
        _ => "A".into(),
    }
}

fn measure_margin(year: &RegimeYear, m: &OprMeasure, results: Option<&Results>) -> MeasureMargin {
    let by_weight = by_weight(year, m);
    let margin = carry(m.margin.unwrap_or(by_weight));
    let share_total = m.parts.iter().fold(Decimal::ZERO, |a, p| add(a, p.share));
    let months = year.months();
    let margins = split(margin, &m.parts, share_total);
    let parts: Vec<PartMargin> = m
        .parts
        .iter()
        .zip(margins)
        .map(|(p, pm)| {
            part_margin(
                m,
                p,
                &year.curve,
                margin,
                (share_total, pm),
                results,
                &months,
            )
        })
        .collect();
    let mut kept = Decimal::ZERO;
    let mut unassessed = Decimal::ZERO;
    for p in &parts {
        match p.kept {
            Some(k) => kept = add(kept, k),
            None => unassessed = add(unassessed, p.margin),
        }
    }
    let lost = margin - kept - unassessed;
    let share_kept = share_of(kept, margin, unassessed);
    let mut ex = Explanation::default();
    ex.inputs.push(Fact::new("Weight", percent(m.weight)));
    ex.inputs.push(Fact::new(
        "Margin at risk (year)",
        money(year.margin_at_risk),
    ));
    ex.formula = format!(
        "{}'s margin is its weight × the year's margin at risk, shared among its parts; kept is the sum of the parts' kept; lost is margin − kept.",
        m.code
    );
    ex.steps.push(match m.margin {
        Some(s) => format!(
            "margin {} as the year states it (weight × margin at risk would give {})",
            money(s),
            money(by_weight)
        ),
        None => format!(
            "margin = {} × {} = {}",
            percent(m.weight),
            money(year.margin_at_risk),
            money(margin)
        ),
    });
    for p in &parts {
        ex.steps.push(match p.kept {
            Some(k) => format!("{}: kept {} of {}", p.label, money(k), money(p.margin)),
            None => format!("{}: not assessed ({} unassessed)", p.label, money(p.margin)),
        });
    }
    ex.steps
        .push(format!("kept {}; lost {}", money(kept), money(lost)));
    if m.weight.is_zero() && m.margin.is_none() {
        ex.notes.push(format!(
            "{} is zero-weighted: reported, with no margin at risk.",
            m.code
        ));
    }
    ex.rule = format!("Penalty mechanism {}.", mechanism_label(&m.parts));
    MeasureMargin {
        code: m.code.clone(),
        name: m.name.clone(),
        group: m.group.clone(),
        weight: m.weight,
        scale: m.scale,
        mechanism: mechanism_label(&m.parts),
        margin,
        margin_stated: m.margin.is_some(),
        kept,
        lost,
        unassessed,
        share_kept,
        parts,
        explanation: ex,
    }
}

/// Computes the year's margin kept and lost. `results` supplies monthly
/// levels for metrics with series; without it metrics use annual figures.
pub fn compute(year: &RegimeYear, results: Option<&Results>) -> YearMargin {
    let measures: Vec<MeasureMargin> = year
        .measures
        .iter()
        .map(|m| measure_margin(year, m, results))
        .collect();
    let sum =
        |f: fn(&MeasureMargin) -> Decimal| measures.iter().fold(Decimal::ZERO, |a, m| add(a, f(m)));
    let mut groups: Vec<GroupMargin> = Vec::new();
    for m in &measures {
        let g = match groups.iter_mut().find(|g| g.group == m.group) {
            Some(g) => g,
            None => {
                groups.push(GroupMargin {
                    group: m.group.clone(),
                    margin: Decimal::ZERO,
                    kept: Decimal::ZERO,
                    lost: Decimal::ZERO,
                    unassessed: Decimal::ZERO,
                });
                let last = groups.len() - 1;
                &mut groups[last]
            }
        };
        g.margin = add(g.margin, m.margin);
        g.kept = add(g.kept, m.kept);
        g.lost = add(g.lost, m.lost);
        g.unassessed = add(g.unassessed, m.unassessed);
    }
    let combined = year
        .combined
        .iter()
        .map(|c| {
            let mut sum = GroupMargin {
                group: c.name.clone(),
                margin: Decimal::ZERO,
                kept: Decimal::ZERO,
                lost: Decimal::ZERO,
                unassessed: Decimal::ZERO,
            };
            for g in groups.iter().filter(|g| c.groups.contains(&g.group)) {
                sum.margin = add(sum.margin, g.margin);
                sum.kept = add(sum.kept, g.kept);
                sum.lost = add(sum.lost, g.lost);
                sum.unassessed = add(sum.unassessed, g.unassessed);
            }
            sum
        })
        .collect();
    let months = year.months();
    let mut out = YearMargin {
        year: year.name.clone(),
        first: year.start,
        last: months.last().copied().unwrap_or(year.start),
        margin_at_risk: year.margin_at_risk,
        allocated: sum(|m| m.margin),
        kept: sum(|m| m.kept),
        lost: sum(|m| m.lost),
        unassessed: sum(|m| m.unassessed),
        total_weight: year.total_weight(),
        curve: year.curve.clone(),
        measures,
        groups,
        combined,
        checks: Vec::new(),
        problems: year.problems(),
    };
    out.checks = crate::engine::margin_checks::checks(year, &out);
    out
}

/// Every year of `regime` computed over `results`.
pub fn compute_all(regime: &crate::engine::opr::Regime, results: &Results) -> Vec<YearMargin> {
    regime
        .years
        .iter()
        .map(|y| compute(y, Some(results)))
        .collect()
}
