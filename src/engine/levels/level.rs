//! Forming a service level from an observation's input.
//!
//! Each function returns the level and the explanation of how it was formed.
//! All arithmetic is exact decimal; nothing here rounds.

use crate::engine::explain::{Explanation, Fact};
use crate::engine::format::{brief, decimal, thousands};
use crate::engine::observation::{IncidentCount, Input, NoValue};
use rust_decimal::Decimal;
use serde::Serialize;

/// A service level: a number, or a status that is never a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ServiceLevel {
    Number(Decimal),
    Status(NoValue),
}

impl ServiceLevel {
    pub fn number(self) -> Option<Decimal> {
        match self {
            ServiceLevel::Number(n) => Some(n),
            ServiceLevel::Status(_) => None,
        }
    }
}

/// Decimals shown for intermediate results in explanations.
pub const STEP_DP: u32 = 6;

fn hundred() -> Decimal {
    Decimal::ONE_HUNDRED
}

/// `100 × part ÷ whole`, `None` when `whole` is zero.
pub fn percent(part: u64, whole: u64) -> Option<Decimal> {
    if whole == 0 {
        return None;
    }
    hundred()
        .checked_mul(Decimal::from(part))?
        .checked_div(Decimal::from(whole))
}

/// The level of a non-derived input and how it was reached.
pub fn from_input(input: &Input, percent_unit: bool) -> (ServiceLevel, Explanation) {
    let pct = |v: Decimal| {
        if percent_unit {
            format!("{}%", brief(v))
        } else {
            brief(v)
        }
    };
    match input {
        Input::Level { level } => (
            ServiceLevel::Number(*level),
            Explanation {
                inputs: vec![Fact::new("Reported service level", pct(*level))],
                formula: "The service level as reported; no underlying counts were given.".into(),
                ..Explanation::default()
            },
        ),
        Input::Status { status } => (ServiceLevel::Status(*status), status_explanation(*status)),
        Input::Counts { successes, total } => counts(*successes, *total),
        Input::PowerOutage {
            delivered,
            power_loss_alerts,
        } => power_outage(*delivered, *power_loss_alerts),
        Input::Incidents { categories } => incidents(categories),
    }
}

pub fn status_explanation(status: NoValue) -> Explanation {
    Explanation {
        inputs: vec![Fact::new("Reported service level", status.label())],
        formula: format!(
            "\u{201c}{}\u{201d} is a status, not a number: it is not zero, it is not assessed against target, \
             and it is left out of any CPM mean.",
            status.label()
        ),
        ..Explanation::default()
    }
}

fn counts(successes: u64, total: u64) -> (ServiceLevel, Explanation) {
    let ex = Explanation {
        inputs: vec![
            Fact::new("Within target (successes)", thousands(successes)),
            Fact::new("Total", thousands(total)),
            Fact::new("Not within target (failures)", thousands(total.saturating_sub(successes))),
        ],
        formula: "Service level = 100 × successes ÷ total (PMR §1.2, Performance Measurement Methodology).".into(),
        ..Explanation::default()
    };
    ratio(
        ex,
        successes,
        total,
        "The total is zero: nothing to measure, so the level is \u{201c}No Events\u{201d}.",
    )
}

/// PM12.2, Schedule 2.2: `100 × delivered ÷ ((alerts − 50) × 0.25 + 50)`.
fn power_outage(delivered: u64, alerts: u64) -> (ServiceLevel, Explanation) {
    let d = Decimal::from(delivered);
    let a = Decimal::from(alerts);
    let quarter = Decimal::new(25, 2);
    let fifty = Decimal::from(50);
    let denominator = (a - fifty) * quarter + fifty;
    let mut ex = Explanation {
        inputs: vec![
            Fact::new(
                "Power outage event alerts delivered within target",
                thousands(delivered),
            ),
            Fact::new("Communications hub power loss alerts", thousands(alerts)),
        ],
        formula: "PM12.2 = 100 × alerts delivered ÷ ((power loss alerts − 50) × 0.25 + 50), \
                  the contract formula (Schedule 2.2) as the PMR applies it in §5 to §7."
            .into(),
        ..Explanation::default()
    };
    ex.steps.push(format!(
        "({} − 50) × 0.25 + 50 = {}",
        thousands(alerts),
        decimal(denominator, 2)
    ));
    let level = hundred()
        .checked_mul(d)
        .and_then(|n| n.checked_div(denominator));
    match level {
        Some(level) if denominator > Decimal::ZERO => {
            ex.steps.push(format!(
                "100 × {} ÷ {} = {}%",
                thousands(delivered),
                decimal(denominator, 2),
                decimal(level, STEP_DP)
            ));
            if !(50..=5000).contains(&alerts) {
                ex.notes.push(format!(
                    "The contract states this formula for outages of 50 to 5,000 hubs; {} alerts lie outside that \
                     range and the formula was applied regardless, as the report does.",
                    thousands(alerts)
                ));
            }
            (ServiceLevel::Number(level), ex)
        }
        _ => {
            ex.steps
                .push("The denominator is not positive: no level can be formed.".into());
            (ServiceLevel::Status(NoValue::NoEvents), ex)
        }
    }
}

