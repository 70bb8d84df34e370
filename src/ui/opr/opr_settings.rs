//! The year's settings as what-ifs: the margin at risk, each measure's
//! weight, levels or maximum score and stated margin, and the loss curve.
//! Every edit is one undoable change of the OPR years, said in words.

use crate::engine::format::brief;
use crate::engine::margin::money;
use crate::engine::opr::{OprMeasure, RegimeYear, Scale};
use crate::ui::decimal_field::DecimalField;
use crate::ui::opr_curve::OprCurve;
use crate::ui::opr_view::change_year;
use crate::ui::state::{Action, RegimeRef};
use rust_decimal::Decimal;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct OprSettingsProps {
    pub regime: RegimeRef,
    pub year: String,
    pub on_action: Callback<Action>,
}

/// A callback that changes the year with `f(year, value)`, saying `what(value)`.
fn editor(
    p: &OprSettingsProps,
    what: impl Fn(Decimal) -> String + 'static,
    f: impl Fn(&mut RegimeYear, Decimal) + 'static,
) -> Callback<Option<Decimal>> {
    let (cb, regime, year) = (p.on_action.clone(), p.regime.clone(), p.year.clone());
    Callback::from(move |v: Option<Decimal>| {
        if let Some(v) = v {
            change_year(&cb, &regime, &year, what(v), |y| f(y, v));
        }
    })
}

/// As [`editor`], for measure `code`.
fn measure_editor(
    p: &OprSettingsProps,
    code: &str,
    what: impl Fn(Decimal) -> String + 'static,
    f: impl Fn(&mut OprMeasure, Decimal) + 'static,
) -> Callback<Option<Decimal>> {
    let code = code.to_string();
    editor(p, what, move |y, v| {
        if let Some(m) = y.measure_mut(&code) {
            f(m, v)
        }
    })
}

#[component]
pub fn OprSettings(p: &OprSettingsProps) -> Html {
    let Some(y) = p.regime.0.year(&p.year) else {
        return html! {};
    };
    let measure_row = |m: &OprMeasure| {
        let who = format!("{} {}", y.name, m.code);
        let say = |words: &'static str, unit: fn(Decimal) -> String| {
            let who = who.clone();
            move |v: Decimal| format!("{who} {words} {}", unit(v))
        };
        let pct = |v: Decimal| format!("{}%", brief(v));
        let weight = measure_editor(p, &m.code, say("weight set to", pct), |m, v| m.weight = v);
        let on_tpl = measure_editor(p, &m.code, say("TPL set to", brief), |m, v| {
            if let Scale::Levels { tpl, .. } = &mut m.scale {
                *tpl = v
            }
        });
        let on_mpl = measure_editor(p, &m.code, say("MPL set to", brief), |m, v| {
            if let Scale::Levels { mpl, .. } = &mut m.scale {
                *mpl = v
            }
        });
        let max = measure_editor(p, &m.code, say("maximum score set to", brief), |m, v| {
            if let Scale::Score { max } = &mut m.scale {
                *max = v
            }
        });
        let stated = measure_editor(p, &m.code, say("margin stated as", money), |m, v| {
            m.margin = Some(v)
        });
        let by_weight = {
            let (cb, regime, year, code) = (
                p.on_action.clone(),
                p.regime.clone(),
                p.year.clone(),
                m.code.clone(),
            );
            Callback::from(move |_: MouseEvent| {
                let what = format!("{year} {code} margin now weight × margin at risk");
                change_year(&cb, &regime, &year, what, |y| {
                    if let Some(m) = y.measure_mut(&code) {
                        m.margin = None
                    }
                });
            })
        };
        let code = m.code.clone();
        html! {
            <tr data-measure={code.clone()}>
                <th scope="row">{ format!("{} {}", m.code, m.name) }</th>
                <td><DecimalField label="Weight (%)" value={Some(m.weight)} testid="opr-weight" on_change={weight} /></td>
                <td>{ match m.scale {
                    Scale::Levels { tpl, mpl } => html! { <>
                        <DecimalField label="TPL (%)" value={Some(tpl)} testid="opr-tpl" on_change={on_tpl} />
                        <DecimalField label="MPL (%)" value={Some(mpl)} testid="opr-mpl" on_change={on_mpl} />
                    </> },
                    Scale::Score { max: mx } => html! {
                        <DecimalField label="Maximum score" value={Some(mx)} testid="opr-max" on_change={max} />
                    },
                } }</td>
                <td>
                    <DecimalField label="Stated margin (£)" value={m.margin} optional=true testid="opr-stated-margin" on_change={stated} />
                    if m.margin.is_some() {
                        <button type="button" data-testid="opr-use-weight" onclick={by_weight}>{ "use weight × margin at risk" }</button>
                    }
                </td>
            </tr>
        }
    };
    let at_risk = {
        let n = y.name.clone();
        editor(
            p,
            move |v| format!("{n} margin at risk set to {}", money(v)),
            |y, v| y.margin_at_risk = v,
        )
    };
    html! {
        <section class="opr-section opr-settings" data-testid="opr-settings" aria-label="The year's settings">
            <h2>{ format!("{} settings (what-ifs; undo restores)", y.name) }</h2>
            <DecimalField label="Margin at risk (£)" value={Some(y.margin_at_risk)} testid="opr-margin-at-risk" on_change={at_risk} />
            <div class="table-wrap" tabindex="0" role="region" aria-label="OPR settings (scrolls sideways)">
                <table class="measures opr-settings-table">
                    <thead><tr><th scope="col">{ "Measure" }</th><th scope="col">{ "Weight" }</th>
                        <th scope="col">{ "Levels or score" }</th><th scope="col">{ "Margin" }</th></tr></thead>
                    <tbody data-testid="opr-settings-measures">
                        { for y.measures.iter().map(measure_row) }
                    </tbody>
                </table>
            </div>
            <OprCurve regime={p.regime.clone()} year={p.year.clone()} on_action={p.on_action.clone()} />
        </section>
    }
}
