//! The app's state and the actions that change it.

use crate::engine::{ComparisonRule, Dataset, Month, Provider, Settings};
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

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub data: DataRef,
    pub settings: Settings,
    /// The month on show; `None` means the latest loaded.
    pub month: Option<Month>,
    pub grouping: Grouping,
    pub only_misses: bool,
    pub selected: Option<ResultKey>,
}

impl State {
    /// Opens on the embedded March 2021 sample.
    pub fn initial() -> State {
        State {
            data: DataRef(Rc::new(crate::io::sample())),
            settings: Settings::default(),
            month: None,
            grouping: Grouping::ByCpm,
            only_misses: false,
            selected: None,
        }
    }
}

pub enum Action {
    SetRule(ComparisonRule),
    SetMonth(Month),
    SetGrouping(Grouping),
    SetOnlyMisses(bool),
    Select(Option<ResultKey>),
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
        }
        Rc::new(s)
    }
}
