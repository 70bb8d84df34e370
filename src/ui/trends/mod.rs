//! The CPM trends view: the CPM overview and the status grid.

pub mod grid_canvas;
pub mod status_grid;
pub mod trends_view;
