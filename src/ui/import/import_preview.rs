//! The check before anything changes: what was read, every rejected row
//! with where and why, and what accepting would change.

use crate::engine::format::thousands;
use crate::engine::Observation;
use crate::io::edit::input_text;
use crate::io::{Format, ImportError};
use crate::ui::import_figures::ImportFigures;
use crate::ui::import_questions::ImportQuestions;
use crate::ui::incident_summary::IncidentSummary;
use crate::ui::state::{same_workbook, Action, DataRef, Pending, Workbook};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, Clone)]
pub struct PreviewProps {
    pub pending: Rc<Pending>,
    /// The workbook the import came from, if any: a sheet is read again
    /// from it when a question is answered.
    pub workbook: Option<Rc<Workbook>>,
    /// The loaded data: what accepting would change is worked out against it,
    /// so an edit or undo while the preview is open keeps it true.
    pub data: DataRef,
    pub on_action: Callback<Action>,
}

/// By pointer: every read is a new `Pending` (comparing two imports
/// figure by figure on every draw would cost more than drawing).
impl PartialEq for PreviewProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.pending, &other.pending)
            && same_workbook(&self.workbook, &other.workbook)
            && self.data == other.data
            && self.on_action == other.on_action
    }
}

/// How many rejected rows and changes to list before saying "and N more".
const SHOWN: usize = 200;

fn error_row(e: &ImportError) -> Html {
    html! {
        <tr>
            <td>{ &e.file }</td>
            <td class="num">{ e.row.map(|r| r.to_string()).unwrap_or_else(|| "—".into()) }</td>
            <td>{ e.column.clone().unwrap_or_else(|| "—".into()) }</td>
            <td class="value">{ e.value.clone().unwrap_or_default() }</td>
            <td>{ &e.expected }</td>
        </tr>
    }
}

/// Milliseconds to one decimal, without pulling float formatting into the wasm.
fn tenths(ms: f64) -> String {
    let t = (ms * 10.0).round() as u64;
    format!("{}.{}", t / 10, t % 10)
}

fn figure(o: &Observation) -> String {
    format!("{} {} {}", o.period, o.measure, o.provider.code())
}

#[component]
pub fn ImportPreview(p: &PreviewProps) -> Html {
    let import = &p.pending.import;
    let changes = use_memo((p.data.clone(), p.pending.clone()), |(d, pending)| {
        d.0.compare(&pending.import.dataset)
    });
    let good = import.rows.saturating_sub(import.rejected);
    let clean = import.is_clean();
    let asking = import
        .sheet
        .as_ref()
        .is_some_and(|s| !s.questions.is_empty());
    let timing = p.pending.timing;
    let act = |a: fn() -> Action| {
        let cb = p.on_action.clone();
        Callback::from(move |_: MouseEvent| cb.emit(a()))
    };
    let format = import
        .format
        .map_or("unrecognised".to_string(), |f| f.label().to_string());
    let separator = match import.delimiter {
        Some(b'\t') => ", tab-separated",
        Some(b';') => ", semicolon-separated",
        Some(_) => ", comma-separated",
        None => "",
    };
    html! {
        <section class={classes!("preview", if clean { "clean" } else { "rejected" })} data-testid="import-preview"
            data-ms={timing.map(|t| tenths(t.total_ms))}
            data-read-ms={timing.and_then(|t| t.read_ms).map(tenths)}
            data-in-parts={timing.map(|t| t.in_parts.to_string())}
            data-halves={timing.map(|t| t.halves.is_some().to_string())}
            data-wait-ms={timing.and_then(|t| t.halves).map(tenths)} aria-live="polite">
            <h2>{ format!("Check: {}", import.file) }</h2>
            <p data-testid="preview-summary">
                { format!("Read as {format}{separator}. {} of {} rows good, {} rejected.", thousands(good), thousands(import.rows), thousands(import.rejected)) }
                if let Some(t) = timing { <span class="muted">{ format!(" Checked in {} ms.", t.total_ms.round() as u64) }</span> }
            </p>
            { for import.notes.iter().map(|n| html! { <p class="note">{ n }</p> }) }
            <ImportQuestions pending={p.pending.clone()} workbook={p.workbook.clone()} on_action={p.on_action.clone()} />
            if !clean {
                <p class="warn">{ if asking {
                    "Nothing has been imported yet: answer the questions above and the figures are read again at once; your figures are unchanged."
                } else {
                    "Nothing has been imported. Fix these cells and try again; your figures are unchanged."
                } }</p>
                <div class="table-wrap">
                    <table class="errors" data-testid="import-errors">
                        <thead><tr><th>{ "File" }</th><th>{ "Row" }</th><th>{ "Column" }</th><th>{ "Found" }</th><th>{ "Expected" }</th></tr></thead>
                        <tbody>{ for import.errors.iter().take(SHOWN).map(error_row) }</tbody>
                    </table>
                </div>
                if import.errors.len() > SHOWN { <p>{ format!("…and {} more.", import.errors.len() - SHOWN) }</p> }
            } else {
                <p data-testid="preview-changes">
                    { format!("{} figures: {} new, {} would change, {} already loaded as they are.",
                        import.dataset.observations.len(), changes.added.len(), changes.changed.len(), changes.unchanged) }
                </p>
                if !import.dataset.credits.is_empty() {
                    <p data-testid="preview-credits">
                        { format!("{} reported credits: {} new, {} would change, {} already loaded as they are.",
                            import.dataset.credits.len(), changes.credits_added.len(), changes.credits_changed.len(), changes.credits_unchanged) }
                    </p>
                    if !changes.credits_changed.is_empty() {
                        <ul class="changes" data-testid="credit-changes">
                            { for changes.credits_changed.iter().take(SHOWN).map(|(old, new)| html! {
                                <li>{ format!("{} {}: loaded {}, incoming {}", old.period.short_name(), old.scope, old.amount, new.amount) }</li>
                            }) }
                        </ul>
                    }
                }
                if import.format == Some(Format::Incidents) {
                    <IncidentSummary data={import.dataset.clone()} />
                }
                if !changes.changed.is_empty() {
                    <div class="table-wrap">
                        <table class="changes" data-testid="import-changes">
                            <thead><tr><th>{ "Figure" }</th><th>{ "Loaded" }</th><th>{ "Incoming" }</th></tr></thead>
                            <tbody>
                                { for changes.changed.iter().take(SHOWN).map(|(old, new)| html! {
                                    <tr><td>{ figure(old) }</td><td>{ input_text(&old.input) }</td><td>{ input_text(&new.input) }</td></tr>
                                }) }
                            </tbody>
                        </table>
                    </div>
                }
            }
            <ImportFigures pending={p.pending.clone()} />
            <div class="preview-actions">
                if clean {
                    <button type="button" class="primary" data-testid="accept-import" onclick={act(|| Action::Accept { replace: false })}>
                        { if changes.changed.is_empty() && changes.credits_changed.is_empty() { "Add to loaded figures" } else { "Accept, replacing the changed figures" } }
                    </button>
                    <button type="button" data-testid="replace-import" onclick={act(|| Action::Accept { replace: true })}>{ "Replace all loaded figures" }</button>
                }
                <button type="button" data-testid="cancel-import" onclick={act(|| Action::Cancel)}>{ if clean { "Cancel" } else { "Close" } }</button>
            </div>
        </section>
    }
}
