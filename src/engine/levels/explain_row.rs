//! A result's explanation, built when it is opened rather than for every
//! figure: the inputs and formula the level was formed by, the rule that
//! gave its status, and what a reader should know about it.

use super::results::{effective, effective_of, MeasureResult, Results};
use crate::engine::catalogue::{Basis, Catalogue, Direction, Unit};
use crate::engine::explain::Explanation;
use crate::engine::format::{self, brief, decimal, signed};
use crate::engine::level::{self, ServiceLevel};
use crate::engine::observation::{Dataset, Observation};

impl Results {
    /// How `row` (one of these results, computed from `data`) was reached.
    pub fn explain(&self, data: &Dataset, row: &MeasureResult) -> Explanation {
        let Some(def) = Catalogue::builtin().get(&row.measure, row.provider) else {
            return Explanation::default();
        };
        let (obs, _) = effective_of(data, row.period, def.code, row.provider);
        self.explain_from(row, obs)
    }

    /// Every row's explanation, in row order, from one pass over the data
    /// (for the results export: one scan a row would be 6,400 scans of
    /// five years).
    pub fn explain_all(&self, data: &Dataset) -> Vec<Explanation> {
        let cat = Catalogue::builtin();
        let eff = effective(cat, data, &mut Vec::new());
        self.rows
            .iter()
            .map(|row| {
                let obs = cat
                    .get(&row.measure, row.provider)
                    .and_then(|d| eff.get(&(row.period, d.code, row.provider)))
                    .map(|(o, _)| *o);
                self.explain_from(row, obs)
            })
            .collect()
    }

    /// `row`'s explanation, given the observation that counts for it.
    fn explain_from(&self, row: &MeasureResult, obs: Option<&Observation>) -> Explanation {
        let Some(def) = Catalogue::builtin().get(&row.measure, row.provider) else {
            return Explanation::default();
        };
        let mut ex = if def.basis == Basis::Derived {
            let parts: Vec<(String, Option<ServiceLevel>)> = Catalogue::builtin()
                .components_of(def.code)
                .iter()
                .map(|c| {
                    (
                        format!("{} {}", c.provider, c.code),
                        self.get(row.period, c.code, c.provider).map(|r| r.level),
                    )
                })
                .collect();
            match obs {
                Some(o) if parts.iter().all(|p| p.1.is_none()) => {
                    level::from_input(&o.input, true).1
                }
                _ => level::derived(def.code, &parts).1,
            }
        } else {
            obs.map(|o| level::from_input(&o.input, def.unit == Unit::Percent).1)
                .unwrap_or_default()
        };
        let rule = self.settings.rule;
        let unit = if def.unit == Unit::Percent { "%" } else { "" };
        let pct = def.unit == Unit::Percent;
        // The comparison, in words.
        ex.rule = match (row.level.number(), row.target) {
            (Some(n), Some(t)) => {
                let min = row.minimum.map_or("no minimum given".to_string(), |m| {
                    format!("minimum {}{unit}", format::level(m, pct))
                });
                format!(
                    "Target {}{unit}, {min}; {} ({}). Compared: {}{unit} → {}.",
                    format::level(t, pct),
                    match def.direction {
                        Direction::HigherIsBetter => "higher is better",
                        Direction::LowerIsBetter => "lower is better",
                    },
                    rule.describe(),
                    brief(rule.apply(n)),
                    row.status.label()
                )
            }
            (None, _) => "Not assessed: there is no number to compare.".into(),
            (Some(_), None) => "Not assessed: no target is known for this period.".into(),
        };
        if let (Some(h), Some(t)) = (&row.headroom, row.target) {
            ex.steps.push(h.describe(t, rule));
        }
        if let Some(f) = &row.flip {
            ex.notes.push(format!(
                "Under the {} rule this would be \u{201c}{}\u{201d}.",
                f.rule,
                f.status.label()
            ));
        }
        if let Some(c) = &row.reported_check {
            let (reported, dp) = (decimal(c.reported, c.decimals), c.decimals);
            ex.notes.push(if c.agrees {
                format!("The report printed {reported}%; the computed level agrees at {dp} decimals.")
            } else {
                let how = if c.matches_truncation {
                    " The reported figure matches the computed level truncated, not rounded."
                } else {
                    ""
                };
                format!(
                    "The report printed {reported}%; the computed level rounds to {}% at {dp} decimals.{how}",
                    decimal(c.computed_rounded, dp),
                )
            });
        }
        if let Some(r) = &row.restatement {
            let report = |m: Option<crate::engine::Month>| {
                m.map_or(String::new(), |m| {
                    format!(" in the {} report", m.long_name())
                })
            };
            ex.notes.push(format!(
                "Restated: first reported as {}{}, now {}{}.",
                r.original_display,
                report(r.original_report),
                row.display,
                report(r.restated_report)
            ));
        }
        if row.out_of_range {
            ex.notes.push("Above 100%: this is what the formula yields and what was reported; it lies outside the meaningful range of a percentage.".into());
        }
        if def.kpi {
            ex.notes.push("A KPI: it carries no service credit.".into());
        }
        if let (Some(c), Some(p)) = (row.change, &row.previous) {
            let unit = if pct { " percentage points" } else { "" };
            ex.steps.push(format!(
                "Change from {} ({}): {}{unit}",
                def.cadence.label(p.period),
                p.display,
                signed(c, 2)
            ));
        }
        if let Some(note) = obs.and_then(|o| o.note.clone()) {
            ex.notes.push(note);
        }
        if row.status.is_miss() {
            let start = row.period.minus((row.streak - 1) * def.cadence.months());
            ex.notes.push(if row.streak_exact {
                format!(
                    "Below target for {}, since {}.",
                    def.cadence.count(row.streak),
                    def.cadence.label(start)
                )
            } else {
                format!(
                    "Below target for at least {}: the history loaded starts with {} (the period before is not loaded, or has no level), so the run may be longer.",
                    def.cadence.count(row.streak),
                    def.cadence.label(start)
                )
            });
        }
        if row.approximate {
            ex.notes
                .push("Approximate: the documents give this figure as \"about\".".into());
        }
        ex
    }
}
