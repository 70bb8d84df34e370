//! Text and files to domain types and back. No DOM: the app and the
//! `dcc-perf` command read files through the same functions.
//!
//! - [`read`]: any file or pasted block the app takes, its format detected:
//!   long or wide table (comma, tab or semicolon separated), an incident
//!   list, a table of reported service credits ([`credits_csv`]: a header
//!   with a `credits` column), the app's dataset JSON or a scenario file;
//! - [`Reading`]: the same, a step at a time, so the page can show progress;
//! - [`sample`]: the embedded March 2021 PMR figures and its credit tables;
//! - [`results_json`]: the results export (schema `dcc-perf/results/3`, with credits and the OPR margin);
//! - [`regime`]: OPR years as JSON (the shipped sample, regime files);
//! - [`write`]: the dataset back to CSV in the import formats (measures
//!   and reported credits).

mod baked;
pub mod edit;
pub mod json;
mod reports_text;
pub mod review_text;
mod variance_text;
pub use reports_text::{aged_text, excluded_text, exclusions_text, problems_text, rdp_text};
pub use variance_text::variance_text;
pub mod tables;
pub use json::{regime, scenario};
pub use tables::{
    aged_csv, credits_csv, exclusions_csv, incidents, long_csv, problems_csv, rdp_csv,
    variance_csv, wide_csv,
};
pub mod error;
pub mod report;
pub mod share;
pub mod sheet;
pub mod tsv;
pub mod values;
pub mod workbook;
pub mod write;

pub use error::{ErrorKind, ImportError};
pub use json::results::{results_json, CreditsExport, RESULTS_SCHEMA};
pub use scenario::Scenario;

/// Errors listed per import: enough to fix a file by; more would hide the first ones.
pub const MAX_ERRORS: usize = 1000;

/// What an imported file turned out to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// One row per period, measure and provider.
    Long,
    /// One row per measure and provider, one column per month.
    Wide,
    /// One row per incident; yields CPM4 and CPM5 per month.
    Incidents,
    /// The app's dataset JSON (`{"observations": [...]}`).
    DatasetJson,
    /// A scenario file: data and settings.
    Scenario,
    /// One row per company, table total or measure and month: credits as
    /// a report states them.
    Credits,
    /// The text of a Performance Measurement Report, copied from its PDF.
    Report,
}

impl Format {
    pub fn label(self) -> &'static str {
        match self {
            Format::Long => "long table (one row per period, measure and provider)",
            Format::Wide => "wide table (one column per month)",
            Format::Incidents => "incident list (one row per incident)",
            Format::DatasetJson => "dataset JSON",
            Format::Scenario => "scenario file (data and settings)",
            Format::Credits => {
                "reported service credits (one row per company or measure and month)"
            }
            Format::Report => "Performance Measurement Report (text copied from the PDF)",
        }
    }
}

/// The outcome of reading one file or pasted block. Nothing is applied to
/// the user's data until they accept it, and only when `errors` is empty.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Import {
    pub file: String,
    /// `None` when the file could not be recognised at all.
    pub format: Option<Format>,
    /// The field separator of a table: `b','`, `b'\t'` or `b';'`.
    pub delimiter: Option<u8>,
    /// Data rows read (lines after the header; observations for JSON).
    pub rows: u64,
    /// Data rows with at least one error.
    pub rejected: u64,
    /// What the good rows say. Complete only when `errors` is empty.
    pub dataset: Dataset,
    pub errors: Vec<ImportError>,
    /// Settings carried by a scenario file.
    pub settings: Option<Settings>,
    /// The month a scenario file was showing when saved.
    pub month: Option<Month>,
    /// The credit scheme a scenario file carries.
    pub scheme: Option<crate::engine::scheme::CreditScheme>,
    /// The baseline a scenario file carries.
    pub baseline: Option<Box<scenario::Baseline>>,
    /// The OPR years a scenario file carries.
    pub regime: Option<crate::engine::opr::Regime>,
    /// The named scenarios a scenario file carries.
    pub saved: Vec<scenario::SavedScenario>,
    /// Facts worth telling the user that are not errors
    /// (incidents still open and so not counted, ...).
    pub notes: Vec<String>,
    /// Every figure a reader took from the input, with where it stood, so
    /// the preview can show what was read and not only how much. Filled by
    /// the readers of report text and spreadsheets.
    pub figures: Vec<FigureRead>,
    /// Parts of the input a reader could not place: listed, never guessed.
    pub unplaced: Vec<Unplaced>,
    /// What a performance report's text said about itself (its month, how
    /// complete the paste is, printed targets against the catalogue).
    pub report: Option<Box<report::ReportSummary>>,
    /// What the spreadsheet reader made of a sheet: its shape and the
    /// questions only the user can answer (see [`sheet`]).
    pub sheet: Option<Box<sheet::SheetSummary>>,
}

