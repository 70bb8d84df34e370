//! One result priced: points from the measure's rule (bands, thresholds,
//! scaled, overrides), the repeat multiplier and money per point.

use super::*;

/// A line's explanation, written only when asked for. The credits of every
/// period a view shows are worked out again on each change of the scheme,
/// and their words cost more than their figures: a line's words are written
/// when its explanation is opened ([`super::explain_line`]), not for every line.
pub(super) struct Words {
    pub(super) on: bool,
    pub(super) ex: Explanation,
}

impl Words {
    pub(super) fn new(on: bool, inputs: impl FnOnce() -> Vec<Fact>) -> Words {
        let inputs = if on { inputs() } else { Vec::new() };
        Words {
            on,
            ex: Explanation {
                inputs,
                ..Explanation::default()
            },
        }
    }
    pub(super) fn input(&mut self, label: &str, value: impl FnOnce() -> String) {
        if self.on {
            self.ex.inputs.push(Fact::new(label, value()));
        }
    }
    pub(super) fn formula(&mut self, f: impl FnOnce() -> String) {
        if self.on {
            self.ex.formula = f();
        }
    }
    pub(super) fn step(&mut self, f: impl FnOnce() -> String) {
        if self.on {
            self.ex.steps.push(f());
        }
    }
    pub(super) fn note(&mut self, f: impl FnOnce() -> String) {
        if self.on {
            self.ex.notes.push(f());
        }
    }
}

