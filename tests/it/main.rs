//! The integration tests, as one binary (one link, shared helpers): each
//! module is one area, run with `cargo test --test it AREA::`.

mod helpers;

mod aged;
mod bake;
mod charts;
mod charts_cpm;
mod charts_money;
mod cli;
mod compare;
mod credits;
mod credits_import;
mod credits_props;
mod exclusions;
mod import_corpus;
mod import_errors;
mod incidents;
mod incidents_split;
mod incidents_stream;
mod incremental;
mod march_2021;
mod month_review;
mod opr;
mod opr_props;
mod problems;
mod rdp;
mod reading_ways;
mod report_props;
mod report_text;
mod roundtrip;
mod session;
mod sheets;
mod soak;
mod variance;
// Reading workbooks needs the `workbook` feature (on by default).
#[cfg(feature = "workbook")]
mod workbooks;
