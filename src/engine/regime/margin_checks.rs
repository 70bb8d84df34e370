//! Checks of a year's computed margin against what its submission states:
//! each measure's kept, lost and share kept, the totals, each stated margin
//! against weight × margin at risk, and each entered RPL against its metrics.
//!
//! A stated figure is compared with the computed one rounded as the stated
//! one was printed (£m to three decimals: to the nearest £1,000).

use super::amounts::{agrees_rounded, by_weight, millions, money, percent, round_to, share_of};
use super::outcome::{Agreement, MarginCheck, YearMargin};
use crate::engine::format::{brief, decimal};
use crate::engine::opr::{RegimeYear, ReportedOutcome};
use rust_decimal::Decimal;

fn check(what: String, stated: String, computed: String, ok: bool, note: String) -> MarginCheck {
    MarginCheck {
        what,
        stated,
        computed,
        agreement: if ok {
            Agreement::Agrees
        } else {
            Agreement::Differs
        },
        note,
    }
}

fn amount_checks(
    out: &mut Vec<MarginCheck>,
    label: &str,
    r: &ReportedOutcome,
    kept: Decimal,
    lost: Decimal,
    share: Option<Decimal>,
) {
    let to = r.rounded_to;
    let rounding = format!("rounded to £{}", decimal(to, 0));
    for (word, stated, computed) in [("kept", r.kept, kept), ("lost", r.lost, lost)] {
        let Some(stated) = stated else { continue };
        let ok = agrees_rounded(computed, stated, to);
        let note = if ok {
            format!("{} {rounding}", money(computed))
        } else {
            format!(
                "{} {rounding} is £{}m; the difference is {}",
                money(computed),
                millions(round_to(computed, to)),
                money(stated.saturating_sub(computed))
            )
        };
        out.push(check(
            format!("{label} {word} ({})", r.source),
            format!("£{}m", millions(stated)),
            format!("£{}m", millions(computed)),
            ok,
            note,
        ));
    }
    if let (Some(stated), Some(share)) = (r.share_kept, share) {
        let dp = stated.scale();
        let ok = agrees_rounded(share, stated, Decimal::new(1, dp));
        out.push(check(
            format!("{label} share kept ({})", r.source),
            format!("{}%", stated),
            percent(share),
            ok,
            if dp == 1 {
                "compared to 1 decimal place, as printed".to_string()
            } else {
                format!("compared to {dp} decimal places, as printed")
            },
        ));
    }
}

/// Every check for the year, in table order.
pub fn checks(year: &RegimeYear, m: &YearMargin) -> Vec<MarginCheck> {
    let mut out = Vec::new();
    let w = m.total_weight.round_dp(6);
    out.push(check(
        format!("{} weights add up to 100%", year.name),
        "100%".into(),
        percent(m.total_weight),
        w == Decimal::ONE_HUNDRED,
        "each measure's margin is its weight × the margin at risk".into(),
    ));
    for (spec, mm) in year.measures.iter().zip(&m.measures) {
        if let Some(stated) = spec.margin {
            let by_weight = by_weight(year, spec);
            let to = spec
                .reported
                .as_ref()
                .map_or(Decimal::ONE_THOUSAND, |r| r.rounded_to);
            let ok = agrees_rounded(by_weight, stated, to);
            out.push(check(
                format!("{} margin: stated vs weight × margin at risk", mm.code),
                money(stated),
                money(by_weight),
                ok,
                format!(
                    "{} × {} = {}; compared rounded to £{}",
                    percent(mm.weight),
                    money(year.margin_at_risk),
                    money(by_weight),
                    decimal(to, 0)
                ),
            ));
        }
        for p in &mm.parts {
            let (Some(entered), Some(fm)) = (
                (p.source == crate::engine::margin::Source::Entered)
                    .then_some(p.performance)
                    .flatten(),
                p.from_metrics,
            ) else {
                continue;
            };
            // Printed to `dp` places, from metrics printed to `dp` places: a
            // mean of printed figures can be off by half a unit, and so can the
            // printed RPL.
            let dp = entered.scale();
            let unit = Decimal::new(1, dp);
            let places = if dp == 1 {
                "1 place".to_string()
            } else {
                format!("{dp} places")
            };
            let half = unit / Decimal::TWO;
            // Saturating: a metric's annual figure is whatever a file says.
            let diff = entered.saturating_sub(fm).abs();
            let agreement = if agrees_rounded(fm, entered, unit) {
                Agreement::Agrees
            } else if diff <= half + half {
                Agreement::WithinRounding
            } else {
                Agreement::Differs
            };
            out.push(MarginCheck {
                what: format!("{} {}: RPL entered vs its metrics", mm.code, p.label),
                stated: brief(entered),
                computed: brief(fm),
                agreement,
                note: match agreement {
                    Agreement::Agrees => format!("the metrics' mean rounds to {}", brief(entered)),
                    Agreement::WithinRounding => format!(
                        "differs by {}: within the rounding of figures printed to {places}",
                        brief(diff)
                    ),
                    Agreement::Differs => format!(
                        "differs by {}: more than printing to {places} explains; the metrics' weights or figures may differ from those entered",
                        brief(diff)
                    ),
                },
            });
        }
        if let Some(r) = spec.reported.as_ref() {
            amount_checks(&mut out, &mm.code, r, mm.kept, mm.lost, mm.share_kept);
        }
    }
    if !m.allocated.is_zero() || !m.margin_at_risk.is_zero() {
        let to = Decimal::ONE_THOUSAND;
        out.push(check(
            format!(
                "{} measures' margins add up to the margin at risk",
                year.name
            ),
            money(m.margin_at_risk),
            money(m.allocated),
            agrees_rounded(m.allocated, m.margin_at_risk, to),
            "compared rounded to £1,000".into(),
        ));
    }
    for (c, g) in year.combined.iter().zip(&m.combined) {
        if let Some(r) = &c.reported {
            amount_checks(
                &mut out,
                &c.name,
                r,
                g.kept,
                g.lost,
                share_of(g.kept, g.margin, g.unassessed),
            );
            if let Some(stated) = r.margin {
                let ok = agrees_rounded(g.margin, stated, r.rounded_to);
                out.push(check(
                    format!("{} margin at risk ({})", c.name, r.source),
                    format!("£{}m", millions(stated)),
                    format!("£{}m", millions(g.margin)),
                    ok,
                    format!(
                        "{} rounded to £{}",
                        money(g.margin),
                        decimal(r.rounded_to, 0)
                    ),
                ));
            }
        }
    }
    if let Some(r) = &year.reported {
        let share = share_of(m.kept, m.allocated, m.unassessed);
        amount_checks(
            &mut out,
            &format!("{} total", year.name),
            r,
            m.kept,
            m.lost,
            share,
        );
    }
    out
}
