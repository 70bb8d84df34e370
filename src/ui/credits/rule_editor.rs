//! A points rule: bands (below target, below minimum), custom thresholds,
//! or points scaled to the shortfall with a maximum.

use crate::engine::format::exact;
use crate::engine::scheme::{PointsRule, Threshold};
use crate::io::values::non_negative;
use crate::ui::decimal_field::DecimalField;
use rust_decimal::Decimal;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RuleEditorProps {
    /// `None`: the provider's rule applies (only offered when `inherit`).
    pub rule: Option<PointsRule>,
    /// Default: false. Offer "the provider's rule" as a choice.
    #[prop_or_default]
    pub inherit: bool,
    pub testid: AttrValue,
    pub on_change: Callback<Option<PointsRule>>,
}

fn kind(rule: &Option<PointsRule>) -> &'static str {
    match rule {
        None => "inherit",
        Some(PointsRule::Bands { .. }) => "bands",
        Some(PointsRule::Thresholds { .. }) => "thresholds",
        Some(PointsRule::Scaled { .. }) => "scaled",
    }
}

/// `99:1; 95:7` → thresholds; `None` if any part is not `level:points`.
fn parse_thresholds(text: &str) -> Option<Vec<Threshold>> {
    text.split(';')
        .filter(|p| !p.trim().is_empty())
        .map(|p| {
            let (l, pts) = p.split_once(':')?;
            Some(Threshold {
                level: crate::io::values::decimal(l)?,
                points: non_negative(pts)?,
            })
        })
        .collect()
}

#[component]
pub fn RuleEditor(p: &RuleEditorProps) -> Html {
    let error = use_state(|| None::<String>);
    let on_kind = {
        let cb = p.on_change.clone();
        Callback::from(move |e: Event| {
            let v = e
                .target_dyn_into::<HtmlSelectElement>()
                .map(|s| s.value())
                .unwrap_or_default();
            let ten = Decimal::TEN;
            cb.emit(match v.as_str() {
                "bands" => Some(PointsRule::Bands {
                    below_target: ten,
                    below_minimum: ten + ten,
                }),
                "thresholds" => Some(PointsRule::Thresholds {
                    bands: vec![Threshold {
                        level: Decimal::ONE_HUNDRED,
                        points: ten,
                    }],
                }),
                "scaled" => Some(PointsRule::Scaled {
                    per_unit: ten,
                    max: Decimal::ONE_HUNDRED,
                }),
                _ => None,
            })
        })
    };
    let set = |f: fn(&mut PointsRule, Decimal)| {
        let (cb, rule) = (p.on_change.clone(), p.rule.clone());
        Callback::from(move |v: Option<Decimal>| {
            if let (Some(mut r), Some(v)) = (rule.clone(), v) {
                f(&mut r, v);
                cb.emit(Some(r));
            }
        })
    };
    let id = |s: &str| AttrValue::from(format!("{}-{s}", p.testid));
    let fields = match &p.rule {
        None => html! {},
        Some(PointsRule::Bands {
            below_target,
            below_minimum,
        }) => html! { <>
            <DecimalField label="Points below target" value={Some(*below_target)} testid={id("below-target")}
                on_change={set(|r, v| if let PointsRule::Bands { below_target, .. } = r { *below_target = v })} />
            <DecimalField label="Points below minimum" value={Some(*below_minimum)} testid={id("below-minimum")}
                on_change={set(|r, v| if let PointsRule::Bands { below_minimum, .. } = r { *below_minimum = v })} />
        </> },
        Some(PointsRule::Scaled { per_unit, max }) => html! { <>
            <DecimalField label="Points per unit short" value={Some(*per_unit)} testid={id("per-unit")}
                on_change={set(|r, v| if let PointsRule::Scaled { per_unit, .. } = r { *per_unit = v })} />
            <DecimalField label="Maximum points" value={Some(*max)} testid={id("max")}
                on_change={set(|r, v| if let PointsRule::Scaled { max, .. } = r { *max = v })} />
        </> },
        Some(PointsRule::Thresholds { bands }) => {
            let text: Vec<String> = bands
                .iter()
                .map(|b| format!("{}:{}", exact(b.level), exact(b.points)))
                .collect();
            let onchange = {
                let (cb, error) = (p.on_change.clone(), error.clone());
                Callback::from(move |e: Event| {
                    let v = e
                        .target_dyn_into::<HtmlInputElement>()
                        .map(|i| i.value())
                        .unwrap_or_default();
                    match parse_thresholds(&v) {
                        Some(bands) => {
                            error.set(None);
                            cb.emit(Some(PointsRule::Thresholds { bands }))
                        }
                        None => error.set(Some(format!(
                            "“{v}”: write level:points pairs, e.g. 99:1; 95:7"
                        ))),
                    }
                })
            };
            html! { <label class="field"><span>{ "Thresholds (level:points; …)" }</span>
                <input value={text.join("; ").replace(',', "")} data-testid={id("thresholds")} {onchange} size="24" />
                if let Some(e) = &*error { <span class="error" role="alert">{ e }</span> }
            </label> }
        }
    };
    let current = kind(&p.rule);
    html! {
        <span class="rule-editor">
            <label class="field"><span>{ "Points rule" }</span>
                <select onchange={on_kind} data-testid={id("kind")}>
                    if p.inherit { <option value="inherit" selected={current == "inherit"}>{ "Provider's rule" }</option> }
                    <option value="bands" selected={current == "bands"}>{ "Bands" }</option>
                    <option value="thresholds" selected={current == "thresholds"}>{ "Custom thresholds" }</option>
                    <option value="scaled" selected={current == "scaled"}>{ "Scaled to shortfall" }</option>
                </select>
            </label>
            { fields }
        </span>
    }
}
