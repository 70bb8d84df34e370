//! `dcc-perf`: a client-only calculator for the service performance of Great
//! Britain's smart-metering network (DCC), built from one crate:
//!
//! - [`engine`]: the calculations, pure Rust (`rust_decimal`, `serde`, std);
//! - [`io`]: text and files to domain types and back (CSV, JSON), no DOM;
//! - [`chart`]: charts drawn with plotters to SVG, with descriptions and tables;
//! - [`session`]: the work, its undo history, scenarios and baseline, the
//!   outcome of each, and the actions that change them, no Yew (tested natively);
//! - `ui` (wasm32 only): the Yew app, thin over the engine and the session.
//!
//! Dependencies point one way: ui → session → io → engine, and ui → chart → engine. The `dcc-perf` command and
//! the browser app share the engine and io.

pub mod chart;
pub mod engine;
pub mod io;
pub mod session;
#[cfg(target_arch = "wasm32")]
pub mod ui;
