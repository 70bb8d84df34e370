//! The header of a printed page (and so of a PDF): the month, where the
//! figures came from and the comparison rule, which the screen shows in
//! its controls and print hides with them. Hidden on screen (`print-only`,
//! styles/print.css).

use crate::engine::{Dataset, Month};
use std::collections::BTreeSet;
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
    let reports: BTreeSet<Month> = data
        .observations
        .iter()
        .filter_map(|o| o.reported_in)
        .collect();
    let other = data
        .observations
        .iter()
        .filter(|o| o.reported_in.is_none())
        .count();
    let names: Vec<String> = reports.iter().map(|m| m.long_name()).collect();
    let mut out = match names.as_slice() {
        [] => String::new(),
        [one] => format!("Performance Measurement Report for {one}"),
        [first, .., last] => format!(
            "Performance Measurement Reports for {first} to {last} ({} reports)",
            names.len()
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
