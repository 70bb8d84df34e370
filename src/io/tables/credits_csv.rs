//! Reported service credits as a table: one row per company, table total or
//! measure and month, as the report's §14, Tables 29 and 30 and §15 state
//! them. See README "Input formats".
//!
//! ```text
//! period,party,measure,points,credits,reported_in,note
//! 2020-08,Arqiva,,,105533,2021-03,
//! 2020-06,Telefonica,,,TBC,2021-03,
//! 2021-03,SMETS2,,,44555,2021-03,Table 29 total column
//! 2021-03,CSPN,PM2,175,43198,2021-03,
//! 2021-03,All,,,50432,2021-03,§15
//! ```
//!
//! - `party`: a company (`Arqiva`, `BT`, `CGI`, `Telefonica`, `SIE`,
//!   `Capgemini`, `Vodafone`, `Critical`, `Secure`, `DXC`, `MDS`, or a
//!   provider code standing for its company) gives that company's cell;
//!   `SMETS2`, `SMETS1`, `All` or `Total` gives a table's total or the
//!   overall total. With a `measure`, it must name a provider (`CSPN`,
//!   `DSP`, `Capgemini`, ...) and the credit is that measure's.
//! - `credits`: `£43,198`, `43198`, `1357.02`, `TBC` / `pending` /
//!   `under discussion`, `N/A`.
//! - `points`: service points, a number of zero or more, or empty.
//! - `period`, `reported_in`: months as the other tables take them.
//!
//! Columns may come in any order; `measure`, `points`, `reported_in` and
//! `note` may be left out. Every row is checked; all problems are returned
//! together.

use crate::engine::reported::CreditKey;
use crate::engine::{
    Amount, Catalogue, CreditScope, Dataset, Fleet, Party, Provider, ReportedCredit,
};
use crate::io::error::{ErrorKind, ImportError};
use crate::io::long_csv::{checked_headers, syntax, table, Lines};
use crate::io::values::{self, PERIOD_EXPECTED};
use crate::io::{Format, Import, MAX_ERRORS};
use rust_decimal::Decimal;
use std::collections::{BTreeMap, BTreeSet};

/// The columns, in the order [`crate::io::write::credits_csv`] writes them.
pub const COLUMNS: [&str; 7] = [
    "period",
    "party",
    "measure",
    "points",
    "credits",
    "reported_in",
    "note",
];
const REQUIRED: [&str; 3] = ["period", "party", "credits"];

pub const CREDITS_EXPECTED: &str = "an amount such as £43,198, 43198 or 1357.02 (zero or more), \
     or TBC / pending / under discussion, or N/A";
pub const POINTS_EXPECTED: &str = "service points: a number of zero or more, such as 175, or empty";

/// Whether a header (normalised by [`normalise_header`]) is a credits table's.
pub fn is_credits_header(headers: &[String]) -> bool {
    headers.iter().any(|h| h == "credits")
}

/// What the `party` column may hold, for messages.
pub fn party_expected() -> String {
    let names: Vec<&str> = Party::ALL.iter().map(|p| p.name()).collect();
    format!(
        "a company ({}), or SMETS2, SMETS1, All or Total",
        names.join(", ")
    )
}

/// Reads the credits table `text` of `file`, fields separated by `delimiter`.
pub fn read(file: &str, text: &str, delimiter: u8) -> Import {
    let (mut import, mut reader) = table(file, text, delimiter, Format::Credits);
    let expected = format!(
        "a header with the columns {} (measure, points, reported_in and note may be left out)",
        COLUMNS.join(",")
    );
    let headers = match checked_headers(file, &mut reader, &REQUIRED, &expected) {
        Ok(h) => h,
        Err(errors) => {
            import.errors = errors;
            return import;
        }
    };
    let col = |name: &str| headers.iter().position(|h| h == name);
    let cols: Vec<Option<usize>> = COLUMNS.iter().map(|c| col(c)).collect();
    let mut rows = Rows::new(file);
    let mut lines = Lines::new(text);
    for record in reader.records() {
        match record {
            Err(e) => {
                rows.count += 1;
                let row = e.position().map(|p| lines.line_at(p.byte()));
                rows.push(ImportError {
                    row,
                    ..syntax(file, &e)
                });
            }
            Ok(r) if r.iter().all(str::is_empty) => {}
            Ok(r) => {
                rows.count += 1;
                let line = r.position().map_or(0, |p| lines.line_at(p.byte()));
                let get = |name: &'static str| {
                    COLUMNS
                        .iter()
                        .position(|c| *c == name)
                        .and_then(|i| cols.get(i).copied().flatten())
                        .and_then(|i| r.get(i))
                        .unwrap_or("")
                };
                rows.add(line, &get);
            }
        }
    }
    rows.finish(import)
}

