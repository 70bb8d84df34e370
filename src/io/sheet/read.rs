//! A grid with a known layout, row by row, into the dataset: every cell
//! through the same checks as the app's own CSV (the long reader's
//! [`Collector`]), every figure listed as read, targets compared with the
//! catalogue, and what only the user can decide asked.

use super::checks::{hundredfold, percent_levels, scaled, LevelChecks};
use super::choices::{ambiguous, Choices, Fractions, Question};
use super::layout::{letter, shorten, Layout, Role};
use super::{Grid, SheetSummary};
use crate::engine::catalogue::{MeasureDef, Unit};
use crate::engine::{Catalogue, Month, NoValue, Provider};
use crate::io::long_csv::Collector;
use crate::io::values;
use crate::io::{ErrorKind, FigureRead, Format, Import, ImportError, Unplaced};
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// The Collector's fields, in the order its rows name them.
const FIELDS: [&str; 10] = crate::io::long_csv::COLUMNS;

/// How many rows a question or note lists before "and N more".
const LISTED: usize = 5;

/// A row's provider, once the sheet's name for it is understood.
enum Who {
    Known(Provider),
    /// A name for several; the row waits for the user's answer.
    Ask(&'static [Provider]),
    /// Not a provider name at all: the checker says so, with the cell.
    Unknown,
}

struct Sheet<'g> {
    grid: &'g Grid,
    layout: &'g Layout,
    choices: &'g Choices,
    cat: &'static Catalogue,
    /// Per column: `C (Achieved %)`, for messages.
    labels: Vec<String>,
    /// Per column: `Sheet1 column C`, for the list of figures read.
    places: Vec<String>,
}

impl<'g> Sheet<'g> {
    fn cell(&self, row: usize, col: Option<usize>) -> &'g str {
        let grid: &'g Grid = self.grid;
        col.and_then(|c| grid.rows.get(row)?.get(c))
            .map_or("", |c| c.trim())
    }

    fn role(&self, row: usize, role: Role) -> &'g str {
        self.cell(row, self.layout.column(role))
    }

    fn who(&self, row: usize) -> Who {
        let text = self.role(row, Role::Provider);
        if let Some(p) = self.choices.provider(text) {
            return Who::Known(p);
        }
        if let Some(p) = Provider::parse(text) {
            return Who::Known(p);
        }
        let Some(candidates) = ambiguous(text) else {
            return Who::Unknown;
        };
        // Telefonica with a region column: the region says which contract.
        let region = self.role(row, Role::Region);
        let by_region = Provider::parse(region)
            .or_else(|| Provider::parse(&format!("CSP {region}")))
            .filter(|p| candidates.contains(p));
        match by_region {
            Some(p) => Who::Known(p),
            None => Who::Ask(candidates),
        }
    }

    fn def(&self, row: usize, who: &Who) -> Option<&'static MeasureDef> {
        let Who::Known(p) = who else {
            return None;
        };
        let code = self.cat.resolve_code(self.role(row, Role::Measure), *p)?;
        self.cat.get(code, *p)
    }

    /// What kind of row this is, before its cells are checked.
    fn kind(&self, row: usize) -> Kind {
        let cells = &self.grid.rows[row];
        let filled = cells.iter().filter(|c| !c.trim().is_empty()).count();
        if filled == 0 {
            return Kind::Blank;
        }
        let header = &self.grid.rows[self.layout.header];
        if cells
            .iter()
            .map(|c| c.trim())
            .eq(header.iter().map(|c| c.trim()))
        {
            return Kind::Unplaced("the header row again");
        }
        if filled == 1 && self.layout.roles.iter().flatten().count() > 1 {
            return Kind::Unplaced("a single cell: a title or a note, not a figure");
        }
        // A wide row has no period cell: its measure and provider are its key.
        let keys = if self.layout.is_wide() {
            &[Role::Measure, Role::Provider][..]
        } else {
            &[Role::Measure, Role::Provider, Role::Period][..]
        };
        let missing = keys
            .iter()
            .filter(|r| self.role(row, **r).is_empty())
            .count();
        if missing >= 2 {
            return Kind::Unplaced(
                "no measure, provider or month to place it by: a total or a note, not a figure",
            );
        }
        Kind::Data
    }

    /// The level cells of a row: (column, text), counts and statuses left out.
    fn levels(&self, row: usize) -> Vec<(usize, &'g str)> {
        let cols: Vec<usize> = if self.layout.is_wide() {
            self.layout.months.iter().map(|(c, _)| *c).collect()
        } else {
            self.layout.column(Role::Value).into_iter().collect()
        };
        cols.into_iter()
            .map(|c| (c, self.cell(row, Some(c))))
            .filter(|(_, t)| {
                !t.is_empty() && NoValue::parse(t).is_none() && split_counts(t).is_none()
            })
            .collect()
    }

    /// A figure of the sheet for the list of what was read.
    fn figure(&self, line: u64, col: usize, subject: String, text: &str) -> FigureRead {
        FigureRead {
            line,
            place: self.places[col].clone(),
            subject,
            text: text.to_string(),
        }
    }
}

