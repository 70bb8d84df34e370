//! The compare page's OPR chart: one regulatory year's margin on both sides,
//! measure by measure: the year on show on the OPR page, and a small picker
//! (which changes that same year) offering the years both sides have; a
//! year one side lacks has nothing to set beside it.

use crate::chart::opr::side_by_side_at;
use crate::engine::work::Outcome;
use crate::ui::chart_frame::{use_chart_width, ChartFrame};
use crate::ui::select::{select_value, use_shown_value};
use crate::ui::state::Action;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct OprCompareChartProps {
    pub left: Rc<Outcome>,
    pub right: Rc<Outcome>,
    /// The sides' names, left and right.
    pub names: (String, String),
    /// The OPR page's year on show.
    pub year: String,
    pub on_action: Callback<Action>,
}

#[component]
pub fn OprCompareChart(p: &OprCompareChartProps) -> Html {
    let (lm, rm) = (p.left.margins(), p.right.margins());
    let common: Vec<String> = lm
        .iter()
        .filter(|l| rm.iter().any(|r| r.year == l.year))
        .map(|l| l.year.clone())
        .collect();
    // The year on show if both sides have it, else the latest they share.
    let year = common
        .iter()
        .find(|y| **y == p.year)
        .or(common.last())
        .cloned();
    let (measure, width) = use_chart_width();
    let chart = use_memo(
        (
            p.left.clone(),
            p.right.clone(),
            p.names.clone(),
            year.clone(),
            width,
        ),
        |(lo, ro, (ln, rn), year, w)| {
            let y = year.as_ref()?;
            let (lm, rm) = (lo.margins(), ro.margins());
            let l = lm.iter().find(|m| &m.year == y)?;
            let r = rm.iter().find(|m| &m.year == y)?;
            Some(Rc::new(side_by_side_at((ln, l), (rn, r), *w)))
        },
    );
    let shown = use_shown_value(year.clone().unwrap_or_default(), common.clone());
    let Some(c) = chart.as_ref() else {
        return Html::default();
    };
    let on_year = {
        let cb = p.on_action.clone();
        Callback::from(move |e: Event| {
            if let Some(v) = select_value(&e) {
                cb.emit(Action::SetOprYear(v));
            }
        })
    };
    html! {
        <section class="money-chart" aria-label="OPR margin on both sides">
            <ChartFrame chart={c.clone()} id="opr-compare" {measure} hint="Hover over a bar, or tab to it, to read each side's margin kept and lost.">
                <label class="chart-pick">{ "OPR year " }
                    <select ref={shown} data-testid="opr-compare-year" onchange={on_year}>
                        { for common.iter().map(|y| html! {
                            <option value={y.clone()} selected={Some(y) == year.as_ref()}>{ y }</option>
                        }) }
                    </select>
                </label>
            </ChartFrame>
        </section>
    }
}
