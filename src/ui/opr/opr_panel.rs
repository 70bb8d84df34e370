//! A part's working: how its performance, share kept and amounts were
//! reached, the measure's working, and the metrics the RPL is formed from.

use crate::engine::format::{brief, exact};
use crate::engine::margin::{money, MeasureMargin, MetricSource, PartMargin};
use crate::ui::explanation::use_escape;
use crate::ui::explanation_body::{panel_head, ExplanationBody};
use crate::ui::state::Action;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct OprPanelProps {
    pub measure: MeasureMargin,
    pub part: PartMargin,
    pub index: usize,
    pub on_action: Callback<Action>,
}

fn source_text(s: MetricSource) -> String {
    match s {
        MetricSource::Monthly(n) => format!("monthly, {n} of 12 months loaded"),
        MetricSource::Annual => "annual figure".into(),
        MetricSource::Missing => "missing".into(),
    }
}

#[component]
pub fn OprPanel(p: &OprPanelProps) -> Html {
    let (m, pt) = (&p.measure, &p.part);
    let close = {
        let cb = p.on_action.clone();
        Callback::from(move |_| cb.emit(Action::SelectPart(None)))
    };
    {
        let cb = p.on_action.clone();
        use_escape(Callback::from(move |_: ()| {
            cb.emit(Action::SelectPart(None))
        }));
    }
    let headline = match pt.kept {
        Some(k) => format!("{} kept of {}", money(k), money(pt.margin)),
        None => format!("{} not assessed", money(pt.margin)),
    };
    html! {
        <aside class="explanation" data-testid="opr-explanation" aria-label="How this part's margin was reached" aria-live="polite">
            { panel_head(format!("{} {}", m.code, pt.label), "Close working", close) }
            <p class="what">{ &m.name }</p>
            <p class="headline"><span class="big">{ headline }</span></p>
            <div class="opr-working-cols"><div>
            <ExplanationBody explanation={pt.explanation.clone()} />
            if !pt.metrics.is_empty() {
                <h3>{ "Metrics" }</h3>
                <table class="opr-metrics" data-testid="opr-metrics">
                    <thead><tr><th scope="col">{ "Metric" }</th><th scope="col" class="num">{ "Weight" }</th>
                        <th scope="col" class="num">{ "Value" }</th><th scope="col">{ "Source" }</th></tr></thead>
                    <tbody>
                        { for pt.metrics.iter().map(|x| html! {
                            <tr>
                                <th scope="row">{ &x.name }</th>
                                <td class="num">{ exact(x.weight) }</td>
                                <td class="num">{ x.value.map_or("—".to_string(), brief) }</td>
                                <td>{ source_text(x.source) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            }
            </div><div>
            <h2 class="sub">{ format!("{} as a whole", m.code) }</h2>
            <ExplanationBody explanation={m.explanation.clone()} />
            </div></div>
        </aside>
    }
}
