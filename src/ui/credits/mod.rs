//! The service credits view: the month, the 12-month tables, checks, the chart and the scheme editor.

pub mod credit_checks;
pub mod credit_line;
pub mod credit_panel;
pub mod credits_chart;
pub mod credits_month;
pub mod credits_view;
pub mod credits_year;
pub mod rule_editor;
pub mod scheme_editor;
pub mod scheme_measures;
pub mod scheme_provider;
