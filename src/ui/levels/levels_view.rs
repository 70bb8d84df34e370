//! The service levels view: the trend chart, the counts, the measures table
//! with edits in place, and the working of the row opened.

use crate::engine::work::Outcome;
use crate::engine::{ComparisonRule, MeasureResult, Month, Results};
use crate::ui::explanation::ExplanationPanel;
use crate::ui::measures_table::MeasuresTable;
use crate::ui::state::{Action, ByRef, ResultKey, Showing};
use crate::ui::summary::Summary;
use crate::ui::trend_chart::TrendChart;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct LevelsViewProps {
    /// What the work gives.
    pub outcome: Rc<Outcome>,
    pub month: Month,
    pub rule: ComparisonRule,
    /// What the page is showing: grouping, filter, row opened, cell edited,
    /// the trend chart's series.
    pub show: Showing,
    pub on_action: Callback<Action>,
}

#[component]
pub fn LevelsView(p: &LevelsViewProps) -> Html {
    let results = p.outcome.results.clone();
    // Recomputed only when the results or the month change, not on every render.
    let rows = use_memo(
        (results.clone(), p.month),
        |(r, m): &(Rc<Results>, Month)| {
            r.for_month(*m)
                .into_iter()
                .cloned()
                .collect::<Vec<MeasureResult>>()
        },
    );
    let show = &p.show;
    let selected: Option<MeasureResult> = show
        .selected
        .as_ref()
        .and_then(|k| results.get(k.period, &k.measure, k.provider).cloned());
    // Built when a row is opened, and again only when it or the work changes.
    let explanation = use_memo(
        (
            ByRef(results.clone()),
            ByRef(p.outcome.work.data.clone()),
            selected.clone(),
        ),
        |(r, d, row)| {
            row.as_ref()
                .map(|row| r.0.explain(&d.0, row))
                .unwrap_or_default()
        },
    );
    let editing = show.editing.clone().map(|k| {
        let current = p
            .outcome
            .work
            .data
            .current(k.period, &k.measure, k.provider)
            .map(|o| o.input.clone());
        (k, current)
    });
    // Kept across draws (the dispatcher never changes), so the counts and
    // the table are not drawn again for a new callback alone.
    let on_select: Callback<Option<ResultKey>> =
        use_callback(p.on_action.clone(), |k, cb| cb.emit(Action::Select(k)));
    let close = use_callback(p.on_action.clone(), |_: (), cb| {
        cb.emit(Action::Select(None))
    });
    html! {
        <>
            <TrendChart results={results.clone()} series={show.trend.clone()} on_action={p.on_action.clone()} />
            <Summary rows={rows.clone()} rule={p.rule} on_select={on_select.clone()} />
            <div class={classes!("workspace", selected.is_some().then_some("with-panel"))}>
                <MeasuresTable rows={rows} grouping={show.grouping} only_misses={show.only_misses}
                    selected={show.selected.clone()} on_select={on_select} {editing} on_action={p.on_action.clone()} />
                if let Some(r) = selected {
                    <ExplanationPanel explanation={(*explanation).clone()} result={r} rule={p.rule} on_close={close} />
                }
            </div>
        </>
    }
}
