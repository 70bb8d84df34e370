//! The app's JSON: scenario files (data and settings), OPR years, and the
//! results export.

pub mod regime;
pub(crate) mod results;
pub mod scenario;
