//! Named scenarios, and two sides (baseline, current work or a named
//! scenario) side by side: what differs in their inputs and in what those
//! inputs give.

use crate::engine::compare::{compare_outcomes, Section};
use crate::engine::work::Outcome;
use crate::io::scenario::SavedScenario;
use crate::ui::compare_sides::ComparePickers;
use crate::ui::compare_table::CompareTable;
use crate::ui::opr_compare_chart::OprCompareChart;
use crate::ui::scenario_list::ScenarioList;
use crate::ui::state::{Action, Side};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct CompareViewProps {
    /// What the current work gives.
    pub current: Rc<Outcome>,
    /// What the baseline gives.
    pub baseline: Rc<Outcome>,
    pub scenarios: Vec<Rc<SavedScenario>>,
    /// Left and right.
    pub sides: (Side, Side),
    /// The OPR page's year on show, for the OPR chart.
    #[prop_or_default]
    pub opr_year: String,
    pub on_action: Callback<Action>,
}

/// A side: an outcome the session holds, or a named scenario whose outcome
/// is worked out here. Compared by identity, so the memos below recompute
/// only when a side is replaced.
#[derive(Clone)]
enum Resolved {
    Held(Rc<Outcome>),
    Named(Rc<SavedScenario>, Rc<Outcome>),
}

impl PartialEq for Resolved {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Resolved::Held(a), Resolved::Held(b)) => Rc::ptr_eq(a, b),
            (Resolved::Named(a, _), Resolved::Named(b, _)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }
}

impl Resolved {
    /// The side's outcome: a scenario's from the current one, so what it
    /// shares with the current work is not computed again.
    fn outcome(&self) -> Rc<Outcome> {
        match self {
            Resolved::Held(o) => o.clone(),
            Resolved::Named(sc, current) => Rc::new(current.next(&sc.work, sc.settings)),
        }
    }
}

/// The side; a scenario deleted meanwhile falls back to the baseline.
fn resolve(side: &Side, p: &CompareViewProps) -> Resolved {
    match side {
        Side::Current => Resolved::Held(p.current.clone()),
        Side::Named(name) => match p.scenarios.iter().find(|s| &s.name == name) {
            Some(sc) => Resolved::Named(sc.clone(), p.current.clone()),
            None => Resolved::Held(p.baseline.clone()),
        },
        Side::Baseline => Resolved::Held(p.baseline.clone()),
    }
}

/// What a side is called on screen.
pub fn side_label(side: &Side) -> String {
    match side {
        Side::Baseline => "Baseline".into(),
        Side::Current => "Current work".into(),
        Side::Named(n) => n.clone(),
    }
}

#[component]
pub fn CompareView(p: &CompareViewProps) -> Html {
    let (left, right) = (resolve(&p.sides.0, p), resolve(&p.sides.1, p));
    // Each side's outcome is kept apart, so choosing another right side does
    // not recompute the left.
    let lo = use_memo(left.clone(), Resolved::outcome);
    let ro = use_memo(right.clone(), Resolved::outcome);
    let comparison = use_memo((lo.clone(), ro.clone()), |(lo, ro)| {
        compare_outcomes(lo, ro)
    });
    let filter = use_state(|| None::<Section>);
    let on_filter = {
        let filter = filter.clone();
        Callback::from(move |s: Option<Section>| filter.set(s))
    };
    let (ln, rn) = (side_label(&p.sides.0), side_label(&p.sides.1));
    let same = left == right || comparison.is_empty();
    html! {
        <section class="compare" data-testid="compare-view" aria-label="Compare scenarios">
            <ScenarioList scenarios={p.scenarios.clone()} on_action={p.on_action.clone()} />
            <ComparePickers sides={p.sides.clone()} scenarios={p.scenarios.clone()}
                filter={*filter} {on_filter} on_action={p.on_action.clone()} />
            <p class="compare-summary" data-testid="compare-summary" role="status">
                if same {
                    { format!("{ln} and {rn} are the same: no input and no result differs.") }
                } else {
                    { format!("{} changed, {} changed", counted(comparison.inputs.len(), "input"), counted(comparison.results.len(), "result")) }
                    <span class="compare-direction">{ format!(" — from {ln} (left) to {rn} (right); differences are right minus left.") }</span>
                }
            </p>
            if !same {
                <CompareTable testid="compare-inputs" title="What differs in the inputs" left={ln.clone()} right={rn.clone()}
                    sections={Section::INPUTS.to_vec()} changes={comparison.clone()} results={false} filter={*filter} />
                <CompareTable testid="compare-results" title="What differs in the results" left={ln} right={rn}
                    sections={Section::RESULTS.to_vec()} changes={comparison.clone()} results={true} filter={*filter} />
            }
            <OprCompareChart left={(*lo).clone()} right={(*ro).clone()} names={(side_label(&p.sides.0), side_label(&p.sides.1))}
                year={p.opr_year.clone()} on_action={p.on_action.clone()} />
        </section>
    }
}

/// "1 input", "7 results".
fn counted(n: usize, what: &str) -> String {
    format!("{n} {what}{}", if n == 1 { "" } else { "s" })
}
