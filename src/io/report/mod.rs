//! The Performance Measurement Report as published: the text a user gets by
//! selecting all in the PDF and copying, read into the dataset.
//!
//! What is read, and from where (table numbers as in the March 2021 PMR;
//! the reader finds tables by their headers and captions, not by number or
//! position):
//! - [`levels`]: Table 1 (CPMs and components) and the provider tables
//!   (12–28) found in the text, and [`rows`]: each row placed (its measure,
//!   periods, previous, current, target and minimum, restatements,
//!   quarters);
//! - [`counts`]: the PM2 volumes under Table 1, the CPM4/CPM5 incident
//!   counts by category, and the counts the text gives (hubs attempted and
//!   faulty, power outage alerts);
//! - [`credits`]: §14's service points and credits and its KPIs, the
//!   12-month credit tables and §15's stated total.
//!
//! Every figure goes through the same checks as a row of the long CSV
//! (`long_csv::Collector`, `credits_csv::Rows`), so a figure means the same
//! whichever way it arrives. Whatever looks like table data but cannot be
//! placed is listed with its line; printed targets and minimums that differ
//! from the catalogue are listed, never taken.

pub mod aged;
mod claims;
mod counts;
mod credits;
pub mod exclusions;
mod levels;
pub mod problems;
mod rows;
pub mod text;

use super::{FigureRead, Format, Import, Unplaced};
use crate::engine::{Catalogue, Month, Provider};
use serde::Serialize;
use std::collections::BTreeMap;
use text::Token;

/// What a report's text said about itself.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ReportSummary {
    /// The report month, from its scope ("…Performance Measures for March
    /// 2021") or, failing that, its page footers.
    pub month: Option<Month>,
    /// Measures of the catalogue with a figure for the report's own period.
    pub read: usize,
    /// Measures the catalogue has (each expected once a month).
    pub expected: usize,
    /// Those with no figure: `CSPN PM6.2`, … (a partial paste).
    pub missing: Vec<String>,
    /// Printed targets and minimums that differ from the catalogue's.
    pub differences: Vec<String>,
}

/// The characters of a text [`looks_like_report`] reads, at most.
pub const LOOKED_AT: usize = 200_000;

/// Whether `text` is a performance report's text rather than a table. A
/// table (cells copied from a spreadsheet, a CSV file) that merely has
/// headers like "Target Service Level" is a table: its first line is split
/// into cells. The report's own name, or its Table 1 and provider-table
/// wording in text that is not a table, is a report.
pub fn looks_like_report(text: &str) -> bool {
    // A PDF copy has no tabs; cells copied from a sheet are split by them,
    // and a CSV file's lines by commas or semicolons (a title line above
    // the header may have neither). Checked first: it is the cheap test.
    let cells = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(5)
        .any(|l| l.contains('\t') || l.matches(',').count() >= 3 || l.matches(';').count() >= 3);
    if cells {
        return false;
    }
    // Words joined by single spaces: a PDF copy breaks headers anywhere.
    let head: String = text.chars().take(LOOKED_AT).collect();
    let lower = head
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    let levels = lower.contains("service level")
        && (lower.contains("minimum service") || lower.contains("target service"));
    levels
        && (lower.contains("performance measurement report")
            || lower.contains("reportable performance measures")
            || lower.contains("code performanc"))
}

/// One figure for the long-table checks, with the line it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct LongRow {
    pub line: u64,
    pub period: Month,
    pub measure: &'static str,
    pub provider: Provider,
    pub category: Option<u8>,
    /// As printed, without `%`.
    pub value: Option<String>,
    /// Successes and total.
    pub counts: Option<(u64, u64)>,
    pub reported_in: Month,
}

impl LongRow {
    fn key(&self) -> RowKey {
        (
            self.period,
            self.measure,
            self.provider,
            self.category,
            self.reported_in,
        )
    }
}

