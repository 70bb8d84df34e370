//! Results after a small change, working only on what it touches.
//!
//! An edit or its undo changes one observation; with five years loaded,
//! evaluating all 6,400 rows again for it would cost a hundred times what
//! the edit touches. What one observation's key can change: its own row;
//! the derived CPM it feeds in the same period (PMR §1.2: a plain mean of
//! its components); and, through the change from the previous period and
//! the run below target, the rows after each of those, as far as what they
//! take from their predecessor differs. Anything else (a new key, a key
//! gone, a measure outside the catalogue, a change of many rows) is
//! evaluated whole, so the result is always what [`evaluate`] gives; the
//! tests compare the two on random edits.

use super::results::{build, cpm_level, effective_of, evaluate, own_level, Inputs, Key, Results};
use super::series::charted;
use crate::engine::catalogue::{Basis, Catalogue, MeasureDef};
use crate::engine::observation::{Dataset, Observation};
use std::collections::BTreeSet;
use std::rc::Rc;
use std::sync::Arc;

/// Above this many changed observations, evaluating whole is as quick.
const MOST_CHANGED: usize = 64;

impl Results {
    /// The results for `new`, given that these are the results for `old`
    /// (under the same settings): only the rows the change touches are
    /// computed again; the rest are shared.
    pub fn after(&self, old: &Dataset, new: &Dataset) -> Results {
        self.updated(old, new)
            .unwrap_or_else(|| evaluate(new, self.settings))
    }

    fn updated(&self, old: &Dataset, new: &Dataset) -> Option<Results> {
        let cat = Catalogue::builtin();
        let changed = changed_keys(cat, old, new)?;
        let mut out = self.clone();
        // Observed measures first, then the CPMs formed from them.
        let mut touched: BTreeSet<(bool, Key)> = BTreeSet::new();
        let mut numbers_moved = false;
        for key in changed {
            let def = cat.get(key.1, key.2)?;
            touched.insert((def.basis == Basis::Derived, key));
            if let Some(cpm) = def.feeds.and_then(|f| derived(cat, f)) {
                touched.insert((true, (key.0, cpm.code, cpm.provider)));
            }
        }
        for (is_cpm, key) in touched {
            let def = cat.get(key.1, key.2)?;
            let i = out.position(&key)?;
            let (obs, original) = effective_of(new, key.0, def.code, def.provider);
            let (level, from_components) = if is_cpm {
                let comps = cat.components_of(def.code);
                let level = |c: &MeasureDef| out.get(key.0, c.code, c.provider).map(|r| r.level);
                let (level, formed) = cpm_level(def, &comps, level, obs);
                // Neither its own figure nor any component is left: the row
                // goes (and perhaps its month), so evaluate whole.
                if obs.is_none() && !formed {
                    return None;
                }
                (level, formed)
            } else {
                (own_level(def, obs?), false)
            };
            let input = Inputs {
                level,
                obs,
                original,
                from_components,
            };
            let prev = out.previous_of(i).map(|p| &*out.rows[p]);
            let row = build(def, key.0, input, prev, self.settings.rule);
            // The trend picker's list can change only if a row gains or
            // loses a number (a carried-forward row keeps its level): then
            // it is worked out again.
            numbers_moved |= row.level.number().is_some() != self.rows[i].level.number().is_some();
            out.rows[i] = Rc::new(row);
            out.carry_forward(i);
        }
        if numbers_moved {
            out.charted = charted(&out.rows, &out.layout);
        }
        Some(out)
    }

    /// The row of the period before row `i`'s, in the same series.
    fn previous_of(&self, i: usize) -> Option<usize> {
        let row = &self.rows[i];
        let code = Catalogue::builtin().get(&row.measure, row.provider)?.code;
        self.position(&(row.cadence.previous(row.period), code, row.provider))
    }

    /// The row of the period after row `i`'s, in the same series.
    fn next_of(&self, i: usize) -> Option<usize> {
        let row = &self.rows[i];
        let code = Catalogue::builtin().get(&row.measure, row.provider)?.code;
        self.position(&(row.period.plus(row.cadence.months()), code, row.provider))
    }

    /// After row `i` changed, each following period takes its previous
    /// figure, change and run from it again, until one comes out as before.
    fn carry_forward(&mut self, mut i: usize) {
        while let Some(n) = self.next_of(i) {
            let mut updated = (*self.rows[n]).clone();
            updated.follow(Some(&self.rows[i]));
            if updated == *self.rows[n] {
                return;
            }
            self.rows[n] = Rc::new(updated);
            i = n;
        }
    }
}

/// The derived CPM a measure feeds, if the CPM is derived.
fn derived(cat: &'static Catalogue, code: &str) -> Option<&'static MeasureDef> {
    cat.measures()
        .iter()
        .find(|m| m.code == code && m.basis == Basis::Derived)
}

/// The keys of the observations that differ between `old` and `new`, as
/// the catalogue names them; `None` when an observation is outside the
/// catalogue or more than [`MOST_CHANGED`] differ (evaluate whole). Edits
/// change observations in place or add one at the end, so a walk in step
/// finds them.
fn changed_keys(cat: &'static Catalogue, old: &Dataset, new: &Dataset) -> Option<Vec<Key>> {
    let (a, b) = (&old.observations, &new.observations);
    let common = a.len().min(b.len());
    let mut differ: Vec<&Observation> = Vec::new();
    for (x, y) in a[..common].iter().zip(&b[..common]) {
        // Shared, so unchanged: an edit copies the pointers it keeps.
        if !Arc::ptr_eq(x, y) && x != y {
            differ.push(x);
            differ.push(y);
            if differ.len() > 2 * MOST_CHANGED {
                return None;
            }
        }
    }
    differ.extend(a[common..].iter().chain(&b[common..]).map(|o| &**o));
    if differ.len() > 2 * MOST_CHANGED {
        return None;
    }
    let mut keys: Vec<Key> = differ
        .into_iter()
        .map(|o| Some((o.period, cat.get(&o.measure, o.provider)?.code, o.provider)))
        .collect::<Option<_>>()?;
    crate::engine::order::sort(&mut keys);
    keys.dedup();
    Some(keys)
}
