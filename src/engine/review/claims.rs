//! Each claim a report makes in words, checked against what the loaded
//! figures give: it agrees, differs (by how much), or cannot be checked (and
//! why).

use super::run::Run;
use super::Index;
use crate::engine::claim::{Claim, Stated, StatedStatus};
use crate::engine::format::{decimal, thousands};
use crate::engine::level::ServiceLevel;
use crate::engine::rule::{ComparisonRule, Compliance};
use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

/// The longest count of months a claim is checked over (fifty years).
const MAX_MONTHS: u32 = 600;

/// How a claim stands against the computed figures.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Verdict {
    Agrees,
    /// `by` says by how much, in words.
    Differs {
        by: String,
    },
    /// `why` says what is missing.
    CannotCheck {
        why: String,
    },
}

impl Verdict {
    pub fn label(&self) -> &'static str {
        match self {
            Verdict::Agrees => "Agrees",
            Verdict::Differs { .. } => "Differs",
            Verdict::CannotCheck { .. } => "Cannot be checked",
        }
    }

    pub fn differs(&self) -> bool {
        matches!(self, Verdict::Differs { .. })
    }
}

/// One claim with what was computed and the verdict.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ClaimCheck {
    pub claim: Claim,
    /// What the loaded figures give, in the claim's terms.
    pub computed: String,
    pub verdict: Verdict,
}

/// "the report's figure is 0.26 percentage points lower".
fn report_is(amount: &str, stated_minus_computed: Decimal) -> String {
    let way = if stated_minus_computed < Decimal::ZERO {
        "lower"
    } else {
        "higher"
    };
    format!("the report's figure is {amount} {way}")
}

fn cannot(computed: &str, why: String) -> (String, Verdict) {
    (computed.to_string(), Verdict::CannotCheck { why })
}

fn stated_status(c: Compliance) -> Option<StatedStatus> {
    match c {
        Compliance::MeetsTarget => Some(StatedStatus::MeetsTarget),
        Compliance::BelowTarget => Some(StatedStatus::BelowTarget),
        Compliance::BelowMinimum => Some(StatedStatus::BelowMinimum),
        Compliance::NotAssessed => None,
    }
}

/// Checks one claim.
pub(crate) fn check(claim: &Claim, index: &Index, rule: ComparisonRule) -> ClaimCheck {
    let (computed, verdict) = judge(claim, index, rule);
    ClaimCheck {
        claim: claim.clone(),
        computed,
        verdict,
    }
}

