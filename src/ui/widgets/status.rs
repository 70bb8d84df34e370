//! A status shown as a symbol and words, so it never relies on colour.

use crate::engine::Compliance;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StatusProps {
    pub status: Compliance,
}

/// CSS class per status; the colour only repeats what symbol and words say.
pub fn status_class(s: Compliance) -> &'static str {
    match s {
        Compliance::MeetsTarget => "st-meets",
        Compliance::BelowTarget => "st-below-target",
        Compliance::BelowMinimum => "st-below-min",
        Compliance::NotAssessed => "st-none",
    }
}

#[component]
pub fn StatusBadge(props: &StatusProps) -> Html {
    let s = props.status;
    html! {
        <span class={classes!("status", status_class(s))}>
            <span class="status-symbol" aria-hidden="true">{ s.symbol() }</span>
            { " " }{ s.label() }
        </span>
    }
}
