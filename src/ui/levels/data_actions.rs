//! Undo and redo, the exports, the share link, and "reset to sample"
//! (which asks first).

use crate::engine::work::Outcome;
use crate::io::Scenario;
use crate::ui::io_part::{spawn, warm, Export, Job};
use crate::ui::levels::share_panel::SharePanelProps;
use crate::ui::state::Action;
use crate::ui::views;
use crate::ui::widgets::lazy::lazy;
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
    // Which work a link being made is of: a link that arrives after the
    // work changed is dropped.
    let generation = use_mut_ref(|| 0u64);
    // A link holds the work as it was made: closed when the work changes.
    {
        let (link, generation) = (link.clone(), generation.clone());
        use_effect_with(p.outcome.clone(), move |_| {
            *generation.borrow_mut() += 1;
            link.set(None);
        });
    }
    let make_link = {
        let (link, make) = (link.clone(), p.scenario.clone());
        let out = p.on_action.clone();
        Callback::from(move |_: MouseEvent| {
            let page = web_sys::window()
                .and_then(|w| w.location().href().ok())
                .unwrap_or_default();
            let (link, generation) = (link.clone(), generation.clone());
            let asked = *generation.borrow();
            let made = Callback::from(move |l: String| {
                if *generation.borrow() == asked {
                    link.set(Some(l));
                }
            });
            spawn(Job::Link(page, Box::new(make.emit(())), made), out.clone());
        })
    };
    let close_link = {
        let link = link.clone();
        Callback::from(move |_: MouseEvent| link.set(None))
    };
    // Drawn from the readers' part, which made the link.
    let share_panel = link.as_ref().map(|l| {
        html! {
            { lazy(&views::SHARE_PANEL, SharePanelProps { link: l.clone(), download: scenario.clone(), close: close_link.clone() }) }
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
        <section class="data-actions" aria-label="Data"
            onmouseenter={Callback::from(|_: MouseEvent| warm())} onfocusin={Callback::from(|_: FocusEvent| warm())}>
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
