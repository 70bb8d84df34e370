//! The year's summary, laid out like the submission's Table 7: each measure
//! with its parts, a subtotal per group, the total, then the zero-weighted
//! measures, which carry no margin. Amounts the baseline had differently
//! show their difference.

use super::opr_measure_row::OprMeasureRow;
use super::opr_view::MarginRc;
use super::state::{Action, RegimeRef};
use crate::engine::format::{brief, decimal};
use crate::engine::margin::{millions, money, percent};
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

/// `+£1,234.50` / `−£347,666.67`; empty when there is nothing to compare
/// with or nothing changed, so real differences stand out.
pub fn difference(now: Option<Decimal>, before: Option<Decimal>) -> String {
    match (now, before) {
        (Some(a), Some(b)) if a != b => {
            let d = a.checked_sub(b).unwrap_or_default();
            if d.is_sign_positive() {
                format!("+{}", money(d))
            } else {
                money(d)
            }
        }
        _ => String::new(),
    }
}

/// The share kept as the submission prints it (whole percent), with the
/// exact figure for a tooltip.
pub fn whole_percent(share: Decimal) -> (String, String) {
    (
        format!("{}%", decimal(share, 0)),
        format!("{}% exactly", brief(share.normalize())),
    )
}

/// A share-kept cell for a sum of amounts; "not assessed" while any part
/// has no figure, never a made-up 0%.
fn share_cell(kept: Decimal, margin: Decimal, unassessed: Decimal) -> Html {
    let share = (unassessed.is_zero())
        .then(|| kept.checked_mul(Decimal::ONE_HUNDRED)?.checked_div(margin))
        .flatten();
    match share {
        Some(s) => {
            let (text, title) = whole_percent(s);
            html! { <td class="num" data-testid="opr-share" {title}>{ text }</td> }
        }
        None => html! { <td class="num na" data-testid="opr-share">{ "not assessed" }</td> },
    }
}

/// Kept and lost in £m; while a part is unassessed its margin is named, not
/// counted as lost.
pub fn amount_cells(kept: Decimal, lost: Decimal, margin: Decimal, unassessed: Decimal) -> Html {
    if !unassessed.is_zero() && unassessed >= margin {
        return html! {
            <>
                <td class="num na" data-testid="opr-kept">{ "not assessed" }</td>
                <td class="num na" data-testid="opr-lost">{ "not assessed" }</td>
            </>
        };
    }
    let open = (!unassessed.is_zero())
        .then(|| html! { <span class="unassessed">{ format!("+ {} not assessed", money(unassessed)) }</span> });
    html! {
        <>
            <td class="num" data-testid="opr-kept">{ millions(kept) }{ open }</td>
            <td class="num" data-testid="opr-lost">{ millions(lost) }</td>
        </>
    }
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
    html! {
        <div class="table-wrap opr-wrap">
            <table class="measures opr-table" data-testid="opr-table">
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
                            <tr class="subtotal" data-testid="opr-group" data-group={g.group.clone()}>
                                <th scope="row" colspan="3">{ format!("{} subtotal", g.group) }</th>
                                <td class="num">{ percent(weight) }</td>
                                { share_cell(g.kept, g.margin, g.unassessed) }
                                <td class="num" data-testid="opr-margin">{ millions(g.margin) }</td>
                                { amount_cells(g.kept, g.lost, g.margin, g.unassessed) }
                                <td class="num" data-testid="opr-delta">{ difference(Some(g.kept), before) }</td><td></td>
                            </tr>
                        </tbody>
                    }
                }) }
                <tbody class="total">
                    <tr class="total" data-testid="opr-total">
                        <th scope="row" colspan="3">{ "Total" }</th>
                        <td class="num">{ percent(m.total_weight) }</td>
                        { share_cell(m.kept, m.allocated, m.unassessed) }
                        <td class="num" data-testid="opr-margin">{ millions(m.allocated) }</td>
                        { amount_cells(m.kept, m.lost, m.allocated, m.unassessed) }
                        <td class="num" data-testid="opr-delta">{ difference(Some(m.kept), base.map(|b| b.kept)) }</td><td></td>
                    </tr>
                </tbody>
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
