//! The dataset file: CSV in long form, one row per period, measure and
//! provider (and incident category for CPM4/CPM5). See README "Input formats".
//!
//! ```text
//! period,measure,provider,category,value,successes,total,reported_in,note
//! 2021-03,PM2,CSPN,,23.74,56774,239128,2021-03,
//! 2021-03,CPM5,DCC,3,,108,111,2021-03,
//! ```
//!
//! Every row is checked; all problems are returned together. The same
//! [`Collector`] checks the cells of wide tables, so both forms accept the
//! same values and give the same messages.
//!
//! Incident category rows may carry an `excluded` column listing the
//! incidents left out by exclusion type: `Cancelled=3; Duplicate=2`.

use crate::engine::catalogue::{Basis, Unit};
use crate::engine::observation::IncidentCount;
use crate::engine::{Catalogue, Dataset, Input, Month, Observation, Provider};
use crate::io::error::{ErrorKind, ImportError};
use crate::io::values::{self, Cell, LEVEL_EXPECTED, PERIOD_EXPECTED};
use crate::io::{normalise_header, Format, Import, MAX_ERRORS};
use rust_decimal::Decimal;
use std::collections::BTreeMap;

pub const COLUMNS: [&str; 10] = [
    "period",
    "measure",
    "provider",
    "category",
    "value",
    "successes",
    "total",
    "reported_in",
    "note",
    "excluded",
];
const REQUIRED: [&str; 3] = ["period", "measure", "provider"];

/// One parsed row before rows of a key are put together.
struct Row {
    line: u64,
    category: Option<(u8, u64, u64, BTreeMap<String, u64>)>,
    value: Option<(Cell, String)>,
    counts: Option<(u64, u64)>,
    note: Option<String>,
}

type Key = (Month, &'static str, Provider, Option<Month>);

/// Reads the long-form table `text` of `file`, fields separated by `delimiter`.
pub fn read(file: &str, text: &str, delimiter: u8) -> Import {
    let (mut import, mut reader) = table(file, text, delimiter, Format::Long);
    let expected = format!("a header with the columns {}", COLUMNS.join(","));
    let headers = match checked_headers(file, &mut reader, &REQUIRED, &expected) {
        Ok(h) => h,
        Err(errors) => {
            import.errors = errors;
            return import;
        }
    };
    let col = |name: &str| headers.iter().position(|h| h == name);
    let mut rows = Collector::new(file);
    rows.each_record(&mut reader, text, |rows, line, record| {
        rows.add(line, &|name| {
            (name, col(name).and_then(|i| record.get(i)).unwrap_or(""))
        });
    });
    rows.finish(import)
}

/// The header, normalised, or every required column it lacks (each located
/// at row 1), or its syntax error.
pub(crate) fn checked_headers(
    file: &str,
    reader: &mut csv::Reader<&[u8]>,
    required: &[&str],
    expected: &str,
) -> Result<Vec<String>, Vec<ImportError>> {
    let headers = match reader.headers() {
        Ok(h) => h.iter().map(normalise_header).collect::<Vec<_>>(),
        Err(e) => return Err(vec![syntax(file, &e)]),
    };
    let missing: Vec<ImportError> = required
        .iter()
        .filter(|c| !headers.iter().any(|h| h == *c))
        .map(|c| ImportError {
            row: Some(1),
            column: Some((*c).into()),
            ..ImportError::file(file, ErrorKind::MissingColumn, expected)
        })
        .collect();
    if missing.is_empty() {
        Ok(headers)
    } else {
        Err(missing)
    }
}

/// An empty outcome for a table and a reader of its rows: cells trimmed,
/// every row as long as the header.
pub(crate) fn table<'t>(
    file: &str,
    text: &'t str,
    delimiter: u8,
    format: Format,
) -> (Import, csv::Reader<&'t [u8]>) {
    let import = Import {
        file: file.into(),
        format: Some(format),
        delimiter: Some(delimiter),
        ..Import::default()
    };
    let reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(false)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    (import, reader)
}

/// Where each field of a row comes from: its column label (for messages)
/// and its text. Long tables label fields by name; wide tables label the
/// period and value by the month column.
pub(crate) type Fields<'r> = dyn Fn(&'static str) -> (&'r str, &'r str) + 'r;

/// Checks rows one at a time and puts the rows of each key together.
pub(crate) struct Collector<'f> {
    file: &'f str,
    cat: &'static Catalogue,
    errors: Vec<ImportError>,
    groups: BTreeMap<Key, Vec<Row>>,
    rows: u64,
    rejected: std::collections::BTreeSet<u64>,
}

