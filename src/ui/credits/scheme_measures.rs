//! Each measure's own terms for one provider: no credit (a KPI), or its own
//! points rule instead of the provider's.

use crate::engine::catalogue::Basis;
use crate::engine::scheme::PointsRule;
use crate::engine::{Catalogue, Provider};
use crate::ui::rule_editor::RuleEditor;
use crate::ui::scheme_provider::editor;
use crate::ui::state::{Action, SchemeRef};
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SchemeMeasuresProps {
    pub scheme: SchemeRef,
    pub provider: Provider,
    pub on_action: Callback<Action>,
}

#[component]
pub fn SchemeMeasures(p: &SchemeMeasuresProps) -> Html {
    let Some(ps) = p.scheme.0.provider(p.provider).cloned() else {
        return html! {};
    };
    let measures: Vec<_> = Catalogue::builtin()
        .measures()
        .iter()
        .filter(|m| m.provider == p.provider && m.basis != Basis::Derived)
        .collect();
    html! {
        <table class="measures scheme-measures" data-testid="scheme-measures">
            <caption>{ "Measures: a KPI carries no credit; a measure may have its own points rule" }</caption>
            <thead><tr><th scope="col">{ "Measure" }</th><th scope="col">{ "No credit" }</th><th scope="col">{ "Points" }</th></tr></thead>
            <tbody>
                { for measures.iter().map(|m| {
                    let code = m.code;
                    let terms = ps.terms(code);
                    let no_credit = terms.map_or(m.kpi, |t| t.no_credit);
                    let on_credit = {
                        let set = editor(&p.on_action, &p.scheme, p.provider, format!("{code} credit changed"), move |s, on: bool| {
                            s.terms_mut(code).no_credit = on;
                        });
                        Callback::from(move |e: Event| {
                            if let Some(i) = e.target_dyn_into::<HtmlInputElement>() {
                                set.emit(i.checked());
                            }
                        })
                    };
                    let on_rule = editor(&p.on_action, &p.scheme, p.provider, format!("{code} points rule changed"), move |s, r: Option<PointsRule>| {
                        s.terms_mut(code).rule = r;
                    });
                    html! {
                        <tr data-measure={code}>
                            <th scope="row" title={m.name}>{ code }<span class="measure-name">{ format!(" {}", m.name) }</span></th>
                            <td><input type="checkbox" checked={no_credit} onchange={on_credit}
                                aria-label={format!("{code} carries no credit")} data-testid="no-credit" /></td>
                            <td><RuleEditor rule={terms.and_then(|t| t.rule.clone())} inherit=true
                                testid={format!("rule-{code}")} on_change={on_rule} /></td>
                        </tr>
                    }
                }) }
            </tbody>
        </table>
    }
}
