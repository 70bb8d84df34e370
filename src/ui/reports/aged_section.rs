//! Aged incidents: each report's Tables 9 and 10, their totals by
//! category, their ages at the point of extract, the change from the
//! previous report's, every check (the report's claims among them), the
//! tickets by month raised as a chart; read from a table or the report's
//! text; exported.

use super::loader::Loader;
use super::{errors_list, SectionProps};
use crate::chart::reports::aged as aged_chart;
use crate::engine::format::thousands;
use crate::engine::reports::aged::{evaluate_all, AgedSummary, AgedTable};
use crate::engine::reports::ReportFigures;
use crate::io::aged_csv;
use crate::ui::widgets::chart_frame::ChartFrame;
use std::rc::Rc;
use yew::prelude::*;

fn summary(t: &AgedTable, s: &AgedSummary) -> Html {
    let failing = s.checks.iter().filter(|c| c.holds == Some(false)).count();
    let unchecked = s.checks.iter().filter(|c| c.holds.is_none()).count();
    let (holding, other): (Vec<_>, Vec<_>) = s.checks.iter().partition(|c| c.holds == Some(true));
    html! {
        <details class="report-month" data-testid="aged-table" data-failing={failing.to_string()}>
            <summary>{ format!("{}, {} report: {} tickets; {} of {} checks hold{}", t.assigned.name(), t.report.long_name(),
                thousands(s.total), s.checks.len() - failing - unchecked, s.checks.len(),
                if unchecked > 0 { format!(", {unchecked} cannot be checked") } else { String::new() }) }</summary>
            <p>{ format!("By category (Cat 1 to Cat 5): {}. At the point of extract ({}): ",
                s.by_category.map(thousands).join(", "), s.extract.map_or("–".into(), |d| d.to_string())) }
                { s.bands.iter().map(|b| match b.low == b.high {
                    true => format!("{} over {} days", thousands(b.low), b.days),
                    false => format!("{} to {} over {} days (a month straddles the edge)", thousands(b.low), thousands(b.high), b.days),
                }).collect::<Vec<_>>().join("; ") }{ "." }</p>
            if let Some((m, n)) = s.previous {
                <p>{ format!("The {} report's table had {} tickets: a change of {}.", m.long_name(), thousands(n),
                    crate::engine::format::signed(rust_decimal::Decimal::from(s.total) - rust_decimal::Decimal::from(n), 0)) }</p>
            }
            <ul class="aged-checks">{ for other.iter().map(|c| html! {
                <li>{ match c.holds { Some(false) => "✗ differs: ", _ => "? not checked: " } }{ &c.what }</li>
            }) }</ul>
            <details>
                <summary>{ format!("The {} checks that hold", holding.len()) }</summary>
                <ul class="aged-checks">{ for holding.iter().map(|c| html! { <li>{ "✓ " }{ &c.what }</li> }) }</ul>
            </details>
        </details>
    }
}

/// The report's own text gives its Tables 9 and 10; else the file is read
/// as a table. Merged by report month and table.
fn apply(mut f: ReportFigures, name: &str, text: &str) -> super::Applied {
    let (new, replaced) = f.merge_aged(aged_csv::read_any(name, text)?);
    Ok((
        f,
        format!("Read {name}: {new} new aged incident table(s), {replaced} replaced."),
    ))
}

#[component]
pub fn AgedSection(p: &SectionProps) -> Html {
    let errors = use_state(Vec::<String>::new);
    let summaries = use_memo(p.figures.clone(), |f| evaluate_all(&f.aged));
    let latest = p.figures.aged.iter().map(|t| t.report).max();
    let chart = use_memo((p.figures.clone(), latest), |(f, m)| {
        m.map(|m| Rc::new(aged_chart(&f.aged, m)))
    });
    let on_text = super::on_text(p, &errors, apply);
    let export = super::on_export(p, "dcc-perf-aged.csv", |f| aged_csv::write(&f.aged));
    html! {
        <section class="report-section" aria-labelledby="aged-title" data-testid="aged-section">
            <h2 id="aged-title">{ "Aged incidents" }</h2>
            <p class="hint">{ "Tickets not closed at the point of extract (the 1st of the month after the report's), by the month raised and category: Table 9 (assigned to service users) and Table 10 (to service providers or the DCC). Load the previous report's tables too to check the change it claims." }</p>
            { for p.figures.aged.iter().zip(summaries.iter()).rev().map(|(t, s)| summary(t, s)) }
            if let Some(c) = &*chart {
                <ChartFrame chart={c.clone()} id="aged" hint="Hover over a point, or tab to it, to read the month raised and the tickets still open." />
            }
            <Loader id="aged" what="an aged incidents table (CSV) or the report's text" {on_text} />
            { errors_list(&errors) }
            <button type="button" onclick={export} data-testid="aged-export">{ "Export the aged incident tables (CSV)" }</button>
        </section>
    }
}