/// One figure as a reader found it: the line (or spreadsheet row) it came
/// from, where that is in the document, what it is and the text as printed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FigureRead {
    /// 1-based line of the text, or row of the sheet.
    pub line: u64,
    /// Where in the document: `Table 13`, `§14`, `Sheet1 column C`.
    pub place: String,
    /// What the figure is: `2021-03 PM2 CSPN level`, `2021-02 CH1.2 CSPC restated`.
    pub subject: String,
    /// As printed: `23.74%`, `No Events`, `£43,198`.
    pub text: String,
}

/// A line (or row) that looked like data but could not be placed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Unplaced {
    pub line: u64,
    /// The text, shortened.
    pub text: String,
    /// Why it could not be read.
    pub why: String,
}

impl Import {
    /// An import that failed before any row could be read.
    pub fn failed(file: &str, error: ImportError) -> Import {
        Import {
            file: file.into(),
            errors: vec![error],
            ..Import::default()
        }
    }

    /// No errors and no unanswered questions: the import can be accepted.
    pub fn is_clean(&self) -> bool {
        self.errors.is_empty() && self.sheet.as_ref().is_none_or(|s| s.questions.is_empty())
    }

    /// The dataset if every row was good, else every error.
    pub fn into_result(self) -> Result<Dataset, Vec<ImportError>> {
        if self.errors.is_empty() {
            Ok(self.dataset)
        } else {
            Err(self.errors)
        }
    }
}

use crate::engine::{Catalogue, Dataset, Input, Month, Settings};
use serde::Serialize;

/// The March 2021 PMR figures, current and previous columns, shipped with the app.
pub const SAMPLE_CSV: &str = include_str!("../../data/sample-2021-03.csv");
pub const SAMPLE_NAME: &str = "sample-2021-03.csv";
/// What the March 2021 report states in words (its claims), as JSON.
pub const SAMPLE_CLAIMS_JSON: &str = include_str!("../../data/claims-2021-03.json");

/// The March 2021 PMR's service credits: §14 per measure, Tables 29 and 30
/// per company and month with their totals, and §15's overall total.
pub const SAMPLE_CREDITS_CSV: &str = include_str!("../../data/credits-2020-04-2021-03.csv");
pub const SAMPLE_CREDITS_NAME: &str = "credits-2020-04-2021-03.csv";

/// The other reports' sample: July 2019's forecast variance, the RDP
/// incidents of July 2019 and August 2021, and March 2021's problem
/// records and exclusion lists.
pub fn reports_sample() -> crate::engine::reports::ReportFigures {
    crate::engine::reports::ReportFigures {
        variance: variance_csv::sample(),
        rdp: rdp_csv::sample(),
        problems: problems_csv::sample(),
        exclusions: exclusions_csv::sample(),
        aged: aged_csv::sample(),
        holidays: None,
    }
}

/// The embedded sample: the figures, reported credits and claims of the
/// files above, built by [`baked`] (which `tests/it/bake.rs` writes
/// from them and checks equal to what the readers read), so that opening
/// the app reads no CSV or JSON. The claims are read from the report's
/// text by `tests/it/month_review.rs` (`write_sample_claims`).
pub fn sample() -> Dataset {
    baked::dataset()
}

/// Reads a dataset file, choosing the format by content. See [`read`].
pub fn read_dataset(file: &str, bytes: &[u8]) -> Result<Dataset, Vec<ImportError>> {
    read(file, bytes).into_result()
}

/// Reads a file or pasted block, whatever its format. A byte-order mark is
/// ignored; JSON is recognised by a leading `{`; a table by its header.
pub fn read(file: &str, bytes: &[u8]) -> Import {
    read_with(file, bytes, &sheet::Choices::default())
}

