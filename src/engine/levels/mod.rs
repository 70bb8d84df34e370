//! Service levels: formed from inputs, compared with target and minimum, headroom, and everything together per period, measure and provider.

mod explain_row;
pub mod headroom;
mod incremental;
pub mod level;
pub mod results;
pub mod rule;
mod series;