/// Checks rows one at a time and keeps one credit per key.
pub(crate) struct Rows<'f> {
    file: &'f str,
    cat: &'static Catalogue,
    errors: Vec<ImportError>,
    /// Each key with the line that gave it.
    credits: BTreeMap<CreditKey, (u64, ReportedCredit)>,
    count: u64,
    rejected: BTreeSet<u64>,
}

impl<'f> Rows<'f> {
    pub(crate) fn new(file: &'f str) -> Rows<'f> {
        Rows {
            file,
            cat: Catalogue::builtin(),
            errors: Vec::new(),
            credits: BTreeMap::new(),
            count: 0,
            rejected: BTreeSet::new(),
        }
    }

    fn push(&mut self, e: ImportError) {
        if let Some(r) = e.row {
            self.rejected.insert(r);
        }
        if self.errors.len() < MAX_ERRORS {
            self.errors.push(e);
        }
    }

    pub(crate) fn add<'r>(&mut self, line: u64, get: &dyn Fn(&'static str) -> &'r str) {
        let file = self.file;
        let mut errors = Vec::new();
        let mut bad = |column: &'static str, kind: ErrorKind, expected: String| {
            errors.push(ImportError::cell(
                file,
                line,
                column,
                get(column),
                kind,
                expected,
            ));
        };
        let period = values::month(get("period"));
        if period.is_none() {
            bad("period", ErrorKind::BadPeriod, PERIOD_EXPECTED.into());
        }
        let scope = self.scope(get("party"), get("measure"), &mut bad);
        let points = match get("points") {
            "" => Some(None),
            t => values::decimal(t).filter(|p| *p >= Decimal::ZERO).map(Some),
        };
        if points.is_none() {
            bad("points", ErrorKind::BadValue, POINTS_EXPECTED.into());
        }
        let amount = amount(get("credits"));
        if amount.is_none() {
            bad("credits", ErrorKind::BadValue, CREDITS_EXPECTED.into());
        }
        let reported_in = values::optional_month(get("reported_in"));
        if reported_in.is_none() {
            bad(
                "reported_in",
                ErrorKind::BadPeriod,
                format!("{PERIOD_EXPECTED}, or empty"),
            );
        }
        let note = Some(get("note").to_string()).filter(|n| !n.is_empty());
        let (Some(period), Some(scope), Some(points), Some(amount), Some(reported_in)) =
            (period, scope, points, amount, reported_in)
        else {
            errors.into_iter().for_each(|e| self.push(e));
            return;
        };
        let credit = ReportedCredit {
            period,
            scope,
            points,
            amount,
            reported_in,
            note,
        };
        if let Some((first, _)) = self.credits.get(&credit.key()) {
            let first = *first;
            let which = if matches!(credit.scope, CreditScope::Measure { .. }) {
                "measure"
            } else {
                "party"
            };
            self.push(ImportError::cell(
                file,
                line,
                which,
                get(which),
                ErrorKind::Duplicate,
                format!(
                    "one credit per period, company or measure, and reported_in \
                     (row {first} gives {} for {period} already)",
                    credit.scope
                ),
            ));
            return;
        }
        self.credits.insert(credit.key(), (line, credit));
    }

    /// What a row's credit is about, from its `party` and `measure` cells.
    fn scope(
        &self,
        party: &str,
        measure: &str,
        bad: &mut dyn FnMut(&'static str, ErrorKind, String),
    ) -> Option<CreditScope> {
        if measure.is_empty() {
            if let Some(fleet) = Fleet::parse(party) {
                return Some(CreditScope::Total { fleet });
            }
            if let Some(party) = Party::parse(party) {
                return Some(CreditScope::Party { party });
            }
            bad("party", ErrorKind::UnknownProvider, party_expected());
            return None;
        }
        let Some(provider) = Provider::parse(party) else {
            let names: Vec<&str> = Provider::ALL.iter().map(|p| p.code()).collect();
            bad(
                "party",
                ErrorKind::UnknownProvider,
                format!(
                    "a provider whose measure it is when a measure is given: one of {}",
                    names.join(", ")
                ),
            );
            return None;
        };
        let cat = self.cat;
        match cat
            .resolve_code(measure, provider)
            .and_then(|c| cat.get(c, provider))
        {
            Some(def) => Some(CreditScope::Measure {
                measure: def.code.to_string(),
                provider,
            }),
            None => {
                bad(
                    "measure",
                    ErrorKind::UnknownMeasure,
                    known_measures(provider),
                );
                None
            }
        }
    }

    pub(crate) fn finish(self, mut import: Import) -> Import {
        let Rows {
            mut errors,
            credits,
            count,
            rejected,
            ..
        } = self;
        errors.sort_by_key(|e| e.row);
        import.rows += count;
        import.rejected += rejected.len() as u64;
        import.errors.extend(errors);
        import.dataset = Dataset {
            credits: credits.into_values().map(|(_, c)| c).collect(),
            ..Dataset::default()
        };
        import
    }
}

