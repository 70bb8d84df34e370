//! The calculations, in pure Rust: only `rust_decimal`, `serde` and std, so
//! they run natively (tests, the `dcc-perf` command) and in the browser alike.
//!
//! - [`period`]: months and cadences;
//! - [`catalogue`]: every measure of the March 2021 PMR with its levels;
//! - [`observation`]: the inputs (levels, counts, statuses);
//! - [`level`]: forming a service level from an input, with its explanation;
//! - [`rule`]: comparing a level with target and minimum;
//! - [`headroom`]: successes short or failures to spare on count measures;
//! - [`results`]: everything together, per period, measure and provider;
//! - [`parties`], [`reported`]: who owes credits, and credits as reports state them;
//! - [`scheme`], [`credits`], [`credit_table`]: service points and credits;
//! - [`opr`], [`margin`], [`margin_checks`], [`opr_whatif`]: the OPR margin kept and lost;
//! - [`compare`]: two sets of inputs side by side, and what differs in their results.

pub mod catalogue;
pub mod compare;
pub mod credit_table;
pub mod credits;
pub mod dataset;
pub mod explain;
pub mod format;
pub mod headroom;
pub mod level;
pub mod margin;
pub mod margin_checks;
pub mod observation;
pub mod opr;
pub mod opr_whatif;
pub mod parties;
pub mod period;
pub mod reported;
pub mod results;
pub mod rule;
pub mod scheme;

pub use catalogue::{Catalogue, MeasureDef, Provider};
pub use dataset::{Changes, ObservationKey};
pub use observation::{Dataset, Input, NoValue, Observation};
pub use parties::{Fleet, Party};
pub use period::{Cadence, Month};
pub use reported::{Amount, CreditScope, ReportedCredit};
pub use results::{evaluate, MeasureResult, Results, Settings};
pub use rule::{ComparisonRule, Compliance};
