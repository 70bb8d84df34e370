//! One measure's row: previous, current, levels, status, change and flags.

use crate::engine::catalogue::Unit;
use crate::engine::format::{self, signed};
use crate::engine::{Input, MeasureResult};
use crate::ui::edit_cell::EditCell;
use crate::ui::state::{Action, ResultKey};
use crate::ui::status::{status_class, StatusBadge};
use rust_decimal::Decimal;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RowProps {
    pub result: MeasureResult,
    pub selected: bool,
    /// Emits this row's key, or `None` when a selected row is chosen again.
    pub on_select: Callback<Option<ResultKey>>,
    /// Whether the figure can be typed in (false for CPMs derived from others).
    pub editable: bool,
    /// `Some` while this row's figure is being edited: the figure as loaded.
    #[prop_or_default]
    pub editing: Option<Option<Input>>,
    pub on_action: Callback<Action>,
}

fn level_text(v: Option<Decimal>, unit: Unit) -> String {
    match v {
        Some(v) if unit == Unit::Percent => format!("{}%", format::level(v, true)),
        Some(v) => format::level(v, false),
        None => "—".into(),
    }
}

/// Short flags, in words, for the notes column.
fn flags(r: &MeasureResult) -> Vec<(&'static str, String)> {
    let mut f = Vec::new();
    if r.streak > 1 || (r.streak == 1 && !r.streak_exact) {
        // The explanation says where the loaded history starts.
        let unit = r.cadence.count(r.streak);
        let least = if r.streak_exact { "" } else { "at least " };
        f.push(("flag-streak", format!("{least}{unit} below target")));
    }
    if let Some(c) = r.reported_check.as_ref().filter(|c| !c.agrees) {
        f.push((
            "flag-mismatch",
            format!(
                "≠ printed {}%",
                crate::engine::format::decimal(c.reported, c.decimals)
            ),
        ));
    }
    if r.previous.as_ref().is_some_and(|p| p.restated) {
        f.push(("flag-restated", "↺ previous restated".into()));
    }
    if r.flip.is_some() {
        f.push(("flag-flip", "rule-sensitive".into()));
    }
    if r.out_of_range {
        f.push(("flag-range", "> 100% by formula".into()));
    }
    if r.kpi {
        f.push(("flag-kpi", "KPI, no credit".into()));
    }
    f
}

/// Whether a key event started on a control inside the row (a button,
/// input, select, link or text area) rather than on the row itself.
fn on_control(e: &KeyboardEvent) -> bool {
    use wasm_bindgen::JsCast;
    let Some(el) = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return false;
    };
    matches!(
        el.tag_name().to_ascii_lowercase().as_str(),
        "button" | "input" | "select" | "textarea" | "a"
    ) || el
        .closest("button, input, select, textarea, a")
        .ok()
        .flatten()
        .is_some()
}

#[component]
pub fn MeasureRow(p: &RowProps) -> Html {
    let r = &p.result;
    let key = ResultKey::new(r.period, &r.measure, r.provider);
    let onclick = {
        let (cb, key, selected) = (p.on_select.clone(), key.clone(), p.selected);
        Callback::from(move |_: MouseEvent| cb.emit((!selected).then(|| key.clone())))
    };
    let start_edit = {
        let (cb, key) = (p.on_action.clone(), key.clone());
        Callback::from(move |e: MouseEvent| {
            e.stop_propagation();
            cb.emit(Action::StartEdit(Some(key.clone())));
        })
    };
    let onkeydown = {
        let (cb, key) = (p.on_select.clone(), key.clone());
        Callback::from(move |e: KeyboardEvent| {
            // Keys pressed on the row's own controls (the ✎ button, the edit
            // box and its buttons) are theirs: Enter on ✎ opens the editor.
            if on_control(&e) {
                return;
            }
            if e.key() == "Enter" || e.key() == " " {
                e.prevent_default();
                cb.emit(Some(key.clone()));
            }
        })
    };
    let previous = r
        .previous
        .as_ref()
        .map_or("—".to_string(), |p| p.display.clone());
    let change = r.change.map_or("—".to_string(), |c| signed(c, 2));
    let quarterly =
        (r.cadence == crate::engine::Cadence::Quarterly).then(|| r.period_label.clone());
    html! {
        <tr data-measure={r.measure.clone()} data-provider={r.provider.code()} data-period={r.period.to_string()}
            class={classes!("measure-row", status_class(r.status), p.selected.then_some("selected"))}
            tabindex="0" aria-selected={p.selected.to_string()} {onclick} {onkeydown}>
            <td data-label="Measure">
                <span class="code">{ &r.measure }</span>
                <span class="name">{ &r.name }</span>
                if let Some(q) = quarterly { <span class="quarter">{ format!("Quarter {q}") }</span> }
                <span class="flags">
                    { for flags(r).into_iter().map(|(c, t)| html! { <span class={classes!("flag", c)}>{ t }</span> }) }
                </span>
            </td>
            <td data-label="Provider">{ r.provider.code() }</td>
            <td data-label="Previous" class="num">{ previous }</td>
            <td data-label="Current" class="num current">
                if let Some(current) = &p.editing {
                    <EditCell key_={key.clone()} current={current.clone()} on_action={p.on_action.clone()} />
                } else {
                    <span class="current-value">
                        { &r.display }
                        if p.editable {
                            <button type="button" class="edit" data-testid="edit" title="Edit this figure"
                                aria-label={format!("Edit {} {}", r.measure, r.provider.code())} onclick={start_edit}>{ "✎" }</button>
                        }
                    </span>
                }
            </td>
            <td data-label="Target / minimum" class="num">
                <span>{ level_text(r.target, r.unit) }<span class="min">{ format!(" / {}", level_text(r.minimum, r.unit)) }</span></span>
            </td>
            <td data-label="Status"><StatusBadge status={r.status} /></td>
            <td data-label="Change" class="num">{ change }</td>
        </tr>
    }
}