/// A credits cell as [`Amount::parse`] reads it, thousands separators
/// allowed only where they group digits in threes (`£1,5` is refused
/// rather than read as £15).
pub fn amount(text: &str) -> Option<Amount> {
    let amount = Amount::parse(text)?;
    if amount.money().is_some() {
        let t = text.trim().trim_end_matches('*').trim();
        let t = t.strip_prefix("GBP").unwrap_or(t);
        let digits: String = t
            .chars()
            .filter(|c| !matches!(c, '£' | ' ' | '\u{a0}'))
            .collect();
        if digits.contains('%') || values::decimal(&digits).is_none() {
            return None;
        }
    }
    Some(amount)
}

/// What a measure cell may hold for `provider`, for messages.
pub(crate) fn known_measures(provider: Provider) -> String {
    let known: Vec<&str> = Catalogue::builtin()
        .measures()
        .iter()
        .filter(|m| m.provider == provider)
        .map(|m| m.code)
        .collect();
    format!("a measure of {provider}: {}", known.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_count_as_an_editor_does() {
        // Records as the csv reader places them: at the end of the last one.
        let text = "h\r\na\r\n\r\nb\rc\n\nd";
        let mut lines = Lines::new(text);
        assert_eq!(lines.line_at(3), 2, "a, after a CRLF");
        assert_eq!(lines.line_at(5), 4, "b, after a blank CRLF line");
        assert_eq!(lines.line_at(10), 5, "c, after a lone CR");
        assert_eq!(lines.line_at(12), 7, "d, after a blank LF line");
        assert_eq!(lines.line_at(u64::MAX), 7, "past the end");
        assert_eq!(lines.line_at(0), 1, "back to the start");
    }

    #[test]
    fn amounts_group_digits_in_threes() {
        let money = |s: &str| {
            Some(Amount::Money {
                gbp: s.parse().unwrap(),
            })
        };
        assert_eq!(amount("£43,198"), money("43198"));
        assert_eq!(amount("GBP 1,357.02"), money("1357.02"));
        assert_eq!(amount("£0*"), money("0"));
        assert_eq!(amount("N/A*"), Some(Amount::NotApplicable));
        assert_eq!(amount("£1,5"), None);
        assert_eq!(amount("5%"), None);
        assert_eq!(amount("-5"), None);
    }
}
