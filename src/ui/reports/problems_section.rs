//! Problem records: the summary's rows (related, closed, still open) per
//! report a key incident was raised in, checked, and the records listed
//! after it; read from a table or from the report's text; exported.

use super::loader::Loader;
use super::{errors_list, verdict, SectionProps};
use crate::engine::format::thousands;
use crate::engine::reports::problems::evaluate;
use crate::engine::reports::ReportFigures;
use crate::io::problems_csv;
use std::rc::Rc;
use yew::prelude::*;

/// The report's own text gives the table; else the file is read as one.
/// What is read replaces what is loaded.
fn apply(mut f: ReportFigures, name: &str, text: &str) -> super::Applied {
    let problems = problems_csv::read_any(name, text)?;
    let said = format!(
        "Read {name}: {} summary row(s) and {} record(s), in place of those loaded.",
        problems.rows.len(),
        problems.records.len()
    );
    f.problems = problems;
    Ok((f, said))
}

#[component]
pub fn ProblemsSection(p: &SectionProps) -> Html {
    let errors = use_state(Vec::<String>::new);
    let summary = use_memo(p.figures.clone(), |f| Rc::new(evaluate(&f.problems)));
    let on_text = super::on_text(p, &errors, apply);
    let export = super::on_export(p, "dcc-perf-problems.csv", |f| {
        problems_csv::write(&f.problems)
    });
    let problems = &p.figures.problems;
    let listed = |m| problems.records.iter().filter(|r| r.report == m).count();
    html! {
        <section class="report-section" aria-labelledby="problems-title" data-testid="problems-section">
            <h2 id="problems-title">{ "Problem records" }</h2>
            <p class="hint">{ "Problem records open against earlier reports (the Problem Record Summary, Table 31 in March 2021's report), and the records listed after it. Each row's related = closed + still open, and its count against the records listed." }</p>
            <div class="table-wrap" tabindex="0" role="region" aria-label="Problem record summary (scrolls sideways)">
                <table class="measures" id="problems-table">
                    <thead><tr>
                        <th scope="col">{ "Report" }</th><th scope="col" class="num">{ "Related" }</th>
                        <th scope="col" class="num">{ "Closed this period" }</th><th scope="col" class="num">{ "Still open" }</th>
                        <th scope="col" class="num">{ "Listed" }</th>
                    </tr></thead>
                    <tbody>{ for problems.rows.iter().map(|r| html! {
                        <tr><th scope="row">{ r.report.long_name() }</th><td class="num">{ thousands(r.related) }</td>
                            <td class="num">{ thousands(r.closed) }</td><td class="num">{ thousands(r.open) }</td>
                            <td class="num">{ listed(r.report) }</td></tr>
                    }) }</tbody>
                    <tfoot><tr><th scope="row">{ "Total" }</th><td class="num">{ thousands(summary.related) }</td>
                        <td class="num">{ thousands(summary.closed) }</td><td class="num">{ thousands(summary.open) }</td>
                        <td class="num">{ summary.listed }</td></tr></tfoot>
                </table>
            </div>
            <table class="measures checks-table" data-testid="problems-checks">
                <caption>{ format!("{} checks, {} differ", summary.checks.len(), summary.failures().count()) }</caption>
                <tbody>{ for summary.checks.iter().filter(|c| !c.holds).chain(summary.checks.iter().filter(|c| c.holds)).map(|c| html! {
                    <tr><th scope="row">{ &c.what }</th>{ verdict(c.holds) }</tr>
                }) }</tbody>
            </table>
            <details>
                <summary>{ format!("The {} records listed", problems.records.len()) }</summary>
                <ul class="problem-records">{ for problems.records.iter().map(|r| html! {
                    <li><code>{ &r.reference }</code>{ format!(" ({}): {}", r.report.long_name(), r.title) }</li>
                }) }</ul>
            </details>
            <Loader id="problems" what="a problems table (CSV) or the report's text" {on_text} />
            { errors_list(&errors) }
            <button type="button" onclick={export} data-testid="problems-export">{ "Export the problem records (CSV)" }</button>
        </section>
    }
}
