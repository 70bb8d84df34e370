//! The session: the work on show, its undo history, the baseline, named
//! scenarios and what each view is showing, and the actions that change
//! them. No Yew here: [`State::reduced`] is plain Rust, tested natively
//! (`tests/it/session.rs`); the app's root hands it to Yew's reducer.

use crate::engine::credit_table::Source;
use crate::engine::opr::Regime;
use crate::engine::scheme::CreditScheme;
use crate::engine::work::{Outcome, Work};
use crate::engine::{ComparisonRule, Dataset, Input, Month, Provider, Settings};
use crate::io::scenario::SavedScenario;
use crate::io::sheet::Choices;
use crate::io::{Format, Import, Scenario};
use std::rc::Rc;

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
    /// This tab's work, to be kept as a scenario in the saved work being
    /// read again ([`Action::KeepHereAsScenario`]).
    pub keep_on_restore: Option<Rc<SavedScenario>>,
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
            keep_on_restore: None,
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

    fn restore(&mut self, work: Work) -> Work {
        std::mem::replace(&mut self.work, work)
    }

    /// Replaces the data, keeping the old for undo.
    fn replace_data(&mut self, data: Dataset) {
        self.replace(self.work.with_data(data));
    }

    /// What the work and the baseline give, after an action that may have
    /// changed either or the settings: computed from the outcomes `before`
    /// held, so an unchanged side costs nothing and an edit only what it
    /// reaches.
    fn settle(&mut self, before: &State) {
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

    /// The current work as a named scenario.
    fn saved_as(&self, name: String) -> SavedScenario {
        SavedScenario {
            name,
            settings: self.settings,
            work: self.work.clone(),
        }
    }

    /// Adds or replaces named scenarios by name.
    fn keep_scenarios(&mut self, incoming: impl IntoIterator<Item = SavedScenario>) {
        for sc in incoming {
            match self.scenarios.iter_mut().find(|s| s.name == sc.name) {
                Some(old) => *old = Rc::new(sc),
                None => self.scenarios.push(Rc::new(sc)),
            }
        }
    }

    /// Replaces the work, keeping the old for undo.
    fn replace(&mut self, next: Work) {
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
    fn keep_month_valid(&mut self) {
        if let Some(m) = self.show.month {
            if !self.work.data.observations.iter().any(|o| o.period == m) {
                self.show.month = None;
            }
        }
    }
}

pub enum Action {
    SetRule(ComparisonRule),
    SetMonth(Month),
    SetGrouping(Grouping),
    SetOnlyMisses(bool),
    Select(Option<ResultKey>),
    StartEdit(Option<ResultKey>),
    /// A figure typed into the table.
    Edit(ResultKey, Input),
    /// A file or pasted block has been read and checked.
    Checked(Import, Option<Timing>),
    /// The same, from text kept to be read again with answers, and the
    /// answers it was read with.
    CheckedText(Import, Option<Timing>, Option<Rc<Pasted>>, Choices),
    /// The pending import (the one given, if it is still the one pending)
    /// read again with these answers to its questions ([`Pending::reread`]).
    Answered(Rc<Pending>, Import, Choices),
    /// The sheets of the workbook just read (`None`: the file was no
    /// workbook, or could not be read).
    Sheets(Option<Rc<Workbook>>),
    /// Accept the pending import: `true` replaces all loaded figures.
    Accept {
        replace: bool,
    },
    Cancel,
    Undo,
    Redo,
    ResetToSample,
    Notice(Option<String>),
    SetView(View),
    SetCreditTab(CreditTab),
    SetCreditSource(Source),
    SelectLine(Option<LineKey>),
    /// A changed scheme, and what changed in words.
    SetScheme(CreditScheme, String),
    /// The current data and scheme become the baseline for what-ifs.
    SetBaseline,
    /// Changed OPR years, and what changed in words.
    SetRegime(Regime, String),
    SetOprYear(String),
    SelectPart(Option<(String, usize)>),
    /// Keep the current work as a named scenario (replacing one so named).
    SaveScenario(String),
    /// Make a named scenario the current work (undo brings back the work before).
    OpenScenario(String),
    DeleteScenario(String),
    SetCompare(Side, Side),
    /// The trend chart's measure and provider.
    SetTrend(String, Provider),
    /// The saved work, read (`None`: there was none that could be read)
    /// with what to tell the user: ends [`State::restoring`].
    Restored(Option<Box<Scenario>>, Option<String>),
    /// Another tab saved its work over the saved work this tab opened.
    SavedElsewhere,
    /// This tab's work kept as a scenario so named in the work the other
    /// tab saved, which is read again ([`Action::Restored`] follows).
    KeepHereAsScenario(String),
    /// The saved work could not be read (the part that reads it did not
    /// arrive), in words.
    RestoreFailed(String),
    /// A claim of the report's, typed in by hand.
    AddClaim(crate::engine::claim::Claim),
    RemoveClaim(crate::engine::claim::Claim),
}

impl State {
    /// The state after `action`, or `None` when the action changes nothing
    /// (nothing to undo, no import pending, an import with errors).
    pub fn reduced(&self, action: Action) -> Option<State> {
        let mut s = self.clone();
        match action {
            // Only while saved work is awaited: it replaces everything.
            Action::Restored(saved, notice) => {
                if !self.restoring {
                    return None;
                }
                let found = saved.is_some();
                let mut next = State::new(saved.map(|b| *b), notice);
                // Another tab saved while this was read: what was read may
                // be older than what is saved now.
                next.elsewhere = self.elsewhere;
                if let Some(kept) = &self.keep_on_restore {
                    // This tab's work, and its named scenarios the saved
                    // work has no scenario of that name for.
                    let mine = self
                        .scenarios
                        .iter()
                        .filter(|s| next.named(&s.name).is_none());
                    let mine: Vec<SavedScenario> = mine.map(|s| (**s).clone()).collect();
                    next.keep_scenarios(mine);
                    next.keep_scenarios([(**kept).clone()]);
                    let said = format!(
                        "This tab's work is kept as scenario \"{}\" (Compare scenarios), with its named scenarios.",
                        kept.name
                    );
                    next.notice = Some(match (found, next.notice.take()) {
                        (true, _) => format!("Opened the work the other tab saved. {said}"),
                        (false, Some(why)) => format!("{why} {said}"),
                        (false, None) => format!("No other saved work was found. {said}"),
                    });
                    next.save_on_open = true;
                }
                return Some(next);
            }
            // Also while saved work is read: it may be older than this.
            Action::SavedElsewhere => s.elsewhere = true,
            Action::KeepHereAsScenario(name) => {
                s.keep_on_restore = Some(Rc::new(s.saved_as(name)));
                s.restoring = true;
                s.elsewhere = false;
            }
            // The saved work could not be read again: this tab's work is
            // as it was, and still not saved over the other tab's.
            Action::RestoreFailed(why) => {
                if !s.restoring || s.keep_on_restore.is_none() {
                    s.notice = Some(why);
                } else {
                    s.restoring = false;
                    s.keep_on_restore = None;
                    s.elsewhere = true;
                    s.notice = Some(why);
                }
            }
            Action::SetRule(r) => s.settings.rule = r,
            Action::SetMonth(m) => {
                s.show.month = Some(m);
                s.show.selected = None;
            }
            Action::SetGrouping(g) => s.show.grouping = g,
            Action::SetOnlyMisses(b) => s.show.only_misses = b,
            Action::Select(k) => s.show.selected = k,
            Action::StartEdit(k) => s.show.editing = k,
            Action::Edit(
                crate::engine::MeasureKey {
                    period,
                    measure,
                    provider,
                },
                input,
            ) => {
                let data = s.work.data.with_input(period, &measure, provider, input);
                s.notice = Some(format!(
                    "Changed {measure} {provider} for {}. Undo restores it.",
                    period.long_name()
                ));
                s.replace_data(data);
            }
            Action::Checked(import, timing) => {
                s.pending = Some(Rc::new(Pending {
                    import,
                    timing,
                    source: None,
                    choices: Choices::default(),
                }));
            }
            Action::CheckedText(import, timing, source, choices) => {
                s.pending = Some(Rc::new(Pending {
                    import,
                    timing,
                    source,
                    choices,
                }));
            }
            Action::Answered(answered, import, choices) => {
                let p = s.pending.clone().filter(|p| Rc::ptr_eq(p, &answered))?;
                s.pending = Some(Rc::new(Pending {
                    import,
                    timing: None,
                    source: p.source.clone(),
                    choices,
                }));
            }
            Action::Sheets(w) => s.workbook = w,
            Action::Accept { replace } => {
                let p = s.pending.take()?;
                if !p.import.is_clean() {
                    return None;
                }
                let incoming = p.import.dataset.clone();
                let changes = s.work.data.compare(&incoming);
                // A scenario reopens as it was saved: its data and settings.
                let scenario = p.import.format == Some(Format::Scenario);
                let data = if scenario {
                    incoming.normalised()
                } else if replace {
                    s.work.data.replaced_by(&incoming)
                } else {
                    s.work.data.merged(&incoming)
                };
                if let Some(settings) = p.import.settings {
                    s.settings = settings;
                }
                let month = p.import.month;
                s.notice = Some(format!(
                    "Imported {} from {}: {} new, {} changed. Undo restores the figures before.",
                    p.import.rows,
                    p.import.file,
                    changes.added.len() + changes.credits_added.len(),
                    changes.changed.len() + changes.credits_changed.len()
                ));
                // A scenario brings its scheme and baseline; other files keep the scheme.
                let scheme = match &p.import.scheme {
                    Some(sc) => Rc::new(sc.clone()),
                    None => s.work.scheme.clone(),
                };
                let regime = match &p.import.regime {
                    Some(r) => Rc::new(r.clone()),
                    None => s.work.regime.clone(),
                };
                s.replace(Work {
                    data: Rc::new(data),
                    scheme,
                    regime,
                });
                s.keep_scenarios(p.import.saved.iter().cloned());
                if let Some(b) = &p.import.baseline {
                    s.baseline = Work::new(b.data.clone(), b.scheme.clone(), b.regime.clone());
                } else if scenario {
                    s.baseline = s.work.clone();
                }
                s.show.month = month;
                s.show.selected = None;
            }
            Action::Cancel => s.pending = None,
            Action::Undo => {
                let prev = s.past.pop()?;
                let now = s.restore(prev);
                s.future.push(now);
                s.keep_month_valid();
                s.notice = Some("Undone.".into());
            }
            Action::Redo => {
                let next = s.future.pop()?;
                let now = s.restore(next);
                s.past.push(now);
                s.keep_month_valid();
                s.notice = Some("Redone.".into());
            }
            Action::ResetToSample => {
                s.replace(Work::new(
                    crate::io::sample(),
                    CreditScheme::default(),
                    crate::io::regime::sample(),
                ));
                s.settings = Settings::default();
                s.show.month = None;
                s.show.selected = None;
                s.notice =
                    Some("Reset to the March 2021 sample. Undo brings your figures back.".into());
            }
            Action::Notice(n) => s.notice = n,
            Action::SetView(v) => s.show.view = v,
            Action::SetCreditTab(t) => s.show.credit_tab = t,
            Action::SetCreditSource(src) => s.show.credit_source = src,
            Action::SelectLine(k) => s.show.credit_selected = k,
            Action::SetScheme(scheme, what) => {
                // The editors refuse bad figures; this is the last guard.
                if let Some(problem) = scheme.problems().into_iter().next() {
                    s.notice = Some(format!("Scheme not changed: {problem}."));
                } else {
                    s.replace(Work {
                        scheme: Rc::new(scheme),
                        ..s.work.clone()
                    });
                    s.notice = Some(format!("{what}. Undo restores the scheme before."));
                }
            }
            Action::SetBaseline => {
                s.baseline = s.work.clone();
                s.notice =
                    Some("The current figures, scheme and OPR years are now the baseline.".into());
            }
            Action::SetRegime(regime, what) => {
                // The editors refuse bad figures; this is the last guard.
                if let Some(problem) = regime.problems().into_iter().next() {
                    s.notice = Some(format!("OPR years not changed: {problem}."));
                } else {
                    s.replace(Work {
                        regime: Rc::new(regime),
                        ..s.work.clone()
                    });
                    s.notice = Some(format!("{what}. Undo restores the OPR years before."));
                }
            }
            Action::SetOprYear(y) => {
                s.show.opr_year = y;
                s.show.opr_selected = None;
            }
            Action::SelectPart(k) => s.show.opr_selected = k,
            Action::SaveScenario(name) => {
                let name = name.trim().to_string();
                if name.is_empty() {
                    s.notice = Some("A scenario needs a name.".into());
                } else {
                    let replaced = s.named(&name).is_some();
                    let sc = s.saved_as(name.clone());
                    s.keep_scenarios([sc]);
                    s.notice = Some(if replaced {
                        format!("Scenario \"{name}\" now holds the current work.")
                    } else {
                        format!("Saved the current work as scenario \"{name}\".")
                    });
                }
            }
            Action::OpenScenario(name) => {
                if let Some(sc) = s.named(&name).cloned() {
                    s.replace(sc.work.clone());
                    s.settings = sc.settings;
                    s.notice = Some(format!(
                        "Opened scenario \"{name}\". Undo brings back the work before."
                    ));
                }
            }
            Action::DeleteScenario(name) => {
                s.scenarios.retain(|x| x.name != name);
                let gone = |side: &Side| matches!(side, Side::Named(n) if *n == name);
                if gone(&s.show.compare.0) {
                    s.show.compare.0 = Side::Baseline;
                }
                if gone(&s.show.compare.1) {
                    s.show.compare.1 = Side::Current;
                }
                s.notice = Some(format!("Deleted scenario \"{name}\"."));
            }
            Action::SetCompare(a, b) => s.show.compare = (a, b),
            Action::SetTrend(m, p) => s.show.trend = (m, p),
            Action::AddClaim(c) => {
                let mut data = (*s.work.data).clone();
                s.notice = Some(format!(
                    "Added the claim \u{201c}{}\u{201d} about {} {}. Undo removes it.",
                    c.stated, c.provider, c.measure
                ));
                data.claims.push(c);
                s.replace_data(data.normalised());
            }
            Action::RemoveClaim(c) => {
                let mut data = (*s.work.data).clone();
                data.claims.retain(|x| *x != c);
                s.notice = Some(format!(
                    "Removed the claim about {} {}. Undo brings it back.",
                    c.provider, c.measure
                ));
                s.replace_data(data);
            }
        }
        s.settle(self);
        Some(s)
    }
}
