//! What the spreadsheet reader checks beside reading: levels held as
//! fractions (0.991 for 99.1%), and target and minimum columns against the
//! catalogue.

use super::layout::shorten;
use super::layout::Role;
use crate::engine::catalogue::{Basis, MeasureDef, Unit};
use crate::engine::{Month, Provider};
use crate::io::values;
use rust_decimal::Decimal;
use std::borrow::Cow;
use std::collections::BTreeMap;

/// A percentage written as a fraction of 1, as a percentage: `0.991` is
/// `99.1`, exactly (decimal, two fewer decimals). `None` for text that is
/// not such a number, which is then checked as written.
pub(super) fn hundredfold(text: &str) -> Option<String> {
    let (about, figure) = values::approximate(text);
    if figure.contains('%') {
        return None;
    }
    let d = values::decimal(figure)?;
    // Only a fraction (0 < d ≤ 1) is a percentage held as a fraction.
    if d <= Decimal::ZERO || d > Decimal::ONE {
        return None;
    }
    let scaled = d.checked_mul(Decimal::ONE_HUNDRED)?;
    let scaled = scaled.round_dp(d.scale().saturating_sub(2));
    Some(format!("{}{scaled}", if about { "~" } else { "" }))
}

/// `text`, or its hundredfold where `convert`.
pub(super) fn scaled(text: &str, convert: bool) -> Cow<'_, str> {
    match convert.then(|| hundredfold(text)).flatten() {
        Some(s) => s.into(),
        None => text.into(),
    }
}

/// Whether a measure's levels are percentages with targets such as 99
/// (not counts, not PM12.2's formula that runs past 100).
pub(super) fn percent_levels(def: &MeasureDef) -> bool {
    def.unit == Unit::Percent && def.basis != Basis::PowerOutage
}

/// Measure, provider, target or minimum, the sheet's figure, the catalogue's.
type Difference = (&'static str, Provider, Role, String, String);

/// Target and minimum cells that differ from the catalogue, or could not
/// be read: grouped, so a sheet of 100,000 rows gives a few notes.
#[derive(Default)]
pub(super) struct LevelChecks {
    /// → (rows, first row)
    differ: BTreeMap<Difference, (u64, u64)>,
    unreadable: BTreeMap<(Role, String), (u64, u64)>,
}

impl LevelChecks {
    pub(super) fn check(
        &mut self,
        def: &'static MeasureDef,
        period: Month,
        which: Role,
        text: &str,
        line: u64,
        scale: bool,
    ) {
        if text.is_empty() {
            return;
        }
        let converted = (scale && percent_levels(def))
            .then(|| hundredfold(text))
            .flatten();
        let figure = converted.as_deref().unwrap_or(text);
        let Some(given) = values::decimal(figure) else {
            let e = self
                .unreadable
                .entry((which, text.to_string()))
                .or_insert((0, line));
            e.0 += 1;
            return;
        };
        let Some(levels) = def.levels_at(period) else {
            return;
        };
        let known = match which {
            Role::Target => Some(levels.target),
            _ => levels.minimum,
        };
        if known != Some(given) {
            let known = known.map_or("none".to_string(), |k| k.to_string());
            let e = self
                .differ
                .entry((def.code, def.provider, which, given.to_string(), known))
                .or_insert((0, line));
            e.0 += 1;
        }
    }

    pub(super) fn notes(self, labels: &dyn Fn(Role) -> String) -> Vec<String> {
        let rows = |(n, first): (u64, u64)| {
            if n == 1 {
                format!("row {first}")
            } else {
                format!("{n} rows from row {first}")
            }
        };
        let mut out: Vec<String> = self
            .differ
            .into_iter()
            .map(|((code, provider, which, given, known), at)| {
                format!(
                    "{} says {code} {provider}'s {} is {given}, the catalogue {known} ({}): the catalogue's is used; check which is right.",
                    labels(which),
                    which.name(),
                    rows(at)
                )
            })
            .collect();
        out.extend(self.unreadable.into_iter().map(|((which, text), at)| {
            format!(
                "{}: {:?} is not a number ({}), so it was not checked against the catalogue.",
                labels(which),
                shorten(&text, 40),
                rows(at)
            )
        }));
        out
    }
}
