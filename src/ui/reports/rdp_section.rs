//! RDP incidents: each month's opening count (stated, carried from the
//! month before, or implied by its own figures), opened, resolved,
//! reassigned and still open, with the carry-over checked; the count open
//! over time; import and export.

use super::loader::Loader;
use super::{errors_list, SectionProps};
use crate::chart::reports::rdp as rdp_chart;
use crate::engine::format::{count, thousands};
use crate::engine::reports::rdp::{evaluate, RdpBalance, Source};
use crate::engine::reports::ReportFigures;
use crate::io::rdp_csv;
use crate::ui::widgets::chart_frame::ChartFrame;
use std::rc::Rc;
use yew::prelude::*;

fn row(b: &RdpBalance) -> Html {
    let from = match b.start_from {
        Source::Stated => "",
        Source::Carried => " (carried from the month before)",
        Source::Implied => " (implied: end − opened + resolved)",
        Source::Unknown => "",
    };
    let fails: Vec<&str> = b
        .checks
        .iter()
        .filter(|c| !c.holds)
        .map(|c| c.what.as_str())
        .collect();
    let checks = match (b.checks.is_empty(), fails.is_empty()) {
        (true, _) => html! { <td>{ "nothing to check" }</td> },
        (false, true) => {
            html! { <td class="agree">{ format!("✓ {}", b.checks.iter().map(|c| c.what.as_str()).collect::<Vec<_>>().join("; ")) }</td> }
        }
        (false, false) => {
            html! { <td class="differs-mark"><strong>{ format!("✗ {}", fails.join("; ")) }</strong></td> }
        }
    };
    html! {
        <tr class={classes!((!fails.is_empty()).then_some("differs"))} data-testid="rdp-row" data-balances={fails.is_empty().to_string()}>
            <th scope="row">{ b.period.long_name() }</th>
            <td class="num">{ format!("{}{from}", count(b.start)) }</td>
            <td class="num">{ count(b.opened) }</td>
            <td class="num">{ count(b.resolved) }</td>
            <td class="num">{ thousands(b.reassigned) }</td>
            <td class="num">{ format!("{}{}", count(b.end), if b.end_stated || b.end.is_none() { "" } else { " (worked out)" }) }</td>
            { checks }
            <td>{ b.note.clone().unwrap_or_default() }</td>
        </tr>
    }
}

fn apply(mut f: ReportFigures, name: &str, text: &str) -> super::Applied {
    let (new, replaced) = f.merge_rdp(rdp_csv::read(name, text)?);
    Ok((
        f,
        format!("Read {name}: {new} new month(s) of RDP incidents, {replaced} replaced."),
    ))
}

#[component]
pub fn RdpSection(p: &SectionProps) -> Html {
    let errors = use_state(Vec::<String>::new);
    let balances = use_memo(p.figures.clone(), |f| Rc::new(evaluate(&f.rdp)));
    let chart = use_memo(balances.clone(), |b| Rc::new(rdp_chart(b)));
    let on_text = super::on_text(p, &errors, apply);
    let export = super::on_export(p, "dcc-perf-rdp.csv", |f| rdp_csv::write(&f.rdp));
    html! {
        <section class="report-section" aria-labelledby="rdp-title" data-testid="rdp-section">
            <h2 id="rdp-title">{ "RDP incidents" }</h2>
            <p class="hint">{ "Incidents the DCC must resolve that need a Registration Data Provider's action (SEC Appendix AG 2.5.10). Open at the end = open at the start + opened − resolved − reassigned; a month starts with the month before's end where it is loaded." }</p>
            <div class="table-wrap" tabindex="0" role="region" aria-label="RDP incidents by month (scrolls sideways)">
                <table class="measures" id="rdp-table">
                    <thead><tr>
                        <th scope="col">{ "Month" }</th><th scope="col" class="num">{ "Open at start" }</th>
                        <th scope="col" class="num">{ "Opened" }</th><th scope="col" class="num">{ "Resolved" }</th>
                        <th scope="col" class="num">{ "Reassigned" }</th><th scope="col" class="num">{ "Open at end" }</th>
                        <th scope="col">{ "Carry-over" }</th><th scope="col">{ "Note" }</th>
                    </tr></thead>
                    <tbody>{ for balances.iter().map(row) }</tbody>
                </table>
            </div>
            if !balances.is_empty() {
                <ChartFrame chart={(*chart).clone()} id="rdp" hint="Hover over a point, or tab to it, to read the month and count." />
            }
            <Loader id="rdp" what="an RDP table (CSV: period, opened, resolved, open_at_end…)" {on_text} />
            { errors_list(&errors) }
            <button type="button" onclick={export} data-testid="rdp-export">{ "Export the RDP table (CSV)" }</button>
        </section>
    }
}
