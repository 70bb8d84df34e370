//! Selects: reading the chosen value, and keeping the shown value in step
//! with the state.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// The value of the select an event came from.
pub fn select_value(e: &Event) -> Option<String> {
    e.target_dyn_into::<HtmlSelectElement>().map(|s| s.value())
}

/// A select the user has touched ignores later `selected` attributes, so
/// when the state changes from elsewhere (undo, a scenario, a reset) the
/// value shown is set directly. Returns the ref to put on the select;
/// `also` is anything else that rebuilds its options.
#[hook]
pub fn use_shown_value<D: PartialEq + 'static>(value: String, also: D) -> NodeRef {
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with((value, also), move |(v, _)| {
            if let Some(select) = node.cast::<HtmlSelectElement>() {
                select.set_value(v);
            }
        });
    }
    node
}
