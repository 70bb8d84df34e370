//! The other reports' view: their figures (saved in this browser, or the
//! sample), a section per report, and reset to the sample.

use super::aged_section::AgedSection;
use super::exclusions_section::ExclusionsSection;
use super::problems_section::ProblemsSection;
use super::rdp_section::RdpSection;
use super::saved;
use super::variance_section::VarianceSection;
use super::SectionProps;
use crate::engine::reports::ReportFigures;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct ReportsViewProps {
    /// What the service levels' work gives: the exclusion lists are read
    /// beside its levels and the events it counts.
    pub outcome: Rc<crate::engine::work::Outcome>,
}

#[component]
pub fn ReportsView(p: &ReportsViewProps) -> Html {
    // The figures (saved, or the sample) and what was last said of them,
    // read once when the view opens.
    let shown = use_state(|| {
        let (figures, notice) = saved::load();
        saved::keep_findings(&figures);
        (Rc::new(figures), notice)
    });
    use_other_tabs(&shown);
    let on_change = {
        let shown = shown.clone();
        Callback::from(move |(f, said): (ReportFigures, String)| {
            let said = match saved::save(&f) {
                Ok(()) => said,
                Err(e) => format!("{said} {e}"),
            };
            saved::keep_findings(&f);
            shown.set((Rc::new(f), Some(said)));
        })
    };
    let (figures, notice) = (&shown.0, &shown.1);
    let reset = {
        let on_change = on_change.clone();
        Callback::from(move |_| {
            on_change.emit((
                crate::io::reports_sample(),
                "The other reports are back to the sample.".into(),
            ))
        })
    };
    html! {
        <div class="reports-view" data-testid="reports-view">
            <p class="hint">{ "The reports the Operations Group reviews beside the service levels. Their figures are kept in this browser apart from the service levels'; load your own below each table (see the README for the formats)." }</p>
            if let Some(n) = notice {
                <p class="notice" role="status" data-testid="reports-notice">{ n }</p>
            }
            <button type="button" onclick={reset} data-testid="reports-reset">{ "Reset the other reports to the sample" }</button>
            <VarianceSection figures={figures.clone()} on_change={on_change.clone()} />
            <RdpSection figures={figures.clone()} on_change={on_change.clone()} />
            <AgedSection figures={figures.clone()} on_change={on_change.clone()} />
            <ProblemsSection figures={figures.clone()} on_change={on_change.clone()} />
            <ExclusionsSection section={SectionProps { figures: figures.clone(), on_change }} outcome={p.outcome.clone()} />
        </div>
    }
}

/// What the view shows: the figures, and what was last said of them.
type Shown = UseStateHandle<(Rc<ReportFigures>, Option<String>)>;

/// Another tab of the calculator saved other figures: they are shown, so a
/// load here adds to them rather than writing these over them.
#[hook]
fn use_other_tabs(shown: &Shown) {
    let shown = shown.clone();
    use_effect_with((), move |_| {
        let listener = web_sys::window().map(|w| {
            gloo_events::EventListener::new(&w, "storage", move |e| {
                // (Not when another tab moved unreadable figures aside.)
                if crate::ui::storage::written_elsewhere(e).as_deref() == Some(saved::KEY) {
                    let (figures, notice) = saved::load();
                    let said = notice.unwrap_or_else(|| {
                        "Another tab of the calculator loaded other figures: they are shown here now.".into()
                    });
                    shown.set((Rc::new(figures), Some(said)));
                }
            })
        });
        move || drop(listener)
    });
}
