//! Explanations: every computed figure carries its inputs, formula and rule.

use serde::Serialize;

/// One named input, already formatted for reading.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Fact {
    pub label: String,
    pub value: String,
}

impl Fact {
    pub fn new(label: impl Into<String>, value: impl Into<String>) -> Fact {
        Fact {
            label: label.into(),
            value: value.into(),
        }
    }
}

/// How a figure was reached.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Explanation {
    pub inputs: Vec<Fact>,
    /// The formula in words, with its source.
    pub formula: String,
    /// The arithmetic, one line a step.
    pub steps: Vec<String>,
    /// The comparison rule and the resulting status.
    pub rule: String,
    /// Anything a reader should know: restatements, mismatches, notes from the report.
    pub notes: Vec<String>,
}
