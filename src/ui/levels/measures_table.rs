//! The measures table for one month, grouped by CPM or by provider.

use crate::engine::catalogue::Basis;
use crate::engine::{Catalogue, Input, MeasureResult, Provider};
use crate::ui::measure_row::MeasureRow;
use crate::ui::state::{Action, Grouping, ResultKey};
use crate::ui::widgets::copy_table::CopyTable;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TableProps {
    /// The month's results, in catalogue order.
    pub rows: Rc<Vec<MeasureResult>>,
    pub grouping: Grouping,
    /// Show only measures below target. Default in the app: false.
    pub only_misses: bool,
    pub selected: Option<ResultKey>,
    pub on_select: Callback<Option<ResultKey>>,
    /// The figure being edited and its loaded input (default: none).
    #[prop_or_default]
    pub editing: Option<(ResultKey, Option<Input>)>,
    pub on_action: Callback<Action>,
}

/// One group per provider, in report order.
fn by_provider<'a>(
    rows: Vec<&'a MeasureResult>,
    prefix: &str,
) -> Vec<(String, Vec<&'a MeasureResult>)> {
    Provider::ALL
        .iter()
        .map(|p| {
            (
                format!("{prefix}{}", p.name()),
                rows.iter()
                    .copied()
                    .filter(|r| r.provider == *p)
                    .collect::<Vec<_>>(),
            )
        })
        .filter(|(_, g)| !g.is_empty())
        .collect()
}

/// Splits rows into titled groups, keeping catalogue order within each.
fn groups(rows: &[MeasureResult], grouping: Grouping) -> Vec<(String, Vec<&MeasureResult>)> {
    let mut out: Vec<(String, Vec<&MeasureResult>)> = Vec::new();
    match grouping {
        Grouping::ByProvider => out = by_provider(rows.iter().collect(), ""),
        Grouping::ByCpm => {
            for cpm in rows.iter().filter(|r| r.provider == Provider::Dcc) {
                let mut g = vec![cpm];
                g.extend(
                    rows.iter()
                        .filter(|r| r.feeds.as_deref() == Some(cpm.measure.as_str())),
                );
                out.push((format!("{} — {}", cpm.measure, cpm.name), g));
            }
            let rest: Vec<&MeasureResult> = rows
                .iter()
                .filter(|r| r.provider != Provider::Dcc && r.feeds.is_none())
                .collect();
            out.extend(by_provider(rest, "Other measures — "));
        }
    }
    out
}

#[component]
pub fn MeasuresTable(p: &TableProps) -> Html {
    let all = groups(&p.rows, p.grouping);
    let shown: Vec<(String, Vec<&MeasureResult>)> = all
        .into_iter()
        .map(|(t, rows)| {
            (
                t,
                rows.into_iter()
                    .filter(|r| !p.only_misses || r.status.is_miss())
                    .collect::<Vec<_>>(),
            )
        })
        .filter(|(_, rows)| !rows.is_empty())
        .collect();
    html! {
        <div class="table-wrap">
            <CopyTable target="measures-table" label="service levels" />
            <table id="measures-table" class="measures" data-testid="measures-table">
                <caption class="visually-hidden">{ "Service levels by measure: previous and current period against target and minimum" }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ "Measure" }</th>
                        <th scope="col">{ "Provider" }</th>
                        <th scope="col" class="num">{ "Previous" }</th>
                        <th scope="col" class="num">{ "Current" }</th>
                        <th scope="col" class="num">{ "Target / min" }</th>
                        <th scope="col">{ "Status" }</th>
                        <th scope="col" class="num">{ "Change" }</th>
                    </tr>
                </thead>
                if shown.is_empty() {
                    <tbody><tr><td colspan="7">{ "No measure is below target this month." }</td></tr></tbody>
                }
                { for shown.into_iter().map(|(title, rows)| html! {
                    <tbody>
                        <tr class="group-row"><th colspan="7" scope="colgroup">{ title }</th></tr>
                        { for rows.into_iter().map(|r| {
                            let key = ResultKey::new(r.period, &r.measure, r.provider);
                            let selected = p.selected.as_ref() == Some(&key);
                            let editing = p.editing.as_ref().filter(|(k, _)| *k == key).map(|(_, i)| i.clone());
                            // Derived CPMs are computed from their components, not typed.
                            let editable = Catalogue::builtin().get(&r.measure, r.provider).is_some_and(|d| d.basis != Basis::Derived);
                            html! { <MeasureRow result={r.clone()} {selected} on_select={p.on_select.clone()}
                                {editable} {editing} on_action={p.on_action.clone()} /> }
                        }) }
                    </tbody>
                }) }
            </table>
        </div>
    }
}
