//! Named scenarios, and two of them side by side.

use super::state::{Action, Side, Snapshot};
use crate::engine::Settings;
use crate::io::scenario::SavedScenario;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CompareViewProps {
    pub current: Snapshot,
    pub baseline: Snapshot,
    /// The current settings (the baseline shares them).
    pub settings: Settings,
    pub scenarios: Vec<Rc<SavedScenario>>,
    /// Left and right.
    pub sides: (Side, Side),
    pub on_action: Callback<Action>,
}

#[component]
pub fn CompareView(p: &CompareViewProps) -> Html {
    let _ = p;
    html! { <section class="compare" data-testid="compare-view" /> }
}
