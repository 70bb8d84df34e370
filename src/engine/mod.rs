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
//!   after an edit, worked out only where the edit reaches
//!   ([`Results::after`]); a row's explanation is built when it is opened
//!   ([`Results::explain`]);
//! - [`parties`], [`reported`]: who owes credits, and credits as reports state them;
//! - [`scheme`], [`credits`], [`credit_table`]: service points and credits;
//! - [`opr`], [`margin`], [`margin_checks`], [`opr_whatif`]: the OPR margin kept and lost;
//! - [`work`]: one [`work::Work`] (figures, credit scheme, OPR years) and one
//!   [`work::Outcome`] (levels and CPMs, credits, margins), computed once per
//!   change and shared by every view, the baseline, scenarios and undo;
//! - [`compare`]: two outcomes side by side, and what differs in their inputs and results;
//! - [`claim`], [`review`]: what a report states in words, and the month on one page
//!   (scorecard, misses, money, discrepancies, completeness, what would bring a CPM back);
//! - [`reports`]: the other reports the Operations Group reviews (forecast variance).
//!
//! Grouped by domain: [`data`] (inputs), [`levels`] (service levels),
//! [`money`] (service credits), [`regime`] (the OPR); each module is also
//! re-exported here under its own name.

pub mod compare;
pub mod data;
pub mod levels;
pub mod money;
pub mod regime;
pub mod reports;
pub mod review;
pub mod work;
// The modules by their own names, as before the grouping.
pub use data::{catalogue, claim, dataset, observation, parties, period, reported};
pub use levels::{headroom, level, results, rule};
pub use money::{credit_table, credits, scheme};
pub use regime::{margin, margin_checks, opr, opr_whatif};
pub mod explain;
pub mod format;
pub mod order;

pub use catalogue::{Catalogue, MeasureDef, Provider};
pub use data::key::MeasureKey;
pub use dataset::{Changes, ObservationKey};
pub use observation::{Dataset, Input, NoValue, Observation};
pub use parties::{Fleet, Party};
pub use period::{Cadence, Month};
pub use reported::{Amount, CreditScope, ReportedCredit};
pub use results::{evaluate, MeasureResult, Results, Settings};
pub use rule::{ComparisonRule, Compliance};
