//! The compare page's OPR chart: one regulatory year's margin on both sides,
//! measure by measure. The page has no year of its own, so a small picker
//! offers the years both sides have (a year one side lacks has nothing to
//! set beside it).

use super::chart_frame::ChartFrame;
use crate::chart::opr::side_by_side;
use crate::engine::compare::Outcome;
use std::rc::Rc;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct OprCompareChartProps {
    pub left: Rc<Outcome>,
    pub right: Rc<Outcome>,
    /// The sides' names, left and right.
    pub names: (String, String),
}

#[component]
pub fn OprCompareChart(p: &OprCompareChartProps) -> Html {
    let picked = use_state(|| None::<String>);
    let common: Vec<String> = p
        .left
        .margins
        .iter()
        .filter(|l| p.right.margins.iter().any(|r| r.year == l.year))
        .map(|l| l.year.clone())
        .collect();
    // The year picked if both sides still have it, else the latest they share.
    let year = picked
        .as_ref()
        .filter(|y| common.contains(y))
        .or(common.last())
        .cloned();
    let chart = use_memo(
        (
            p.left.clone(),
            p.right.clone(),
            p.names.clone(),
            year.clone(),
        ),
        |(lo, ro, (ln, rn), year)| {
            let y = year.as_ref()?;
            let l = lo.margins.iter().find(|m| &m.year == y)?;
            let r = ro.margins.iter().find(|m| &m.year == y)?;
            Some(Rc::new(side_by_side((ln, l), (rn, r))))
        },
    );
    let Some(c) = chart.as_ref() else {
        return Html::default();
    };
    let on_year = {
        let picked = picked.clone();
        Callback::from(move |e: Event| {
            if let Some(s) = e.target_dyn_into::<HtmlSelectElement>() {
                picked.set(Some(s.value()));
            }
        })
    };
    html! {
        <section class="money-chart" aria-label="OPR margin on both sides">
            <ChartFrame chart={c.clone()} id="opr-compare">
                <label class="chart-pick">{ "OPR year " }
                    <select data-testid="opr-compare-year" onchange={on_year}>
                        { for common.iter().map(|y| html! {
                            <option value={y.clone()} selected={Some(y) == year.as_ref()}>{ y }</option>
                        }) }
                    </select>
                </label>
            </ChartFrame>
        </section>
    }
}
