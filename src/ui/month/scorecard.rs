//! The CPM scorecard: level, target, status, change, trend, run.

use crate::engine::format::signed;
use crate::engine::review::CpmCard;
use crate::ui::state::Action;
use crate::ui::widgets::copy_table::CopyTable;
use crate::ui::widgets::status::StatusBadge;
use rust_decimal::Decimal;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ScorecardProps {
    pub cards: Vec<CpmCard>,
    pub on_action: Callback<Action>,
}

/// A line of the loaded periods, scaled to its own range, with the target
/// dashed. Drawn for reading at a glance; the figures are in the table.
/// Positions are worked out in decimals, as every figure is: no float
/// formatting is shipped on the first load for a 72-pixel line.
fn sparkline(card: &CpmCard) -> Html {
    let (w, h, four) = (Decimal::from(72), Decimal::from(20), Decimal::from(4));
    let values: Vec<(usize, Decimal)> = (card.trend.iter().enumerate())
        .filter_map(|(i, (_, v))| Some((i, (*v)?)))
        .collect();
    let target = card.target;
    let all = || values.iter().map(|v| v.1).chain(target);
    let (Some(lo), Some(hi), true) = (all().min(), all().max(), values.len() >= 2) else {
        return html! { <span class="spark-none">{ "–" }</span> };
    };
    let span = hi
        .checked_sub(lo)
        .unwrap_or(Decimal::MAX)
        .max(Decimal::new(1, 2));
    let n = Decimal::from((card.trend.len() - 1).max(1));
    // One decimal place, as SVG reads it; `None` where a figure is too big
    // to place (it is left out of the line, never a panic).
    let at = |d: Decimal| d.round_dp(1).normalize().to_string();
    let y = |v: Decimal| {
        let share = v.checked_sub(lo)?.checked_div(span)?;
        Some(at(h - Decimal::TWO - share.checked_mul(h - four)?))
    };
    let points: String = (values.iter())
        .filter_map(|(i, v)| Some(format!("{},{}", at(Decimal::from(*i) / n * w), y(*v)?)))
        .collect::<Vec<_>>()
        .join(" ");
    let label = format!(
        "{} over {} loaded periods: {}",
        card.measure,
        card.trend.len(),
        card.trend
            .iter()
            .map(|(m, v)| format!(
                "{} {}",
                m.short_name(),
                v.map_or("–".into(), |d| format!(
                    "{}%",
                    crate::engine::format::decimal(d, 2)
                ))
            ))
            .collect::<Vec<_>>()
            .join(", ")
    );
    html! {
        <svg class="spark" width="72" height="20" viewBox="0 0 72 20" role="img" aria-label={label}>
            if let Some(t) = target.and_then(y) {
                <line class="spark-target" x1="0" x2="72" y1={t.clone()} y2={t} />
            }
            <polyline class="spark-line" points={points} />
        </svg>
    }
}

#[component]
pub fn Scorecard(p: &ScorecardProps) -> Html {
    html! { <>
        <CopyTable target="month-scorecard" label="CPM scorecard" />
        <table class="compact scorecard" data-testid="scorecard" id="month-scorecard">
            <caption>{ "Code Performance Measures" }</caption>
            <thead><tr>
                <th scope="col">{ "CPM" }</th><th scope="col">{ "Level" }</th><th scope="col">{ "Target" }</th>
                <th scope="col">{ "Status" }</th><th scope="col">{ "Change" }</th><th scope="col">{ "Trend" }</th>
                <th scope="col">{ "Below for" }</th>
            </tr></thead>
            <tbody>
            { for p.cards.iter().map(|c| {
                let open = super::open_measure(&p.on_action, c.period, &c.measure, c.provider);
                html! {
                    <tr data-measure={c.measure.clone()}>
                        <th scope="row">
                            <button type="button" class="link" onclick={open} title={c.name.clone()}
                                aria-label={format!("{}: {} — open its explanation", c.measure, c.name)}>{ &c.measure }</button>
                        </th>
                        <td class="num">{ &c.display }</td>
                        <td class="num">{ c.target.map_or("–".into(), |t| format!("{}%", crate::engine::format::brief(t))) }</td>
                        <td><StatusBadge status={c.status} /></td>
                        <td class="num">{ c.change.map_or("–".into(), |d| signed(d, 2)) }</td>
                        <td>{ sparkline(c) }</td>
                        <td title={c.run.describe()}>{ if c.run.periods == 0 { "–".to_string() } else { c.run.short() } }</td>
                    </tr>
                }
            }) }
            </tbody>
            if let Some(c) = p.cards.iter().find(|c| !c.run.exact && c.run.periods > 0) {
                <tfoot><tr><td colspan="7" class="footnote">
                    { format!("≥: at least; the history loaded stops before the run does ({}: {}).", c.measure, c.run.describe()) }
                </td></tr></tfoot>
            }
        </table>
    </> }
}
