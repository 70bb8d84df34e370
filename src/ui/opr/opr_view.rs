//! The OPR margin page: a regulatory year's margin kept and lost, derived
//! from the OPR years and the loaded monthly figures, with the baseline's
//! for what-ifs. Every figure comes from [`crate::engine::margin`]; this
//! file only chooses the year and lays out the parts.

use crate::engine::margin::{compute, YearMargin};
use crate::engine::opr::{Regime, RegimeYear};
use crate::engine::work::Outcome;
use crate::ui::opr_chart::OprChart;
use crate::ui::opr_checks::OprChecks;
use crate::ui::opr_needed::OprNeeded;
use crate::ui::opr_settings::OprSettings;
use crate::ui::opr_table::OprTable;
use crate::ui::opr_year_header::OprYearHeader;
use crate::ui::opr_years::OprYears;
use crate::ui::state::{Action, ByRef, RegimeRef};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct OprViewProps {
    /// What the work gives: monthly levels for metrics with series, and
    /// each year's margin.
    pub outcome: Rc<Outcome>,
    /// What the baseline gives: what-ifs show their difference from it.
    pub base: Rc<Outcome>,
    /// The year on show, by name.
    pub year: String,
    /// The part whose working is open: (measure code, part index).
    pub selected: Option<(String, usize)>,
    pub on_action: Callback<Action>,
}

/// The year on show: the one named, else the last (a copy deleted or a
/// file loaded without it must not leave the page empty).
pub fn shown_year(regime: &Regime, name: &str) -> Option<String> {
    regime
        .year(name)
        .or_else(|| regime.years.last())
        .map(|y| y.name.clone())
}

/// Dispatches the years with one year changed by `f`, saying `what` changed.
pub fn change_year(
    on_action: &Callback<Action>,
    regime: &RegimeRef,
    year: &str,
    what: String,
    f: impl FnOnce(&mut RegimeYear),
) {
    let mut next = (*regime.0).clone();
    if let Some(y) = next.year_mut(year) {
        f(y);
        on_action.emit(Action::SetRegime(next, what));
    }
}

/// A year's margin from an outcome's results: that year alone, so a
/// what-if typed into one year does not compute the others.
fn year_margin(o: &Outcome, year: &str) -> Option<YearMargin> {
    o.work
        .regime
        .year(year)
        .map(|ry| compute(ry, Some(&o.results)))
}

/// Shared by the page's parts: the year's margin, computed once per change.
pub type MarginRc = Rc<Option<YearMargin>>;

#[component]
pub fn OprView(p: &OprViewProps) -> Html {
    let regime: RegimeRef = ByRef(p.outcome.work.regime.clone());
    let year = shown_year(&regime.0, &p.year).unwrap_or_default();
    // The year's margin, and the baseline's: from each outcome's results.
    let margin: MarginRc = use_memo((p.outcome.clone(), year.clone()), |(o, y)| {
        year_margin(o, y)
    });
    let base: MarginRc = use_memo((p.base.clone(), year.clone()), |(o, y)| year_margin(o, y));
    if margin.is_none() {
        return html! {
            <section class="opr" data-testid="opr-view" aria-label="OPR margin">
                <p data-testid="opr-empty">{ "There are no OPR years. Load an OPR years file below." }</p>
                <OprYears regime={regime.clone()} year={year} on_action={p.on_action.clone()} />
            </section>
        };
    }
    let is_baseline = Rc::ptr_eq(&p.outcome.work.regime, &p.base.work.regime);
    let set_baseline = {
        let cb = p.on_action.clone();
        Callback::from(move |_| cb.emit(Action::SetBaseline))
    };
    html! {
        <section class="opr" data-testid="opr-view" aria-label="OPR margin">
            <p class="baseline-bar" data-testid="opr-baseline-bar">
                if is_baseline {
                    { "What-if: type a part's performance or change the settings below; each amount then shows its difference from the baseline (the OPR years as they are now)." }
                } else {
                    { "What-if: \"vs baseline\" is the change in margin kept from the baseline. " }
                    <button type="button" data-testid="opr-set-baseline" onclick={set_baseline}>{ "Make the current work the baseline" }</button>
                }
            </p>
            <OprYearHeader regime={regime.clone()} year={year.clone()} margin={margin.clone()} on_action={p.on_action.clone()} />
            <OprChart margin={margin.clone()} />
            <OprTable regime={regime.clone()} year={year.clone()} margin={margin.clone()} base={base.clone()}
                selected={p.selected.clone()} on_action={p.on_action.clone()} />
            <OprNeeded margin={margin.clone()} />
            <OprChecks margin={margin.clone()} />
            <OprSettings regime={regime.clone()} year={year.clone()} on_action={p.on_action.clone()} />
            <OprYears regime={regime.clone()} {year} on_action={p.on_action.clone()} />
        </section>
    }
}
