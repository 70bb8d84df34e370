//! The work and what it gives: one [`Work`] (the figures, the credit
//! scheme, the OPR years) and one [`Outcome`] (levels and CPMs, credits,
//! each OPR year's margin), computed once per change of the work and
//! shared by every view, the baseline, scenarios, undo and the comparison.

use super::credits::{self, Credits};
use super::explain::Explanation;
use super::margin::{self, YearMargin};
use super::observation::Dataset;
use super::opr::Regime;
use super::period::Month;
use super::results::{evaluate, Results, Settings};
use super::scheme::CreditScheme;
use serde::{Deserialize, Serialize};
use std::cell::{OnceCell, RefCell};
use std::collections::BTreeSet;
use std::rc::Rc;

/// Everything the results are computed from, but the settings. Its parts
/// are shared: undo, the baseline and a scenario hold the same figures,
/// not copies, and compare equal by pointer before comparing contents.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Work {
    pub data: Rc<Dataset>,
    pub scheme: Rc<CreditScheme>,
    pub regime: Rc<Regime>,
}

impl Work {
    pub fn new(data: Dataset, scheme: CreditScheme, regime: Regime) -> Work {
        Work {
            data: Rc::new(data),
            scheme: Rc::new(scheme),
            regime: Rc::new(regime),
        }
    }

    /// The same work (its parts the very same), without comparing contents:
    /// what a view asks before computing again.
    pub fn same(&self, other: &Work) -> bool {
        Rc::ptr_eq(&self.data, &other.data)
            && Rc::ptr_eq(&self.scheme, &other.scheme)
            && Rc::ptr_eq(&self.regime, &other.regime)
    }

    /// This work with other figures.
    pub fn with_data(&self, data: Dataset) -> Work {
        Work {
            data: Rc::new(data),
            ..self.clone()
        }
    }
}

/// Credits kept period by period (each period's alone).
type ByPeriod = Vec<(Month, Rc<Credits>)>;

/// What a work gives under the settings. The levels are computed at once;
/// credits and margins the first time a view asks for them, then kept.
/// Credits are kept by period: a view showing a month asks for that month's
/// alone, and after an edit or a what-if only the periods it reaches are
/// worked out again (with five years loaded, all of them took 8 ms).
#[derive(Debug)]
pub struct Outcome {
    pub work: Work,
    pub settings: Settings,
    pub results: Rc<Results>,
    /// Each period's credits alone, as views have asked for them (a few
    /// dozen at most: a list, lighter on the first load than a map).
    credits: RefCell<ByPeriod>,
    /// Every period's, joined, once asked for.
    all_credits: OnceCell<Rc<Credits>>,
    /// After a what-if on the scheme alone: the scheme before and the
    /// credits it gave, from which [`Outcome::credits_over`] works out
    /// again only the providers whose terms changed.
    scheme_before: Option<(Rc<CreditScheme>, ByPeriod)>,
    margins: OnceCell<Rc<Vec<YearMargin>>>,
}

impl Outcome {
    /// Everything computed afresh.
    pub fn of(work: &Work, settings: Settings) -> Outcome {
        Outcome::with(work, settings, Rc::new(evaluate(&work.data, settings)))
    }

    fn with(work: &Work, settings: Settings, results: Rc<Results>) -> Outcome {
        Outcome {
            work: work.clone(),
            settings,
            results,
            credits: RefCell::default(),
            all_credits: OnceCell::new(),
            scheme_before: None,
            margins: OnceCell::new(),
        }
    }

    /// What `work` gives, reusing what this outcome holds: an unchanged
    /// part is shared, and changed figures are worked out only where the
    /// change reaches ([`Results::after`]).
    pub fn next(&self, work: &Work, settings: Settings) -> Outcome {
        let same_data = Rc::ptr_eq(&self.work.data, &work.data);
        let results = match (same_data, settings == self.settings) {
            (true, true) => self.results.clone(),
            (false, true) => Rc::new(self.results.after(&self.work.data, &work.data)),
            _ => Rc::new(evaluate(&work.data, settings)),
        };
        let mut out = Outcome::with(work, settings, results);
        if Rc::ptr_eq(&work.scheme, &self.work.scheme) && settings == self.settings {
            // A period's credits come from its own rows alone: kept unless
            // one of them was worked out again.
            if let Some(changed) = out.results.changed_periods(&self.results) {
                let kept = self.credits.borrow();
                let kept = kept.iter().filter(|(m, _)| !changed.contains(m));
                *out.credits.borrow_mut() = kept.cloned().collect();
                if changed.is_empty() {
                    if let Some(c) = self.all_credits.get() {
                        let _ = out.all_credits.set(c.clone());
                    }
                }
            }
        }
        let same_results = Rc::ptr_eq(&out.results, &self.results);
        if same_results && !Rc::ptr_eq(&work.scheme, &self.work.scheme) {
            // Worked out from when a view asks (out of the first load).
            let kept = self.credits.borrow().clone();
            out.scheme_before = Some((self.work.scheme.clone(), kept));
        }
        if same_results && Rc::ptr_eq(&work.regime, &self.work.regime) {
            if let Some(m) = self.margins.get() {
                let _ = out.margins.set(m.clone());
            }
        }
        out
    }

