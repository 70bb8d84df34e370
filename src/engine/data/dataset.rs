//! Operations on the dataset that imports and edits need: comparing an
//! import with what is loaded, merging it in, and changing one figure.
//! Each returns a new dataset; the old one is kept for undo.

use crate::engine::catalogue::Provider;
use crate::engine::data::claim::Claim;
use crate::engine::observation::{Dataset, Input, Observation};
use crate::engine::period::Month;
use crate::engine::reported::{CreditKey, ReportedCredit};
use std::collections::HashSet;
use std::sync::Arc;

/// What identifies an observation: period, measure, provider and the report it came from.
pub type ObservationKey = (Month, String, Provider, Option<Month>);

impl Observation {
    /// [`Observation::key`] without copying the measure's code.
    fn sort_key(&self) -> (Month, &str, Provider, Option<Month>) {
        (self.period, &self.measure, self.provider, self.reported_in)
    }

    pub fn key(&self) -> ObservationKey {
        (
            self.period,
            self.measure.clone(),
            self.provider,
            self.reported_in,
        )
    }
}

/// What importing a dataset would do to the one loaded.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Changes {
    /// New keys.
    pub added: Vec<Observation>,
    /// Keys already loaded with another value: (loaded, incoming).
    pub changed: Vec<(Observation, Observation)>,
    /// Keys already loaded with the same value.
    pub unchanged: usize,
    /// Reported credits: new, changed (loaded, incoming) and unchanged.
    pub credits_added: Vec<ReportedCredit>,
    pub credits_changed: Vec<(ReportedCredit, ReportedCredit)>,
    pub credits_unchanged: usize,
}

/// The same figure, read again without a note (a report's text carries
/// none): not a change, and the analyst's note stays.
fn same_figure(old: &Observation, new: &Observation) -> bool {
    new.note.is_none()
        && old.input == new.input
        && old.reported == new.reported
        && old.approximate == new.approximate
}

fn same_credit(old: &ReportedCredit, new: &ReportedCredit) -> bool {
    new.note.is_none() && old.points == new.points && old.amount == new.amount
}

impl Dataset {
    /// Sorted by key, the order the readers give, so that a dataset and its
    /// export read back compare equal.
    pub fn normalised(mut self) -> Dataset {
        use crate::engine::order;
        order::sort_by(&mut self.observations, |a, b| {
            a.sort_key().cmp(&b.sort_key())
        });
        order::sort_by_key(&mut self.credits, ReportedCredit::key);
        order::sort(&mut self.claims);
        self.claims.dedup_by(|a, b| a.key() == b.key());
        self
    }

    fn index(&self) -> std::collections::HashMap<ObservationKey, &Observation> {
        self.observations.iter().map(|o| (o.key(), &**o)).collect()
    }

    /// A figure that names no report is taken as a new value for the
    /// figure shown now, so it replaces that figure rather than sitting
    /// beside it as an older report's.
    fn aligned(&self, incoming: &Dataset) -> Vec<Observation> {
        incoming
            .observations
            .iter()
            .map(|o| {
                let mut o = Observation::clone(o);
                if o.reported_in.is_none() {
                    o.reported_in = self
                        .current(o.period, &o.measure, o.provider)
                        .and_then(|c| c.reported_in);
                }
                o
            })
            .collect()
    }

    pub fn compare(&self, incoming: &Dataset) -> Changes {
        let loaded = self.index();
        let mut changes = Changes::default();
        for o in &self.aligned(incoming) {
            match loaded.get(&o.key()) {
                None => changes.added.push(o.clone()),
                Some(old) if *old == o || same_figure(old, o) => changes.unchanged += 1,
                Some(old) => changes.changed.push(((*old).clone(), o.clone())),
            }
        }
        let loaded: std::collections::HashMap<CreditKey, &ReportedCredit> =
            self.credits.iter().map(|c| (c.key(), c)).collect();
        for c in &incoming.credits {
            match loaded.get(&c.key()) {
                None => changes.credits_added.push(c.clone()),
                Some(old) if *old == c || same_credit(old, c) => changes.credits_unchanged += 1,
                Some(old) => changes.credits_changed.push(((*old).clone(), c.clone())),
            }
        }
        changes
    }

