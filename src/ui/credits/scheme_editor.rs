//! The credit scheme: where the default comes from, the rounding, and one
//! provider's terms at a time. Every change is a what-if: the credits
//! recompute at once and undo restores the scheme before.

use crate::engine::scheme::{CreditScheme, MoneyRounding, PointRounding};
use crate::engine::Provider;
use crate::ui::scheme_provider::SchemeProvider;
use crate::ui::select::select_value;
use crate::ui::state::{Action, SchemeRef};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SchemeEditorProps {
    pub scheme: SchemeRef,
    pub on_action: Callback<Action>,
}

#[component]
pub fn SchemeEditor(p: &SchemeEditorProps) -> Html {
    let provider = use_state(|| Provider::Cspn);
    let scheme = &p.scheme.0;
    let edited = **scheme != CreditScheme::default();
    let emit = |f: fn(&mut CreditScheme, &str), what: &'static str| {
        let (cb, scheme) = (p.on_action.clone(), p.scheme.clone());
        Callback::from(move |e: Event| {
            let mut next = (*scheme.0).clone();
            f(&mut next, &select_value(&e).unwrap_or_default());
            cb.emit(Action::SetScheme(next, what.into()));
        })
    };
    let on_points = emit(
        |s, v| {
            if let Some(r) = PointRounding::ALL
                .into_iter()
                .find(|r| format!("{r:?}") == v)
            {
                s.point_rounding = r;
            }
        },
        "Point rounding changed",
    );
    let on_money = emit(
        |s, v| {
            if let Some(r) = MoneyRounding::ALL
                .into_iter()
                .find(|r| format!("{r:?}") == v)
            {
                s.money_rounding = r;
            }
        },
        "Money rounding changed",
    );
    let on_provider = {
        let provider = provider.clone();
        Callback::from(move |e: Event| {
            if let Some(p) = select_value(&e).as_deref().and_then(Provider::parse) {
                provider.set(p);
            }
        })
    };
    let reset = {
        let cb = p.on_action.clone();
        Callback::from(move |_| {
            cb.emit(Action::SetScheme(
                CreditScheme::default(),
                "Scheme reset to the default".into(),
            ))
        })
    };
    html! {
        <div class="scheme" data-testid="scheme-editor">
            <details class="provenance" open={!edited}>
                <summary>{ "Where the default scheme comes from" }</summary>
                <p>{ "The contracts' Schedule 2.2 is not public. The default reproduces the March 2021 report's credits; each part is marked as taken from the report or assumed." }</p>
                <table class="measures" data-testid="provenance">
                    <tbody>{ for CreditScheme::provenance().iter().map(|pv| html! {
                        <tr>
                            <td><span class={classes!("source-badge", if pv.from_report { "report" } else { "assumed" })}>
                                { if pv.from_report { "From the report" } else { "Assumption" } }</span></td>
                            <th scope="row">{ pv.part }</th>
                            <td>{ pv.why }</td>
                        </tr>
                    }) }</tbody>
                </table>
            </details>
            <p data-testid="scheme-state">
                if edited {
                    { "This scheme differs from the default. " }
                    <button type="button" onclick={reset} data-testid="scheme-reset">{ "Reset to the default scheme" }</button>
                } else {
                    { "This is the default scheme." }
                }
            </p>
            <div class="scheme-row">
                <label class="field"><span>{ "Round points" }</span>
                    <select onchange={on_points} data-testid="point-rounding">
                        { for PointRounding::ALL.iter().map(|r| html! {
                            <option value={format!("{r:?}")} selected={*r == scheme.point_rounding}>{ r.label() }</option>
                        }) }
                    </select>
                </label>
                <label class="field"><span>{ "Round credits" }</span>
                    <select onchange={on_money} data-testid="money-rounding">
                        { for MoneyRounding::ALL.iter().map(|r| html! {
                            <option value={format!("{r:?}")} selected={*r == scheme.money_rounding}>{ r.label() }</option>
                        }) }
                    </select>
                </label>
                <label class="field"><span>{ "Provider" }</span>
                    <select onchange={on_provider} data-testid="scheme-provider">
                        { for scheme.providers.iter().map(|s| html! {
                            <option value={s.provider.code()} selected={s.provider == *provider}>{ s.provider.name() }</option>
                        }) }
                    </select>
                </label>
            </div>
            <SchemeProvider key={provider.code()} scheme={p.scheme.clone()} provider={*provider} on_action={p.on_action.clone()} />
        </div>
    }
}
