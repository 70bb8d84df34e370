//! The header of a printed page (and so of a PDF): the month, where the
//! figures came from and the comparison rule, which the screen shows in
//! its controls and print hides with them. Hidden on screen (`print-only`,
//! styles/print.css).

use crate::engine::{Dataset, Month};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PrintHeaderProps {
    /// The month on show: "March 2021".
    pub month: AttrValue,
    /// Where the figures came from: "March 2021 PMR (sample)", a file's name.
    pub source: AttrValue,
    /// The comparison rule in words: "as published (two decimal places)".
    pub rule: AttrValue,
}

/// Where the loaded figures came from, in words, for [`PrintHeaderProps::source`]:
/// the reports they were read from (each figure's `reported_in`), and how many
/// name no report (a file without a report month, a figure typed in).
pub fn source_text(data: &Dataset) -> String {
    // One pass, no tree: drawn on every change, and five years are 6,400
    // figures from sixty-odd reports, which come in runs.
    let mut reports: Vec<Month> = Vec::new();
    let mut other = 0;
    for o in &data.observations {
        match o.reported_in {
            None => other += 1,
            Some(m) if reports.last() == Some(&m) => {}
            Some(m) => reports.push(m),
        }
    }
    crate::engine::order::sort(&mut reports);
    reports.dedup();
    let mut out = match reports.as_slice() {
        [] => String::new(),
        [one] => format!("Performance Measurement Report for {}", one.long_name()),
        [first, .., last] => format!(
            "Performance Measurement Reports for {} to {} ({} reports)",
            first.long_name(),
            last.long_name(),
            reports.len()
        ),
    };
    if other > 0 {
        if !out.is_empty() {
            out.push_str("; ");
        }
        out.push_str(&format!(
            "{other} figure{} naming no report",
            if other == 1 { "" } else { "s" }
        ));
    }
    if out.is_empty() {
        out.push_str("no figures loaded");
    }
    out
}

#[component]
pub fn PrintHeader(p: &PrintHeaderProps) -> Html {
    html! {
        <header class="print-only print-header" data-testid="print-header">
            <p class="print-title">{ "DCC service performance: " }<strong>{ p.month.clone() }</strong></p>
            <dl>
                <dt>{ "Figures" }</dt><dd data-testid="print-source">{ p.source.clone() }</dd>
                <dt>{ "Compared" }</dt><dd data-testid="print-rule">{ p.rule.clone() }</dd>
            </dl>
        </header>
    }
}