    /// `incoming` replaces observations with the same key; the rest are kept.
    /// A figure read again as it is, with no note, keeps the loaded note.
    pub fn merged(&self, incoming: &Dataset) -> Dataset {
        let loaded = self.index();
        let loaded_credits: std::collections::HashMap<CreditKey, &ReportedCredit> =
            self.credits.iter().map(|c| (c.key(), c)).collect();
        let incoming_credits: Vec<ReportedCredit> = incoming
            .credits
            .iter()
            .map(|c| match loaded_credits.get(&c.key()) {
                Some(old) if same_credit(old, c) => (*old).clone(),
                _ => c.clone(),
            })
            .collect();
        let incoming_credits = &incoming_credits;
        // A claim read again replaces the same claim (its words and line
        // may differ); the rest are kept.
        let mut claims: Vec<Claim> = self
            .claims
            .iter()
            .filter(|c| !incoming.claims.iter().any(|n| n.key() == c.key()))
            .cloned()
            .collect();
        claims.extend(incoming.claims.iter().cloned());
        let incoming: Vec<Observation> = self
            .aligned(incoming)
            .into_iter()
            .map(|o| match loaded.get(&o.key()) {
                Some(old) if same_figure(old, &o) => (*old).clone(),
                _ => o,
            })
            .collect();
        let replaced: HashSet<ObservationKey> = incoming.iter().map(Observation::key).collect();
        let mut observations: Vec<Arc<Observation>> = self
            .observations
            .iter()
            .filter(|o| !replaced.contains(&o.key()))
            .cloned()
            .collect();
        observations.extend(incoming.into_iter().map(Arc::new));
        let replaced: HashSet<CreditKey> =
            incoming_credits.iter().map(ReportedCredit::key).collect();
        let mut credits: Vec<ReportedCredit> = self
            .credits
            .iter()
            .filter(|c| !replaced.contains(&c.key()))
            .cloned()
            .collect();
        credits.extend(incoming_credits.iter().cloned());
        Dataset {
            observations,
            credits,
            claims,
        }
        .normalised()
    }

    /// "Replace all": the kinds of figure `incoming` carries (measures,
    /// reported credits) replace the loaded ones; a kind it lacks is kept,
    /// so a credits file leaves the measures alone.
    pub fn replaced_by(&self, incoming: &Dataset) -> Dataset {
        fn either<T: Clone>(new: &[T], old: &[T]) -> Vec<T> {
            if new.is_empty() { old } else { new }.to_vec()
        }
        Dataset {
            observations: either(&incoming.observations, &self.observations),
            credits: either(&incoming.credits, &self.credits),
            claims: either(&incoming.claims, &self.claims),
        }
        .normalised()
    }

    /// The observation the results show for a measure: the latest report's.
    pub fn current(
        &self,
        period: Month,
        measure: &str,
        provider: Provider,
    ) -> Option<&Observation> {
        self.observations
            .iter()
            .filter(|o| o.period == period && o.measure == measure && o.provider == provider)
            .max_by_key(|o| o.reported_in)
            .map(|o| &**o)
    }