impl<'f> Collector<'f> {
    pub(crate) fn new(file: &'f str) -> Collector<'f> {
        Collector {
            file,
            cat: Catalogue::builtin(),
            errors: Vec::new(),
            groups: BTreeMap::new(),
            rows: 0,
            rejected: Default::default(),
        }
    }

    /// Calls `row` with each record that is not blank, counting the rows
    /// and recording malformed ones.
    /// Each non-blank record of `reader` over `text`, with its line as an
    /// editor numbers it (see [`Lines`]).
    pub(crate) fn each_record(
        &mut self,
        reader: &mut csv::Reader<&[u8]>,
        text: &str,
        mut row: impl FnMut(&mut Self, u64, &csv::StringRecord),
    ) {
        let mut lines = Lines::new(text);
        for record in reader.records() {
            match record {
                Err(e) => {
                    let line = e.position().map(|p| lines.line_at(p.byte()));
                    let err = syntax(self.file, &e);
                    self.syntax_error(ImportError {
                        row: line.or(err.row),
                        ..err
                    });
                }
                Ok(r) if r.iter().all(str::is_empty) => {}
                Ok(r) => {
                    self.rows += 1;
                    let line = r.position().map_or(0, |p| lines.line_at(p.byte()));
                    row(self, line, &r);
                }
            }
        }
    }

    pub(crate) fn syntax_error(&mut self, e: ImportError) {
        self.rows += 1;
        self.push(e);
    }

    fn push(&mut self, e: ImportError) {
        if let Some(r) = e.row {
            self.rejected.insert(r);
        }
        // A wide row's key cells are checked once per month: say it once.
        let repeated = self
            .errors
            .iter()
            .rev()
            .take_while(|x| x.row == e.row)
            .any(|x| *x == e);
        if !repeated && self.errors.len() < MAX_ERRORS {
            self.errors.push(e);
        }
    }

    /// Checks one row (or one cell of a wide table).
    pub(crate) fn add(&mut self, line: u64, fields: &Fields<'_>) {
        let file = self.file;
        let get = |name: &'static str| fields(name).1;
        let mut row_errors = Vec::new();
        let mut bad = |column: &'static str, kind: ErrorKind, expected: String| {
            let (label, value) = fields(column);
            row_errors.push(ImportError::cell(file, line, label, value, kind, expected));
        };
        let cat = &self.cat;
        let outcome = (|| {
            let period = values::month(get("period"));
            if period.is_none() {
                bad("period", ErrorKind::BadPeriod, PERIOD_EXPECTED.into());
            }
            let reported_in = values::optional_month(get("reported_in"));
            if reported_in.is_none() {
                bad(
                    "reported_in",
                    ErrorKind::BadPeriod,
                    format!("{PERIOD_EXPECTED}, or empty"),
                );
            }
            let provider = Provider::parse(get("provider"));
            let def = match provider {
                None => {
                    let names: Vec<&str> = Provider::ALL.iter().map(|p| p.code()).collect();
                    bad(
                        "provider",
                        ErrorKind::UnknownProvider,
                        format!("one of {}", names.join(", ")),
                    );
                    None
                }
                Some(p) => {
                    let def = cat
                        .resolve_code(get("measure"), p)
                        .and_then(|c| cat.get(c, p));
                    if def.is_none() {
                        let known: Vec<&str> = cat
                            .measures()
                            .iter()
                            .filter(|m| m.provider == p)
                            .map(|m| m.code)
                            .collect();
                        bad(
                            "measure",
                            ErrorKind::UnknownMeasure,
                            format!("a measure of {p}: {}", known.join(", ")),
                        );
                    }
                    def
                }
            };
            let category = match get("category") {
                "" => Some(None),
                t => t
                    .parse::<u8>()
                    .ok()
                    .filter(|c| (1..=5).contains(c))
                    .map(Some),
            };
            if category.is_none() {
                bad(
                    "category",
                    ErrorKind::BadValue,
                    "an incident category 1 to 5, or empty".into(),
                );
            }
            let value = match get("value") {
                "" => Some(None),
                t => values::level(values::approximate(t).1).map(|c| Some((c, t.to_string()))),
            };
            if value.is_none() {
                bad("value", ErrorKind::BadValue, LEVEL_EXPECTED.into());
            }
            let mut counts = [None, None];
            for (i, name) in ["successes", "total"].into_iter().enumerate() {
                counts[i] = match get(name) {
                    "" => Some(None),
                    t => values::count(t).map(Some),
                };
                if counts[i].is_none() {
                    bad(
                        name,
                        ErrorKind::BadCount,
                        "a whole number of zero or more, such as 56,774, or empty".into(),
                    );
                }
            }
            let (
                Some(period),
                Some(def),
                Some(reported_in),
                Some(category),
                Some(value),
                [Some(s), Some(t)],
            ) = (period, def, reported_in, category, value, counts)
            else {
                return None;
            };
            let counts = match (s, t) {
                (Some(s), Some(t)) => Some((s, t)),
                (None, None) => None,
                (Some(_), None) | (None, Some(_)) => {
                    let which = if s.is_none() { "successes" } else { "total" };
                    bad(
                        which,
                        ErrorKind::Inconsistent,
                        "successes and total together, or neither".into(),
                    );
                    return None;
                }
            };
            if let Some((s, t)) = counts {
                if s > t && def.basis != Basis::PowerOutage {
                    bad(
                        "successes",
                        ErrorKind::Inconsistent,
                        format!("no more than the total ({t})"),
                    );
                    return None;
                }
            }
            let category = match category {
                None => None,
                Some(c) => {
                    let fits = def.counts_category(c);
                    let Some((s, t)) = counts.filter(|_| fits) else {
                        let expected = if fits {
                            "successes (resolved within target) and total for the category"
                                .to_string()
                        } else {
                            "a category only on CPM4 (1–2) or CPM5 (3–5) incident rows".to_string()
                        };
                        bad(
                            if fits { "total" } else { "category" },
                            ErrorKind::Inconsistent,
                            expected,
                        );
                        return None;
                    };
                    let Some(excluded) = values::exclusions(get("excluded")) else {
                        bad(
                            "excluded",
                            ErrorKind::BadValue,
                            values::EXCLUSIONS_EXPECTED.into(),
                        );
                        return None;
                    };
                    Some((c, s, t, excluded))
                }
            };
            if let Some((Cell::Number(n), _)) = &value {
                if let Some(expected) = implausible(def.unit, def.basis, *n) {
                    bad("value", ErrorKind::BadValue, expected);
                    return None;
                }
            }
            let note = Some(get("note").to_string()).filter(|n| !n.is_empty());
            let row = Row {
                line,
                category,
                value,
                counts,
                note,
            };
            Some(((period, def.code, def.provider, reported_in), row))
        })();
        match outcome {
            Some((key, row)) if row_errors.is_empty() => {
                self.groups.entry(key).or_default().push(row)
            }
            _ => row_errors.into_iter().for_each(|e| self.push(e)),
        }
    }

