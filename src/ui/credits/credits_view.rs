//! The service credits page: the month's credits, the 12-month tables, the
//! checks of reported figures, and the scheme. The credits are the
//! outcome's (and the baseline's, for what-ifs), computed once per change.

use crate::engine::credit_table::{
    differences, reconcile, reported_periods, twelve_months, Source,
};
use crate::engine::credits::Credits;
use crate::engine::work::Outcome;
use crate::engine::Month;
use crate::ui::credit_checks::CreditChecks;
use crate::ui::credits_month::CreditsMonth;
use crate::ui::credits_year::CreditsYear;
use crate::ui::scheme_editor::SchemeEditor;
use crate::ui::state::{Action, ByRef, CreditTab, LineKey};
use std::collections::BTreeSet;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct CreditsViewProps {
    /// What the work gives.
    pub outcome: Rc<Outcome>,
    /// What the baseline gives.
    pub base: Rc<Outcome>,
    pub month: Month,
    pub tab: CreditTab,
    pub source: Source,
    pub selected: Option<LineKey>,
    pub on_action: Callback<Action>,
}

#[component]
pub fn CreditsView(p: &CreditsViewProps) -> Html {
    // Only the periods a tab shows are worked out: the month's, or twelve.
    let periods: BTreeSet<Month> = match p.tab {
        CreditTab::Year => twelve_months(p.month).into_iter().collect(),
        _ => BTreeSet::from([p.month]),
    };
    // Kept across renders: the twelve months' are joined into a copy.
    let credits = use_memo((p.outcome.clone(), periods.clone()), |(o, ps)| {
        o.credits_over(ps)
    });
    let base = use_memo((p.base.clone(), periods), |(o, ps)| o.credits_over(ps));
    let (credits, base) = ((*credits).clone(), (*base).clone());
    // Only the periods the report states credits for are worked out, and
    // the checks written out only while their tab is open: the label's
    // count is all a what-if needs.
    let reported = use_memo(p.outcome.clone(), |o| {
        let credits = o.credits_over(&reported_periods(&o.work.data));
        let n = differences(&credits, &o.work.data);
        (Rc::new(credits), n)
    });
    let checks = {
        let credits = reported.0.clone();
        use_memo(
            (p.outcome.clone(), p.tab == CreditTab::Checks),
            move |(o, open)| open.then(|| Rc::new(reconcile(&credits, &o.work.data))),
        )
    };
    let differences = reported.1;
    // A line's words are written when it is opened, not for every line.
    let explanation = use_memo((p.outcome.clone(), p.selected.clone()), |(o, k)| {
        k.as_ref()
            .and_then(|k| o.credit_explanation(k.period, k.provider, &k.measure))
    });
    let (work, baseline) = (&p.outcome.work, &p.base.work);
    let is_baseline =
        Rc::ptr_eq(&work.data, &baseline.data) && Rc::ptr_eq(&work.scheme, &baseline.scheme);
    let scheme = ByRef(work.scheme.clone());
    let data = ByRef(work.data.clone());
    let tab = |t: CreditTab, label: String, id: &'static str| {
        let cb = p.on_action.clone();
        html! {
            <button type="button" role="tab" aria-selected={(p.tab == t).to_string()} data-testid={id}
                class={classes!("tab", (p.tab == t).then_some("active"))}
                onclick={Callback::from(move |_| cb.emit(Action::SetCreditTab(t)))}>{ label }</button>
        }
    };
    let set_baseline = {
        let cb = p.on_action.clone();
        Callback::from(move |_| cb.emit(Action::SetBaseline))
    };
    html! {
        <section class="credits" data-testid="credits" aria-label="Service credits">
            <div class="tabs" role="tablist">
                { tab(CreditTab::Month, p.month.long_name(), "tab-credits-month") }
                { tab(CreditTab::Year, "12 months".into(), "tab-credits-year") }
                { tab(CreditTab::Checks, format!("Checks ({differences} differences)"), "tab-credits-checks") }
                { tab(CreditTab::Scheme, "Scheme".into(), "tab-credits-scheme") }
            </div>
            <p class="baseline-bar" data-testid="baseline-bar">
                if is_baseline {
                    { "What-if: change a figure or the scheme and each credit shows its difference from the baseline (the figures and scheme as they are now)." }
                } else {
                    { "What-if: differences are from the baseline. " }
                    <button type="button" data-testid="set-baseline" onclick={set_baseline}>{ "Make the current figures the baseline" }</button>
                }
            </p>
            { match p.tab {
                CreditTab::Month => html! {
                    <CreditsMonth credits={credits.clone()} base={base.clone()} month={p.month}
                        selected={p.selected.clone()} explanation={explanation.clone()} scheme={scheme.clone()} on_action={p.on_action.clone()} />
                },
                CreditTab::Year => html! {
                    <CreditsYear credits={credits.clone()} base={base.clone()} data={data} month={p.month}
                        source={p.source} on_action={p.on_action.clone()} />
                },
                CreditTab::Checks => html! { <CreditChecks checks={(*checks).clone().unwrap_or_default()} /> },
                CreditTab::Scheme => html! {
                    <SchemeEditor {scheme} on_action={p.on_action.clone()} />
                },
            } }
        </section>
    }
}

/// `+£1,234`, `−£56`, or `=` when nothing changed.
pub fn delta(now: Option<rust_decimal::Decimal>, before: Option<rust_decimal::Decimal>) -> String {
    use crate::engine::reported::pounds;
    match (now, before) {
        (Some(a), Some(b)) if a == b => "=".into(),
        (Some(a), Some(b)) => {
            let d = a.checked_sub(b).unwrap_or_default();
            if d.is_sign_positive() {
                format!("+{}", pounds(d))
            } else {
                pounds(d)
            }
        }
        (Some(a), None) => format!("+{} (new)", pounds(a)),
        (None, Some(b)) => format!("was {}", pounds(b)),
        (None, None) => "=".into(),
    }
}

/// Shared by the month and year views.
pub type CreditsRc = Rc<Credits>;