    /// The dataset with one figure changed: the current observation's input
    /// replaced (its printed figure no longer applies), or a new observation.
    pub fn with_input(
        &self,
        period: Month,
        measure: &str,
        provider: Provider,
        input: Input,
    ) -> Dataset {
        // The figure that counts: the latest report's, the later entry among
        // equals (as [`Dataset::current`] picks it).
        let at = self
            .observations
            .iter()
            .enumerate()
            .filter(|(_, o)| o.period == period && o.measure == measure && o.provider == provider)
            .max_by_key(|(_, o)| o.reported_in)
            .map(|(i, _)| i);
        let mut data = self.clone();
        match at {
            // In place: the input alone changes, so the order holds.
            Some(i) => {
                let o = Arc::make_mut(&mut data.observations[i]);
                o.input = input;
                // What is typed is the figure itself: neither the report's
                // printed text nor "about" any longer.
                o.reported = None;
                o.approximate = false;
                return data;
            }
            None => data.observations.push(Arc::new(Observation {
                approximate: false,
                period,
                measure: measure.into(),
                provider,
                input,
                reported: None,
                reported_in: None,
                note: None,
            })),
        }
        // Only an addition may need sorting.
        if data
            .observations
            .is_sorted_by(|a, b| a.sort_key() <= b.sort_key())
        {
            data
        } else {
            data.normalised()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::observation::shared;
    use rust_decimal::Decimal;

    fn obs(m: &str, level: i64, reported_in: Option<&str>) -> Observation {
        Observation {
            period: "2021-03".parse().unwrap(),
            measure: m.into(),
            provider: Provider::Cspn,
            input: Input::Level {
                level: Decimal::from(level),
            },
            reported: None,
            reported_in: reported_in.map(|r| r.parse().unwrap()),
            note: None,
            approximate: false,
        }
    }

    #[test]
    fn a_figure_read_again_without_a_note_keeps_the_note() {
        let noted = Observation {
            note: Some("analyst's note".into()),
            ..obs("PM2", 20, Some("2021-03"))
        };
        let loaded = Dataset {
            observations: shared(vec![noted.clone()]),
            ..Dataset::default()
        };
        let again = Dataset {
            observations: shared(vec![obs("PM2", 20, Some("2021-03"))]),
            ..Dataset::default()
        };
        let c = loaded.compare(&again);
        assert!(c.changed.is_empty());
        assert_eq!(c.unchanged, 1);
        assert_eq!(
            loaded.merged(&again).observations,
            shared(vec![noted.clone()])
        );
        // Another figure, or a note of its own, replaces it.
        let other = Dataset {
            observations: shared(vec![obs("PM2", 21, Some("2021-03"))]),
            ..Dataset::default()
        };
        assert_eq!(loaded.compare(&other).changed.len(), 1);
        assert_eq!(loaded.merged(&other), other.clone().normalised());
        let renoted = Dataset {
            observations: shared(vec![Observation {
                note: Some("mine".into()),
                ..obs("PM2", 20, Some("2021-03"))
            }]),
            ..Dataset::default()
        };
        assert_eq!(loaded.compare(&renoted).changed.len(), 1);
    }

    #[test]
    fn compare_and_merge() {
        let loaded = Dataset {
            observations: shared(vec![obs("PM2", 20, None), obs("PM1.1", 99, None)]),
            ..Dataset::default()
        };
        let incoming = Dataset {
            observations: shared(vec![
                obs("PM2", 25, None),
                obs("PM1.1", 99, None),
                obs("PM1.2", 98, None),
            ]),
            ..Dataset::default()
        };
        let c = loaded.compare(&incoming);
        assert_eq!(c.added, vec![obs("PM1.2", 98, None)]);
        assert_eq!(
            c.changed,
            vec![(obs("PM2", 20, None), obs("PM2", 25, None))]
        );
        assert_eq!(c.unchanged, 1);
        let merged = loaded.merged(&incoming);
        assert_eq!(merged.observations.len(), 3);
        assert_eq!(merged, incoming.clone().normalised());

        // A figure naming no report replaces the one shown, whatever report gave it.
        let reported = Dataset {
            observations: shared(vec![
                obs("PM2", 20, Some("2021-02")),
                obs("PM2", 21, Some("2021-03")),
            ]),
            ..Dataset::default()
        };
        let plain = Dataset {
            observations: shared(vec![obs("PM2", 30, None)]),
            ..Dataset::default()
        };
        let c = reported.compare(&plain);
        assert_eq!(
            c.changed,
            vec![(
                obs("PM2", 21, Some("2021-03")),
                obs("PM2", 30, Some("2021-03"))
            )]
        );
        let merged = reported.merged(&plain);
        assert_eq!(
            merged.observations,
            shared(vec![
                obs("PM2", 20, Some("2021-02")),
                obs("PM2", 30, Some("2021-03"))
            ])
        );
    }

    #[test]
    fn replace_all_replaces_only_the_kinds_a_file_carries() {
        use crate::engine::reported::{Amount, CreditScope, ReportedCredit};
        use crate::engine::Party;
        let credit = |gbp: i64| ReportedCredit {
            period: "2021-03".parse().unwrap(),
            scope: CreditScope::Party {
                party: Party::Arqiva,
            },
            points: None,
            amount: Amount::Money { gbp: gbp.into() },
            reported_in: None,
            note: None,
        };
        let loaded = Dataset {
            observations: shared(vec![obs("PM2", 20, None)]),
            credits: vec![credit(1)],
            ..Dataset::default()
        };
        let credits_only = Dataset {
            credits: vec![credit(2)],
            ..Dataset::default()
        };
        let r = loaded.replaced_by(&credits_only);
        assert_eq!(
            (r.observations, r.credits),
            (loaded.observations.clone(), vec![credit(2)])
        );
        let measures_only = Dataset {
            observations: shared(vec![obs("PM1.1", 99, None)]),
            ..Dataset::default()
        };
        let r = loaded.replaced_by(&measures_only);
        assert_eq!(
            (r.observations, r.credits),
            (shared(vec![obs("PM1.1", 99, None)]), vec![credit(1)])
        );
    }

    #[test]
    fn edit_changes_the_latest_report_only() {
        let data = Dataset {
            observations: shared(vec![
                obs("PM2", 20, Some("2021-03")),
                obs("PM2", 30, Some("2021-04")),
            ]),
            ..Dataset::default()
        };
        let m = "2021-03".parse().unwrap();
        let level = Input::Level {
            level: Decimal::from(40),
        };
        let edited = data.with_input(m, "PM2", Provider::Cspn, level.clone());
        assert_eq!(*edited.observations[0], obs("PM2", 20, Some("2021-03")));
        assert_eq!(edited.observations[1].input, level);
        // A measure with no figure yet gets one.
        let added = data.with_input(m, "PM1.1", Provider::Cspn, level);
        assert_eq!(added.observations.len(), 3);
    }
}
