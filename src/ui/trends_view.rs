//! The CPM trends page: each CPM against its target over the loaded months,
//! and the status grid of measures by month.

use super::state::Action;
use crate::engine::{Month, Results};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TrendsViewProps {
    pub results: Rc<Results>,
    /// The month chosen in the toolbar.
    pub month: Month,
    pub on_action: Callback<Action>,
}

#[component]
pub fn TrendsView(p: &TrendsViewProps) -> Html {
    let _ = p;
    html! { <section class="trends" data-testid="trends-view" /> }
}
