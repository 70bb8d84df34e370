//! The browser app (Yew). Thin: every figure comes from [`crate::engine`].
//!
//! Design, after yew's `function_todomvc`: one [`state::State`] with an
//! [`state::Action`] enum and a single `Reducible` impl owned by the root
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
//! - [`storage`]: the work saved in the browser, restored on reload.

pub mod app;
pub mod chart_data;
pub mod chart_frame;
pub mod chart_points;
pub mod compare_sides;
pub mod compare_table;
pub mod compare_view;
pub mod credit_checks;
pub mod credit_line;
pub mod credit_panel;
pub mod credits_chart;
pub mod credits_month;
pub mod credits_view;
pub mod credits_year;
pub mod data_actions;
pub mod decimal_field;
pub mod download;
pub mod edit_cell;
pub mod explanation;
pub mod explanation_body;
pub mod file_reading;
pub mod import_figures;
pub mod import_mapping;
pub mod import_panel;
pub mod import_preview;
pub mod import_questions;
pub mod incident_summary;
pub mod mappings;
pub mod measure_row;
pub mod measures_table;
pub mod opr_cells;
pub mod opr_chart;
pub mod opr_checks;
pub mod opr_compare_chart;
pub mod opr_curve;
pub mod opr_measure_row;
pub mod opr_needed;
pub mod opr_panel;
pub mod opr_part_row;
pub mod opr_settings;
pub mod opr_table;
pub mod opr_view;
pub mod opr_year_header;
pub mod opr_years;
pub mod rule_editor;
pub mod scenario_list;
pub mod scheme_editor;
pub mod scheme_measures;
pub mod scheme_provider;
pub mod select;
pub mod sheet_picker;
pub mod state;
pub mod status;
pub mod status_grid;
pub mod storage;
pub mod summary;
pub mod toolbar;
pub mod trend_chart;
pub mod trends_view;

/// Mounts the app on the page body.
pub fn run() {
    yew::Renderer::<app::App>::new().render();
}
