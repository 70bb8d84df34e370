//! Bringing figures in: the paste box and files, the sheet worker and picker, the preview with its questions and the figures read.

pub mod blob;
pub mod file_reading;
pub mod halves;
pub mod import_figures;
pub mod import_mapping;
pub mod import_panel;
pub mod import_preview;
pub mod import_questions;
pub mod incident_summary;
pub mod mappings;
pub mod shared_link;
pub mod sheet_picker;
pub mod worker;
