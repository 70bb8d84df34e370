//! Undo and redo, the exports, and "reset to sample" (which asks first).

use crate::engine::{Dataset, Results};
use crate::io::{results_json, write, CreditsExport};
use crate::ui::download::download;
use crate::ui::state::{Action, RegimeRef, SchemeRef};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DataActionsProps {
    pub data: Rc<Dataset>,
    pub scheme: SchemeRef,
    pub results: Rc<Results>,
    /// The OPR years, for the margin in the results export.
    pub regime: RegimeRef,
    /// The whole work as a scenario file (data, scheme, OPR years, baseline,
    /// named scenarios), built when asked.
    pub scenario: Callback<(), String>,
    pub can_undo: bool,
    pub can_redo: bool,
    pub on_action: Callback<Action>,
}

#[component]
pub fn DataActions(p: &DataActionsProps) -> Html {
    let confirming = use_state(|| false);
    let act = |a: fn() -> Action| {
        let cb = p.on_action.clone();
        Callback::from(move |_: MouseEvent| cb.emit(a()))
    };
    // Each export is built when clicked, from what is loaded now.
    let export = |name: &'static str, mime: &'static str, make: Rc<dyn Fn() -> String>| {
        let cb = p.on_action.clone();
        Callback::from(move |_: MouseEvent| {
            let notice = match download(name, mime, &make()) {
                Ok(()) => format!("Saved {name} to your downloads."),
                Err(e) => format!("Could not save {name}: {e}"),
            };
            cb.emit(Action::Notice(Some(notice)));
        })
    };
    let data = p.data.clone();
    let csv = export(
        "dcc-perf-data.csv",
        "text/csv",
        Rc::new(move || write::dataset_csv(&data)),
    );
    let (results, scheme, data) = (p.results.clone(), p.scheme.clone(), p.data.clone());
    let regime = p.regime.clone();
    let json = export(
        "dcc-perf-results.json",
        "application/json",
        Rc::new(move || {
            let credits = crate::engine::credits::compute(&results, &scheme.0);
            let checks = crate::engine::credit_table::reconcile(&credits, &data);
            let section = CreditsExport::new(&scheme.0, &credits, &checks, None);
            let opr = crate::engine::margin::compute_all(&regime.0, &results);
            results_json(&results, Some(section), &opr, true)
        }),
    );
    let make = p.scenario.clone();
    let scenario = export(
        "dcc-perf-scenario.json",
        "application/json",
        Rc::new(move || make.emit(())),
    );
    let data = p.data.clone();
    let credits = export(
        "dcc-perf-reported-credits.csv",
        "text/csv",
        Rc::new(move || write::credits_csv(&data)),
    );
    let template = export(
        "dcc-perf-template.csv",
        "text/csv",
        Rc::new(|| write::TEMPLATE_CSV.to_string()),
    );
    let ask = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(true))
    };
    let keep = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(false))
    };
    let reset = {
        let (confirming, cb) = (confirming.clone(), p.on_action.clone());
        Callback::from(move |_: MouseEvent| {
            confirming.set(false);
            cb.emit(Action::ResetToSample);
        })
    };
    html! {
        <section class="data-actions" aria-label="Data">
            <button type="button" data-testid="undo" disabled={!p.can_undo} onclick={act(|| Action::Undo)}>{ "↶ Undo" }</button>
            <button type="button" data-testid="redo" disabled={!p.can_redo} onclick={act(|| Action::Redo)}>{ "↷ Redo" }</button>
            <span class="sep" aria-hidden="true" />
            <button type="button" data-testid="export-csv" onclick={csv}>{ "Export data (CSV)" }</button>
            <button type="button" data-testid="export-results" onclick={json}>{ "Export results (JSON)" }</button>
            <button type="button" data-testid="export-credits" onclick={credits}>{ "Export reported credits (CSV)" }</button>
            <button type="button" data-testid="export-scenario" onclick={scenario}>{ "Save scenario file" }</button>
            <button type="button" data-testid="template" onclick={template}>{ "Template CSV" }</button>
            <span class="sep" aria-hidden="true" />
            if *confirming {
                <span class="confirm" role="alertdialog" aria-label="Reset to sample?">
                    { "Replace all loaded figures and settings with the March 2021 sample? " }
                    <button type="button" class="danger" data-testid="confirm-reset" onclick={reset}>{ "Reset" }</button>
                    <button type="button" onclick={keep}>{ "Keep my figures" }</button>
                </span>
            } else {
                <button type="button" data-testid="reset" onclick={ask}>{ "Reset to sample…" }</button>
            }
        </section>
    }
}
