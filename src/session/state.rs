//! The session: the work on show, its undo history, the baseline, named
//! scenarios and what each view is showing, and the actions that change
//! them. No Yew here: [`State::reduced`] is plain Rust, tested natively
//! (`tests/it/session.rs`); the app's root hands it to Yew's reducer.

use crate::engine::credit_table::Source;
use crate::engine::opr::Regime;
use crate::engine::work::{Outcome, Work};
use crate::engine::{Dataset, Provider, Settings};
use crate::io::scenario::SavedScenario;
use crate::io::Scenario;
use std::rc::Rc;

pub use super::actions::Action;
pub use super::parts::*;

/// How many imports and edits can be undone.
const UNDO_DEPTH: usize = 100;

/// The session: the work (figures, scheme, OPR years, settings), its undo
/// history, the baseline and named scenarios, what is pending, and what
/// each view is showing ([`Showing`]).
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// The figures, credit scheme and OPR years on show.
    pub work: Work,
    pub settings: Settings,
    /// What the work gives under the settings: computed once per change of
    /// either (only where an edit reaches), shared by every view.
    pub outcome: Rc<Outcome>,
    /// Earlier work, newest last, for undo; and undone work for redo.
    pub past: Vec<Work>,
    pub future: Vec<Work>,
    /// What-ifs show their difference from this.
    pub baseline: Work,
    /// What the baseline gives (the same outcome while it is the work).
    pub base: Rc<Outcome>,
    pub pending: Option<Rc<Pending>>,
    /// The workbook a pending import came from: its sheets, for the sheet
    /// picker and for reading a sheet again.
    pub workbook: Option<Rc<Workbook>>,
    /// Named scenarios, oldest first.
    pub scenarios: Vec<Rc<SavedScenario>>,
    /// One line telling the user what just happened.
    pub notice: Option<String>,
    pub show: Showing,
    /// Saved work is being read ([`State::restoring`]): nothing is shown
    /// or saved until [`Action::Restored`] arrives.
    pub restoring: bool,
    /// Another tab has saved its work over what this tab opened: this tab
    /// saves nothing until the user chooses (reload, or keep this tab's
    /// work as a scenario in the other's: [`Action::KeepHereAsScenario`]).
    pub elsewhere: bool,
    /// This tab's work is being kept as a scenario in the saved work, which
    /// is read again ([`Action::KeepHereAsScenario`]).
    pub keeping: bool,
    /// The state opened differs from the saved work (it gained a scenario
    /// when read again), so it is saved at once rather than at the next change.
    pub save_on_open: bool,
}

impl State {
    /// Opens on `saved` work if any, else on the embedded March 2021 sample.
    pub fn new(saved: Option<Scenario>, notice: Option<String>) -> State {
        let saved =
            saved.unwrap_or_else(|| Scenario::new(crate::io::sample(), Settings::default(), None));
        let Scenario {
            data,
            settings,
            month,
            scheme,
            baseline,
            regime,
            scenarios,
            ..
        } = saved;
        let work = Work::new(data, scheme, regime);
        let baseline = match baseline {
            Some(b) => Work::new(b.data, b.scheme, b.regime),
            None => work.clone(),
        };
        let outcome = Rc::new(Outcome::of(&work, settings));
        let base = if baseline.same(&work) {
            outcome.clone()
        } else {
            Rc::new(Outcome::of(&baseline, settings))
        };
        State {
            work,
            outcome,
            base,
            scenarios: scenarios.into_iter().map(Rc::new).collect(),
            baseline,
            settings,
            past: Vec::new(),
            future: Vec::new(),
            pending: None,
            workbook: None,
            notice,
            restoring: false,
            elsewhere: false,
            keeping: false,
            save_on_open: false,
            show: Showing {
                opr_year: DEFAULT_OPR_YEAR.into(),
                opr_selected: None,
                compare: (Side::Baseline, Side::Current),
                trend: ("PM2".into(), Provider::Cspn),
                view: View::Month,
                credit_tab: CreditTab::Month,
                credit_source: Source::default(),
                credit_selected: None,
                month,
                grouping: Grouping::ByCpm,
                only_misses: false,
                selected: None,
                editing: None,
            },
        }
    }

    /// The state while saved work is read (in a part of the app fetched
    /// for it): no figures, and nothing to save, so the saved work cannot be
    /// overwritten before it is read.
    pub fn restoring() -> State {
        let empty = Scenario::new(Dataset::default(), Settings::default(), None)
            .with_regime(Regime::default(), Vec::new());
        State {
            restoring: true,
            ..State::new(Some(empty), None)
        }
    }

    pub(super) fn restore(&mut self, work: Work) -> Work {
        std::mem::replace(&mut self.work, work)
    }

    /// Replaces the data, keeping the old for undo.
    pub(super) fn replace_data(&mut self, data: Dataset) {
        self.replace(self.work.with_data(data));
    }

    /// What the work and the baseline give, after an action that may have
    /// changed either or the settings: computed from the outcomes `before`
    /// held, so an unchanged side costs nothing and an edit only what it
    /// reaches.
    pub(super) fn settle(&mut self, before: &State) {
        if !self.work.same(&before.work) || self.settings != before.settings {
            self.outcome = Rc::new(before.outcome.next(&self.work, self.settings));
        }
        self.base = if self.baseline.same(&self.work) {
            self.outcome.clone()
        } else if self.baseline.same(&before.baseline) && self.settings == before.settings {
            before.base.clone()
        } else if self.baseline.same(&before.work) {
            Rc::new(before.outcome.next(&self.baseline, self.settings))
        } else {
            Rc::new(before.base.next(&self.baseline, self.settings))
        };
    }

    /// A named scenario's inputs as a snapshot.
    pub fn named(&self, name: &str) -> Option<&Rc<SavedScenario>> {
        self.scenarios.iter().find(|s| s.name == name)
    }

    /// Adds or replaces named scenarios by name.
    pub(super) fn keep_scenarios(&mut self, incoming: impl IntoIterator<Item = SavedScenario>) {
        for sc in incoming {
            match self.scenarios.iter_mut().find(|s| s.name == sc.name) {
                Some(old) => *old = Rc::new(sc),
                None => self.scenarios.push(Rc::new(sc)),
            }
        }
    }

    /// Replaces the work, keeping the old for undo.
    pub(super) fn replace(&mut self, next: Work) {
        let old = self.restore(next);
        self.past.push(old);
        if self.past.len() > UNDO_DEPTH {
            self.past.remove(0);
        }
        self.future.clear();
        self.show.editing = None;
        self.keep_month_valid();
    }

    /// A month no longer loaded is dropped, so the latest shows.
    pub(super) fn keep_month_valid(&mut self) {
        if let Some(m) = self.show.month {
            if !self.work.data.observations.iter().any(|o| o.period == m) {
                self.show.month = None;
            }
        }
    }
}
