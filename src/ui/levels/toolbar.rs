//! Month, comparison rule, grouping and filter.

use crate::engine::{ComparisonRule, Month};
use crate::ui::select::{select_value, use_shown_value};
use crate::ui::state::Grouping;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    /// Months with figures, newest first.
    pub months: Vec<Month>,
    pub month: Month,
    pub rule: ComparisonRule,
    pub grouping: Grouping,
    pub only_misses: bool,
    pub on_month: Callback<Month>,
    pub on_rule: Callback<ComparisonRule>,
    pub on_grouping: Callback<Grouping>,
    pub on_only_misses: Callback<bool>,
}

#[component]
pub fn Toolbar(p: &ToolbarProps) -> Html {
    let grouping = if p.grouping == Grouping::ByProvider {
        "provider"
    } else {
        "cpm"
    };
    let refs = [
        use_shown_value(p.month.to_string(), ()),
        use_shown_value(p.rule.to_string(), ()),
        use_shown_value(grouping.to_string(), ()),
    ];
    let on_month = {
        let cb = p.on_month.clone();
        Callback::from(move |e: Event| {
            if let Some(m) = select_value(&e).and_then(|v| v.parse().ok()) {
                cb.emit(m);
            }
        })
    };
    let on_rule = {
        let cb = p.on_rule.clone();
        Callback::from(move |e: Event| {
            if let Some(r) = select_value(&e).and_then(|v| v.parse().ok()) {
                cb.emit(r);
            }
        })
    };
    let on_grouping = {
        let cb = p.on_grouping.clone();
        Callback::from(move |e: Event| {
            cb.emit(if select_value(&e).as_deref() == Some("provider") {
                Grouping::ByProvider
            } else {
                Grouping::ByCpm
            });
        })
    };
    let on_misses = {
        let cb = p.on_only_misses.clone();
        Callback::from(move |e: Event| {
            if let Some(i) = e.target_dyn_into::<HtmlInputElement>() {
                cb.emit(i.checked());
            }
        })
    };
    let rule_label = |r: ComparisonRule| match r {
        ComparisonRule::Unrounded => "Unrounded level (as the PMR compares)".to_string(),
        ComparisonRule::Rounded(1) => "Rounded to 1 decimal first".to_string(),
        ComparisonRule::Rounded(dp) => format!("Rounded to {dp} decimals first"),
    };
    html! {
        <section class="toolbar" aria-label="Settings">
            <label>
                <span>{ "Month" }</span>
                <select ref={refs[0].clone()} data-testid="month-select" onchange={on_month}>
                    { for p.months.iter().map(|m| html! {
                        <option value={m.to_string()} selected={*m == p.month}>{ m.long_name() }</option>
                    }) }
                </select>
            </label>
            <label>
                <span>{ "Comparison rule" }</span>
                <select ref={refs[1].clone()} data-testid="rule-select" onchange={on_rule}>
                    { for ComparisonRule::CHOICES.iter().map(|r| html! {
                        <option value={r.to_string()} selected={*r == p.rule}>{ rule_label(*r) }</option>
                    }) }
                </select>
            </label>
            <label class="table-only">
                <span>{ "Group by" }</span>
                <select ref={refs[2].clone()} data-testid="grouping-select" onchange={on_grouping}>
                    <option value="cpm" selected={p.grouping == Grouping::ByCpm}>{ "Code Performance Measure" }</option>
                    <option value="provider" selected={p.grouping == Grouping::ByProvider}>{ "Provider" }</option>
                </select>
            </label>
            <label class="check table-only">
                <input type="checkbox" data-testid="only-misses" checked={p.only_misses} onchange={on_misses} />
                <span>{ "Only measures below target" }</span>
            </label>
        </section>
    }
}
