//! Another tab of the calculator has saved its work over what this tab
//! opened: this tab saves nothing more (see `storage::use_saved_work`) until
//! the user chooses to open the other tab's work, or to keep this tab's
//! work as a scenario in it.

use crate::ui::io_part::{spawn, Job};
use crate::ui::state::{Action, ByRef, State};
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct ElsewhereProps {
    /// This tab's session: its work, baseline and named scenarios, to keep.
    pub here: ByRef<State>,
    pub on_action: Callback<Action>,
}

/// "03/12/2026, 14:05:09": when, for the names of the scenarios kept, so
/// they say where and when they came from.
fn now() -> String {
    js_sys::Date::new_0()
        .to_locale_string("en-GB", &wasm_bindgen::JsValue::UNDEFINED)
        .into()
}

#[component]
pub fn Elsewhere(p: &ElsewhereProps) -> Html {
    let reload = Callback::from(|_| crate::ui::storage::reload_dropping_changes());
    let keep = {
        let (cb, here) = (p.on_action.clone(), p.here.clone());
        Callback::from(move |_| {
            cb.emit(Action::KeepHereAsScenario);
            let keep = Job::Keep {
                saved: crate::ui::storage::saved_text(),
                keeping: Box::new(here.0.keeping(&now())),
            };
            spawn(keep, cb.clone());
        })
    };
    html! {
        <div class="notice elsewhere" role="alert" data-testid="elsewhere">
            <p><strong>{ "Your saved work was changed in another tab of this calculator." }</strong>
               { " So that neither is lost, this tab no longer saves over it. Choose what to keep:" }</p>
            <button type="button" data-testid="elsewhere-reload" onclick={reload}>{ "Open the other tab's work (this tab's changes are dropped)" }</button>
            { " " }
            <button type="button" data-testid="elsewhere-keep" onclick={keep}>{ "Keep this tab's work as a scenario in it" }</button>
        </div>
    }
}
