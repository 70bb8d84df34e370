//! The files the data actions write, built in the part of the app that
//! holds the writers ([`crate::ui::io_part`]) from what is loaded when the
//! user asks.

use crate::io::{results_json, write, CreditsExport};
use crate::ui::download::download;
use crate::ui::io_part::Export;
use crate::ui::state::Action;
use yew::Callback;

/// Writes `export` to the user's downloads and says so (or why not).
pub fn write(export: Export, out: &Callback<Action>) {
    let (name, mime, text) = match export {
        Export::Data(o) => (
            "dcc-perf-data.csv",
            "text/csv",
            write::dataset_csv(&o.work.data),
        ),
        Export::Results(o) => {
            // Explained, as the views' credits are not (they carry figures only).
            let credits = crate::engine::credits::compute(&o.results, &o.work.scheme);
            let checks = crate::engine::credit_table::reconcile(&credits, &o.work.data);
            let section = CreditsExport::new(&o.work.scheme, &credits, &checks, None);
            let json = results_json(&o.results, &o.work.data, Some(section), &o.margins(), true);
            ("dcc-perf-results.json", "application/json", json)
        }
        Export::Credits(o) => (
            "dcc-perf-reported-credits.csv",
            "text/csv",
            write::credits_csv(&o.work.data),
        ),
        Export::Scenario(s) => ("dcc-perf-scenario.json", "application/json", s.to_json()),
        Export::Template => (
            "dcc-perf-template.csv",
            "text/csv",
            write::TEMPLATE_CSV.to_string(),
        ),
    };
    let notice = match download(name, mime, &text) {
        Ok(()) => format!("Saved {name} to your downloads."),
        Err(e) => format!("Could not save {name}: {e}"),
    };
    out.emit(Action::Notice(Some(notice)));
}
