//! The trend chart the app opens with: one measure of one provider over the
//! loaded months (CSP North PM2 at first), with a picker for any other.

use crate::chart::trend::trend_at;
use crate::engine::{Provider, Results};
use crate::ui::chart_frame::{use_chart_width, ChartFrame};
use crate::ui::select::{select_value, use_shown_value};
use crate::ui::state::{Action, ByRef};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TrendChartProps {
    pub results: Rc<Results>,
    /// Measure code and provider.
    pub series: (String, Provider),
    pub on_action: Callback<Action>,
}

#[component]
pub fn TrendChart(p: &TrendChartProps) -> Html {
    // Redrawn only when the results, the series or the width change.
    let (measure, width) = use_chart_width();
    let chart = use_memo(
        (p.results.clone(), p.series.clone(), width),
        |(r, (m, prov), w)| trend_at(r, m, *prov, *w),
    );
    // Every measure and provider with a number in some month, in report
    // order: the results keep the list, shared until an edit changes it.
    let results = p.results.clone();
    let options = use_memo(ByRef(results.charted()), move |c| {
        c.0.iter()
            .filter_map(|&i| results.rows.get(i))
            .map(|r| (r.measure.clone(), r.provider, r.name.clone()))
            .collect::<Vec<(String, Provider, String)>>()
    });
    let chosen = options
        .iter()
        .position(|(m, pr, _)| *m == p.series.0 && *pr == p.series.1)
        .map(|i| i.to_string())
        .unwrap_or_default();
    let shown = use_shown_value(chosen, options.clone());
    let on_pick = {
        let (cb, options) = (p.on_action.clone(), options.clone());
        Callback::from(move |e: Event| {
            let i = select_value(&e).and_then(|v| v.parse::<usize>().ok());
            if let Some((m, pr, _)) = i.and_then(|i| options.get(i)) {
                cb.emit(Action::SetTrend(m.clone(), *pr));
            }
        })
    };
    html! {
        <section class="trend" aria-label="Trend">
            <ChartFrame chart={chart.clone()} id="trend" {measure}>
                <label class="chart-pick">{ "Measure " }
                    <select ref={shown} data-testid="trend-series" onchange={on_pick}>
                        { for options.iter().enumerate().map(|(i, (m, pr, name))| {
                            let selected = *m == p.series.0 && *pr == p.series.1;
                            html! { <option value={i.to_string()} {selected}>{ format!("{} {} — {}", pr.code(), m, name) }</option> }
                        }) }
                    </select>
                </label>
            </ChartFrame>
        </section>
    }
}
