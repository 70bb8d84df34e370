//! The service levels view: toolbar, counts, the measures table, edits in place, data actions and the trend chart.

pub mod data_actions;
pub mod edit_cell;
pub mod exports;
pub mod levels_view;
pub mod measure_row;
pub mod measures_table;
pub mod share_panel;
pub mod summary;
pub mod toolbar;
pub mod trend_chart;
