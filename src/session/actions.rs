//! What the user (and the browser) can do to the session, and the state
//! each action leaves ([`State::reduced`]): one reducer, as Yew's
//! `function_todomvc` has it, run natively in the tests.

use super::parts::*;
use super::state::State;
use crate::engine::credit_table::Source;
use crate::engine::opr::Regime;
use crate::engine::scheme::CreditScheme;
use crate::engine::work::Work;
use crate::engine::{ComparisonRule, Input, Month, Provider, Settings};
use crate::io::sheet::Choices;
use crate::io::{Format, Import, Scenario};
use std::rc::Rc;

/// A change asked of the session.
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
    /// This tab's work is to be kept as a scenario in the work the other
    /// tab saved, which is read again, merged with it
    /// ([`crate::session::saved::keep_here`]) in the part that reads it:
    /// [`Action::Restored`] follows, and is saved at once.
    KeepHereAsScenario,
    /// The saved work could not be read (the part that reads it did not
    /// arrive, IndexedDB could not be read, or, while this tab's work was
    /// to be kept in it, it could not be read nor kept aside), in words.
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
            Action::Restored(saved, notice) => return self.restored(saved, notice),
            Action::SavedElsewhere => s.elsewhere = true,
            Action::KeepHereAsScenario => s.keep_here(),
            Action::RestoreFailed(why) => s.restore_failed(why),
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
                // An import with errors is never accepted.
                if !p.import.is_clean() {
                    return None;
                }
                s.accept(&p.import, replace);
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
                let problems = scheme.problems();
                s.change_terms(problems, ("Scheme", "the scheme"), what, |w| Work {
                    scheme: Rc::new(scheme),
                    ..w.clone()
                });
            }
            Action::SetBaseline => {
                s.baseline = s.work.clone();
                s.notice =
                    Some("The current figures, scheme and OPR years are now the baseline.".into());
            }
            Action::SetRegime(regime, what) => {
                let problems = regime.problems();
                s.change_terms(problems, ("OPR years", "the OPR years"), what, |w| Work {
                    regime: Rc::new(regime),
                    ..w.clone()
                });
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

impl State {
    /// A what-if on the terms the figures are judged by (the scheme or the
    /// OPR years, `named` as a notice begins and as it goes on), as an
    /// undoable change; refused, with the first of its `problems`, if it has
    /// any (the editors refuse bad figures: this is the last guard).
    fn change_terms(
        &mut self,
        problems: Vec<String>,
        named: (&str, &str),
        what: String,
        next: impl FnOnce(&Work) -> Work,
    ) {
        if let Some(problem) = problems.into_iter().next() {
            self.notice = Some(format!("{} not changed: {problem}.", named.0));
        } else {
            let next = next(&self.work);
            self.replace(next);
            self.notice = Some(format!("{what}. Undo restores {} before.", named.1));
        }
    }
}

impl State {
    /// The checked `import` taken in: its figures added (or, with
    /// `replace`, replacing all loaded), as an undoable change; a scenario
    /// file brings its settings, scheme, OPR years, baseline and named
    /// scenarios, and opens as it was saved.
    fn accept(&mut self, import: &Import, replace: bool) {
        let incoming = import.dataset.clone();
        let changes = self.work.data.compare(&incoming);
        // A scenario reopens as it was saved: its data and settings.
        let scenario = import.format == Some(Format::Scenario);
        let data = if scenario {
            incoming.normalised()
        } else if replace {
            self.work.data.replaced_by(&incoming)
        } else {
            self.work.data.merged(&incoming)
        };
        if let Some(settings) = import.settings {
            self.settings = settings;
        }
        let month = import.month;
        self.notice = Some(format!(
            "Imported {} from {}: {} new, {} changed. Undo restores the figures before.",
            import.rows,
            import.file,
            changes.added.len() + changes.credits_added.len(),
            changes.changed.len() + changes.credits_changed.len()
        ));
        // A scenario brings its scheme and baseline; other files keep the scheme.
        let scheme = match &import.scheme {
            Some(sc) => Rc::new(sc.clone()),
            None => self.work.scheme.clone(),
        };
        let regime = match &import.regime {
            Some(r) => Rc::new(r.clone()),
            None => self.work.regime.clone(),
        };
        self.replace(Work {
            data: Rc::new(data),
            scheme,
            regime,
        });
        self.keep_scenarios(import.saved.iter().cloned());
        if let Some(b) = &import.baseline {
            self.baseline = Work::new(b.data.clone(), b.scheme.clone(), b.regime.clone());
        } else if scenario {
            self.baseline = self.work.clone();
        }
        self.show.month = month;
        self.show.selected = None;
    }
}
