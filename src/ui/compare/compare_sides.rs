//! The two sides to compare (baseline, current work or a named scenario),
//! and an optional section filter.

use crate::engine::compare::Section;
use crate::io::scenario::SavedScenario;
use crate::ui::select::{select_value, use_shown_value};
use crate::ui::state::{Action, Side};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ComparePickersProps {
    pub sides: (Side, Side),
    pub scenarios: Vec<Rc<SavedScenario>>,
    pub filter: Option<Section>,
    pub on_filter: Callback<Option<Section>>,
    pub on_action: Callback<Action>,
}

/// A side as an option value: `baseline`, `current`, `named:NAME`.
fn value(side: &Side) -> String {
    match side {
        Side::Baseline => "baseline".into(),
        Side::Current => "current".into(),
        Side::Named(n) => format!("named:{n}"),
    }
}

fn parse(v: &str) -> Option<Side> {
    match v {
        "baseline" => Some(Side::Baseline),
        "current" => Some(Side::Current),
        _ => v.strip_prefix("named:").map(|n| Side::Named(n.into())),
    }
}

fn options(p: &ComparePickersProps, chosen: &Side) -> Html {
    let fixed = [Side::Baseline, Side::Current];
    let named = p.scenarios.iter().map(|s| Side::Named(s.name.clone()));
    html! {
        { for fixed.into_iter().chain(named).map(|s| html! {
            <option value={value(&s)} selected={&s == chosen}>{ crate::ui::compare_view::side_label(&s) }</option>
        }) }
    }
}

#[component]
pub fn ComparePickers(p: &ComparePickersProps) -> Html {
    // Shown values follow the state when it changes from elsewhere (a
    // deleted scenario), and when the list of scenarios changes.
    let count = p.scenarios.len();
    let refs = [
        use_shown_value(value(&p.sides.0), count),
        use_shown_value(value(&p.sides.1), count),
    ];
    let pick = |left: bool| {
        let (cb, sides) = (p.on_action.clone(), p.sides.clone());
        Callback::from(move |e: Event| {
            if let Some(s) = select_value(&e).as_deref().and_then(parse) {
                let (l, r) = sides.clone();
                cb.emit(if left {
                    Action::SetCompare(s, r)
                } else {
                    Action::SetCompare(l, s)
                });
            }
        })
    };
    let swap = {
        let (cb, (l, r)) = (p.on_action.clone(), p.sides.clone());
        Callback::from(move |_: MouseEvent| cb.emit(Action::SetCompare(r.clone(), l.clone())))
    };
    let on_filter = {
        let cb = p.on_filter.clone();
        Callback::from(move |e: Event| {
            let v = select_value(&e).unwrap_or_default();
            let all = Section::INPUTS.into_iter().chain(Section::RESULTS);
            cb.emit(all.into_iter().find(|s| s.key() == v));
        })
    };
    let sections = Section::INPUTS.into_iter().chain(Section::RESULTS);
    html! {
        <div class="toolbar compare-pickers">
            <label>{ "Left" }
                <select ref={refs[0].clone()} data-testid="compare-left" onchange={pick(true)}>{ options(p, &p.sides.0) }</select>
            </label>
            <button type="button" class="swap" data-testid="compare-swap" title="Swap left and right" onclick={swap}>{ "⇄ Swap" }</button>
            <label>{ "Right" }
                <select ref={refs[1].clone()} data-testid="compare-right" onchange={pick(false)}>{ options(p, &p.sides.1) }</select>
            </label>
            <label>{ "Show" }
                <select data-testid="compare-filter" onchange={on_filter}>
                    <option value="" selected={p.filter.is_none()}>{ "Every section" }</option>
                    { for sections.map(|s| html! {
                        <option value={s.key()} selected={p.filter == Some(s)}>{ s.label() }</option>
                    }) }
                </select>
            </label>
        </div>
    }
}
