//! The app's own tables: one row per period, measure and provider (long),
//! per measure and provider with a column per month (wide), reported
//! service credits, incident lists, and the other reports' figures
//! (forecast variance, RDP incidents, problem records), read row by row
//! the same way ([`rows`]).

pub mod aged_csv;
pub mod credits_csv;
pub mod exclusions_csv;
pub mod incidents;
pub mod long_csv;
pub mod problems_csv;
pub mod rdp_csv;
mod rows;
pub mod variance_csv;
pub mod wide_csv;
