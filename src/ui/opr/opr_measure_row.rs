//! One measure's line in the summary and its parts below it.

use crate::engine::format::{brief, level};
use crate::engine::margin::{millions, percent, MeasureMargin, PartMargin};
use crate::engine::opr::{LossCurve, Scale};
use crate::ui::opr_cells::{amount_cells, difference, whole_percent};
use crate::ui::opr_panel::OprPanel;
use crate::ui::opr_part_row::OprPartRow;
use crate::ui::state::{Action, RegimeRef};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct OprMeasureRowProps {
    pub measure: MeasureMargin,
    /// The same measure in the baseline, if it has it.
    pub before: Option<MeasureMargin>,
    pub regime: RegimeRef,
    pub year: String,
    pub curve: LossCurve,
    pub selected: Option<(String, usize)>,
    pub on_action: Callback<Action>,
}

/// `North 99.30%`, `2.416 out of 3`, `South —` (no figure yet).
pub fn performance_text(scale: Scale, part: &PartMargin, alone: bool) -> String {
    let figure = match (scale, part.performance) {
        (Scale::Levels { .. }, Some(v)) => format!("{}%", level(v, true)),
        (Scale::Score { max }, Some(v)) => format!("{} out of {}", brief(v), max.normalize()),
        (_, None) if part.decided => "decided".into(),
        (_, None) => "—".into(),
    };
    // A lone score reads as the submission prints it, without a label.
    if alone && matches!(scale, Scale::Score { .. }) {
        figure
    } else {
        format!("{} {figure}", part.label)
    }
}

#[component]
pub fn OprMeasureRow(p: &OprMeasureRowProps) -> Html {
    let m = &p.measure;
    let zero = m.weight.is_zero() && m.margin.is_zero();
    let share = match m.share_kept {
        Some(s) if !zero => {
            let (text, title) = whole_percent(s);
            html! { <td class="num" data-testid="opr-share" {title}>{ text }</td> }
        }
        _ if zero => html! { <td class="num na" data-testid="opr-share">{ "—" }</td> },
        _ => html! { <td class="num na" data-testid="opr-share">{ "not assessed" }</td> },
    };
    let alone = m.parts.len() == 1;
    let before_part = |i: usize| p.before.as_ref().and_then(|b| b.parts.get(i)).cloned();
    html! {
        <>
            <tr class={classes!("opr-measure", zero.then_some("zero"))} data-testid="opr-measure" data-measure={m.code.clone()}>
                <th scope="row">
                    <span class="code">{ &m.code }</span><span class="name">{ &m.name }</span>
                    if zero { <span class="flag">{ "zero-weighted" }</span> }
                    if m.margin_stated { <span class="flag" title="The year states this amount; weight × margin at risk differs slightly">{ "stated margin" }</span> }
                </th>
                <td class="num">{ percent(m.weight) }</td>
                <td>{ &m.mechanism }</td>
                <td class="perf">{ for m.parts.iter().map(|pt| html! { <span class="perf-part">{ performance_text(m.scale, pt, alone) }</span> }) }</td>
                { share }
                <td class="num" data-testid="opr-margin">{ if zero { "—".to_string() } else { millions(m.margin) } }</td>
                if zero {
                    <td class="num" data-testid="opr-kept">{ "—" }</td><td class="num" data-testid="opr-lost">{ "—" }</td>
                } else {
                    { amount_cells(m.kept, m.lost, m.margin, m.unassessed) }
                }
                <td class="num" data-testid="opr-delta">{ difference(Some(m.kept), p.before.as_ref().map(|b| b.kept)) }</td>
                <td></td>
            </tr>
            { for m.parts.iter().enumerate().map(|(i, pt)| {
                let open = p.selected.as_ref().is_some_and(|(c, j)| *c == m.code && *j == i);
                html! {
                    <>
                        <OprPartRow code={m.code.clone()} index={i} scale={m.scale} part={pt.clone()} before={before_part(i)}
                            regime={p.regime.clone()} year={p.year.clone()} curve={p.curve.clone()} zero={zero}
                            selected={open} on_action={p.on_action.clone()} />
                        // The working opens under its part, so the table's columns stay in view.
                        if open {
                            <tr class="opr-working-row"><td colspan="10">
                                <OprPanel measure={m.clone()} part={pt.clone()} index={i} on_action={p.on_action.clone()} />
                            </td></tr>
                        }
                    </>
                }
            }) }
        </>
    }
}
