//! The Performance Measurement Report as published: the text a user gets by
//! selecting all in the PDF and copying, read into the dataset.

use crate::engine::Month;
use serde::Serialize;

/// What a report's text said about itself.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ReportSummary {
    /// The report month, from its scope ("…Performance Measures for March 2021") or its page footers.
    pub month: Option<Month>,
}
