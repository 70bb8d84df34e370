//! Undo and redo, the exports, the share link, and "reset to sample"
//! (which asks first).

use crate::engine::format::thousands;
use crate::engine::work::Outcome;
use crate::io::{share, Scenario};
use crate::ui::io_part::{spawn, Export, Job};
use crate::ui::state::Action;
use crate::ui::widgets::copy_table::write_clipboard;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DataActionsProps {
    /// What the work gives: its figures, results, credits and margins
    /// are what the exports write.
    pub outcome: Rc<Outcome>,
    /// The whole work as a scenario (data, scheme, OPR years, baseline,
    /// named scenarios), built when asked.
    pub scenario: Callback<(), Scenario>,
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
    // Each export is built when clicked, from what is loaded now, in the
    // part of the app that holds the writers.
    let export = |make: Rc<dyn Fn() -> Export>| {
        let cb = p.on_action.clone();
        Callback::from(move |_: MouseEvent| spawn(Job::Export(make()), cb.clone()))
    };
    let o = p.outcome.clone();
    let csv = export(Rc::new(move || Export::Data(o.clone())));
    let o = p.outcome.clone();
    let json = export(Rc::new(move || Export::Results(o.clone())));
    let make = p.scenario.clone();
    let scenario = export(Rc::new(move || Export::Scenario(Box::new(make.emit(())))));
    let o = p.outcome.clone();
    let credits = export(Rc::new(move || Export::Credits(o.clone())));
    let template = export(Rc::new(|| Export::Template));
    let link = use_state(|| None::<String>);
    let copied = use_state(String::new);
    // A link holds the work as it was made: closed when the work changes.
    {
        let (link, copied) = (link.clone(), copied.clone());
        use_effect_with(p.outcome.clone(), move |_| {
            link.set(None);
            copied.set(String::new());
        });
    }
    let make_link = {
        let (link, copied, make) = (link.clone(), copied.clone(), p.scenario.clone());
        let out = p.on_action.clone();
        Callback::from(move |_: MouseEvent| {
            let page = web_sys::window()
                .and_then(|w| w.location().href().ok())
                .unwrap_or_default();
            let (link, copied) = (link.clone(), copied.clone());
            let made = Callback::from(move |l: String| {
                link.set(Some(l));
                copied.set(String::new());
            });
            spawn(Job::Link(page, Box::new(make.emit(())), made), out.clone());
        })
    };
    let close_link = {
        let link = link.clone();
        Callback::from(move |_: MouseEvent| link.set(None))
    };
    let share_panel = link.as_ref().map(|l| {
        let chars = l.chars().count();
        let length = format!("Link: {} characters", thousands(chars as u64));
        if chars > share::MAX_CHARS {
            return html! {
                <div class="share-panel" data-testid="share-panel" role="group" aria-label="Share link">
                    <p class="share-refused" data-testid="share-refused">
                        { format!("This work is too large for a link ({} characters; browsers take about {}). ",
                            thousands(chars as u64), thousands(share::MAX_CHARS as u64)) }
                        { "Send the scenario file instead: it opens as saved." }
                    </p>
                    <button type="button" data-testid="share-download" onclick={scenario.clone()}>{ "Download the scenario file" }</button>
                    <button type="button" onclick={close_link.clone()}>{ "Close" }</button>
                </div>
            };
        }
        let copy = {
            let (l, copied) = (l.clone(), copied.clone());
            Callback::from(move |_: MouseEvent| {
                let (l, copied) = (l.clone(), copied.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    copied.set(match write_clipboard(&l).await {
                        Ok(()) => "Copied the link.".into(),
                        Err(e) => format!("Could not copy the link: {e}. Select it and copy."),
                    });
                });
            })
        };
        let select_all = Callback::from(|e: FocusEvent| {
            use wasm_bindgen::JsCast;
            if let Some(i) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                i.select();
            }
        });
        html! {
            <div class="share-panel" data-testid="share-panel" role="group" aria-label="Share link">
                <label for="share-link-text">{ "Link to this work (data and settings, inside the link: nothing is uploaded)" }</label>
                <input id="share-link-text" type="text" readonly=true data-testid="share-link" value={l.clone()} onfocus={select_all} />
                <span class="share-length" data-testid="share-length">{ length }</span>
                <button type="button" data-testid="copy-link" onclick={copy}>{ "Copy link" }</button>
                <button type="button" onclick={close_link.clone()}>{ "Close" }</button>
                <span class="share-copied" role="status" aria-live="polite" data-testid="share-copied">{ (*copied).clone() }</span>
                if chars > share::WARN_CHARS {
                    <p class="share-warning" data-testid="share-warning">
                        { format!("Some mail and chat tools cut links longer than {} characters, and then it will not open: ",
                            thousands(share::WARN_CHARS as u64)) }
                        { "check it arrives whole, or send the scenario file (Save scenario file) instead." }
                    </p>
                }
            </div>
        }
    });
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
            <button type="button" data-testid="export-scenario" onclick={scenario.clone()}>{ "Save scenario file" }</button>
            <button type="button" data-testid="share" aria-expanded={link.is_some().to_string()} onclick={make_link}>{ "Share link" }</button>
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
            { share_panel.unwrap_or_default() }
        </section>
    }
}
