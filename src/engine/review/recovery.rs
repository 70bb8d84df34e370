//! What would bring a CPM back to target: the level its weakest component
//! would need, the others as they are.
//!
//! A derived CPM is the plain mean of its components' levels
//! ([`crate::engine::level::derived`]), so with the rest fixed the weakest
//! component `w` must reach `x` where `(rest + x) / n` reaches the threshold
//! under the comparison rule. March 2021: CPM1 is 92.75%; it meets 99% only
//! if CSP North PM2 (23.74%) reaches 92.48%, and 96% only at 59.48%.

use super::Index;
use crate::engine::catalogue::{Basis, Catalogue, Direction, Provider};
use crate::engine::format::{brief, decimal, thousands};
use crate::engine::level::ServiceLevel;
use crate::engine::period::Month;
use crate::engine::results::MeasureResult;
use crate::engine::rule::ComparisonRule;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

/// The level a component needs for the CPM to reach one threshold.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Needed {
    /// This level or better (rounded up to two decimals) would do.
    Level { level: Decimal },
    /// Not even 100% would do: the CPM would reach only `best`.
    Out { best: Decimal },
}

/// What would bring one CPM back.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Recovery {
    pub period: Month,
    pub cpm: String,
    pub provider: Provider,
    /// The weakest component, for a derived CPM: provider, code and level.
    pub weakest: Option<(Provider, String, Decimal)>,
    pub to_target: Option<Needed>,
    pub to_minimum: Option<Needed>,
    /// The whole answer in words.
    pub words: String,
}

/// Whether the mean with `x` in place of the weakest reaches `threshold`.
fn reaches(
    rest: Decimal,
    n: Decimal,
    x: Decimal,
    threshold: Decimal,
    rule: ComparisonRule,
) -> bool {
    rest.checked_add(x)
        .and_then(|s| s.checked_div(n))
        .is_some_and(|m| rule.reaches(m, threshold, Direction::HigherIsBetter))
}

/// The least level, in hundredths of a percentage point, that reaches.
fn needed(rest: Decimal, n: Decimal, threshold: Decimal, rule: ComparisonRule) -> Option<Needed> {
    let hundred = Decimal::ONE_HUNDRED;
    if !reaches(rest, n, hundred, threshold, rule) {
        let best = rest.checked_add(hundred)?.checked_div(n)?;
        return Some(Needed::Out { best });
    }
    // The exact solution, rounded up to hundredths, then nudged down while a
    // smaller hundredth still reaches (the rule may round the mean).
    let exact = threshold.checked_mul(n)?.checked_sub(rest)?;
    let step = Decimal::new(1, 2);
    let mut x = exact
        .round_dp_with_strategy(2, RoundingStrategy::AwayFromZero)
        .clamp(Decimal::ZERO, hundred);
    while x > Decimal::ZERO && reaches(rest, n, x - step, threshold, rule) {
        x -= step;
    }
    while x < hundred && !reaches(rest, n, x, threshold, rule) {
        x += step;
    }
    Some(Needed::Level { level: x })
}

/// What would bring `cpm` back, if it misses target.
pub(crate) fn recovery(
    cpm: &MeasureResult,
    index: &Index,
    rule: ComparisonRule,
) -> Option<Recovery> {
    if !cpm.status.is_miss() {
        return None;
    }
    let cat = Catalogue::builtin();
    let def = cat.get(&cpm.measure, cpm.provider)?;
    let base = Recovery {
        period: cpm.period,
        cpm: cpm.measure.clone(),
        provider: cpm.provider,
        weakest: None,
        to_target: None,
        to_minimum: None,
        words: String::new(),
    };
    if def.basis != Basis::Derived {
        // CPM4 and CPM5 count incidents: the headroom says how many more.
        let words = match &cpm.headroom {
            Some(h) => format!(
                "{} more of the {} incidents resolved within the target resolution time would meet {}%.",
                thousands(h.successes_short),
                thousands(h.total),
                brief(cpm.target?)
            ),
            None => return None,
        };
        return Some(Recovery { words, ..base });
    }
    let levels: Vec<(Provider, &str, Decimal)> = cat
        .components_of(def.code)
        .into_iter()
        .filter_map(|c| match index.get(cpm.period, c.code, c.provider)?.level {
            ServiceLevel::Number(n) => Some((c.provider, c.code, n)),
            ServiceLevel::Status(_) => None,
        })
        .collect();
    let weakest = levels.iter().min_by_key(|l| l.2)?;
    let sum = levels
        .iter()
        .try_fold(Decimal::ZERO, |a, l| a.checked_add(l.2))?;
    let rest = sum.checked_sub(weakest.2)?;
    let n = Decimal::from(levels.len());
    let to_target = needed(rest, n, cpm.target?, rule);
    let to_minimum = cpm
        .minimum
        .filter(|_| cpm.status == crate::engine::rule::Compliance::BelowMinimum)
        .and_then(|m| needed(rest, n, m, rule));
    let name = format!("{} {}", weakest.0, weakest.1);
    let target = brief(cpm.target?);
    let mut words = format!(
        "{}: its weakest component is {name} ({}%). ",
        cpm.measure,
        decimal(weakest.2, 2)
    );
    match &to_target {
        Some(Needed::Level { level }) => words.push_str(&format!(
            "It meets {target}% only if {name} reaches {}%",
            decimal(*level, 2)
        )),
        Some(Needed::Out { best }) => words.push_str(&format!(
            "It cannot meet {target}% through {name} alone: even at 100% the CPM would be {}%",
            decimal(*best, 2)
        )),
        None => {}
    }
    match (&to_minimum, cpm.minimum) {
        (Some(Needed::Level { level }), Some(m)) => words.push_str(&format!(
            "; its minimum {}% only if {name} reaches {}%",
            brief(m),
            decimal(*level, 2)
        )),
        (Some(Needed::Out { .. }), Some(m)) => {
            words.push_str(&format!(", nor its minimum {}%", brief(m)))
        }
        _ => {}
    }
    let others = levels.len() - 1;
    words.push_str(&format!(
        ", the other {} as they are ({}).",
        match others {
            1 => "component".to_string(),
            n => format!("{n} components"),
        },
        rule.describe()
    ));
    Some(Recovery {
        weakest: Some((weakest.0, weakest.1.to_string(), weakest.2)),
        to_target,
        to_minimum,
        words,
        ..base
    })
}
