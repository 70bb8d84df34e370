//! One part of a measure (a region, the non-regional part, SMETS1): its
//! performance, typed in place as a what-if, and what it keeps and loses.

use crate::engine::format::brief;
use crate::engine::margin::{money, percent, PartMargin, Source};
use crate::engine::opr::{LossCurve, Mechanism, Scale};
use crate::engine::opr_whatif::worth;
use crate::ui::decimal_field::DecimalField;
use crate::ui::opr_cells::{difference, whole_percent};
use crate::ui::opr_view::change_year;
use crate::ui::state::{Action, RegimeRef};
use rust_decimal::Decimal;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct OprPartRowProps {
    pub code: String,
    pub index: usize,
    pub scale: Scale,
    pub part: PartMargin,
    pub before: Option<PartMargin>,
    pub regime: RegimeRef,
    pub year: String,
    pub curve: LossCurve,
    /// The measure is zero-weighted: no money, only the performance.
    pub zero: bool,
    pub selected: bool,
    pub on_action: Callback<Action>,
}

/// Where a level falls between MPL and TPL, in words.
fn position_text(position: Option<Decimal>) -> String {
    match position {
        Some(p) if p >= Decimal::ONE_HUNDRED => "▲ at or above TPL".into(),
        Some(p) if p <= Decimal::ZERO => "▼ at or below MPL".into(),
        Some(p) => format!("◆ {} of the way from MPL to TPL", percent(p)),
        None => String::new(),
    }
}

/// `+£44,700`, `−£44,700`; plain `£0` when a tenth changes nothing.
fn signed(gbp: Decimal, sign: &str) -> String {
    if gbp.is_zero() {
        money(gbp)
    } else {
        format!("{sign}{}", money(gbp))
    }
}

#[component]
pub fn OprPartRow(p: &OprPartRowProps) -> Html {
    let pt = &p.part;
    let word = match p.scale {
        Scale::Levels { .. } => "RPL",
        Scale::Score { .. } => "score",
    };
    let who = format!("{} {}", p.code, pt.label);
    let (entered, has_metrics) = p
        .regime
        .0
        .year(&p.year)
        .and_then(|y| y.measure(&p.code))
        .and_then(|m| m.parts.get(p.index))
        .map_or((None, false), |raw| {
            (raw.performance, !raw.metrics.is_empty())
        });
    let set = {
        let (cb, regime, year, code, index) = (
            p.on_action.clone(),
            p.regime.clone(),
            p.year.clone(),
            p.code.clone(),
            p.index,
        );
        let who = who.clone();
        move |value: Option<Decimal>| {
            let what = match value {
                Some(v) => format!("{who} {word} set to {}", brief(v)),
                None => format!("{who} {word} now comes from its metrics"),
            };
            change_year(&cb, &regime, &year, what, |y| {
                if let Some(part) = y.measure_mut(&code).and_then(|m| m.parts.get_mut(index)) {
                    part.performance = value;
                }
            });
        }
    };
    let on_change = {
        let set = set.clone();
        Callback::from(move |v: Option<Decimal>| {
            if v.is_some() {
                set(v)
            }
        })
    };
    let use_metrics = Callback::from(move |_: MouseEvent| set(None));
    let working = {
        let (cb, key, on) = (p.on_action.clone(), (p.code.clone(), p.index), p.selected);
        Callback::from(move |_: MouseEvent| cb.emit(Action::SelectPart((!on).then(|| key.clone()))))
    };
    let share = match pt.share_kept {
        Some(s) => {
            let (text, title) = whole_percent(s);
            let text = if pt.decided {
                format!("{text} (decided)")
            } else {
                text
            };
            html! { <td class="num" data-testid="opr-share" {title}>{ text }</td> }
        }
        None => html! { <td class="num na" data-testid="opr-share">{ "not assessed" }</td> },
    };
    let cash = |v: Option<Decimal>| v.map_or("not assessed".to_string(), money);
    let w = worth(p.scale, &p.curve, pt.margin, pt.performance);
    let metrics_hint = match (pt.source, pt.from_metrics) {
        (Source::Metrics, Some(v)) => format!("from metrics: {}", brief(v)),
        (_, Some(v)) => format!("metrics give {}", brief(v)),
        _ => String::new(),
    };
    html! {
        <tr class={classes!("opr-part", p.selected.then_some("selected"))} data-testid="opr-part"
            data-measure={p.code.clone()} data-part={p.index.to_string()}>
            <th scope="row" class="part-label">
                <span>{ &pt.label }</span>
                <button type="button" class="link" data-testid="opr-working" aria-pressed={p.selected.to_string()}
                    onclick={working}>{ if p.selected { "Hide working" } else { "Working" } }</button>
            </th>
            <td class="num" title={format!("of {}'s margin", p.code)}>{ percent(pt.share) }</td>
            <td>{ match pt.mechanism { Mechanism::A => "A", Mechanism::B => "B" } }</td>
            <td class="perf-edit">
                <DecimalField label={format!("{who} {word}")} value={entered} optional=true
                    testid="opr-performance" {on_change} />
                if has_metrics && entered.is_some() {
                    <button type="button" class="link" data-testid="opr-use-metrics" onclick={use_metrics}>{ "use metrics" }</button>
                }
                if !metrics_hint.is_empty() { <span class="hint-line">{ metrics_hint }</span> }
                <span class="hint-line">{ position_text(pt.position) }</span>
            </td>
            { share }
            <td class="num">{ if p.zero { "—".into() } else { money(pt.margin) } }</td>
            <td class="num">{ if p.zero { "—".into() } else { cash(pt.kept) } }</td>
            <td class="num">{ if p.zero { "—".into() } else { cash(pt.lost) } }</td>
            <td class="num">{ difference(pt.kept, p.before.as_ref().and_then(|b| b.kept)) }</td>
            <td class="num" title={w.text.clone()}>
                if !p.zero && pt.performance.is_some() {
                    <span class="worth">{ format!("+0.1: {}", signed(w.up, "+")) }</span>
                    <span class="worth">{ format!("−0.1: {}", signed(w.down, "−")) }</span>
                }
            </td>
        </tr>
    }
}