enum Kind {
    Blank,
    Data,
    Unplaced(&'static str),
}

/// `56,774 / 239,128` or `56,774 of 239,128`: successes and total.
fn split_counts(cell: &str) -> Option<(&str, &str)> {
    cell.split_once('/')
        .or_else(|| cell.split_once(" of "))
        .map(|(a, b)| (a.trim(), b.trim()))
}

/// `rows 3, 5, 9 and 12 more`.
fn row_list(rows: &[u64]) -> String {
    let shown: Vec<String> = rows.iter().take(LISTED).map(u64::to_string).collect();
    let more = rows.len().saturating_sub(LISTED);
    let word = if rows.len() == 1 { "row" } else { "rows" };
    if more == 0 {
        format!("{word} {}", shown.join(", "))
    } else {
        format!("{word} {} and {more} more", shown.join(", "))
    }
}

/// Reads the rows below the header of `layout`.
pub(super) fn rows(
    file: &str,
    grid: &Grid,
    layout: &Layout,
    choices: &Choices,
    summary: &mut SheetSummary,
) -> Import {
    let headers = &grid.rows[layout.header];
    let header = |i: usize| headers.get(i).map_or("", |h| h.trim());
    let width = headers.len();
    let sheet = Sheet {
        grid,
        layout,
        choices,
        cat: Catalogue::builtin(),
        labels: (0..width)
            .map(|i| match header(i) {
                "" => letter(i),
                h => format!("{} ({})", letter(i), shorten(h, 40)),
            })
            .collect(),
        places: (0..width)
            .map(|i| match grid.name.as_str() {
                "" => format!("column {}", letter(i)),
                name => format!("{name} column {}", letter(i)),
            })
            .collect(),
    };
    let wide = layout.is_wide();
    let mut import = Import {
        file: file.into(),
        format: Some(if wide { Format::Wide } else { Format::Long }),
        ..Import::default()
    };
    import.notes.extend(layout_notes(&sheet));

    // First pass: each data row's provider and measure, and whether the
    // levels are all fractions of 1.
    let mut data: Vec<(usize, Who, Option<&'static MeasureDef>)> = Vec::new();
    let (mut small, mut other) = (Vec::new(), false);
    let mut examples = Vec::new();
    for r in layout.header + 1..grid.rows.len() {
        match sheet.kind(r) {
            Kind::Blank => continue,
            Kind::Unplaced(why) => {
                let text: Vec<&str> = grid.rows[r]
                    .iter()
                    .map(|c| c.trim())
                    .filter(|c| !c.is_empty())
                    .collect();
                import.unplaced.push(Unplaced {
                    line: r as u64 + 1,
                    text: shorten(&text.join(" | "), 80),
                    why: why.into(),
                });
                continue;
            }
            Kind::Data => {}
        }
        let who = sheet.who(r);
        let def = sheet.def(r, &who);
        if def.is_some_and(percent_levels) {
            for (_, text) in sheet.levels(r) {
                let (_, figure) = values::approximate(text);
                match values::decimal(figure) {
                    // Zero is 0% either way: only 0 < level ≤ 1 is in doubt.
                    Some(d) if !figure.contains('%') && d > Decimal::ZERO && d <= Decimal::ONE => {
                        if small.last() != Some(&(r as u64 + 1)) {
                            small.push(r as u64 + 1);
                        }
                        if examples.len() < 3 {
                            examples.push(text.to_string());
                        }
                    }
                    Some(_) => other = true,
                    None => {}
                }
            }
        }
        data.push((r, who, def));
    }
    // Any level in doubt is asked about, even beside levels above 1: a
    // sheet may hold some rows as fractions and others as percentages, and
    // none may be taken silently. Only the levels in doubt are converted.
    let fractions = !small.is_empty();
    let scale = fractions && choices.fractions == Some(Fractions::Percent);
    let value_place = if wide {
        "the month columns".to_string()
    } else {
        layout
            .column(Role::Value)
            .map_or_else(String::new, |c| sheet.labels[c].clone())
    };
    match (fractions, choices.fractions) {
        (true, None) => {
            import.errors.push(ImportError {
                row: None,
                column: Some(value_place.clone()),
                value: examples.first().cloned(),
                ..ImportError::file(
                    file,
                    ErrorKind::BadValue,
                    format!(
                        "percentages such as 99.1: {} between 0 and 1 ({}, …), as spreadsheets hold percentages; say whether to read them ×100 or as written",
                        if other { "some levels here are" } else { "every level here is" },
                        examples.join(", ")
                    ),
                )
            });
            summary.questions.push(Question::Fractions {
                place: value_place,
                rows: small,
                examples,
            });
        }
        (true, Some(Fractions::Percent)) => import.notes.push(format!(
            "Levels between 0 and 1 in {value_place} read as percentages, ×100 ({} becomes {}), as you chose.",
            examples.first().map_or("", String::as_str),
            examples.first().and_then(|e| hundredfold(e)).unwrap_or_default()
        )),
        (true, Some(Fractions::AsPrinted)) => import.notes.push(format!(
            "Levels between 0 and 1 in {value_place} read as written ({} is {}%), as you chose.",
            examples.first().map_or("", String::as_str),
            examples.first().map_or("", String::as_str)
        )),
        (false, _) => {}
    }

    // Second pass: every row through the checker.
    let mut rows = Collector::new(file);
    let mut waiting: BTreeMap<String, (&'static [Provider], Vec<u64>)> = BTreeMap::new();
    let mut checks = LevelChecks::default();
    let cols: Vec<(&'static str, Option<usize>)> = FIELDS
        .iter()
        .map(|f| {
            let role = Role::ALL.into_iter().find(|r| r.field() == Some(f));
            (*f, role.and_then(|r| layout.column(r)))
        })
        .collect();
    let label = |c: Option<usize>, name: &'static str| -> String {
        c.map_or(name.to_string(), |c| sheet.labels[c].clone())
    };
    let labels: Vec<(&'static str, String)> =
        cols.iter().map(|(f, c)| (*f, label(*c, f))).collect();
    let field_label = |name: &str| -> &str {
        labels
            .iter()
            .find(|(f, _)| *f == name)
            .map_or("", |(_, l)| l.as_str())
    };
    let (target_col, minimum_col) = (layout.column(Role::Target), layout.column(Role::Minimum));
    let mut read = 0u64;
    for (r, who, def) in &data {
        let (r, line) = (*r, *r as u64 + 1);
        read += 1;
        let provider_text = sheet.role(r, Role::Provider);
        let provider = match who {
            Who::Known(p) => p.code(),
            Who::Ask(candidates) => {
                waiting
                    .entry(provider_text.to_string())
                    .or_insert_with(|| (candidates, Vec::new()))
                    .1
                    .push(line);
                provider_text
            }
            Who::Unknown => provider_text,
        };
        let measure_text = sheet.role(r, Role::Measure);
        let subject_of = |period: &str| {
            let period = values::month(period).map_or(period.to_string(), |m| m.to_string());
            let measure = def.map_or(measure_text, |d| d.code);
            let category = match sheet.role(r, Role::Category) {
                "" => String::new(),
                c => format!(" category {c}"),
            };
            format!("{period} {measure} {provider}{category}")
        };
        let convert = scale && def.is_some_and(|d| d.unit == Unit::Percent);
        let by_field = |name: &str| -> &str {
            cols.iter()
                .find(|(f, _)| *f == name)
                .map_or("", |(_, c)| sheet.cell(r, *c))
        };
        let periods: Vec<Month>;
        if wide {
            let cells: Vec<(Month, usize, &str)> = layout
                .months
                .iter()
                .map(|&(c, m)| (m, c, sheet.cell(r, Some(c))))
                .filter(|(_, _, t)| !t.is_empty())
                .collect();
            periods = cells.iter().map(|c| c.0).collect();
            for &(_, c, cell) in &cells {
                let subject = subject_of(header(c));
                let label = sheet.labels[c].as_str();
                let counts = split_counts(cell).filter(|_| NoValue::parse(cell).is_none());
                match counts {
                    Some((s, t)) => {
                        import.figures.push(sheet.figure(
                            line,
                            c,
                            format!("{subject} successes"),
                            s,
                        ));
                        import
                            .figures
                            .push(sheet.figure(line, c, format!("{subject} total"), t));
                    }
                    None => {
                        import
                            .figures
                            .push(sheet.figure(line, c, format!("{subject} level"), cell))
                    }
                }
                if matches!(who, Who::Ask(_)) {
                    continue;
                }
                let value = scaled(cell, convert && counts.is_none());
                let period = header(c);
                rows.add(line, &|name| match name {
                    "period" => (label, period),
                    "value" => (label, if counts.is_some() { "" } else { &value }),
                    "successes" => (label, counts.map_or("", |c| c.0)),
                    "total" => (label, counts.map_or("", |c| c.1)),
                    "provider" => (field_label(name), provider),
                    _ => (field_label(name), by_field(name)),
                });
            }
        } else {
            let period_text = sheet.role(r, Role::Period);
            let subject = subject_of(period_text);
            for (role, what) in [
                (Role::Value, "level"),
                (Role::Successes, "successes"),
                (Role::Total, "total"),
            ] {
                let c = layout.column(role);
                let text = sheet.cell(r, c);
                if let (Some(c), false) = (c, text.is_empty()) {
                    import
                        .figures
                        .push(sheet.figure(line, c, format!("{subject} {what}"), text));
                }
            }
            periods = values::month(period_text).into_iter().collect();
            if !matches!(who, Who::Ask(_)) {
                let value = scaled(sheet.role(r, Role::Value), convert);
                rows.add(line, &|name| match name {
                    "value" => (field_label(name), &value),
                    "provider" => (field_label(name), provider),
                    _ => (field_label(name), by_field(name)),
                });
            }
        }
        // Targets and minimums are compared, never taken.
        if let Some(def) = def {
            for (col, which) in [(target_col, Role::Target), (minimum_col, Role::Minimum)] {
                let text = sheet.cell(r, col);
                if let (Some(c), false) = (col, text.is_empty()) {
                    let subject = if wide {
                        format!("{} {} {}", def.code, def.provider, which.name())
                    } else {
                        format!(
                            "{} {}",
                            subject_of(sheet.role(r, Role::Period)),
                            which.name()
                        )
                    };
                    import.figures.push(sheet.figure(line, c, subject, text));
                    // Once per set of levels in force over the row's months.
                    let mut checked = Vec::new();
                    for period in &periods {
                        let levels = def.levels_at(*period);
                        if !checked.contains(&levels) {
                            checked.push(levels);
                            checks.check(def, *period, which, text, line, scale);
                        }
                    }
                }
            }
        }
    }
    import.rows = read;
    let waiting_rows: u64 = waiting.values().map(|(_, r)| r.len() as u64).sum();
    let mut import = rows.finish(import);
    import.rejected += waiting_rows;
    for (text, (candidates, lines)) in waiting {
        let names: Vec<&str> = candidates.iter().map(|p| p.name()).collect();
        import.errors.push(ImportError::cell(
            file,
            lines[0],
            field_label("provider"),
            &text,
            ErrorKind::UnknownProvider,
            format!(
                "one provider: {text:?} could be {}; say which it is in this sheet ({})",
                names.join(" or "),
                row_list(&lines)
            ),
        ));
        summary.questions.push(Question::Provider {
            text,
            choices: candidates.to_vec(),
            rows: lines,
        });
    }
    for (text, p) in &choices.providers {
        import
            .notes
            .push(format!("{text:?} read as {}, as you chose.", p.name()));
    }
    let role_label = |r: Role| {
        layout
            .column(r)
            .map_or(r.name().to_string(), |c| sheet.labels[c].clone())
    };
    import.notes.extend(checks.notes(&role_label));
    // Rows in order; a whole-column question (no row) first.
    import.errors.sort_by_key(|e| e.row);
    import
}

/// What the reader took the sheet to be: where its header is, which
/// column is what, and which columns it did not read.
fn layout_notes(sheet: &Sheet<'_>) -> Vec<String> {
    let layout = sheet.layout;
    let mut notes = Vec::new();
    if layout.header > 0 {
        notes.push(format!(
            "Header on row {}; the {} row{} above it (a title or notes) not read.",
            layout.header + 1,
            layout.header,
            if layout.header == 1 { "" } else { "s" }
        ));
    }
    let wide = layout.is_wide();
    let used: Vec<String> = layout
        .roles
        .iter()
        .enumerate()
        .filter_map(|(i, r)| {
            let r = (*r)?;
            (r != Role::Ignore && (!wide || r.in_wide()))
                .then(|| format!("{} as {}", sheet.labels[i], r.name()))
        })
        .collect();
    notes.push(format!("Columns read: {}.", used.join(", ")));
    if wide {
        if let (Some(first), Some(last)) = (layout.months.first(), layout.months.last()) {
            notes.push(format!(
                "{} month column{}, {} to {}.",
                layout.months.len(),
                if layout.months.len() == 1 { "" } else { "s" },
                first.1.short_name(),
                last.1.short_name()
            ));
        }
    }
    let header = &sheet.grid.rows[layout.header];
    let ignored: Vec<String> = (0..header.len())
        .filter(|&i| !header[i].trim().is_empty())
        .filter(|&i| {
            let month = layout.months.iter().any(|(c, _)| *c == i);
            match layout.roles[i] {
                None => !month,
                Some(r) => r == Role::Ignore || (wide && !r.in_wide()),
            }
        })
        .map(|i| sheet.labels[i].clone())
        .collect();
    if !ignored.is_empty() {
        notes.push(format!("Columns not read: {}.", ignored.join(", ")));
    }
    notes
}
