//! The results export (schema `dcc-perf/results/3`): every computed row
//! with its explanation, the service credits and the OPR margin.

use crate::engine::{Month, Results};
use serde::Serialize;

/// The results export: every computed row, with its explanation.
#[derive(Serialize)]
struct ResultsFile<'a> {
    schema: &'static str,
    settings: &'a crate::engine::Settings,
    months: Vec<Month>,
    results: Vec<Row<'a>>,
    warnings: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    credits: Option<CreditsExport<'a>>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    opr: &'a [crate::engine::margin::YearMargin],
}

/// A computed row with its explanation, as the export has always given it.
#[derive(Serialize)]
struct Row<'a> {
    #[serde(flatten)]
    result: &'a crate::engine::MeasureResult,
    explanation: crate::engine::explain::Explanation,
}

/// The credits part of the results export: the scheme used, every line with
/// its derivation, the totals per provider and period, and the checks of
/// reported figures.
#[derive(Serialize)]
pub struct CreditsExport<'a> {
    pub scheme: &'a crate::engine::scheme::CreditScheme,
    pub lines: Vec<&'a crate::engine::credits::CreditLine>,
    pub totals: Vec<&'a crate::engine::credits::ProviderCredits>,
    pub checks: Vec<&'a crate::engine::credit_table::Check>,
}

impl<'a> CreditsExport<'a> {
    /// Everything, or only `month`'s lines, totals and checks.
    pub fn new(
        scheme: &'a crate::engine::scheme::CreditScheme,
        credits: &'a crate::engine::credits::Credits,
        checks: &'a [crate::engine::credit_table::Check],
        month: Option<Month>,
    ) -> CreditsExport<'a> {
        let keep = |m: Month| month.is_none_or(|x| x == m);
        CreditsExport {
            scheme,
            lines: credits.lines.iter().filter(|l| keep(l.period)).collect(),
            totals: credits.totals.iter().filter(|t| keep(t.period)).collect(),
            checks: checks.iter().filter(|c| keep(c.period)).collect(),
        }
    }
}

/// Version 2 added `credits`; version 3 `opr` (each year's margin kept and lost).
pub const RESULTS_SCHEMA: &str = "dcc-perf/results/3";

/// The results export. `opr` is each regulatory year's margin, computed
/// from the regime and these results.
pub fn results_json(
    results: &Results,
    data: &crate::engine::Dataset,
    credits: Option<CreditsExport<'_>>,
    opr: &[crate::engine::margin::YearMargin],
    pretty: bool,
) -> String {
    let file = ResultsFile {
        schema: RESULTS_SCHEMA,
        settings: &results.settings,
        months: results.months(),
        results: results
            .rows
            .iter()
            .zip(results.explain_all(data))
            .map(|(r, explanation)| Row {
                result: r,
                explanation,
            })
            .collect(),
        warnings: &results.warnings,
        credits,
        opr,
    };
    let out = if pretty {
        serde_json::to_string_pretty(&file)
    } else {
        serde_json::to_string(&file)
    };
    // Serialising plain data to a string cannot fail; say so rather than panic.
    out.unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
}