/// Reads as [`read`] does, with the user's answers to a spreadsheet's
/// questions (which column is which, which provider a name means, whether
/// fractions are percentages). With answers, a table is read as a
/// spreadsheet ([`sheet::read_text`]).
pub fn read_with(file: &str, bytes: &[u8], choices: &sheet::Choices) -> Import {
    match Reading::start_with(file, bytes.to_vec(), choices) {
        Reading::Done(import) => import,
        Reading::Incidents(mut reader) => {
            while !reader.step(usize::MAX) {}
            reader.finish()
        }
    }
}

/// What a file that is not UTF-8 should have been.
pub(crate) const NOT_TEXT: &str = "UTF-8 text (CSV, TSV or JSON), not a binary file";

/// A read in progress. Only incident lists are big enough to need steps.
// One is made per file read: boxing the import would save nothing.
#[allow(clippy::large_enum_variant)]
pub enum Reading {
    Done(Import),
    Incidents(incidents::IncidentReader),
}

/// How much of a big file is read first (after any byte-order mark), to
/// tell whether it is an incident list that can be read as the rest arrives
/// ([`Reading::stream`]). For a header on one line, only that line decides
/// it as the whole file would: JSON begins with `{`, and an incident header
/// has at least three separators, so [`report::looks_like_report`]'s first
/// test (a line split into cells) says "no report" on it, as on the whole
/// file. A header longer than this is read whole. (A header whose quoted
/// names run over several lines could in theory be judged on these bytes
/// where the whole file would be judged on its first 200,000 characters.)
pub const HEAD_BYTES: usize = 64 * 1024;

impl Reading {
    /// An incident list read as it arrives: `head` is the file's first
    /// [`HEAD_BYTES`] (or all of it), `total` its size. `None` when the
    /// file must be read whole: not an incident list, or one whose header
    /// has an error (the whole read reports it, as for any file).
    pub fn stream(file: &str, head: &[u8], total: u64) -> Option<incidents::IncidentReader> {
        let (head, delimiter) = Reading::streamed_head(head, total)?;
        // Room for the whole file, so the parts do not move it as they
        // arrive; if there is not, the reader grows as they come.
        let mut bytes = Vec::new();
        let _ = bytes.try_reserve_exact(usize::try_from(total).unwrap_or(usize::MAX));
        bytes.extend_from_slice(head);
        incidents::IncidentReader::streaming(file, bytes, total, delimiter)
    }

    /// The reader of the rest of a file from `start` (a record start), made
    /// from the file's head as [`Reading::stream`] makes the whole file's:
    /// the same header and delimiter, from the same bytes. The import
    /// worker reads the second half of a big list with it, from the head it
    /// read itself, while the page reads the first (`ui::halves`).
    pub fn stream_part(
        file: &str,
        head: &[u8],
        total: u64,
        start: u64,
    ) -> Option<incidents::IncidentReader> {
        let (head, delimiter) = Reading::streamed_head(head, total)?;
        // Its header is found as the whole file's reader finds it.
        let whole = incidents::IncidentReader::streaming(
            file,
            head.to_vec(),
            head.len() as u64,
            delimiter,
        )?;
        let header = whole.header_text().to_vec();
        let size = (header.len() as u64).saturating_add(total.saturating_sub(start));
        incidents::IncidentReader::streaming(file, header, size, delimiter)
    }

    /// The head without any byte-order mark, and the delimiter, when the
    /// file is an incident list to read as it arrives.
    fn streamed_head(head: &[u8], total: u64) -> Option<(&[u8], u8)> {
        let whole = head.len() as u64 >= total;
        let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
        if head.len() < HEAD_BYTES && !whole {
            return None;
        }
        // Up to the last line end, which is a character boundary.
        let end = head.iter().rposition(|&b| b == b'\n')? + 1;
        let text = std::str::from_utf8(head.get(..end)?).ok()?;
        if text.trim_start().starts_with('{') || report::looks_like_report(text) {
            return None;
        }
        let delimiter = sniff_delimiter(text);
        incidents::is_incident_header(&header_names(text, delimiter)).then_some((head, delimiter))
    }

    pub fn start(file: &str, bytes: Vec<u8>) -> Reading {
        Reading::start_with(file, bytes, &sheet::Choices::default())
    }