    /// How one credit line was reached, in words. The credits the views
    /// ask for carry figures alone (see [`credits::compute_in`]).
    pub fn credit_explanation(
        &self,
        period: Month,
        provider: super::catalogue::Provider,
        measure: &str,
    ) -> Option<Explanation> {
        credits::explain_line(&self.results, &self.work.scheme, period, provider, measure)
    }

    /// Every period's service credits under the work's scheme, their
    /// explanations left out.
    pub fn credits(&self) -> Rc<Credits> {
        self.all_credits
            .get_or_init(|| {
                let periods = credits::periods(&self.results, &self.work.scheme);
                self.credits_over(&periods)
            })
            .clone()
    }

    /// Each OPR year's margin kept and lost.
    pub fn margins(&self) -> Rc<Vec<YearMargin>> {
        self.margins
            .get_or_init(|| Rc::new(margin::compute_all(&self.work.regime, &self.results)))
            .clone()
    }

    /// One period's service credits alone (what the month view shows).
    pub fn credits_in(&self, period: Month) -> Rc<Credits> {
        let mut kept = self.credits.borrow_mut();
        if let Some((_, c)) = kept.iter().find(|(m, _)| *m == period) {
            return c.clone();
        }
        let c = credits::compute_in(&self.results, &self.work.scheme, period, false);
        let c = Rc::new(c);
        kept.push((period, c.clone()));
        c
    }

    /// The credits a month's report shows: its own period's, and those of
    /// the quarterly measures it still carries from the months before
    /// ([`Results::for_month`]).
    pub fn credits_shown_in(&self, month: Month) -> Rc<Credits> {
        let mut periods = vec![month];
        for r in self.results.for_month(month) {
            if !periods.contains(&r.period) {
                periods.push(r.period);
            }
        }
        if periods.len() == 1 {
            return self.credits_in(month);
        }
        // In one pass, not joined from each period's (lighter on the first load).
        let (results, scheme) = (&self.results, &self.work.scheme);
        Rc::new(credits::compute_over(results, scheme, &periods, false))
    }

    /// The service credits of these periods (the others' are left out).
    pub fn credits_over(&self, periods: &BTreeSet<Month>) -> Rc<Credits> {
        let mut kept = self.credits.borrow_mut();
        let mut missing: BTreeSet<Month> = periods
            .iter()
            .filter(|m| !kept.iter().any(|(k, _)| k == *m))
            .copied()
            .collect();
        let (results, scheme) = (&self.results, &self.work.scheme);
        // A what-if on one provider's terms: every other provider's credits
        // are as they were.
        if let (Some((before, old)), false) = (&self.scheme_before, missing.is_empty()) {
            if let Some(changed) = credits::providers_changed(before, scheme) {
                for (m, c) in old {
                    if !missing.remove(m) {
                        continue;
                    }
                    let c = match changed.is_empty() {
                        true => c.clone(),
                        false => Rc::new(credits::repriced(results, scheme, *m, c, &changed)),
                    };
                    kept.push((*m, c));
                }
            }
        }
        if !missing.is_empty() {
            let computed = credits::by_period(results, scheme, &missing, false);
            kept.extend(computed.into_iter().map(|(m, c)| (m, Rc::new(c))));
        }
        let part = |m: &Month| kept.iter().find(|(k, _)| k == m).map(|(_, c)| c);
        let mut parts = periods.iter().filter_map(part);
        match (parts.next(), parts.next()) {
            // One period: its own, not a copy.
            (Some(one), None) => one.clone(),
            _ => Rc::new(Credits::joined(
                periods.iter().filter_map(part).map(|c| &**c),
            )),
        }
    }
}

/// Two outcomes are equal when they come from the same work under the same
/// settings (what is computed from it is then the same).
impl PartialEq for Outcome {
    fn eq(&self, other: &Self) -> bool {
        self.work.same(&other.work) && self.settings == other.settings
    }
}
