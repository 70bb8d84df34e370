//! The other reports the Operations Group reviews each month beside the
//! service levels: forecast variance (CSR, SR), RDP incidents, aged
//! incidents, problem records and exclusion lists. One view ([`reports_view`]), a section per report, each with
//! its table, checks, chart where a trend is asked for, import and export.
//! Its figures are the view's own, kept in this browser apart from the
//! service levels' work ([`saved`]); the view is fetched when first opened.

mod aged_section;
mod exclusions_section;
mod holidays;
mod loader;
mod problems_section;
mod rdp_section;
pub mod reports_view;
mod saved;
mod variance_section;

use crate::engine::reports::ReportFigures;

/// Where the other reports' findings are kept, a line each (`2021-03`, a
/// tab, the words), for the month view to list without their code.
pub const FINDINGS_KEY: &str = "dcc-perf-reports-findings";
use std::rc::Rc;
use yew::prelude::*;

/// What every section is given: the figures, and how to change them (the
/// new figures and a line saying what changed).
#[derive(Properties, PartialEq, Clone)]
pub struct SectionProps {
    pub figures: Rc<ReportFigures>,
    pub on_change: Callback<(ReportFigures, String)>,
}

/// What a section's reader gives: the figures with the file's applied and
/// what to say of it, or every problem found, located.
type Applied = Result<(ReportFigures, String), Vec<crate::io::error::ImportError>>;

/// The loader's callback for a section: `apply` reads the file `name` into
/// a copy of the figures; they replace the loaded ones only if the whole
/// file is good, else its problems are listed and nothing changes.
fn on_text(
    p: &SectionProps,
    errors: &UseStateHandle<Vec<String>>,
    apply: fn(ReportFigures, &str, &str) -> Applied,
) -> Callback<(String, String)> {
    let (figures, on_change, errors) = (p.figures.clone(), p.on_change.clone(), errors.clone());
    Callback::from(move |(name, text): (String, String)| {
        match apply((*figures).clone(), &name, &text) {
            Ok(done) => {
                errors.set(Vec::new());
                on_change.emit(done);
            }
            Err(e) => errors.set(e.iter().map(ToString::to_string).collect()),
        }
    })
}

/// The export button's callback: `write` gives the section's table.
fn on_export(
    p: &SectionProps,
    file: &'static str,
    write: fn(&ReportFigures) -> String,
) -> Callback<MouseEvent> {
    let figures = p.figures.clone();
    Callback::from(move |_| {
        let _ = crate::ui::widgets::download::download(file, "text/csv", &write(&figures));
    })
}

/// A check's verdict as a cell: words and a mark, never colour alone.
fn verdict(holds: bool) -> Html {
    match holds {
        true => html! { <td class="agree">{ "✓ holds" }</td> },
        false => html! { <td class="differs-mark"><strong>{ "✗ differs" }</strong></td> },
    }
}

/// Located import errors, one per line, as text (never as HTML).
fn errors_list(errors: &[String]) -> Html {
    if errors.is_empty() {
        return Html::default();
    }
    html! {
        <div class="import-errors" role="alert" data-testid="report-errors">
            <p>{ format!("Nothing was loaded: {} problem(s) found. Your figures are as they were.", errors.len()) }</p>
            <ul>{ for errors.iter().map(|e| html! { <li>{ e }</li> }) }</ul>
        </div>
    }
}
