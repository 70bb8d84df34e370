//! Every measure below target this month, and what would bring each
//! failing CPM back.

use crate::engine::review::{Miss, Recovery};
use crate::engine::Compliance;
use crate::ui::state::Action;
use crate::ui::widgets::copy_table::CopyTable;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MissesProps {
    pub misses: Vec<Miss>,
    pub on_action: Callback<Action>,
}

#[derive(Properties, PartialEq)]
pub struct RecoveriesProps {
    pub recoveries: Vec<Recovery>,
}

/// For each CPM below target, the level its weakest component would need.
#[component]
pub fn Recoveries(p: &RecoveriesProps) -> Html {
    if p.recoveries.is_empty() {
        return html! {};
    }
    html! {
        <div class="recoveries" data-testid="recoveries">
            <h3>{ "What would bring it back" }</h3>
            <ul>
                { for p.recoveries.iter().map(|r| html! { <li>{ &r.words }</li> }) }
            </ul>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct SymbolProps {
    status: Compliance,
}

/// The status as its symbol, with its words for screen readers and on hover.
#[component]
fn StatusSymbol(p: &SymbolProps) -> Html {
    html! {
        <span class={classes!("status", crate::ui::widgets::status::status_class(p.status))} title={p.status.label()}>
            <span aria-hidden="true">{ p.status.symbol() }</span>
            <span class="visually-hidden">{ p.status.label() }</span>{ " " }
        </span>
    }
}

#[component]
pub fn Misses(p: &MissesProps) -> Html {
    html! { <>
        <CopyTable target="month-misses" label="measures below target" />
        <table class="compact misses" data-testid="month-misses" id="month-misses">
            <caption>{ format!("Below target this month ({}): ▼ below target, ✗ below the minimum", p.misses.len()) }</caption>
            <thead><tr>
                <th scope="col">{ "Measure" }</th><th scope="col">{ "Level" }</th>
                <th scope="col">{ "How far off" }</th><th scope="col">{ "Below for" }</th><th scope="col">{ "Credit" }</th>
            </tr></thead>
            <tbody>
            if p.misses.is_empty() {
                <tr><td colspan="5">{ "Every loaded measure meets its target." }</td></tr>
            }
            { for p.misses.iter().map(|m| {
                let open = super::open_measure(&p.on_action, m.period, &m.measure, m.provider);
                html! {
                    <tr data-measure={m.measure.clone()} data-provider={m.provider.code()}>
                        <th scope="row">
                            <button type="button" class="link" onclick={open} title={m.name.clone()}
                                aria-label={format!("{} {}: {} — open its explanation", m.provider, m.measure, m.name)}>
                                { format!("{} {}", m.provider, m.measure) }
                            </button>
                        </th>
                        // The symbol and words of the status sit with the level:
                        // every row is below target; ✗ marks below the minimum.
                        <td class="num"><StatusSymbol status={m.status} />{ &m.display }</td>
                        <td class="far">{ &m.shortfall }</td>
                        <td>{ m.run.short() }</td>
                        <td class="num">{ m.credit_label() }</td>
                    </tr>
                }
            }) }
            </tbody>
        </table>
    </> }
}
