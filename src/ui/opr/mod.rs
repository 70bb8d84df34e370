//! The OPR margin view: the year, its measures and parts, checks, settings, what it takes, and the charts.

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