    /// Puts each key's rows together into observations.
    pub(crate) fn finish(self, mut import: Import) -> Import {
        let Collector {
            file,
            cat,
            mut errors,
            groups,
            rows,
            mut rejected,
        } = self;
        let mut observations = Vec::with_capacity(groups.len());
        for ((period, code, provider, reported_in), rows) in groups {
            // "~50" or "about 50": a number the documents only approximate.
            let approximate = rows.iter().any(|r| {
                r.category.is_none()
                    && matches!(&r.value, Some((Cell::Number(_), t)) if values::approximate(t).0)
            });
            match combine(file, &rows) {
                Ok((input, reported, note)) => observations.push(Observation {
                    input: power_outage(input, cat.get(code, provider).map(|d| d.basis)),
                    period,
                    measure: code.into(),
                    provider,
                    reported,
                    reported_in,
                    note,
                    approximate,
                }),
                Err(e) => {
                    if let Some(r) = e.row {
                        rejected.insert(r);
                    }
                    errors.push(e)
                }
            }
        }
        errors.sort_by_key(|e| e.row);
        import.rows += rows;
        import.rejected += rejected.len() as u64;
        import.errors.extend(errors);
        import.dataset = Dataset {
            observations: observations.into_iter().map(std::sync::Arc::new).collect(),
            ..Dataset::default()
        };
        import
    }
}

/// PM12.2's counts are alerts delivered and power-loss alerts, for its formula.
fn power_outage(input: Input, basis: Option<Basis>) -> Input {
    match (input, basis) {
        (Input::Counts { successes, total }, Some(Basis::PowerOutage)) => Input::PowerOutage {
            delivered: successes,
            power_loss_alerts: total,
        },
        (input, _) => input,
    }
}

/// A number no report could give for this kind of measure.
pub(crate) fn implausible(unit: Unit, basis: Basis, n: Decimal) -> Option<String> {
    match unit {
        _ if n.is_sign_negative() && !n.is_zero() => Some("a level of zero or more".into()),
        Unit::Percent if basis != Basis::PowerOutage && n > Decimal::ONE_HUNDRED => {
            Some("a percentage from 0 to 100 (only PM12.2's formula yields more)".into())
        }
        _ => None,
    }
}