/// Period, measure, provider, incident category and the report's month.
type RowKey = (Month, &'static str, Provider, Option<u8>, Month);

/// One credit for the credits checks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct CreditRow {
    pub line: u64,
    pub period: Month,
    /// A company, a provider with `measure`, a table total (`SMETS2`) or `All`.
    pub party: String,
    pub measure: String,
    pub points: String,
    pub credits: String,
}

/// What the readers found, put together.
#[derive(Default)]
pub(crate) struct Found {
    /// By key; a second figure for a key fills in what the first lacks
    /// (Table 1's level and Table 2's volumes).
    rows: BTreeMap<RowKey, LongRow>,
    credits: Vec<CreditRow>,
    /// Where each credit's key is in `credits`.
    credit_keys: std::collections::HashMap<(Month, String, String), usize>,
    figures: Vec<FigureRead>,
    unplaced: Vec<Unplaced>,
    differences: Vec<String>,
}

impl Found {
    /// A level (or status) for a key. The same figure twice (a component in
    /// Table 1 and in its provider's table) is one figure; two different
    /// ones are listed, and the first kept.
    pub fn level(&mut self, row: LongRow, place: &str, what: &str, printed: &str) {
        self.figure(row.line, place, &row, what, printed);
        let key = row.key();
        match self.rows.get_mut(&key) {
            None => {
                self.rows.insert(key, row);
            }
            Some(have) => match (&have.value, &row.value) {
                (None, v) => have.value = v.clone(),
                (Some(a), Some(b)) if same_value(a, b) => {}
                (Some(a), Some(b)) => {
                    let first = have.line;
                    self.unplaced.push(Unplaced {
                        line: row.line,
                        text: printed.into(),
                        why: format!(
                            "{} {} {} is {a} at line {first} and {b} here; the first is kept",
                            row.period, row.provider, row.measure
                        ),
                    });
                }
                (Some(_), None) => {}
            },
        }
    }

    /// Counts for a key (successes and total), joined to its level.
    pub fn counts(&mut self, row: LongRow, place: &str, what: &str, printed: &str) {
        self.figure(row.line, place, &row, what, printed);
        let key = row.key();
        match self.rows.get_mut(&key) {
            None => {
                self.rows.insert(key, row);
            }
            Some(have) => {
                if have.counts.is_none() {
                    have.counts = row.counts;
                }
                if have.value.is_none() {
                    have.value = row.value;
                }
            }
        }
    }

    /// A credit. The same credit twice (text pasted twice) is one; two
    /// different amounts for one company and month are listed, the first kept.
    pub fn credit(&mut self, row: CreditRow, place: &str, printed: &str) {
        let key = (row.period, row.party.clone(), row.measure.clone());
        if let Some(first) = self
            .credit_keys
            .get(&key)
            .and_then(|&at| self.credits.get(at))
        {
            if !same_value(&first.credits, &row.credits) {
                let why = format!(
                    "{} {} {} credits are {} at line {} and {} here; the first is kept",
                    row.period, row.party, row.measure, first.credits, first.line, row.credits
                );
                self.unplaced.push(Unplaced {
                    line: row.line,
                    text: printed.into(),
                    why,
                });
            }
            return;
        }
        let subject = match row.measure.as_str() {
            "" => format!("{} {} credits", row.period, row.party),
            m => format!("{} {} {m} credits", row.period, row.party),
        };
        self.figures.push(FigureRead {
            line: row.line,
            place: place.into(),
            subject,
            text: printed.into(),
        });
        self.credit_keys.insert(key, self.credits.len());
        self.credits.push(row);
    }

    fn figure(&mut self, line: u64, place: &str, row: &LongRow, what: &str, printed: &str) {
        let category = row
            .category
            .map(|c| format!(" category {c}"))
            .unwrap_or_default();
        self.figures.push(FigureRead {
            line,
            place: place.into(),
            subject: format!(
                "{} {} {}{category} {what}",
                row.period, row.measure, row.provider
            ),
            text: printed.into(),
        });
    }

