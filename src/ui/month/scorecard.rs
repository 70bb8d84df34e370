//! The CPM scorecard: level, target, status, change, trend, run.

use crate::engine::format::signed;
use crate::engine::review::CpmCard;
use crate::ui::state::Action;
use crate::ui::widgets::copy_table::CopyTable;
use crate::ui::widgets::status::StatusBadge;
use rust_decimal::prelude::ToPrimitive;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ScorecardProps {
    pub cards: Vec<CpmCard>,
    pub on_action: Callback<Action>,
}

/// A line of the loaded periods, scaled to its own range, with the target
/// dashed. Drawn for reading at a glance; the figures are in the table.
fn sparkline(card: &CpmCard) -> Html {
    let (w, h) = (72.0_f64, 20.0_f64);
    // Display only: positions on the screen, not figures.
    let values: Vec<(usize, f64)> = card
        .trend
        .iter()
        .enumerate()
        .filter_map(|(i, (_, v))| Some((i, v.and_then(|d| d.to_f64())?)))
        .collect();
    if values.len() < 2 {
        return html! { <span class="spark-none">{ "–" }</span> };
    }
    let target = card.target.and_then(|t| t.to_f64());
    let lo = values
        .iter()
        .map(|v| v.1)
        .chain(target)
        .fold(f64::INFINITY, f64::min);
    let hi = values
        .iter()
        .map(|v| v.1)
        .chain(target)
        .fold(f64::NEG_INFINITY, f64::max);
    let span = (hi - lo).max(0.01);
    let n = (card.trend.len() - 1).max(1) as f64;
    let y = |v: f64| h - 2.0 - (v - lo) / span * (h - 4.0);
    let points: String = values
        .iter()
        .map(|(i, v)| format!("{:.1},{:.1}", *i as f64 / n * w, y(*v)))
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
            if let Some(t) = target {
                <line class="spark-target" x1="0" x2="72" y1={format!("{:.1}", y(t))} y2={format!("{:.1}", y(t))} />
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
