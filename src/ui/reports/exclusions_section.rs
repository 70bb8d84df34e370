//! Exclusions and exceptions: each list's reasons with their counts as
//! printed, every sum against the totals the report states, and each odd
//! count ("8.016") flagged with what the totals say of it; read from a
//! table or from the report's text; exported.

use super::loader::Loader;
use super::{errors_list, verdict, SectionProps};
use crate::engine::format::{percent, thousands};
use crate::engine::reports::excluded::{share, ExcludedShare};
use crate::engine::reports::exclusions::{evaluate, ExclusionList, ListCheck};
use crate::engine::reports::ReportFigures;
use crate::engine::work::Outcome;
use crate::io::exclusions_csv;
use std::rc::Rc;
use yew::prelude::*;

fn list(l: &ExclusionList, c: &ListCheck) -> Html {
    let failing = c.sums.iter().filter(|s| !s.holds).count();
    let state = match (failing, c.flags.len()) {
        (0, 0) => "every sum holds".to_string(),
        (f, n) => format!("{f} sum(s) differ, {n} count(s) flagged"),
    };
    html! {
        <details class="report-month" data-testid="exclusion-list" data-clean={c.clean().to_string()}>
            <summary>{ format!("{}: {} excluded; {state}", l.title, thousands(c.excluded)) }</summary>
            { for c.flags.iter().map(|f| html! {
                <p class="import-errors" data-testid="exclusion-flag"><strong>{ "Flagged: " }</strong>{ format!("{}: {}", f.reason, f.words) }</p>
            }) }
            <table class="measures">
                <caption class="visually-hidden">{ format!("{} by reason", l.title) }</caption>
                <thead><tr><th scope="col">{ "Group" }</th><th scope="col">{ "Reason" }</th><th scope="col" class="num">{ "Count as printed" }</th></tr></thead>
                <tbody>{ for l.groups.iter().flat_map(|g| g.items.iter().map(move |i| html! {
                    <tr><td>{ &g.name }</td><th scope="row">{ &i.reason }</th><td class="num">{ &i.count.0 }</td></tr>
                })) }</tbody>
            </table>
            <table class="measures checks-table">
                <caption>{ "Totals the report states, checked" }</caption>
                <thead><tr><th scope="col">{ "Sum" }</th><th scope="col" class="num">{ "Stated" }</th>
                    <th scope="col" class="num">{ "Listed" }</th><th scope="col">{ "Verdict" }</th></tr></thead>
                <tbody>{ for c.sums.iter().map(|s| html! {
                    <tr><th scope="row">{ &s.what }</th><td class="num">{ thousands(s.stated) }</td>
                        <td class="num">{ thousands(s.listed) }</td>{ verdict(s.holds) }</tr>
                }) }</tbody>
            </table>
        </details>
    }
}

/// The report's own text gives its lists; else the file is read as a
/// table. What is read replaces what is loaded.
fn apply(mut f: ReportFigures, name: &str, text: &str) -> super::Applied {
    let lists = exclusions_csv::read_any(name, text)?;
    let said = format!(
        "Read {name}: {} exclusion list(s), in place of those loaded.",
        lists.len()
    );
    f.exclusions = lists;
    Ok((f, said))
}

/// The exclusion lists and the service levels' outcome (whose figures
/// give the events each measure counts).
#[derive(Properties, PartialEq, Clone)]
pub struct ExclusionsProps {
    pub section: SectionProps,
    pub outcome: Rc<Outcome>,
}

/// Each list's measures with their levels, and the share of their events
/// excluded (or why it cannot be known).
fn shares_table(shares: &[ExcludedShare]) -> Html {
    let measures = |s: &ExcludedShare| -> String {
        if s.measures.is_empty() {
            return "none the catalogue has".into();
        }
        s.measures
            .iter()
            .map(|m| {
                format!(
                    "{} {}: {}",
                    m.provider,
                    m.measure,
                    m.level.as_deref().unwrap_or("not loaded")
                )
            })
            .collect::<Vec<_>>()
            .join("; ")
    };
    let counted = |s: &ExcludedShare| s.counted.map_or("–".into(), thousands);
    html! {
        <div class="table-wrap" tabindex="0" role="region" aria-label="Excluded share of each measure's events (scrolls sideways)">
            <table class="measures" data-testid="excluded-shares">
                <caption>{ "Excluded share of each measure's events, beside its service level" }</caption>
                <thead><tr><th scope="col">{ "List" }</th><th scope="col">{ "Month" }</th><th scope="col">{ "Service level" }</th>
                    <th scope="col" class="num">{ "Excluded" }</th><th scope="col" class="num">{ "Counted" }</th>
                    <th scope="col" class="num">{ "Share excluded" }</th><th scope="col">{ "How" }</th></tr></thead>
                <tbody>{ for shares.iter().map(|s| html! {
                    <tr data-testid="excluded-share" data-list={s.title.clone()}>
                        <th scope="row">{ &s.title }</th>
                        <td>{ s.period.map(|m| m.long_name()).unwrap_or_default() }</td>
                        <td>{ measures(s) }</td>
                        <td class="num">{ thousands(s.excluded) }</td>
                        <td class="num">{ counted(s) }</td>
                        <td class="num" data-testid="share">{ s.share.map_or("unknown".into(), percent) }</td>
                        <td>{ &s.words }</td>
                    </tr>
                }) }</tbody>
            </table>
        </div>
    }
}

#[component]
pub fn ExclusionsSection(e: &ExclusionsProps) -> Html {
    let p = &e.section;
    let errors = use_state(Vec::<String>::new);
    let checks = use_memo(p.figures.clone(), |f| {
        Rc::new(f.exclusions.iter().map(evaluate).collect::<Vec<_>>())
    });
    let shares = use_memo((p.figures.clone(), e.outcome.clone()), |(f, o)| {
        f.exclusions
            .iter()
            .map(|l| share(l, &o.work.data, &o.results))
            .collect::<Vec<_>>()
    });
    let on_text = super::on_text(p, &errors, apply);
    let export = super::on_export(p, "dcc-perf-exclusions.csv", |f| {
        exclusions_csv::write(&f.exclusions)
    });
    let flagged: usize = checks.iter().map(|c| c.flags.len()).sum();
    html! {
        <section class="report-section" aria-labelledby="exclusions-title" data-testid="exclusions-section">
            <h2 id="exclusions-title">{ "Exclusions and exceptions" }</h2>
            <p class="hint">{ "Events taken out of a measure's service level, by reason: the Performance Measure Exclusion List for CPM4/5 (Table 11) and the communications hub exception lists (Tables 14 to 22). Counts are kept as printed; a count that is not a whole number is flagged, never read silently." }</p>
            <p data-testid="exclusions-summary">{ format!("{} list(s); {} count(s) flagged; {} list(s) whose sums differ.",
                checks.len(), flagged, checks.iter().filter(|c| c.sums.iter().any(|s| !s.holds)).count()) }</p>
            if !shares.is_empty() {
                { shares_table(&shares) }
            }
            { for p.figures.exclusions.iter().zip(checks.iter()).map(|(l, c)| list(l, c)) }
            <Loader id="exclusions" what="an exclusions table (CSV: list, group, reason, count) or the report's text" {on_text} />
            { errors_list(&errors) }
            <button type="button" onclick={export} data-testid="exclusions-export">{ "Export the exclusion lists (CSV)" }</button>
        </section>
    }
}