/// CPM4 / CPM5: incidents closed in the month, within target over total,
/// summed across categories (PMR §3.1, Tables 4 and 6).
fn incidents(categories: &[IncidentCount]) -> (ServiceLevel, Explanation) {
    let (within, total) = IncidentCount::totals(categories);
    let mut ex = Explanation {
        inputs: categories
            .iter()
            .map(|c| {
                Fact::new(
                    format!("Category {}", c.category),
                    format!("{} of {} resolved within target", thousands(c.within), thousands(c.total)),
                )
            })
            .collect(),
        formula: "Level = 100 × incidents resolved within target ÷ incidents closed in the period, \
                  all categories together, after Performance Measure Exclusion List exclusions (SEC H13.1)."
            .into(),
        ..Explanation::default()
    };
    let join = |f: fn(&IncidentCount) -> u64| {
        categories
            .iter()
            .map(|c| thousands(f(c)))
            .collect::<Vec<_>>()
            .join(" + ")
    };
    ex.steps.push(format!(
        "Within target: {} = {}",
        join(|c| c.within),
        thousands(within)
    ));
    ex.steps.push(format!(
        "Closed: {} = {}",
        join(|c| c.total),
        thousands(total)
    ));
    // The report's "PMEL Exclusions Detail": left out of both counts (SEC H13.1).
    let mut excluded: std::collections::BTreeMap<&str, u64> = Default::default();
    for (kind, n) in categories.iter().flat_map(|c| &c.excluded) {
        let e = excluded.entry(kind.as_str()).or_default();
        *e = e.saturating_add(*n);
    }
    let excluded_total = excluded.values().fold(0u64, |a, n| a.saturating_add(*n));
    if excluded_total > 0 {
        let detail: Vec<String> = excluded
            .iter()
            .map(|(k, n)| format!("{k} {}", thousands(*n)))
            .collect();
        ex.inputs.push(Fact::new(
            "Excluded (PMEL)",
            format!("{}: {}", thousands(excluded_total), detail.join(", ")),
        ));
    }
    if total == 0 && excluded_total > 0 {
        ex.steps
            .push("Every incident closed was excluded: \u{201c}Data Exempted\u{201d}.".into());
        return (ServiceLevel::Status(NoValue::DataExempted), ex);
    }
    ratio(
        ex,
        within,
        total,
        "No incidents closed: \u{201c}No Events\u{201d}.",
    )
}

/// `100 × part ÷ whole` with its working; an empty whole is "No Events".
fn ratio(
    mut ex: Explanation,
    part: u64,
    whole: u64,
    when_empty: &str,
) -> (ServiceLevel, Explanation) {
    match percent(part, whole) {
        Some(level) => {
            ex.steps.push(format!(
                "100 × {} ÷ {} = {}%",
                thousands(part),
                thousands(whole),
                decimal(level, STEP_DP)
            ));
            (ServiceLevel::Number(level), ex)
        }
        None => {
            ex.steps.push(when_empty.into());
            (ServiceLevel::Status(NoValue::NoEvents), ex)
        }
    }
}

