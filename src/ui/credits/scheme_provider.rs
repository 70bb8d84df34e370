//! One provider's terms: money per point, the default points rule, the
//! repeat multiplier, caps, exemption windows and each measure's own terms.

use crate::engine::scheme::{Exemption, PointsRule, ProviderScheme};
use crate::engine::Provider;
use crate::ui::decimal_field::DecimalField;
use crate::ui::rule_editor::RuleEditor;
use crate::ui::scheme_measures::SchemeMeasures;
use crate::ui::state::{Action, SchemeRef};
use rust_decimal::Decimal;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SchemeProviderProps {
    pub scheme: SchemeRef,
    pub provider: Provider,
    pub on_action: Callback<Action>,
}

/// A callback that applies `f` to `provider`'s terms and dispatches the new scheme.
pub fn editor<T: 'static>(
    on_action: &Callback<Action>,
    scheme: &SchemeRef,
    provider: Provider,
    what: String,
    f: impl Fn(&mut ProviderScheme, T) + 'static,
) -> Callback<T> {
    let (cb, scheme) = (on_action.clone(), scheme.clone());
    Callback::from(move |v: T| {
        let mut next = (*scheme.0).clone();
        if let Some(ps) = next.provider_mut(provider) {
            f(ps, v);
            cb.emit(Action::SetScheme(next, format!("{provider} {what}")));
        }
    })
}

#[component]
pub fn SchemeProvider(p: &SchemeProviderProps) -> Html {
    let (from, to, reason) = (use_node_ref(), use_node_ref(), use_node_ref());
    let error = use_state(|| None::<String>);
    let Some(ps) = p.scheme.0.provider(p.provider).cloned() else {
        return html! { <p>{ format!("The scheme has no terms for {}.", p.provider) }</p> };
    };
    let (on, sc, pr) = (&p.on_action, &p.scheme, p.provider);
    let money = editor(
        on,
        sc,
        pr,
        "money per point changed".into(),
        |s, v: Option<Decimal>| s.money_per_point = v.unwrap_or_default(),
    );
    let repeat = editor(
        on,
        sc,
        pr,
        "repeat multiplier changed".into(),
        |s, v: Option<Decimal>| s.repeat_multiplier = v.unwrap_or(Decimal::ONE),
    );
    let cap_points = editor(
        on,
        sc,
        pr,
        "cap on points changed".into(),
        |s, v: Option<Decimal>| s.cap.points = v,
    );
    let cap_money = editor(
        on,
        sc,
        pr,
        "cap on money changed".into(),
        |s, v: Option<Decimal>| s.cap.money = v,
    );
    let rule = editor(
        on,
        sc,
        pr,
        "points rule changed".into(),
        |s, v: Option<PointsRule>| {
            if let Some(r) = v {
                s.rule = r;
            }
        },
    );
    let remove = editor(on, sc, pr, "exemption removed".into(), |s, i: usize| {
        if i < s.exemptions.len() {
            s.exemptions.remove(i);
        }
    });
    let add = {
        let add = editor(on, sc, pr, "exemption added".into(), |s, e: Exemption| {
            s.exemptions.push(e)
        });
        let (from, to, reason, error) = (from.clone(), to.clone(), reason.clone(), error.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let text = |r: &NodeRef| {
                r.cast::<HtmlInputElement>()
                    .map(|i| i.value())
                    .unwrap_or_default()
            };
            let month = |r: &NodeRef| crate::io::values::month(text(r).trim());
            match (month(&from), month(&to)) {
                (Some(f), Some(t)) if f <= t => {
                    error.set(None);
                    add.emit(Exemption { from: f, to: t, reason: text(&reason).trim().to_string() });
                }
                _ => error.set(Some(format!("“{}” to “{}”: give two months, the first not after the second (e.g. 2020-12 and 2021-05)", text(&from), text(&to)))),
            }
        })
    };
    html! {
        <div class="scheme-provider" data-testid="scheme-provider-terms" data-provider={p.provider.code()}>
            <h3>{ p.provider.name() }</h3>
            <div class="scheme-row">
                <DecimalField label="£ per service point" value={Some(ps.money_per_point)} testid="money-per-point" on_change={money} />
                <DecimalField label="Repeat-failure multiplier" value={Some(ps.repeat_multiplier)} testid="repeat-multiplier" on_change={repeat} />
                <DecimalField label="Cap on points a month" value={ps.cap.points} optional=true testid="cap-points" on_change={cap_points} />
                <DecimalField label="Cap on credits a month (£)" value={ps.cap.money} optional=true testid="cap-money" on_change={cap_money} />
            </div>
            <div class="scheme-row">
                <strong>{ "Default for its measures: " }</strong>
                <RuleEditor rule={Some(ps.rule.clone())} testid="provider-rule" on_change={rule} />
            </div>
            <h4>{ "Exemption windows" }</h4>
            <ul class="exemptions">
                { for ps.exemptions.iter().enumerate().map(|(i, e)| {
                    let remove = remove.clone();
                    html! { <li>{ format!("{} to {}: {} ", e.from.long_name(), e.to.long_name(), e.reason) }
                        <button type="button" onclick={Callback::from(move |_| remove.emit(i))}>{ "Remove" }</button></li> }
                }) }
                if ps.exemptions.is_empty() { <li>{ "None." }</li> }
            </ul>
            <form class="scheme-row" onsubmit={add}>
                <label class="field"><span>{ "From" }</span><input ref={from} placeholder="2020-12" size="8" data-testid="exempt-from" /></label>
                <label class="field"><span>{ "To" }</span><input ref={to} placeholder="2021-05" size="8" data-testid="exempt-to" /></label>
                <label class="field"><span>{ "Reason" }</span><input ref={reason} size="24" /></label>
                <button type="submit" data-testid="exempt-add">{ "Add exemption" }</button>
                if let Some(e) = &*error { <p class="error" role="alert">{ e }</p> }
            </form>
            <SchemeMeasures scheme={p.scheme.clone()} provider={p.provider} on_action={p.on_action.clone()} />
        </div>
    }
}
