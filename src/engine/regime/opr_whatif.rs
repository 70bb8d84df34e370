//! "What would it take": the OPR arithmetic run backwards.
//!
//! - [`needed`]: the RPL or score a part needs to keep a chosen share;
//! - [`worth`]: how much margin a tenth of a point is worth to a part.
//!
//! Both follow the same rules as [`crate::engine::margin::share_at`]: all kept at or
//! above TPL, all lost at or below MPL, the year's curve between; a score
//! keeps score ÷ maximum.

use crate::engine::format::brief;
use crate::engine::margin::{money, share_at};
use crate::engine::opr::{CurvePoint, LossCurve, Scale};
use rust_decimal::Decimal;
use serde::Serialize;

/// The figure needed for a share kept, and how it was found.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Needed {
    /// The lowest RPL or score that keeps the share.
    pub performance: Decimal,
    pub steps: Vec<String>,
}

fn hundred() -> Decimal {
    Decimal::ONE_HUNDRED
}

fn lerp(a: Decimal, b: Decimal, t_pct: Decimal) -> Decimal {
    let span = b.saturating_sub(a);
    a.saturating_add(span.saturating_mul(t_pct) / hundred())
}

/// The lowest figure that keeps `kept` percent (0–100) on `scale`.
pub fn needed(scale: Scale, curve: &LossCurve, kept: Decimal) -> Needed {
    let kept = kept.clamp(Decimal::ZERO, hundred());
    match scale {
        Scale::Score { max } => {
            let p = lerp(Decimal::ZERO, max, kept);
            Needed {
                performance: p,
                steps: vec![format!(
                    "score = {}% × {} = {}",
                    kept.normalize(),
                    max.normalize(),
                    brief(p)
                )],
            }
        }
        Scale::Levels { tpl, mpl } => {
            if kept >= hundred() {
                return Needed {
                    performance: tpl,
                    steps: vec![format!("all is kept at or above TPL {}", tpl.normalize())],
                };
            }
            if kept.is_zero() {
                return Needed {
                    performance: Decimal::ZERO,
                    steps: vec![format!(
                        "0% is kept whatever the RPL; at or below MPL {} all is lost",
                        mpl.normalize()
                    )],
                };
            }
            let (pos, how) = match curve {
                LossCurve::Linear => (
                    kept,
                    "on a straight line the position equals the share kept".to_string(),
                ),
                LossCurve::Step => (
                    hundred(),
                    "on the all-or-nothing curve only TPL keeps anything".to_string(),
                ),
                LossCurve::Points { points } => (
                    position_for(points, kept),
                    "read back along the year's curve".to_string(),
                ),
            };
            let p = lerp(mpl, tpl, pos);
            Needed {
                performance: p,
                steps: vec![
                    format!("{how}: {} of the way from MPL to TPL", pct(pos)),
                    format!(
                        "RPL = {} + {} × ({} − {}) = {}",
                        mpl.normalize(),
                        pct(pos),
                        tpl.normalize(),
                        mpl.normalize(),
                        brief(p)
                    ),
                ],
            }
        }
    }
}

fn pct(p: Decimal) -> String {
    format!("{}%", brief(p))
}

/// The first position whose share kept reaches `kept`, along straight lines
/// from (0, 0) through the points to (100, 100).
fn position_for(points: &[CurvePoint], kept: Decimal) -> Decimal {
    let end = CurvePoint {
        at: hundred(),
        kept: hundred(),
    };
    let mut prev = CurvePoint {
        at: Decimal::ZERO,
        kept: Decimal::ZERO,
    };
    for p in points.iter().chain(std::iter::once(&end)) {
        if p.kept >= kept {
            let rise = p.kept.saturating_sub(prev.kept);
            if rise.is_zero() {
                return prev.at;
            }
            let t = kept
                .saturating_sub(prev.kept)
                .checked_mul(hundred())
                .and_then(|x| x.checked_div(rise))
                .unwrap_or(hundred());
            return lerp(prev.at, p.at, t);
        }
        prev = *p;
    }
    hundred()
}

/// What a tenth of a point is worth to a part.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Worth {
    /// Between MPL and TPL on a straight line (or for a score): the same
    /// everywhere. `None` on other curves.
    pub in_band: Option<Decimal>,
    /// Gained if the figure were 0.1 higher.
    pub up: Decimal,
    /// Lost if the figure were 0.1 lower.
    pub down: Decimal,
    pub text: String,
}

/// The margin a part gains or loses per 0.1 of RPL or score.
pub fn worth(
    scale: Scale,
    curve: &LossCurve,
    margin: Decimal,
    performance: Option<Decimal>,
) -> Worth {
    let tenth = Decimal::new(1, 1);
    let in_band = match (scale, curve) {
        (Scale::Levels { tpl, mpl }, LossCurve::Linear) => margin
            .checked_mul(tenth)
            .and_then(|x| x.checked_div(tpl.saturating_sub(mpl))),
        (Scale::Score { max }, _) => margin.checked_mul(tenth).and_then(|x| x.checked_div(max)),
        _ => None,
    };
    let kept_at = |p: Decimal| margin.saturating_mul(share_at(scale, curve, p).0) / hundred();
    let (up, down) = match performance {
        Some(p) => {
            let now = kept_at(p);
            (
                kept_at(p.saturating_add(tenth)).saturating_sub(now),
                now.saturating_sub(kept_at(p.saturating_sub(tenth))),
            )
        }
        None => (Decimal::ZERO, Decimal::ZERO),
    };
    let band = match (scale, in_band) {
        (Scale::Levels { .. }, Some(b)) => {
            format!("between MPL and TPL each 0.1 point is worth {}", money(b))
        }
        (Scale::Score { .. }, Some(b)) => format!("each 0.1 of score is worth {}", money(b)),
        _ => "the curve is not a straight line, so a tenth is worth different amounts along it"
            .into(),
    };
    let here = match performance {
        Some(p) => format!(
            "; from {}: +0.1 gains {}, −0.1 loses {}",
            brief(p),
            money(up),
            money(down)
        ),
        None => String::new(),
    };
    Worth {
        in_band,
        up,
        down,
        text: format!("{band}{here}"),
    }
}