/// Puts the rows of one key together into one input.
fn combine(
    file: &str,
    rows: &[Row],
) -> Result<(Input, Option<Decimal>, Option<String>), ImportError> {
    let mains: Vec<&Row> = rows.iter().filter(|r| r.category.is_none()).collect();
    let dup = |r: &Row, what: &str| {
        ImportError::cell(file, r.line, "period", "", ErrorKind::Duplicate, format!("one row per period, measure, provider and reported_in{what}; row {} has the same key", rows[0].line))
    };
    if mains.len() > 1 {
        return Err(dup(mains[1], ""));
    }
    let main = mains.first();
    let note = main.and_then(|r| r.note.clone());
    let reported = main.and_then(|r| match r.value {
        Some((Cell::Number(n), _)) => Some(n),
        _ => None,
    });
    let mut categories: Vec<IncidentCount> = Vec::new();
    for r in rows {
        let Some((category, within, total, excluded)) = r.category.clone() else {
            continue;
        };
        if categories.iter().any(|c| c.category == category) {
            return Err(dup(r, " (and category)"));
        }
        categories.push(IncidentCount {
            category,
            within,
            total,
            excluded,
        });
    }
    if !categories.is_empty() {
        categories.sort_by_key(|c| c.category);
        if let Some(r) = main.filter(|r| r.counts.is_some()) {
            return Err(ImportError::cell(
                file,
                r.line,
                "successes",
                "",
                ErrorKind::Inconsistent,
                "no counts on the total row when category rows give them",
            ));
        }
        return Ok((Input::Incidents { categories }, reported, note));
    }
    let Some(main) = main else {
        return Err(ImportError::file(
            file,
            ErrorKind::Inconsistent,
            "a row for each key",
        ));
    };
    let input = match (main.counts, &main.value) {
        (Some(_), Some((Cell::Status(_), text))) => {
            return Err(ImportError::cell(
                file,
                main.line,
                "value",
                text,
                ErrorKind::Inconsistent,
                "a number (or nothing) when successes and total are given",
            ));
        }
        (Some((s, t)), _) => Input::Counts {
            successes: s,
            total: t,
        },
        (None, Some((Cell::Number(n), _))) => Input::Level { level: *n },
        (None, Some((Cell::Status(s), _))) => Input::Status { status: *s },
        (None, None) => {
            return Err(ImportError::cell(
                file,
                main.line,
                "value",
                "",
                ErrorKind::BadValue,
                LEVEL_EXPECTED,
            ))
        }
    };
    let reported = if matches!(input, Input::Counts { .. }) {
        reported
    } else {
        None
    };
    Ok((input, reported, note))
}

pub(crate) fn syntax(file: &str, e: &csv::Error) -> ImportError {
    let row = e.position().map(|p| p.line());
    let expected = match e.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => {
            format!(
                "{expected_len} fields like the header, found {len} (is the delimiter a comma?)"
            )
        }
        csv::ErrorKind::Utf8 { .. } => "UTF-8 text".into(),
        _ => format!("well-formed CSV ({e})"),
    };
    ImportError {
        row,
        ..ImportError::file(file, ErrorKind::Syntax, expected)
    }
}

/// Line numbers of the text as an editor counts them, for records the csv
/// reader places by byte. (Its own line count leaves out blank lines and
/// runs one behind in CRLF files.) Records come in order, so each call
/// counts only from the last.
pub(crate) struct Lines<'t> {
    text: &'t [u8],
    at: usize,
    line: u64,
}

impl<'t> Lines<'t> {
    pub(crate) fn new(text: &'t str) -> Lines<'t> {
        Lines {
            text: text.as_bytes(),
            at: 0,
            line: 1,
        }
    }

    /// The 1-based line of the record the reader says starts at `byte`:
    /// line ends before it (`\n`, `\r\n` or a lone `\r`) and blank lines
    /// it skipped included.
    pub(crate) fn line_at(&mut self, byte: u64) -> u64 {
        let mut start = usize::try_from(byte).unwrap_or(usize::MAX);
        while matches!(self.text.get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        let start = start.min(self.text.len());
        if start < self.at {
            self.at = 0;
            self.line = 1;
        }
        let ends = self.text.get(self.at..start).unwrap_or_default();
        for (i, b) in ends.iter().enumerate() {
            let next = self.text.get(self.at + i + 1);
            if *b == b'\n' || (*b == b'\r' && next != Some(&b'\n')) {
                self.line += 1;
            }
        }
        self.at = start;
        self.line
    }
}
