//! The OPR margin page: a regulatory year's margin kept and lost, derived
//! from the OPR years and the loaded monthly figures.

use super::state::{Action, RegimeRef, Snapshot};
use crate::engine::{Results, Settings};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct OprViewProps {
    /// The loaded figures' results: monthly levels for metrics with series.
    pub results: Rc<Results>,
    pub regime: RegimeRef,
    /// What-ifs show their difference from it.
    pub baseline: Snapshot,
    pub settings: Settings,
    /// The year on show, by name.
    pub year: String,
    /// The part whose working is open: (measure code, part index).
    pub selected: Option<(String, usize)>,
    pub on_action: Callback<Action>,
}

#[component]
pub fn OprView(p: &OprViewProps) -> Html {
    let _ = p;
    html! { <section class="opr" data-testid="opr-view" /> }
}
