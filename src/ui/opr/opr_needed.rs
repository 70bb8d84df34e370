//! "What would it take": the RPL or score each part needs to keep a chosen
//! share of its margin, and what a tenth of a point is worth to it.

use crate::engine::format::brief;
use crate::engine::opr_whatif::{needed, worth};
use crate::ui::decimal_field::DecimalField;
use crate::ui::opr_view::MarginRc;
use rust_decimal::Decimal;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct OprNeededProps {
    pub margin: MarginRc,
}

#[component]
pub fn OprNeeded(p: &OprNeededProps) -> Html {
    // A question the user is asking, not part of the work: kept here, not in
    // the app's state, so it is neither undone nor saved.
    let target = use_state(|| Decimal::from(90));
    let error = use_state(|| None::<String>);
    let on_change = {
        let (target, error) = (target.setter(), error.setter());
        Callback::from(move |v: Option<Decimal>| match v {
            Some(v) if v <= Decimal::ONE_HUNDRED => {
                error.set(None);
                target.set(v);
            }
            Some(v) => error.set(Some(format!(
                "{}% is more than all of it: choose 0 to 100",
                brief(v)
            ))),
            None => {}
        })
    };
    let Some(m) = p.margin.as_ref() else {
        return html! {};
    };
    let rows: Vec<Html> = m
        .measures
        .iter()
        .filter(|mm| !mm.margin.is_zero())
        .flat_map(|mm| mm.parts.iter().enumerate().map(move |(i, pt)| (mm, i, pt)))
        .map(|(mm, i, pt)| {
            let n = needed(mm.scale, &m.curve, *target);
            let w = worth(mm.scale, &m.curve, pt.margin, pt.performance);
            let now = pt.performance.map_or("—".to_string(), |v| brief(v.normalize()));
            html! {
                <tr data-testid="opr-needed-row" data-measure={mm.code.clone()} data-part={i.to_string()}>
                    <th scope="row">{ format!("{} {}", mm.code, pt.label) }</th>
                    <td class="num">{ now }</td>
                    <td class="num" data-testid="opr-needed-value">{ brief(n.performance.normalize()) }</td>
                    <td><ol class="steps">{ for n.steps.iter().map(|s| html! { <li>{ s }</li> }) }</ol></td>
                    <td>{ w.text }</td>
                </tr>
            }
        })
        .collect();
    html! {
        <section class="opr-section" data-testid="opr-needed" aria-label="What would it take">
            <h2>{ "What would it take" }</h2>
            <div class="opr-target">
                <DecimalField label="Share of each part's margin to keep (%)" value={Some(*target)}
                    testid="opr-target-share" {on_change} />
                if let Some(e) = &*error { <span class="error" role="alert">{ e }</span> }
            </div>
            <div class="table-wrap" tabindex="0" role="region" aria-label="What would it take (scrolls sideways)">
                <table class="measures opr-needed-table">
                    <thead><tr><th scope="col">{ "Part" }</th><th scope="col" class="num">{ "Now" }</th>
                        <th scope="col" class="num">{ format!("Needed for {}%", brief(target.normalize())) }</th>
                        <th scope="col">{ "How" }</th><th scope="col">{ "A tenth of a point" }</th></tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
        </section>
    }
}
