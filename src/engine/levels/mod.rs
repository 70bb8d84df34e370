//! Service levels: formed from inputs, compared with target and minimum, headroom, and everything together per period, measure and provider.

pub mod headroom;
pub mod level;
pub mod results;
pub mod rule;
