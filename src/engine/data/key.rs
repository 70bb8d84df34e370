//! What names one figure: its period, measure and provider, always in that
//! order (as [`crate::engine::ObservationKey`] orders them), whether it is a
//! result, a credit line or a selection on screen.

use crate::engine::catalogue::Provider;
use crate::engine::period::Month;
use serde::{Deserialize, Serialize};

/// One measure of one provider in one period.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct MeasureKey {
    pub period: Month,
    pub measure: String,
    pub provider: Provider,
}

impl MeasureKey {
    pub fn new(period: Month, measure: &str, provider: Provider) -> MeasureKey {
        MeasureKey {
            period,
            measure: measure.to_string(),
            provider,
        }
    }
}