    pub fn start_with(file: &str, mut bytes: Vec<u8>, choices: &sheet::Choices) -> Reading {
        if bytes.starts_with(b"\xEF\xBB\xBF") {
            bytes.drain(..3);
        }
        let failed = |kind, expected: &str| {
            Reading::Done(Import::failed(
                file,
                ImportError::file(file, kind, expected),
            ))
        };
        let Ok(text) = std::str::from_utf8(&bytes) else {
            return failed(ErrorKind::Unreadable, NOT_TEXT);
        };
        if text.trim().is_empty() {
            return failed(
                ErrorKind::Unreadable,
                "a header row and at least one data row; the file is empty",
            );
        }
        if text.trim_start().starts_with('{') {
            return Reading::Done(scenario::read(file, text));
        }
        if report::looks_like_report(text) {
            return Reading::Done(report::read(file, text));
        }
        let delimiter = sniff_delimiter(text);
        let headers = header_names(text, delimiter);
        if incidents::is_incident_header(&headers) {
            return match incidents::IncidentReader::new(file, bytes, delimiter) {
                Ok(r) => Reading::Incidents(r),
                Err(import) => Reading::Done(import),
            };
        }
        let credits = credits_csv::is_credits_header(&headers);
        let mut import = if credits {
            credits_csv::read(file, text, delimiter)
        } else if !choices.is_empty() {
            return Reading::Done(sheet::read_text(file, text, choices));
        } else if headers.iter().any(|h| h == "period") {
            long_csv::read(file, text, delimiter)
        } else if headers.iter().any(|h| h == "measure") && headers.iter().any(|h| h == "provider")
        {
            wide_csv::read(file, text, delimiter)
        } else {
            Import::failed(
                file,
                ImportError {
                    row: Some(1),
                    ..ImportError::file(file, ErrorKind::MissingColumn, HEADER_EXPECTED)
                },
            )
        };
        import.delimiter = Some(delimiter);
        // Levels between 0 and 1 are fractions as spreadsheets hold
        // percentages (0.991 for 99.1%) far more often than levels below
        // 1%: the spreadsheet reader asks which, rather than take them
        // silently. A file in the app's own export form is read as written.
        let own_export = ["period", "reported_in", "note"]
            .iter()
            .all(|c| headers.iter().any(|h| h == c));
        if !credits && !own_export && import.is_clean() && any_fraction(&import.dataset) {
            return Reading::Done(sheet::read_text(file, text, choices));
        }
        if !credits {
            import = sheet::instead_of(file, text, import);
        }
        Reading::Done(import)
    }
}

/// Whether a level of a percentage measure (not PM12.2, whose formula runs
/// past 100) is between 0 and 1, exclusive of 0: a fraction as a
/// spreadsheet holds it, or a level below 1%; the sheet reader asks which.
fn any_fraction(data: &Dataset) -> bool {
    use crate::engine::catalogue::{Basis, Unit};
    let cat = Catalogue::builtin();
    data.observations.iter().any(|o| {
        let Input::Level { level } = o.input else {
            return false;
        };
        let percent = cat
            .get(&o.measure, o.provider)
            .is_some_and(|d| d.unit == Unit::Percent && d.basis != Basis::PowerOutage);
        percent
            && !o.approximate
            && level > rust_decimal::Decimal::ZERO
            && level <= rust_decimal::Decimal::ONE
    })
}

pub const HEADER_EXPECTED: &str =
    "a header row: period, measure, provider, value, ... (long form); \
     measure, provider and one column per month (wide form); reference, category, \
     closed, within_target, ... (incident list); or period, party, credits, ... \
     (reported service credits)";

/// The separator of the header line: a tab if there is one (spreadsheets
/// copy tab-separated), else a semicolon if there are more of them than
/// commas (European CSV), else a comma.
pub fn sniff_delimiter(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or("");
    let count = |c: char| first.chars().filter(|x| *x == c).count();
    if count('\t') > 0 {
        b'\t'
    } else if count(';') > count(',') {
        b';'
    } else {
        b','
    }
}

/// Header names as the readers match them: lower case, `_` for spaces and hyphens.
pub fn normalise_header(h: &str) -> String {
    h.trim().to_ascii_lowercase().replace([' ', '-'], "_")
}

fn header_names(text: &str, delimiter: u8) -> Vec<String> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut record = csv::StringRecord::new();
    match reader.read_record(&mut record) {
        Ok(true) => record.iter().map(normalise_header).collect(),
        _ => Vec::new(),
    }
}

pub(crate) fn json_error(file: &str, e: &serde_json::Error) -> ImportError {
    // serde_json says line 0 when it has no position.
    let at = (e.line() > 0).then_some(e);
    ImportError {
        row: at.map(|e| e.line() as u64),
        column: at.map(|e| format!("character {}", e.column())),
        ..ImportError::file(
            file,
            ErrorKind::Syntax,
            format!("a dataset or scenario in the app's JSON format ({e})"),
        )
    }
}

