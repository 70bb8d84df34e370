//! Amounts of the OPR margin: the rounding rule checks compare by, and a
//! measure's margin by weight. Their text (pounds, £m, shares) is in
//! [`crate::engine::format`].

pub use crate::engine::format::{millions, money, percent, signed_money};
use crate::engine::opr::{OprMeasure, RegimeYear};
use rust_decimal::{Decimal, RoundingStrategy};

/// Whether `computed`, rounded as `r` rounds, equals the stated figure.
pub(crate) fn agrees_rounded(computed: Decimal, stated: Decimal, to: Decimal) -> bool {
    round_to(computed, to) == stated
}

/// `v` rounded, halves away from zero, to a multiple of `to` (£1,000 for £m
/// to three decimals); unchanged when `to` is not positive. The one rule
/// both the checks and their notes use.
pub(crate) fn round_to(v: Decimal, to: Decimal) -> Decimal {
    if to <= Decimal::ZERO {
        return v;
    }
    Decimal::checked_div(v, to)
        .map(|q| q.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero))
        .map_or(v, |q| Decimal::saturating_mul(q, to))
}

/// A measure's margin by weight: weight × the year's margin at risk.
pub(crate) fn by_weight(year: &RegimeYear, m: &OprMeasure) -> Decimal {
    Decimal::checked_div(
        Decimal::saturating_mul(year.margin_at_risk, m.weight),
        Decimal::ONE_HUNDRED,
    )
    .unwrap_or(Decimal::ZERO)
}

/// Percent of `margin` kept, when all of it is assessed and there is any.
pub fn share_of(kept: Decimal, margin: Decimal, unassessed: Decimal) -> Option<Decimal> {
    if margin.is_zero() || !unassessed.is_zero() {
        return None;
    }
    Decimal::checked_div(Decimal::saturating_mul(kept, Decimal::ONE_HUNDRED), margin)
}
