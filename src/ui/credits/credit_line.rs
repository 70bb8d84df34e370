//! One credit line: the measure's level, band, points, multiplier, cap and
//! credit, and its difference from the baseline. Clicking it explains it.

use crate::engine::credits::{CreditLine, LineState};
use crate::engine::format::exact;
use crate::engine::reported::pounds;
use crate::ui::credits_view::delta;
use crate::ui::state::LineKey;
use crate::ui::status::StatusBadge;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CreditLineProps {
    pub line: CreditLine,
    /// The same line in the baseline, if it was there.
    pub before: Option<CreditLine>,
    pub selected: bool,
    pub on_select: Callback<Option<LineKey>>,
}

#[component]
pub fn CreditLineRow(p: &CreditLineProps) -> Html {
    let l = &p.line;
    let key = LineKey::new(l.period, &l.measure, l.provider);
    let onclick = {
        let cb = p.on_select.clone();
        let selected = p.selected;
        Callback::from(move |_| cb.emit((!selected).then(|| key.clone())))
    };
    let opt = |v: Option<rust_decimal::Decimal>| v.map_or("–".to_string(), exact);
    let credit = match (l.state, l.money) {
        (LineState::Pending, _) | (_, None) => {
            html! { <span class="pending" title="Under discussion: not zero">{ "Pending" }</span> }
        }
        (LineState::Accrued, Some(m)) => html! { { pounds(m) } },
        (state, Some(m)) => {
            html! { <>{ pounds(m) }<span class="state">{ format!(" ({})", state.label()) }</span></> }
        }
    };
    let change = match (p.before.as_ref().map(|b| b.money), l.money) {
        (None, _) => "new".to_string(),
        (Some(None), None) => "=".into(),
        (Some(None), Some(now)) => format!(
            "{} (was pending)",
            delta(Some(now), Some(rust_decimal::Decimal::ZERO))
        ),
        (Some(Some(b)), None) => format!("now pending (was {})", pounds(b)),
        (Some(before), now) => delta(now, before),
    };
    let points = match l.points {
        None => "–".to_string(),
        Some(pts) if l.base_points == pts || l.state != LineState::Accrued => exact(pts),
        Some(pts) => format!("{} → {}", exact(l.base_points), exact(pts)),
    };
    html! {
        <tr class={classes!("credit-line", p.selected.then_some("selected"))} data-measure={l.measure.clone()}
            data-provider={l.provider.code()} data-testid="credit-line">
            <th scope="row">
                <button type="button" class="link" {onclick} aria-expanded={p.selected.to_string()}
                    title={l.name.clone()}>{ format!("{} {}", l.provider, l.measure) }</button>
            </th>
            <td>{ &l.display }{ " " }<StatusBadge status={l.status} /></td>
            <td>{ opt(l.target) }</td>
            <td>{ opt(l.minimum) }</td>
            <td>{ &l.band }</td>
            <td class="num" data-testid="line-points">{ points }</td>
            <td class="num">{ format!("× {}", exact(l.multiplier)) }</td>
            <td>{ l.cap_effect.clone().unwrap_or_else(|| "–".into()) }</td>
            <td class="num" data-testid="line-credit">{ credit }</td>
            <td class="num" data-testid="line-delta">{ change }</td>
        </tr>
    }
}