/// The checks the CSV readers make, for data that arrives as JSON: JSON is
/// not trusted more.
pub(crate) fn check_dataset(file: &str, data: &Dataset) -> Vec<ImportError> {
    let cat = Catalogue::builtin();
    let mut errors = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (i, o) in data.observations.iter().enumerate() {
        let at = |field: &str, value: String, kind, expected: String| ImportError {
            row: Some(i as u64 + 1),
            column: Some(format!("observations[{i}].{field}")),
            value: Some(value),
            ..ImportError::file(file, kind, expected)
        };
        let Some(def) = cat.get(&o.measure, o.provider) else {
            errors.push(at(
                "measure",
                o.measure.clone(),
                ErrorKind::UnknownMeasure,
                format!("a measure of {} in the catalogue", o.provider),
            ));
            continue;
        };
        if !seen.insert((o.period, o.measure.as_str(), o.provider, o.reported_in)) {
            errors.push(at(
                "period",
                o.period.to_string(),
                ErrorKind::Duplicate,
                "one observation per period, measure, provider and reported_in".into(),
            ));
        }
        match &o.input {
            Input::Level { level } => {
                if let Some(e) = long_csv::implausible(def.unit, def.basis, *level) {
                    errors.push(at("input.level", level.to_string(), ErrorKind::BadValue, e));
                }
            }
            Input::Counts { successes, total } if successes > total => {
                errors.push(at(
                    "input.successes",
                    successes.to_string(),
                    ErrorKind::Inconsistent,
                    format!("no more than the total ({total})"),
                ));
            }
            Input::Incidents { categories } if categories.is_empty() => {
                errors.push(at(
                    "input.categories",
                    "[]".into(),
                    ErrorKind::Inconsistent,
                    "at least one incident category".into(),
                ));
            }
            Input::Incidents { categories } => {
                for c in categories
                    .iter()
                    .filter(|c| c.within > c.total || !def.counts_category(c.category))
                {
                    errors.push(at(
                        "input.categories",
                        format!("category {}: {} of {}", c.category, c.within, c.total),
                        ErrorKind::Inconsistent,
                        "CPM4 categories 1–2 or CPM5 categories 3–5, with no more resolved within target than closed".into(),
                    ));
                }
            }
            _ => {}
        }
    }
    errors.extend(check_credits(file, &data.credits));
    errors.truncate(MAX_ERRORS);
    errors
}

/// The checks [`credits_csv`] makes, for credits that arrive as JSON: a
/// measure the catalogue has for its provider, no negative points or money,
/// one credit per key.
fn check_credits(file: &str, credits: &[crate::engine::ReportedCredit]) -> Vec<ImportError> {
    use crate::engine::{Amount, CreditScope};
    use rust_decimal::Decimal;
    let cat = Catalogue::builtin();
    let mut errors = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (i, c) in credits.iter().enumerate() {
        let at = |field: &str, value: String, kind, expected: String| ImportError {
            row: Some(i as u64 + 1),
            column: Some(format!("credits[{i}].{field}")),
            value: Some(value),
            ..ImportError::file(file, kind, expected)
        };
        if let CreditScope::Measure { measure, provider } = &c.scope {
            if cat.get(measure, *provider).is_none() {
                errors.push(at(
                    "scope.measure",
                    measure.clone(),
                    ErrorKind::UnknownMeasure,
                    credits_csv::known_measures(*provider),
                ));
            }
        }
        if let Some(p) = c.points.filter(|p| *p < Decimal::ZERO) {
            errors.push(at(
                "points",
                p.to_string(),
                ErrorKind::BadValue,
                credits_csv::POINTS_EXPECTED.into(),
            ));
        }
        if let Amount::Money { gbp } = c.amount {
            if gbp < Decimal::ZERO {
                errors.push(at(
                    "amount.gbp",
                    gbp.to_string(),
                    ErrorKind::BadValue,
                    credits_csv::CREDITS_EXPECTED.into(),
                ));
            }
        }
        if !seen.insert(c.key()) {
            errors.push(at(
                "period",
                c.period.to_string(),
                ErrorKind::Duplicate,
                format!(
                    "one credit per period, company or measure, and reported_in ({} twice)",
                    c.scope
                ),
            ));
        }
    }
    errors
}