fn judge(claim: &Claim, index: &Index, rule: ComparisonRule) -> (String, Verdict) {
    let who = format!("{} {}", claim.provider, claim.measure);
    let Some(row) = index.shown(claim.period, &claim.measure, claim.provider) else {
        return cannot(
            "–",
            format!(
                "{who} has no figure for {} loaded",
                claim.period.long_name()
            ),
        );
    };
    match &claim.stated {
        Stated::Level { level } => {
            let ServiceLevel::Number(n) = row.level else {
                return cannot(&row.display, format!("{who} has no level: {}", row.display));
            };
            // A loaded figure given to fewer decimals than the claim can
            // only be compared at its own: 99.841% agrees with a table's 99.84%.
            let dp = level.scale().min(n.scale());
            let round =
                |v: Decimal| v.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero);
            let rounded = round(n);
            // The figure the report printed in its table, where it printed one.
            let printed = row.reported_check.as_ref().map(|c| c.reported);
            let shown = match printed.filter(|p| round(*p) != rounded) {
                Some(p) => format!(
                    "{}% (printed {}%)",
                    decimal(rounded, dp.max(2)),
                    decimal(p, p.scale().max(2))
                ),
                None => format!("{}%", decimal(rounded, dp.max(2))),
            };
            if rounded == round(*level) {
                (shown, Verdict::Agrees)
            } else if printed.is_some_and(|p| round(p) == round(*level)) {
                // As printed in the table: the table's own difference from
                // the computed level is a finding of its own.
                (shown, Verdict::Agrees)
            } else {
                let by = round(*level).checked_sub(rounded).unwrap_or_default();
                (
                    shown,
                    Verdict::Differs {
                        by: report_is(
                            &format!("{} percentage points", decimal(by.abs(), dp.max(2))),
                            by,
                        ),
                    },
                )
            }
        }
        Stated::Status { status } => match stated_status(row.status) {
            None => cannot(
                &row.display,
                format!("{who} is not assessed: {}", row.display),
            ),
            Some(s) if s == *status => (s.words().to_string(), Verdict::Agrees),
            // Below the minimum is below target too: true, if understated.
            Some(StatedStatus::BelowMinimum) if *status == StatedStatus::BelowTarget => (
                StatedStatus::BelowMinimum.words().to_string(),
                Verdict::Agrees,
            ),
            Some(s) => (
                s.words().to_string(),
                Verdict::Differs {
                    by: format!("computed {} ({}, {})", s.words(), row.display, rule),
                },
            ),
        },
        Stated::BelowTargetRun { .. } | Stated::BelowTargetCount { .. }
            if row.cadence != crate::engine::period::Cadence::Monthly =>
        {
            cannot(
                &row.display,
                format!("{who} is measured by the quarter; the claim counts months"),
            )
        }
        Stated::BelowTargetRun { .. } if row.status == Compliance::NotAssessed => cannot(
            &row.display,
            format!(
                "{who} has no level to assess for {}: {}",
                claim.period.long_name(),
                row.display
            ),
        ),
        Stated::BelowTargetRun { months } => {
            let run = Run::of(row);
            let (shown, n) = (run.describe(), run.periods);
            if run.exact && n == *months {
                (shown, Verdict::Agrees)
            } else if run.exact || n > *months {
                let by = if n > *months {
                    let least = if run.exact { "" } else { "at least " };
                    format!("{least}{} months longer than stated", n - months)
                } else {
                    format!("{} months shorter than stated", months - n)
                };
                (shown, Verdict::Differs { by })
            } else {
                let from = run
                    .history_from
                    .map_or("this month".into(), |m| m.long_name());
                let start = row
                    .cadence
                    .previous(claim.period.minus(months.saturating_sub(1)));
                cannot(
                    &shown,
                    format!(
                        "only {n} can be seen: the loaded history of {who} starts in {from}; \
                         checking {months} months needs it from {} or earlier",
                        start.long_name()
                    ),
                )
            }
        }
        // No history is that long: the claim is not a count of months.
        Stated::BelowTargetCount { months, .. } if *months > MAX_MONTHS => cannot(
            "–",
            format!("{months} months is more history than any report covers"),
        ),
        Stated::BelowTargetCount { below, months } => {
            let mut seen = 0u32;
            let mut missed = 0u32;
            let mut at = claim.period;
            for _ in 0..*months {
                if let Some(s) = index
                    .get(at, &claim.measure, claim.provider)
                    .map(|r| r.status)
                {
                    if s != Compliance::NotAssessed {
                        seen += 1;
                        missed += u32::from(s.is_miss());
                    }
                }
                at = row.cadence.previous(at);
            }
            let shown = format!("{missed} below target of {seen} months loaded");
            if seen < *months {
                cannot(
                    &shown,
                    format!("only {seen} of the {months} months are loaded"),
                )
            } else if missed == *below {
                (shown, Verdict::Agrees)
            } else {
                (
                    shown,
                    Verdict::Differs {
                        by: report_is(
                            &format!("{} months", below.abs_diff(missed)),
                            Decimal::from(*below) - Decimal::from(missed),
                        ),
                    },
                )
            }
        }
        Stated::FailuresOverAllowed { over } => {
            let Some(h) = &row.headroom else {
                return cannot(
                    &row.display,
                    format!("{who} has no counts loaded to count failures"),
                );
            };
            let failures = h.total.saturating_sub(h.successes);
            let Some(allowed) = h.max_failures() else {
                return cannot("–", "even no failures would not meet target".into());
            };
            let computed_over = failures.saturating_sub(allowed);
            let shown = format!(
                "{} failures of {}, {} allowed ({rule}): {} over",
                thousands(failures),
                thousands(h.total),
                thousands(allowed),
                thousands(computed_over)
            );
            if computed_over == *over {
                (shown, Verdict::Agrees)
            } else {
                (
                    shown,
                    Verdict::Differs {
                        by: report_is(
                            &format!("{} failures", thousands(over.abs_diff(computed_over))),
                            Decimal::from(*over) - Decimal::from(computed_over),
                        ),
                    },
                )
            }
        }
    }
}
