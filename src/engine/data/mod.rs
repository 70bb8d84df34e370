//! The inputs: months, the measure catalogue, observations and datasets, who owes credits, and credits as reports state them.

pub mod catalogue;
pub mod claim;
pub mod dataset;
pub mod key;
mod measures;
pub mod observation;
pub mod parties;
pub mod period;
pub mod reported;
