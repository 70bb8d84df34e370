//! The root: owns the state, derives the results, keeps the work saved,
//! lays out the page.

use super::compare_view::CompareViewProps;
use super::credits_view::CreditsViewProps;
use super::data_actions::DataActions;
use super::import_panel::ImportPanel;
use super::import_preview::PreviewProps;
use super::io_part::{spawn, Job};
use super::levels::levels_view::LevelsViewProps;
use super::month::month_view::MonthView;
use super::opr_view::OprViewProps;
use super::reports::reports_view::ReportsViewProps;
use super::sheet_picker::SheetPickerProps;
use super::state::{Action, ByRef, State, View};
use super::toolbar::Toolbar;
use super::trends_view::TrendsViewProps;
use super::views;
use super::widgets::lazy::lazy;
use crate::engine::work::Outcome;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// A callback that turns a value into an action and dispatches it.
fn dispatcher<T: 'static>(state: &UseReducerHandle<State>, f: fn(T) -> Action) -> Callback<T> {
    let state = state.clone();
    Callback::from(move |v| state.dispatch(f(v)))
}

/// The views in tab order: (view, label, test id).
const VIEWS: [(View, &str, &str); 7] = [
    (View::Month, "The month", "view-month"),
    (View::Levels, "Service levels", "view-levels"),
    (View::Credits, "Service credits", "view-credits"),
    (View::Trends, "CPM trends", "view-trends"),
    (View::Opr, "OPR margin", "view-opr"),
    (View::Compare, "Compare scenarios", "view-compare"),
    (View::Reports, "Other reports", "view-reports"),
];

/// The view tabs, keyboard-operable as WAI-ARIA tabs: arrow keys, Home and
/// End move between them (and choose), only the chosen one is in the Tab order.
fn view_tabs(now: View, on_action: &Callback<Action>) -> Html {
    let at = VIEWS.iter().position(|v| v.0 == now).unwrap_or(0);
    let on_key = {
        let cb = on_action.clone();
        Callback::from(move |e: KeyboardEvent| {
            let next = match e.key().as_str() {
                "ArrowRight" => (at + 1) % VIEWS.len(),
                "ArrowLeft" => (at + VIEWS.len() - 1) % VIEWS.len(),
                "Home" => 0,
                "End" => VIEWS.len() - 1,
                _ => return,
            };
            e.prevent_default();
            cb.emit(Action::SetView(VIEWS[next].0));
            // Focus follows the choice once the tab is drawn as chosen.
            let id = VIEWS[next].2;
            gloo_timers::callback::Timeout::new(0, move || {
                if let Some(el) = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.get_element_by_id(id))
                {
                    if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                        let _ = el.focus();
                    }
                }
            })
            .forget();
        })
    };
    html! {
        <div class="views" role="tablist" aria-label="Views" onkeydown={on_key}>
            { for VIEWS.iter().map(|&(v, label, id)| {
                let cb = on_action.clone();
                let chosen = v == now;
                html! {
                    <button type="button" role="tab" id={id} aria-selected={chosen.to_string()} aria-controls="view-panel"
                        tabindex={if chosen { "0" } else { "-1" }} data-testid={id}
                        class={classes!("tab", chosen.then_some("active"))}
                        onclick={Callback::from(move |_| cb.emit(Action::SetView(v)))}>{ label }</button>
                }
            }) }
        </div>
    }
}

/// Holds the outcome before a change until a moment after the change is
/// drawn, and lets it go then: with five years loaded, letting go of the
/// results an edit replaced (6,400 shared rows, each let go in turn) took
/// about a millisecond of the edit's time before its figures showed.
#[hook]
fn use_let_go_later(outcome: &Rc<Outcome>) {
    let kept = use_mut_ref(|| None::<Rc<Outcome>>);
    let mut kept = kept.borrow_mut();
    if kept.as_ref().is_some_and(|k| Rc::ptr_eq(k, outcome)) {
        return;
    }
    if let Some(old) = kept.replace(outcome.clone()) {
        // A future, not a forgotten timer: nothing is kept once it has run.
        wasm_bindgen_futures::spawn_local(async move {
            gloo_timers::future::TimeoutFuture::new(50).await;
            drop(old);
        });
    }
}