    /// Tokens that looked like data but could not be placed.
    pub fn unplaced(&mut self, tokens: &[Token<'_>], why: &str) {
        let Some(first) = tokens.iter().find(|t| t.is_figure()).or(tokens.first()) else {
            return;
        };
        // Joined only as far as is shown: a long stretch costs no more.
        let mut text = String::new();
        for t in tokens {
            if text.chars().count() > 120 {
                text = format!("{}…", text.chars().take(120).collect::<String>());
                break;
            }
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(&t.text);
        }
        self.unplaced.push(Unplaced {
            line: first.line,
            text,
            why: why.into(),
        });
    }

    pub fn difference(&mut self, d: String) {
        self.differences.push(d);
    }
}

fn same_value(a: &str, b: &str) -> bool {
    match (super::values::decimal(a), super::values::decimal(b)) {
        (Some(x), Some(y)) => x == y,
        _ => a.eq_ignore_ascii_case(b),
    }
}

/// The report month: the scope's "…Performance Measures for March 2021",
/// else the month the page footers give most often.
pub fn report_month(lines: &[&str]) -> Option<Month> {
    const SCOPE: &str = "performance measures for ";
    for (i, l) in lines.iter().enumerate() {
        // ASCII lower case keeps every byte where it was, so `at` indexes `l`.
        let lower = l.to_ascii_lowercase();
        if let Some(at) = lower.find(SCOPE) {
            let mut rest = l[at + SCOPE.len()..].to_string();
            if let Some(next) = lines.get(i + 1) {
                rest.push(' ');
                rest.push_str(next);
            }
            let words: Vec<&str> = rest.split_whitespace().take(2).collect();
            let m = words.join(" ");
            if let Some(m) = super::values::month(m.trim_end_matches(['.', ','])) {
                return Some(m);
            }
        }
    }
    let mut seen: BTreeMap<Month, usize> = BTreeMap::new();
    for l in lines {
        if let Some(m) = text::month_alone(l) {
            *seen.entry(m).or_default() += 1;
        }
    }
    seen.into_iter()
        .max_by_key(|(m, n)| (*n, *m))
        .map(|(m, _)| m)
}

/// Reads a report's text. See the module documentation.
pub fn read(file: &str, input: &str) -> Import {
    let all: Vec<&str> = input.lines().collect();
    let mut import = Import {
        file: file.into(),
        format: Some(Format::Report),
        ..Import::default()
    };
    let Some(month) = report_month(&all) else {
        import.errors.push(super::ImportError::file(
            file,
            super::ErrorKind::Unreadable,
            "the report month: a performance report states it in its scope \
             (\"…Performance Measures for March 2021\") and in its page footers; \
             neither is in this text",
        ));
        return import;
    };
    let lines = text::clean_lines(input);
    let tokens = text::tokens(&lines);
    let mut found = Found::default();
    levels::read(&tokens, month, &mut found);
    counts::read(&tokens, month, &mut found);
    credits::read(&tokens, month, &mut found);
    if found.figures.is_empty() {
        // A report, but no table this reader knows: say what it looks for
        // rather than offer an empty import.
        import.errors.push(super::ImportError::file(
            file,
            super::ErrorKind::Unreadable,
            format!(
                "the tables of a performance report ({}): a header ending \"Minimum Service Level\" \
                 (\"Code Performance Measure Number …\" for Table 1, \"Performance Area …\" for a \
                 provider's table) followed by rows of four figures, or the credit tables; \
                 none was found in this text",
                month.long_name()
            ),
        ));
        import.unplaced = found.unplaced;
        return import;
    }
    let mut claims = claims::read(&tokens, month);
    // Reviewers' notes state claims too; each is read on its own.
    for note in text::sticky_notes(input) {
        claims.extend(
            claims::read(&text::tokens(&note), month)
                .into_iter()
                .map(|mut c| {
                    c.words = format!("Reviewer's note: {}", c.words);
                    c
                }),
        );
    }
    finish(import, month, found, claims)
}

fn finish(
    mut import: Import,
    month: Month,
    found: Found,
    claims: Vec<crate::engine::claim::Claim>,
) -> Import {
    let Found {
        rows,
        credits,
        figures,
        unplaced,
        differences,
        ..
    } = found;
    let file = import.file.clone();
    let mut collector = super::long_csv::Collector::new(&file);
    for r in rows.values() {
        let period = r.period.to_string();
        let category = r.category.map(|c| c.to_string()).unwrap_or_default();
        let (s, t) = r
            .counts
            .map(|(s, t)| (s.to_string(), t.to_string()))
            .unwrap_or_default();
        let reported_in = r.reported_in.to_string();
        let value = r.value.clone().unwrap_or_default();
        let get = |name: &'static str| -> (&str, &str) {
            let v: &str = match name {
                "period" => &period,
                "measure" => r.measure,
                "provider" => r.provider.code(),
                "category" => &category,
                "value" => &value,
                "successes" => &s,
                "total" => &t,
                "reported_in" => &reported_in,
                _ => "",
            };
            (name, v)
        };
        collector.add(r.line, &get);
    }
    let levels = collector.finish(Import {
        file: file.clone(),
        ..Import::default()
    });
    let mut credit_rows = super::credits_csv::Rows::new(&file);
    let reported_in = month.to_string();
    for c in &credits {
        let period = c.period.to_string();
        let get = |name: &'static str| -> &str {
            match name {
                "period" => &period,
                "party" => &c.party,
                "measure" => &c.measure,
                "points" => &c.points,
                "credits" => &c.credits,
                "reported_in" => &reported_in,
                _ => "",
            }
        };
        credit_rows.add(c.line, &get);
    }
    let money = credit_rows.finish(Import {
        file: file.clone(),
        ..Import::default()
    });
    // A "row" of a report is a figure read: the readers' own counts are of
    // table lines, which a report does not have.
    import.rows = (rows.len() + credits.len()) as u64;
    import.rejected = levels.rejected + money.rejected;
    import.errors = levels.errors;
    import.errors.extend(money.errors);
    import.errors.sort_by_key(|e| e.row);
    import.dataset = crate::engine::Dataset {
        observations: levels.dataset.observations,
        credits: money.dataset.credits,
        claims,
    };
    // Completeness: which of the catalogue's measures have a figure for
    // the report's own period (a quarterly measure's latest quarter).
    let cat = Catalogue::builtin();
    let mut have = std::collections::HashSet::new();
    for r in rows
        .values()
        .filter(|r| r.reported_in == month && r.period.months_since(month) > -3)
    {
        have.insert((r.measure, r.provider));
    }
    let missing = cat.missing(&have);
    let expected = cat.measures().len();
    import.notes.push(format!(
        "Read the {} Performance Measurement Report: figures for {} of the {} measures the catalogue expects{}.",
        month.long_name(),
        expected - missing.len(),
        expected,
        match missing.len() {
            0 => String::new(),
            // A few pages miss most measures: name the first, count the rest.
            n if n > 20 => format!("; missing: {} and {} more", missing[..20].join(", "), n - 20),
            _ => format!("; missing: {}", missing.join(", ")),
        }
    ));
    if !unplaced.is_empty() {
        import.notes.push(format!(
            "{} part(s) of the text could not be placed; they are listed with their lines.",
            unplaced.len()
        ));
    }
    import.notes.extend(differences.iter().cloned());
    import.figures = figures;
    import.unplaced = unplaced;
    import.report = Some(Box::new(ReportSummary {
        month: Some(month),
        read: expected - missing.len(),
        expected,
        missing,
        differences,
    }));
    import
}
