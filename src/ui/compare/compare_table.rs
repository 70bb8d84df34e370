//! One table of changes (inputs or results), grouped by section with a
//! heading row each: item | left | right | difference.

use crate::engine::compare::{Change, Comparison, Section};
use crate::ui::widgets::copy_table::CopyTable;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CompareTableProps {
    pub testid: AttrValue,
    pub title: AttrValue,
    /// The two sides' names, for the column headings.
    pub left: String,
    pub right: String,
    /// The sections this table shows, in order.
    pub sections: Vec<Section>,
    pub changes: Rc<Comparison>,
    /// Shows the comparison's results (else its inputs).
    pub results: bool,
    /// Only this section, when chosen.
    pub filter: Option<Section>,
}

fn row(c: &Change) -> Html {
    // Every value is text: user-typed names and notes are never read as HTML.
    html! {
        <tr data-testid="change" data-section={c.section.key()}>
            <th scope="row" class="item">{ &c.item }</th>
            <td class="value" data-testid="change-left">{ &c.left }</td>
            <td class="value" data-testid="change-right">{ &c.right }</td>
            <td class={classes!("num", "diff")} data-testid="change-diff">{ c.difference.clone().unwrap_or_default() }</td>
        </tr>
    }
}

#[component]
pub fn CompareTable(p: &CompareTableProps) -> Html {
    let list = if p.results {
        &p.changes.results
    } else {
        &p.changes.inputs
    };
    let shown: Vec<Section> = p
        .sections
        .iter()
        .copied()
        .filter(|s| p.filter.is_none_or(|f| f == *s))
        .filter(|s| list.iter().any(|c| c.section == *s))
        .collect();
    if shown.is_empty() {
        // Filtered away, or nothing of this kind differs: say which.
        let what = if p.results { "result" } else { "input" };
        return html! { <p class="compare-none" data-testid={p.testid.clone()}>{ format!("No {what} differs{}.", if p.filter.is_some() { " in the section chosen" } else { "" }) }</p> };
    }
    html! {
        <div class="table-wrap compare-wrap">
            <CopyTable target={format!("{}-table", p.testid)} label={p.title.clone()} />
            <table id={format!("{}-table", p.testid)} class="compare-table" data-testid={p.testid.clone()}>
                <caption>{ p.title.clone() }</caption>
                // Fixed widths, so the inputs and results tables line up.
                <colgroup>
                    <col class="col-item" /><col class="col-side" /><col class="col-side" /><col class="col-diff" />
                </colgroup>
                <thead>
                    <tr>
                        <th scope="col">{ "Item" }</th>
                        <th scope="col">{ format!("{} (left)", p.left) }</th>
                        <th scope="col">{ format!("{} (right)", p.right) }</th>
                        <th scope="col" class="num">{ "Difference" }</th>
                    </tr>
                </thead>
                { for shown.into_iter().map(|s| {
                    let rows: Vec<&Change> = list.iter().filter(|c| c.section == s).collect();
                    html! {
                        <tbody data-section={s.key()}>
                            <tr class="section-row"><th colspan="4" scope="colgroup">{ format!("{} ({})", s.label(), rows.len()) }</th></tr>
                            { for rows.into_iter().map(row) }
                        </tbody>
                    }
                }) }
            </table>
        </div>
    }
}
