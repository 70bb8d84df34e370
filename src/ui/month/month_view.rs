//! The month view: the review computed once per change of the work or the
//! month, laid out so that the verdict fits one laptop screen.

use super::claims::Claims;
use super::findings::Findings;
use super::misses::{Misses, Recoveries};
use super::money::MoneyBox;
use super::scorecard::Scorecard;
use crate::engine::review::{review, Computed, MonthReview};
use crate::engine::work::Outcome;
use crate::engine::Month;
use crate::ui::state::Action;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MonthViewProps {
    /// What the work gives: results, credits, margins.
    pub outcome: Rc<Outcome>,
    pub month: Month,
    pub on_action: Callback<Action>,
}

fn build(o: &Outcome, month: Month) -> MonthReview {
    review(
        &Computed {
            data: &o.work.data,
            results: &o.results,
            credits: &o.credits_shown_in(month),
            margins: &o.margins(),
            regime: &o.work.regime,
        },
        month,
    )
}

/// Printing opens the claims list, so the paper carries every claim.
#[hook]
fn use_claims_open_in_print() {
    use_effect_with((), |_| {
        let listener = web_sys::window().map(|w| {
            gloo_events::EventListener::new(&w, "beforeprint", |_| {
                if let Some(list) = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.get_element_by_id("claims-details"))
                {
                    let _ = list.set_attribute("open", "");
                }
            })
        });
        move || drop(listener)
    });
}

#[component]
pub fn MonthView(p: &MonthViewProps) -> Html {
    use_claims_open_in_print();
    let r = use_memo((p.outcome.clone(), p.month), |(o, month)| build(o, *month));
    // Read when the month view opens or its month changes, not on every
    // edit (the other reports change only in their own view).
    let other = use_memo(p.month, |m| {
        std::rc::Rc::new(super::findings::other_reports(*m))
    });
    // The month's measures, for a claim added by hand: with the results.
    let measures = use_memo((p.outcome.clone(), p.month), |(o, month)| {
        o.results
            .for_month(*month)
            .iter()
            .map(|x| (x.provider, x.measure.clone()))
            .collect::<Vec<_>>()
    });
    html! {
        <section class="month-view" data-testid="month-view" aria-labelledby="month-title">
            <h2 id="month-title" class="verdict">{ r.headline_with(other.len()) }</h2>
            if let Some(w) = r.completeness.warning(p.month) {
                <div class="warning" role="note" data-testid="partial-month">
                    { w }
                    <details><summary>{ format!("The {} measures missing", r.completeness.missing.len()) }</summary>
                        <p>{ r.completeness.missing.join(", ") }</p>
                    </details>
                </div>
            } else {
                <p class="complete" data-testid="complete-month">{ r.completeness_line() }</p>
            }
            <div class="month-grid">
                <div class="month-col">
                    <Scorecard cards={r.scorecard.clone()} on_action={p.on_action.clone()} />
                    <MoneyBox money={r.money.clone()} on_action={p.on_action.clone()} />
                    <Recoveries recoveries={r.recoveries.clone()} />
                </div>
                <div class="month-col">
                    <Misses misses={r.misses.clone()} on_action={p.on_action.clone()} />
                    <Findings findings={r.findings.clone()} other={(*other).clone()} month={p.month} on_action={p.on_action.clone()} />
                </div>
            </div>
            <Claims month={p.month} claims={r.claims.clone()} {measures} on_action={p.on_action.clone()} />
        </section>
    }
}
