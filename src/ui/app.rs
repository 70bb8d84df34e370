//! The root: owns the state, derives the results, lays out the page.

use super::explanation::ExplanationPanel;
use super::measures_table::MeasuresTable;
use super::state::{Action, DataRef, ResultKey, State};
use super::summary::Summary;
use super::toolbar::Toolbar;
use crate::engine::{evaluate, MeasureResult, Month, Results, Settings};
use std::rc::Rc;
use yew::prelude::*;

/// A callback that turns a value into an action and dispatches it.
fn dispatcher<T: 'static>(state: &UseReducerHandle<State>, f: fn(T) -> Action) -> Callback<T> {
    let state = state.clone();
    Callback::from(move |v| state.dispatch(f(v)))
}

#[component]
pub fn App() -> Html {
    let state = use_reducer(State::initial);
    // Results are derived from data and settings, recomputed only when either changes.
    let results = use_memo(
        (state.data.clone(), state.settings),
        |(data, settings): &(DataRef, Settings)| evaluate(&data.0, *settings),
    );
    let months = results.months();
    let Some(month) = state.month.or_else(|| months.first().copied()) else {
        return html! { <main class="app"><h1>{ "DCC service performance" }</h1><p>{ "No figures loaded." }</p></main> };
    };
    // Recomputed only when the results or the month change, not on every render.
    let rows = use_memo((results.clone(), month), |(r, m): &(Rc<Results>, Month)| {
        r.for_month(*m)
            .into_iter()
            .cloned()
            .collect::<Vec<MeasureResult>>()
    });
    let selected: Option<MeasureResult> = state
        .selected
        .as_ref()
        .and_then(|(p, code, prov)| results.get(*p, code, *prov).cloned());

    let on_select: Callback<Option<ResultKey>> = dispatcher(&state, Action::Select);
    let close = {
        let on_select = on_select.clone();
        Callback::from(move |_| on_select.emit(None))
    };

    html! {
        <main class="app">
            <header class="app-header">
                <h1>{ "DCC service performance" }</h1>
                <p class="subtitle">
                    { format!("Performance Measurement Report figures for {} — computed in your browser; nothing leaves it.", month.long_name()) }
                </p>
            </header>
            <Toolbar
                months={months.clone()}
                month={month}
                rule={state.settings.rule}
                grouping={state.grouping}
                only_misses={state.only_misses}
                on_month={dispatcher(&state, Action::SetMonth)}
                on_rule={dispatcher(&state, Action::SetRule)}
                on_grouping={dispatcher(&state, Action::SetGrouping)}
                on_only_misses={dispatcher(&state, Action::SetOnlyMisses)}
            />
            <Summary rows={rows.clone()} rule={state.settings.rule} on_select={on_select.clone()} />
            <div class={classes!("workspace", selected.is_some().then_some("with-panel"))}>
                <MeasuresTable
                    rows={rows}
                    grouping={state.grouping}
                    only_misses={state.only_misses}
                    selected={state.selected.clone()}
                    on_select={on_select}
                />
                if let Some(r) = selected {
                    <ExplanationPanel result={r} rule={state.settings.rule} on_close={close} />
                }
            </div>
            <footer class="app-footer">
                { "Sample: DCC Performance Measurement Report, March 2021 (V1.0), current and previous columns. " }
                { "Figures are exact decimals; statuses follow the comparison rule chosen above." }
            </footer>
        </main>
    }
}