/// A derived CPM: the plain mean of the components that have a number.
///
/// The March 2021 PMR's Table 1 CPM1, 2, 3, 6, 7 and 8 each equal this mean
/// of the component levels printed beside them, leaving out "No Events" and
/// "N/A" (checked for both months in the tests).
pub fn derived(
    cpm: &str,
    components: &[(String, Option<ServiceLevel>)],
) -> (ServiceLevel, Explanation) {
    let mut ex = Explanation {
        formula: format!(
            "{cpm} = plain mean of its component service provider measures' service levels, \
             leaving out components with no number (No Events, N/A, not loaded)."
        ),
        ..Explanation::default()
    };
    // A mean of a few components would let one provider's figure stand for
    // the whole CPM (the December 2020 sample has only CSPN PM2 of CPM1's
    // twelve), so a CPM is formed only when at least half are loaded.
    let loaded = components.iter().filter(|c| c.1.is_some()).count();
    if loaded * 2 < components.len() {
        for (label, level) in components {
            let value = match level {
                Some(ServiceLevel::Number(n)) => format!("{}%", brief(*n)),
                Some(ServiceLevel::Status(s)) => s.label().to_string(),
                None => "not loaded".to_string(),
            };
            ex.inputs.push(Fact::new(label.clone(), value));
        }
        ex.steps.push(format!(
            "Only {loaded} of {} components are loaded; a CPM is formed only when at least half are.",
            components.len()
        ));
        return (ServiceLevel::Status(NoValue::NotReported), ex);
    }
    let mut numbers = Vec::new();
    for (label, level) in components {
        let value = match level {
            Some(ServiceLevel::Number(n)) => {
                numbers.push(*n);
                format!("{}%", brief(*n))
            }
            Some(ServiceLevel::Status(s)) => format!("{} — left out", s.label()),
            None => "not loaded — left out".to_string(),
        };
        ex.inputs.push(Fact::new(label.clone(), value));
    }
    if numbers.is_empty() {
        ex.steps
            .push("No component has a number, so there is no level.".into());
        return (ServiceLevel::Status(NoValue::NoEvents), ex);
    }
    // Checked: a level near Decimal's limit must not panic the page.
    let Some(sum) = numbers
        .iter()
        .try_fold(Decimal::ZERO, |a, n| a.checked_add(*n))
    else {
        ex.steps
            .push("The component levels are too large to add exactly; no level is formed.".into());
        return (ServiceLevel::Status(NoValue::NotReported), ex);
    };
    let mean = sum / Decimal::from(numbers.len());
    ex.steps.push(format!(
        "Sum of {} component levels: {} = {}",
        numbers.len(),
        numbers
            .iter()
            .map(|n| brief(*n))
            .collect::<Vec<_>>()
            .join(" + "),
        brief(sum)
    ));
    ex.steps.push(format!(
        "{} ÷ {} = {}%",
        brief(sum),
        numbers.len(),
        decimal(mean, STEP_DP)
    ));
    (ServiceLevel::Number(mean), ex)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn level(input: Input) -> Option<Decimal> {
        from_input(&input, true).0.number()
    }

    #[test]
    fn zero_totals_are_no_events_not_zero() {
        assert_eq!(
            from_input(
                &Input::Counts {
                    successes: 0,
                    total: 0
                },
                true
            )
            .0,
            ServiceLevel::Status(NoValue::NoEvents)
        );
        assert_eq!(
            from_input(&Input::Incidents { categories: vec![] }, true).0,
            ServiceLevel::Status(NoValue::NoEvents)
        );
    }

    #[test]
    fn huge_counts_do_not_overflow() {
        let l = level(Input::Counts {
            successes: u64::MAX,
            total: u64::MAX,
        });
        assert_eq!(l, Some(d("100")));
        // PM12.2 with no power-loss alerts: its denominator is
        // (0 − 50) × 0.25 + 50 = 37.5, so 100 × (2^64 − 1) ÷ 37.5, exactly,
        // not wrapped.
        assert_eq!(
            level(Input::PowerOutage {
                delivered: u64::MAX,
                power_loss_alerts: 0
            }),
            Some(d("49191317529892137640"))
        );
        // And with as many alerts as can be counted.
        assert!(level(Input::PowerOutage {
            delivered: u64::MAX,
            power_loss_alerts: u64::MAX
        })
        .is_some_and(|l| l > d("399.99") && l < d("400")));
    }

    #[test]
    fn power_outage_step_shows_denominator() {
        let (_, ex) = from_input(
            &Input::PowerOutage {
                delivered: 10343,
                power_loss_alerts: 10343,
            },
            true,
        );
        assert_eq!(ex.steps[0], "(10,343 − 50) × 0.25 + 50 = 2,623.25");
        assert!(
            ex.steps[1].starts_with("100 × 10,343 ÷ 2,623.25 = 394.28"),
            "{}",
            ex.steps[1]
        );
    }

    #[test]
    fn derived_survives_extreme_levels() {
        let big = ServiceLevel::Number(Decimal::MAX);
        let comps = vec![("a".to_string(), Some(big)), ("b".to_string(), Some(big))];
        assert_eq!(
            derived("CPM9", &comps).0,
            ServiceLevel::Status(NoValue::NotReported)
        );
    }

    #[test]
    fn derived_leaves_out_statuses() {
        let comps = vec![
            ("a".to_string(), Some(ServiceLevel::Number(d("99")))),
            (
                "b".to_string(),
                Some(ServiceLevel::Status(NoValue::NoEvents)),
            ),
            ("c".to_string(), Some(ServiceLevel::Number(d("98")))),
            ("d".to_string(), None),
        ];
        let (l, ex) = derived("CPM9", &comps);
        assert_eq!(l, ServiceLevel::Number(d("98.5")));
        assert!(ex.inputs[1].value.contains("left out"));
        assert!(ex.inputs[3].value.contains("not loaded"));
    }
}
