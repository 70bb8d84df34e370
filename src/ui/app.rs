//! The root: owns the state, derives the results, keeps the work saved,
//! lays out the page.

use super::compare_view::CompareView;
use super::credits_view::CreditsView;
use super::data_actions::DataActions;
use super::explanation::ExplanationPanel;
use super::import_panel::ImportPanel;
use super::import_preview::ImportPreview;
use super::measures_table::MeasuresTable;
use super::opr_view::OprView;
use super::sheet_picker::SheetPicker;
use super::state::{Action, DataRef, ResultKey, State, View};
use super::summary::Summary;
use super::toolbar::Toolbar;
use super::trend_chart::TrendChart;
use super::trends_view::TrendsView;
use crate::engine::{evaluate, MeasureResult, Month, Results, Settings};
use std::rc::Rc;
use yew::prelude::*;

/// A callback that turns a value into an action and dispatches it.
fn dispatcher<T: 'static>(state: &UseReducerHandle<State>, f: fn(T) -> Action) -> Callback<T> {
    let state = state.clone();
    Callback::from(move |v| state.dispatch(f(v)))
}

fn view_tab(
    v: View,
    label: &str,
    id: &'static str,
    now: View,
    on_action: &Callback<Action>,
) -> Html {
    let cb = on_action.clone();
    html! {
        <button type="button" role="tab" aria-selected={(v == now).to_string()} data-testid={id}
            class={classes!("tab", (v == now).then_some("active"))}
            onclick={Callback::from(move |_| cb.emit(Action::SetView(v)))}>{ label.to_string() }</button>
    }
}

#[component]
pub fn App() -> Html {
    let state = use_reducer(|| {
        let (saved, notice) = super::storage::load();
        State::new(saved, notice)
    });
    // Results are derived from data and settings, recomputed only when either changes.
    let results = use_memo(
        (state.data.clone(), state.settings),
        |(data, settings): &(DataRef, Settings)| evaluate(&data.0, *settings),
    );
    let on_action: Callback<Action> = dispatcher(&state, |a| a);
    // Every change of data or settings is saved at once, so closing the tab loses nothing.
    {
        let on_action = on_action.clone();
        let st = state.clone();
        use_effect_with(
            (
                state.snapshot(),
                state.baseline.clone(),
                state.settings,
                state.month,
                state.scenarios.clone(),
            ),
            move |_| {
                if let Err(e) = super::storage::save(&st) {
                    on_action.emit(Action::Notice(Some(format!(
                        "This browser would not save your work ({e}); export it to keep it."
                    ))));
                }
            },
        );
    }
    let months = results.months();
    let month = state.month.or_else(|| months.first().copied());
    // Recomputed only when the results or the month change, not on every render.
    let rows = use_memo(
        (results.clone(), month),
        |(r, m): &(Rc<Results>, Option<Month>)| {
            m.map(|m| {
                r.for_month(m)
                    .into_iter()
                    .cloned()
                    .collect::<Vec<MeasureResult>>()
            })
            .unwrap_or_default()
        },
    );
    let selected: Option<MeasureResult> = state
        .selected
        .as_ref()
        .and_then(|(p, code, prov)| results.get(*p, code, *prov).cloned());
    let editing = state.editing.clone().map(|k| {
        let current = state
            .data
            .0
            .current(k.0, &k.1, k.2)
            .map(|o| o.input.clone());
        (k, current)
    });
    let on_select: Callback<Option<ResultKey>> = dispatcher(&state, Action::Select);
    let close = {
        let on_select = on_select.clone();
        Callback::from(move |_| on_select.emit(None))
    };
    let scenario_json = {
        let st = state.clone();
        Callback::from(move |_: ()| super::storage::scenario(&st).to_json())
    };
    let title = month.map_or("No figures loaded".to_string(), |m| {
        format!("Figures for {}", m.long_name())
    });

    html! {
        <main class="app">
            <header class="app-header">
                <h1>{ "DCC service performance" }</h1>
                <p class="subtitle">{ format!("{title} — computed in your browser; nothing leaves it.") }</p>
            </header>
            <DataActions data={state.data.0.clone()} scheme={state.scheme.clone()}
                results={results.clone()} regime={state.regime.clone()} scenario={scenario_json}
                can_undo={!state.past.is_empty()} can_redo={!state.future.is_empty()} on_action={on_action.clone()} />
            if let Some(n) = &state.notice {
                <p class="notice" role="status" data-testid="notice">{ n }</p>
            }
            <ImportPanel on_action={on_action.clone()} />
            // Only beside a preview of that workbook (not a later paste).
            if let (Some(w), Some(p)) = (&state.workbook, &state.pending) {
                if p.import.file.starts_with(&format!("{}, sheet ", w.file)) {
                    <SheetPicker workbook={w.clone()} on_action={on_action.clone()} />
                }
            }
            if let Some(p) = &state.pending {
                <ImportPreview pending={p.clone()} data={state.data.clone()} on_action={on_action.clone()} />
            }
            if let Some(month) = month {
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
                <nav class="views" role="tablist" aria-label="Views">
                    { view_tab(View::Levels, "Service levels", "view-levels", state.view, &on_action) }
                    { view_tab(View::Credits, "Service credits", "view-credits", state.view, &on_action) }
                    { view_tab(View::Trends, "CPM trends", "view-trends", state.view, &on_action) }
                    { view_tab(View::Opr, "OPR margin", "view-opr", state.view, &on_action) }
                    { view_tab(View::Compare, "Compare scenarios", "view-compare", state.view, &on_action) }
                </nav>
                if state.view == View::Trends {
                    <TrendsView results={results.clone()} />
                } else if state.view == View::Opr {
                    <OprView results={results.clone()} regime={state.regime.clone()} baseline={state.baseline.clone()}
                        settings={state.settings} year={state.opr_year.clone()} selected={state.opr_selected.clone()}
                        on_action={on_action.clone()} />
                } else if state.view == View::Compare {
                    <CompareView current={state.snapshot()} baseline={state.baseline.clone()} settings={state.settings}
                        scenarios={state.scenarios.clone()} sides={state.compare.clone()} opr_year={state.opr_year.clone()}
                        on_action={on_action.clone()} />
                } else if state.view == View::Credits {
                    <CreditsView results={results.clone()} data={state.data.clone()} scheme={state.scheme.clone()}
                        baseline={state.baseline.clone()} settings={state.settings} month={month}
                        tab={state.credit_tab} source={state.credit_source} selected={state.credit_selected.clone()}
                        on_action={on_action.clone()} />
                } else {
                    <TrendChart results={results.clone()} series={state.trend.clone()} on_action={on_action.clone()} />
                    <Summary rows={rows.clone()} rule={state.settings.rule} on_select={on_select.clone()} />
                    <div class={classes!("workspace", selected.is_some().then_some("with-panel"))}>
                        <MeasuresTable rows={rows} grouping={state.grouping} only_misses={state.only_misses}
                            selected={state.selected.clone()} on_select={on_select} {editing} on_action={on_action.clone()} />
                        if let Some(r) = selected {
                            <ExplanationPanel result={r} rule={state.settings.rule} on_close={close} />
                        }
                    </div>
                }
            } else {
                <p data-testid="empty">{ "No figures are loaded. Paste or choose a file above, or reset to the sample." }</p>
            }
            <footer class="app-footer">
                { "Sample: DCC Performance Measurement Report, March 2021 (V1.0), current and previous columns. " }
                { "Figures are exact decimals; statuses follow the comparison rule chosen above. Your figures are kept in this browser only." }
            </footer>
        </main>
    }
}