/// Points and money for one result, before caps; its explanation written
/// only if `words`.
pub(super) fn price(
    r: &MeasureResult,
    party: Party,
    scheme: &CreditScheme,
    rule: ComparisonRule,
    words: bool,
) -> CreditLine {
    let mut line = base_line(r, party);
    let mut ex = Words::new(words, || level_facts(r));
    let adjustment = scheme.adjustment(r.period, r.provider, &r.measure);
    let Some(ps) = scheme.provider(r.provider) else {
        line.state = LineState::NoScheme;
        line.band = "No scheme".into();
        ex.formula(|| {
            format!(
                "The scheme has no terms for {}; no credit is computed.",
                r.provider
            )
        });
        line.explanation = ex.ex;
        return line;
    };
    ex.input("Money per point", || pounds(ps.money_per_point));
    if let Some(a) = adjustment.filter(|a| a.decision == Decision::Pending) {
        if r.status == Compliance::MeetsTarget {
            // Pending is about a miss; under this rule there is none (CSPC
            // CH1.3 in March 2021: 99.897% meets 99.9% rounded to 2 decimals).
            line.state = LineState::MetUnderRule;
            line.band = band_name(r.status).into();
            ex.formula(|| format!(
                "{} {} meets its target under the comparison rule in force ({}), so it earns no service credit and nothing is pending.",
                r.provider,
                r.measure,
                rule.describe()
            ));
            ex.note(|| format!(
                "The decision recorded (pending: {}) applies only under a rule where the measure misses target.",
                a.reason
            ));
            line.explanation = ex.ex;
            return line;
        }
        line.state = LineState::Pending;
        line.band = band_name(r.status).into();
        line.points = None;
        line.money = None;
        ex.formula(|| "Pending: under discussion, so no figure is counted. It is not zero.".into());
        ex.note(|| a.reason.clone());
        line.explanation = ex.ex;
        return line;
    }
    if let Some(e) = ps.exemptions.iter().find(|e| e.covers(r.period)) {
        line.state = LineState::Exempt;
        line.band = "Exempt".into();
        ex.formula(|| {
            format!(
                "{} is exempt from service credits from {} to {}.",
                r.provider,
                e.from.long_name(),
                e.to.long_name()
            )
        });
        ex.note(|| e.reason.clone());
        line.explanation = ex.ex;
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
        ex.formula(|| {
            if r.kpi {
                "A KPI: a miss is reported but carries no service credit (report §14).".into()
            } else {
                format!(
                    "The scheme marks {} {} as carrying no credit.",
                    r.provider, r.measure
                )
            }
        });
        line.explanation = ex.ex;
        return line;
    }
    let rule_used = own_rule.unwrap_or(&ps.rule);
    ex.formula(|| format!(
        "Points by the {} rule ({}); × {} when the period before also missed target; × money per point, rounded {}.",
        if own_rule.is_some() { "measure's own" } else { "provider's" },
        rule_used.describe(),
        exact(ps.repeat_multiplier),
        scheme.money_rounding.label()
    ));
    if let Some(gbp) = money_override {
        line.state = LineState::Overridden;
        line.band = band_name(r.status).into();
        line.money_before_cap = gbp;
        line.money = Some(gbp);
        line.money_override = true;
        line.points = Some(Decimal::ZERO);
        ex.step(|| format!("Manual override: credit set to {}", pounds(gbp)));
        if let Some(a) = adjustment {
            ex.note(|| a.reason.clone());
        }
        line.explanation = ex.ex;
        return line;
    }
    let (band, base) = match adjustment.map(|a| &a.decision) {
        Some(Decision::Points { points }) => {
            line.state = LineState::Overridden;
            if let Some(a) = adjustment {
                ex.note(|| a.reason.clone());
            }
            ("Override".to_string(), nonneg(*points))
        }
        // Rounded like any later step, so that × 1 on a repeat changes nothing.
        _ => {
            let (band, raw) = points_by_rule(r, rule_used, rule);
            (band, scheme.point_rounding.apply(raw))
        }
    };
    ex.step(|| {
        format!(
            "{band}: {} points (rounded {})",
            exact(base),
            scheme.point_rounding.label()
        )
    });
    line.band = band;
    line.base_points = base;
    let mut points = base;
    if r.streak >= 2 && line.state != LineState::Overridden {
        line.multiplier = nonneg(ps.repeat_multiplier);
        points = scheme.point_rounding.apply(mul(base, line.multiplier));
        let multiplier = line.multiplier;
        ex.step(|| {
            format!(
                "Repeat failure ({} periods in a row below target): {} × {} = {} points (rounded {})",
                r.streak,
                exact(base),
                exact(multiplier),
                exact(points),
                scheme.point_rounding.label()
            )
        });
    } else if line.state != LineState::Overridden {
        ex.step(|| {
            "Not a repeat failure (the period before met target or is not loaded): × 1".into()
        });
    }
    line.points_before_cap = points;
    line.points = Some(points);
    line.money_before_cap = money_of(points, ps, scheme);
    line.money = Some(line.money_before_cap);
    ex.step(|| money_step(points, ps, scheme));
    line.explanation = ex.ex;
    line
}

pub(super) fn money_of(points: Decimal, ps: &ProviderScheme, scheme: &CreditScheme) -> Decimal {
    scheme
        .money_rounding
        .apply(mul(points, nonneg(ps.money_per_point)))
}

pub(super) fn money_step(points: Decimal, ps: &ProviderScheme, scheme: &CreditScheme) -> String {
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

pub(super) fn band_name(status: Compliance) -> &'static str {
    match status {
        Compliance::BelowMinimum => "Below minimum",
        Compliance::BelowTarget => "Below target",
        _ => "Not a miss",
    }
}

/// The band's name and its points under `rule_used`.
pub(super) fn points_by_rule(
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
pub(super) fn unloaded(
    a: &crate::engine::scheme::Adjustment,
    party: Party,
    scheme: &CreditScheme,
    words: bool,
) -> CreditLine {
    let mut ex = Words::new(words, || vec![Fact::new("Service level", "not loaded")]);
    ex.formula(|| "A manual decision for a period whose figure is not loaded.".into());
    ex.note(|| a.reason.clone());
    let mut line = CreditLine {
        state: LineState::Overridden,
        band: "Manual decision".into(),
        explanation: ex.ex,
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
