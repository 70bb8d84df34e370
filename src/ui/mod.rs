//! The browser app (Yew). Thin: every figure comes from [`crate::engine`].
//!
//! Design, after yew's `function_todomvc`: one [`state::State`] with an
//! [`state::Action`] enum (plain Rust in [`crate::session`], tested
//! natively) and a single `Reducible` impl owned by the root
//! [`app::App`]; results are derived from the state with `use_memo`, never
//! stored; children get values and `Callback`s, one small component per file:
//!
//! - [`toolbar::Toolbar`]: month, comparison rule, grouping, filter;
//! - [`summary::Summary`]: counts by status and the statuses a rule flips;
//! - [`measures_table::MeasuresTable`] and [`measure_row::MeasureRow`];
//! - [`explanation::ExplanationPanel`]: inputs, formula, steps, rule, notes;
//! - [`status::StatusBadge`]: symbol and words, never colour alone;
//! - [`import_panel::ImportPanel`]: paste box, file picker, drop zone,
//!   progress ([`file_reading`] reads a file in steps, and a workbook in
//!   the sheet worker); [`sheet_picker::SheetPicker`] when several of a
//!   workbook's sheets hold data;
//!   [`import_preview::ImportPreview`]: the check before accepting, with
//!   [`incident_summary::IncidentSummary`] for incident lists,
//!   [`import_figures::ImportFigures`] (the figures read, lines not placed)
//!   and [`import_questions::ImportQuestions`] (a sheet's questions, with
//!   [`import_mapping::ImportMapping`]; answers kept per sheet shape by
//!   [`mappings`]);
//! - [`edit_cell::EditCell`]: a figure typed in place;
//! - [`data_actions::DataActions`]: undo, redo, exports, reset;
//! - [`credits_view::CreditsView`]: service credits, derived from the results
//!   and the scheme: [`credits_month::CreditsMonth`] (with
//!   [`credit_line::CreditLineRow`] and [`credit_panel::CreditPanel`] for a
//!   line's derivation and manual decision), [`credits_year::CreditsYear`]
//!   (Tables 29 and 30), [`credit_checks::CreditChecks`] (reconciliation) and
//!   [`scheme_editor::SchemeEditor`] ([`scheme_provider::SchemeProvider`],
//!   [`scheme_measures::SchemeMeasures`], [`rule_editor::RuleEditor`],
//!   [`decimal_field::DecimalField`]);
//! - [`compare_view::CompareView`]: two sides (baseline, current work or a
//!   named scenario) side by side: [`scenario_list::ScenarioList`] (save,
//!   open, export, delete), [`compare_sides::ComparePickers`] (sides and
//!   section filter) and [`compare_table::CompareTable`] (what differs);
//! - [`opr_view::OprView`]: the OPR margin kept and lost for a regulatory
//!   year ([`opr_year_header::OprYearHeader`], [`opr_table::OprTable`] with
//!   [`opr_measure_row::OprMeasureRow`] and [`opr_part_row::OprPartRow`],
//!   [`opr_panel::OprPanel`] for a part's working, [`opr_needed::OprNeeded`],
//!   [`opr_checks::OprChecks`], [`opr_settings::OprSettings`] with
//!   [`opr_curve::OprCurve`], and [`opr_years::OprYears`] for files);
//! - [`reports::reports_view::ReportsView`]: the other reports the
//!   Operations Group reviews (forecast variance, RDP incidents, problem
//!   records), with their own figures kept apart from the work;
//! - [`storage`]: the work saved in the browser, restored on reload.
//!
//! The month view ([`month::month_view::MonthView`]) opens first.
//!
//! The files are grouped by view: [`month`], [`levels`], [`import`], [`credits`],
//! [`opr`], [`compare`], [`trends`], [`reports`], with shared [`widgets`]; the app
//! shell ([`app`], [`state`], [`storage`]) stays here.

pub mod app;
pub mod compare;
pub mod credits;
pub mod import;
pub mod indexed_db;
pub mod io_part;
pub mod levels;
pub mod month;
pub mod opr;
pub mod reports;
pub mod trends;
pub mod widgets;
// Each component module by its own name too, as the doc above lists them.
pub use compare::{compare_sides, compare_table, compare_view, scenario_list};
pub use credits::{
    credit_checks, credit_line, credit_panel, credits_chart, credits_month, credits_view,
    credits_year, rule_editor, scheme_editor, scheme_measures, scheme_provider,
};
pub use import::{
    blob, file_reading, halves, import_figures, import_mapping, import_panel, import_preview,
    import_questions, incident_summary, mappings, sheet_picker, worker,
};
pub use levels::{
    data_actions, edit_cell, measure_row, measures_table, summary, toolbar, trend_chart,
};
pub use opr::{
    opr_cells, opr_chart, opr_checks, opr_compare_chart, opr_curve, opr_measure_row, opr_needed,
    opr_panel, opr_part_row, opr_settings, opr_table, opr_view, opr_year_header, opr_years,
};
pub use trends::{status_grid, trends_view};
pub use widgets::{
    chart_data, chart_frame, chart_points, decimal_field, download, explanation, explanation_body,
    select, status,
};
pub mod state;
pub mod storage;
pub mod views;

/// Mounts the app on the page body.
pub fn run() {
    yew::Renderer::<app::App>::new().render();
}
