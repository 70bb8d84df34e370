//! The year's summary, laid out like the submission's Table 7: each measure
//! with its parts, a subtotal per group, the total, then the zero-weighted
//! measures, which carry no margin. Amounts the baseline had differently
//! show their difference.

use crate::engine::margin::GroupMargin;
use crate::ui::opr_cells::sum_row;
use crate::ui::opr_measure_row::OprMeasureRow;
use crate::ui::opr_view::MarginRc;
use crate::ui::state::{Action, RegimeRef};
use crate::ui::widgets::copy_table::CopyTable;
use rust_decimal::Decimal;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct OprTableProps {
    pub regime: RegimeRef,
    pub year: String,
    pub margin: MarginRc,
    /// The baseline's margin for the same year, if it has that year.
    pub base: MarginRc,
    pub selected: Option<(String, usize)>,
    pub on_action: Callback<Action>,
}

#[component]
pub fn OprTable(p: &OprTableProps) -> Html {
    let Some(m) = p.margin.as_ref() else {
        return html! {};
    };
    let base = p.base.as_ref().as_ref();
    let weighted =
        |mm: &&crate::engine::margin::MeasureMargin| !(mm.weight.is_zero() && mm.margin.is_zero());
    let row = |mm: &crate::engine::margin::MeasureMargin| {
        html! {
            <OprMeasureRow measure={mm.clone()} before={base.and_then(|b| b.measure(&mm.code)).cloned()}
                regime={p.regime.clone()} year={p.year.clone()} curve={m.curve.clone()}
                selected={p.selected.clone()} on_action={p.on_action.clone()} />
        }
    };
    let zero: Vec<_> = m.measures.iter().filter(|x| !weighted(x)).collect();
    let total = GroupMargin {
        group: "total".into(),
        margin: m.allocated,
        kept: m.kept,
        lost: m.lost,
        unassessed: m.unassessed,
    };
    html! {
        <div class="table-wrap opr-wrap" tabindex="0" role="region" aria-label="OPR margin by measure (scrolls sideways)">
            <CopyTable target="opr-table" label="OPR margin" />
            <table id="opr-table" class="measures opr-table" data-testid="opr-table">
                <caption>{ format!("{}: margin kept and lost (£m to three decimals, as the submission prints; parts in £)", m.year) }</caption>
                <thead><tr>
                    <th scope="col">{ "Measure / part" }</th><th scope="col" class="num">{ "Weight / share" }</th>
                    <th scope="col">{ "Mechanism" }</th><th scope="col">{ "Performance" }</th>
                    <th scope="col" class="num">{ "Share kept" }</th><th scope="col" class="num">{ "Margin" }</th>
                    <th scope="col" class="num">{ "Kept" }</th><th scope="col" class="num">{ "Lost" }</th>
                    <th scope="col" class="num">{ "vs baseline" }</th><th scope="col" class="num">{ "±0.1 worth" }</th>
                </tr></thead>
                { for m.groups.iter().filter(|g| m.measures.iter().filter(weighted).any(|x| x.group == g.group)).map(|g| {
                    let weight = m.measures.iter().filter(|x| x.group == g.group)
                        .fold(Decimal::ZERO, |a, x| a.saturating_add(x.weight));
                    let before = base.and_then(|b| b.groups.iter().find(|bg| bg.group == g.group)).map(|bg| bg.kept);
                    html! {
                        <tbody data-group={g.group.clone()}>
                            { for m.measures.iter().filter(weighted).filter(|x| x.group == g.group).map(row) }
                            { sum_row((format!("{} subtotal", g.group), "opr-group", "subtotal"), g, Some(weight), before) }
                        </tbody>
                    }
                }) }
                <tbody class="total">
                    { sum_row(("Total".into(), "opr-total", "total"), &total, Some(m.total_weight), base.map(|b| b.kept)) }
                </tbody>
                if !m.combined.is_empty() {
                    <tbody class="combined" data-group="combined">
                        <tr class="group"><th colspan="10" scope="rowgroup">{ "As the submission groups them" }</th></tr>
                        { for m.combined.iter().map(|c| {
                            let before = base.and_then(|b| b.combined.iter().find(|x| x.group == c.group)).map(|x| x.kept);
                            sum_row((c.group.clone(), "opr-combined", "subtotal"), c, None, before)
                        }) }
                    </tbody>
                }
                if !zero.is_empty() {
                    <tbody class="zero-weighted" data-group="zero-weighted">
                        <tr class="group"><th colspan="10" scope="rowgroup">{ "Zero-weighted measures: reported, no margin at risk" }</th></tr>
                        { for zero.into_iter().map(row) }
                    </tbody>
                }
            </table>
        </div>
    }
}
