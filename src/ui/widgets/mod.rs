//! Shared widgets: selects, number fields, downloads, status badges, explanations and the chart frame.

pub mod chart_data;
pub mod chart_frame;
pub mod chart_points;
pub mod copy_table;
pub mod decimal_field;
pub mod download;
pub mod elsewhere;
pub mod explanation;
pub mod explanation_body;
pub mod lazy;
pub mod print_header;
pub mod select;
pub mod status;
pub mod view_styles;