#[component]
pub fn App() -> Html {
    // Saved work is read in the part of the app that reads files, fetched
    // for it; until it is read, nothing is shown or saved.
    // (Taken out when handed over: megabytes of five years are not kept.)
    let saved = use_mut_ref(super::storage::saved_text);
    let state = use_reducer(|| match *saved.borrow() {
        Some(_) => State::restoring(),
        None => State::new(None, None),
    });
    // The session holds what the work gives, computed once per change.
    let outcome = state.outcome.clone();
    use_let_go_later(&outcome);
    let results = outcome.results.clone();
    // One callback for the life of the page (the dispatcher never changes),
    // so a part whose other props are unchanged is not drawn again.
    let on_action: Callback<Action> = use_callback(state.dispatcher(), |a, d| d.dispatch(a));
    super::storage::use_saved_work(&state, &on_action);
    // Which reports the figures come from: a walk over every figure, so
    // made when they change, not on every render (a what-if on the scheme).
    let source = use_memo(ByRef(state.work.data.clone()), |d| {
        super::widgets::print_header::source_text(&d.0)
    });
    {
        let on_action = on_action.clone();
        use_effect_with((), move |_| {
            if let Some(text) = saved.borrow_mut().take() {
                spawn(Job::Restore(text), on_action);
            }
        });
    }
    if state.restoring {
        return html! {
            <main class="app">
                <header class="app-header">
                    <h1>{ "DCC service performance" }</h1>
                    <p class="subtitle" role="status" data-testid="restoring">{ "Opening your saved work…" }</p>
                </header>
                if let Some(n) = &state.notice {
                    <p class="notice" role="alert" data-testid="notice">{ n }</p>
                }
            </main>
        };
    }
    // Kept with the results (sixty months for five years): no memo needed.
    let months = results.months();
    let month = state.show.month.or_else(|| months.first().copied());
    let scenario = {
        let st = state.clone();
        Callback::from(move |_: ()| st.saved_work())
    };
    let title = month.map_or("No figures loaded".to_string(), |m| {
        format!("Figures for {}", m.long_name())
    });

    html! {
        <main class={classes!("app", (state.show.view == View::Month).then_some("on-month"))}>
            <a class="skip-link" href="#view-panel">{ "Skip to the results" }</a>
            <header class="app-header">
                <h1>{ "DCC service performance" }</h1>
                <p class="subtitle">{ format!("{title} — computed in your browser; nothing leaves it.") }</p>
            </header>
            <super::widgets::print_header::PrintHeader month={month.map(|m| m.long_name()).unwrap_or_default()} source={(*source).clone()} rule={state.settings.rule.describe()} />
            <DataActions outcome={outcome.clone()} scenario={scenario}
                can_undo={!state.past.is_empty()} can_redo={!state.future.is_empty()} on_action={on_action.clone()} />
            if let Some(n) = &state.notice {
                <p class="notice" role="status" data-testid="notice">{ n }</p>
            }
            if state.elsewhere {
                { lazy(&views::ELSEWHERE, super::widgets::elsewhere::ElsewhereProps { here: ByRef::new((*state).clone()), on_action: on_action.clone() }) }
            }
            // The paste box comes after the month's verdict, which is what
            // a visitor opens the calculator for; elsewhere it leads.
            if state.show.view != View::Month || month.is_none() {
                <ImportPanel on_action={on_action.clone()} />
            }
            <super::import::shared_link::SharedLinkOpener on_action={on_action.clone()} />
            // Only beside a preview of that workbook (not a later paste).
            if let (Some(w), Some(p)) = (&state.workbook, &state.pending) {
                if p.import.file.starts_with(&format!("{}, sheet ", w.file)) {
                    { lazy(&views::SHEET_PICKER, SheetPickerProps { workbook: w.clone(), on_action: on_action.clone() }) }
                }
            }
            if let Some(p) = &state.pending {
                { lazy(&views::IMPORT_PREVIEW, PreviewProps { pending: p.clone(), workbook: state.workbook.clone(),
                    data: ByRef(state.work.data.clone()), on_action: on_action.clone() }) }
            }
            if let Some(month) = month {
                <Toolbar
                    months={months.clone()}
                    month={month}
                    rule={state.settings.rule}
                    grouping={state.show.grouping}
                    only_misses={state.show.only_misses}
                    on_month={dispatcher(&state, Action::SetMonth)}
                    on_rule={dispatcher(&state, Action::SetRule)}
                    on_grouping={dispatcher(&state, Action::SetGrouping)}
                    on_only_misses={dispatcher(&state, Action::SetOnlyMisses)}
                />
                { view_tabs(state.show.view, &on_action) }
                <section id="view-panel" role="tabpanel" tabindex="-1"
                    aria-labelledby={VIEWS.iter().find(|v| v.0 == state.show.view).map_or("view-month", |v| v.2)}>
                if state.show.view == View::Month {
                    <MonthView outcome={outcome.clone()} month={month} on_action={on_action.clone()} />
                } else if state.show.view == View::Trends {
                    { lazy(&views::TRENDS, TrendsViewProps { results: results.clone() }) }
                } else if state.show.view == View::Opr {
                    { lazy(&views::OPR, OprViewProps { outcome: outcome.clone(), base: state.base.clone(),
                        year: state.show.opr_year.clone(), selected: state.show.opr_selected.clone(),
                        on_action: on_action.clone() }) }
                } else if state.show.view == View::Compare {
                    { lazy(&views::COMPARE, CompareViewProps { current: outcome.clone(), baseline: state.base.clone(),
                        scenarios: state.scenarios.clone(), sides: state.show.compare.clone(), opr_year: state.show.opr_year.clone(),
                        on_action: on_action.clone() }) }
                } else if state.show.view == View::Reports {
                    { lazy(&views::REPORTS, ReportsViewProps { outcome: outcome.clone() }) }
                } else if state.show.view == View::Credits {
                    { lazy(&views::CREDITS, CreditsViewProps { outcome: outcome.clone(), base: state.base.clone(), month,
                        tab: state.show.credit_tab, source: state.show.credit_source, selected: state.show.credit_selected.clone(),
                        on_action: on_action.clone() }) }
                } else {
                    { lazy(&views::LEVELS, LevelsViewProps { outcome: outcome.clone(), month,
                        rule: state.settings.rule, show: state.show.clone(), on_action: on_action.clone() }) }
                }
                </section>
                if state.show.view == View::Month {
                    <ImportPanel on_action={on_action.clone()} />
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
