//! Cells and sum rows the OPR table's rows share: differences from the
//! baseline, shares kept as the submission prints them, amounts in £m.

use crate::engine::format::{brief, decimal};
use crate::engine::margin::{millions, money, percent, share_of, signed_money, GroupMargin};
use rust_decimal::Decimal;
use yew::prelude::*;

/// `+£1,234.50` / `−£347,666.67`; empty when there is nothing to compare
/// with or nothing changed, so real differences stand out.
pub fn difference(now: Option<Decimal>, before: Option<Decimal>) -> String {
    match (now, before) {
        (Some(a), Some(b)) if a != b => signed_money(a.saturating_sub(b)),
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
    let share = share_of(kept, margin, unassessed);
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

/// A line summing measures: a group's subtotal, the total, or a combined
/// line. `weight` is shown where the line has one.
pub fn sum_row(
    (label, testid, class): (String, &'static str, &'static str),
    g: &GroupMargin,
    weight: Option<Decimal>,
    before: Option<Decimal>,
) -> Html {
    html! {
        <tr class={class} data-testid={testid} data-group={g.group.clone()}>
            <th scope="row" colspan="3">{ label }</th>
            <td class="num">{ weight.map(percent) }</td>
            { share_cell(g.kept, g.margin, g.unassessed) }
            <td class="num" data-testid="opr-margin">{ millions(g.margin) }</td>
            { amount_cells(g.kept, g.lost, g.margin, g.unassessed) }
            <td class="num" data-testid="opr-delta">{ difference(Some(g.kept), before) }</td><td></td>
        </tr>
    }
}
