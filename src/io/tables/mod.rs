//! The app's own tables: one row per period, measure and provider (long),
//! per measure and provider with a column per month (wide), reported
//! service credits, incident lists, and forecast variance figures.

pub mod credits_csv;
pub mod incidents;
pub mod long_csv;
pub mod variance_csv;
pub mod wide_csv;
