//! Scenarios side by side: the list of scenarios, the sides and what differs.

pub mod compare_sides;
pub mod compare_table;
pub mod compare_view;
pub mod scenario_list;
