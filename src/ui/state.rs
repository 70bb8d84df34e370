//! The app's state and the actions that change it.

use crate::engine::{ComparisonRule, Dataset, Input, Month, Provider, Settings};
use crate::io::{Format, Import, Scenario};
use std::rc::Rc;
use yew::Reducible;

/// How the measures table is grouped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grouping {
    /// Each CPM followed by its component measures, then the rest by provider.
    ByCpm,
    /// One section per provider, in report order.
    ByProvider,
}

/// A result's identity: period, measure code, provider.
pub type ResultKey = (Month, String, Provider);

/// A dataset compared by identity, so memoised results recompute only when
/// the data is replaced, not compared cell by cell on every render.
#[derive(Clone, Debug)]
pub struct DataRef(pub Rc<Dataset>);

impl PartialEq for DataRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl DataRef {
    pub fn new(data: Dataset) -> DataRef {
        DataRef(Rc::new(data))
    }
}

/// An import checked and waiting for the user to accept or cancel it.
#[derive(Debug, PartialEq)]
pub struct Pending {
    pub import: Import,
    pub timing: Option<Timing>,
}

/// How long an import took, in ms, as `performance.now()` measures it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Timing {
    /// From choosing the file (or pasting) to the checked result.
    pub total_ms: f64,
    /// Of which reading the file's bytes (uploads only).
    pub read_ms: Option<f64>,
}

/// A file being read in steps: name, bytes done, bytes in all.
pub type Progress = (String, u64, u64);

/// How many imports and edits can be undone.
const UNDO_DEPTH: usize = 100;

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub data: DataRef,
    pub settings: Settings,
    /// The month on show; `None` means the latest loaded.
    pub month: Option<Month>,
    pub grouping: Grouping,
    pub only_misses: bool,
    pub selected: Option<ResultKey>,
    /// The figure being edited in the table.
    pub editing: Option<ResultKey>,
    /// Earlier datasets, newest last, for undo; and undone ones for redo.
    pub past: Vec<DataRef>,
    pub future: Vec<DataRef>,
    pub pending: Option<Rc<Pending>>,
    /// One line telling the user what just happened.
    pub notice: Option<String>,
}

impl State {
    /// Opens on `saved` work if any, else on the embedded March 2021 sample.
    pub fn new(saved: Option<Scenario>, notice: Option<String>) -> State {
        let (data, settings, month) = match saved {
            Some(s) => (s.data, s.settings, s.month),
            None => (crate::io::sample(), Settings::default(), None),
        };
        State {
            data: DataRef::new(data),
            settings,
            month,
            grouping: Grouping::ByCpm,
            only_misses: false,
            selected: None,
            editing: None,
            past: Vec::new(),
            future: Vec::new(),
            pending: None,
            notice,
        }
    }

    /// Replaces the data, keeping the old for undo.
    fn replace_data(&mut self, data: Dataset) {
        let old = std::mem::replace(&mut self.data, DataRef::new(data));
        self.past.push(old);
        if self.past.len() > UNDO_DEPTH {
            self.past.remove(0);
        }
        self.future.clear();
        self.editing = None;
        self.keep_month_valid();
    }

    /// A month no longer loaded is dropped, so the latest shows.
    fn keep_month_valid(&mut self) {
        if let Some(m) = self.month {
            if !self.data.0.observations.iter().any(|o| o.period == m) {
                self.month = None;
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
    /// Accept the pending import: `true` replaces all loaded figures.
    Accept {
        replace: bool,
    },
    Cancel,
    Undo,
    Redo,
    ResetToSample,
    Notice(Option<String>),
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::SetRule(r) => s.settings.rule = r,
            Action::SetMonth(m) => {
                s.month = Some(m);
                s.selected = None;
            }
            Action::SetGrouping(g) => s.grouping = g,
            Action::SetOnlyMisses(b) => s.only_misses = b,
            Action::Select(k) => s.selected = k,
            Action::StartEdit(k) => s.editing = k,
            Action::Edit((period, measure, provider), input) => {
                let data = s.data.0.with_input(period, &measure, provider, input);
                s.notice = Some(format!(
                    "Changed {measure} {provider} for {}. Undo restores it.",
                    period.long_name()
                ));
                s.replace_data(data);
            }
            Action::Checked(import, timing) => {
                s.pending = Some(Rc::new(Pending { import, timing }));
            }
            Action::Accept { replace } => {
                let Some(p) = s.pending.take() else {
                    return self;
                };
                if !p.import.is_clean() {
                    return self;
                }
                let incoming = p.import.dataset.clone();
                let changes = s.data.0.compare(&incoming);
                // A scenario reopens as it was saved: its data and settings.
                let scenario = p.import.format == Some(Format::Scenario);
                let data = if replace || scenario {
                    incoming.normalised()
                } else {
                    s.data.0.merged(&incoming)
                };
                if let Some(settings) = p.import.settings {
                    s.settings = settings;
                }
                let month = p.import.month;
                s.notice = Some(format!(
                    "Imported {} from {}: {} new, {} changed. Undo restores the figures before.",
                    p.import.rows,
                    p.import.file,
                    changes.added.len(),
                    changes.changed.len()
                ));
                s.replace_data(data);
                s.month = month;
                s.selected = None;
            }
            Action::Cancel => s.pending = None,
            Action::Undo => {
                let Some(prev) = s.past.pop() else {
                    return self;
                };
                s.future.push(std::mem::replace(&mut s.data, prev));
                s.keep_month_valid();
                s.notice = Some("Undone.".into());
            }
            Action::Redo => {
                let Some(next) = s.future.pop() else {
                    return self;
                };
                s.past.push(std::mem::replace(&mut s.data, next));
                s.keep_month_valid();
                s.notice = Some("Redone.".into());
            }
            Action::ResetToSample => {
                s.replace_data(crate::io::sample());
                s.settings = Settings::default();
                s.month = None;
                s.selected = None;
                s.notice =
                    Some("Reset to the March 2021 sample. Undo brings your figures back.".into());
            }
            Action::Notice(n) => s.notice = n,
        }
        Rc::new(s)
    }
}
