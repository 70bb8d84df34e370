//! Which row is the header and which column holds what: column names as
//! people write them, months as column headers, and the user's own
//! mapping where the names say nothing.

pub use super::role::{key, Role};
use super::Grid;
use crate::engine::Month;
use crate::io::values;
use serde::Serialize;
use std::collections::BTreeMap;

/// A column's letter as spreadsheets name it: A, B, …, Z, AA, AB, ….
pub fn letter(mut i: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (i % 26) as u8);
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// One column of the header row, for a person to say what it holds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ColumnInfo {
    pub index: usize,
    pub letter: String,
    /// The header cell as written (may be empty).
    pub header: String,
    /// The first few values under it.
    pub samples: Vec<String>,
    /// What it was read as: a role, or `None` (a month column if `month`).
    pub role: Option<Role>,
    pub month: Option<Month>,
}

/// Where the figures are: the header row and what each column holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Layout {
    /// Index of the header row in the grid.
    pub header: usize,
    /// Per column of the header row: its role, if it has one (a second
    /// column with the same role is left out and listed as not read).
    pub roles: Vec<Option<Role>>,
    /// Month columns of a wide table (empty for a long one).
    pub months: Vec<(usize, Month)>,
}

impl Layout {
    pub fn column(&self, role: Role) -> Option<usize> {
        self.roles.iter().position(|r| *r == Some(role))
    }

    pub fn is_wide(&self) -> bool {
        self.column(Role::Period).is_none()
    }

    /// The roles a readable table still lacks: measure and provider, and
    /// either a month column or a period and a value (or counts).
    pub fn missing(&self) -> Vec<Role> {
        let has = |r| self.column(r).is_some();
        let mut out: Vec<Role> = [Role::Measure, Role::Provider]
            .into_iter()
            .filter(|r| !has(*r))
            .collect();
        if self.months.is_empty() {
            if !has(Role::Period) {
                out.push(Role::Period);
            }
            let counts = has(Role::Successes) && has(Role::Total);
            if !has(Role::Value) && !counts {
                out.push(Role::Value);
            }
        }
        out
    }
}

/// How many rows from the top a header is looked for in.
const HEADER_SCAN: usize = 100;

/// What [`detect`] found.
pub struct Detected {
    /// `None` when no row names what a table needs.
    pub layout: Option<Layout>,
    /// The row that comes closest: the header, or the row to ask about.
    pub best: usize,
    /// The sheet's shape, for remembering a mapping: the header's names,
    /// months written as `<month>` so next month's sheet has the same shape.
    pub shape: String,
}

fn cell(row: &[String], i: usize) -> &str {
    row.get(i).map_or("", |c| c.trim())
}

/// Reads one row as a header: the user's mapping first, then column names.
fn as_header(row: &[String], mapping: &BTreeMap<String, Role>) -> Layout {
    let keys: Vec<String> = row.iter().map(|c| key(c)).collect();
    let mut roles: Vec<Option<Role>> = vec![None; row.len()];
    // Mapped columns first, so the user's choice wins over a name that
    // happens to mean the same role in another column.
    for (i, k) in keys.iter().enumerate() {
        if let Some(&r) = mapping.get(k) {
            if r == Role::Ignore || !roles.contains(&Some(r)) {
                roles[i] = Some(r);
            }
        }
    }
    for (i, k) in keys.iter().enumerate() {
        if roles[i].is_some() || mapping.contains_key(k) {
            continue;
        }
        if let Some(r) = Role::from_header(&row[i]) {
            if r == Role::Ignore || !roles.contains(&Some(r)) {
                roles[i] = Some(r);
            }
        }
    }
    let months = (0..row.len())
        .filter(|&i| roles[i].is_none() && !mapping.contains_key(&keys[i]))
        .filter_map(|i| values::month(cell(row, i)).map(|m| (i, m)))
        .collect();
    let mut layout = Layout {
        header: 0,
        roles,
        months,
    };
    // A long table's month is in its period column: month-like headers
    // beside it are not read.
    if layout.column(Role::Period).is_some() {
        layout.months.clear();
    }
    layout
}

/// Finds the header: the first row (of the first hundred) that names what
/// a table needs, with the user's mapping (header text → role) applied.
/// Where the mapping names columns, a row holding all of them is preferred.
pub fn detect(grid: &Grid, mapping: &BTreeMap<String, Role>) -> Detected {
    let mapping: BTreeMap<String, Role> = mapping.iter().map(|(h, r)| (key(h), *r)).collect();
    let none = BTreeMap::new();
    let scan = grid.rows.len().min(HEADER_SCAN);
    let find = |mapping: &BTreeMap<String, Role>, must_hold_mapped: bool| {
        (0..scan).find_map(|r| {
            let row = &grid.rows[r];
            if must_hold_mapped {
                let keys: Vec<String> = row.iter().map(|c| key(c)).collect();
                if !mapping.keys().all(|k| keys.contains(k)) {
                    return None;
                }
            }
            let mut layout = as_header(row, mapping);
            layout.header = r;
            layout.missing().is_empty().then_some(layout)
        })
    };
    let auto = find(&none, false);
    // The row closest to a header: most columns recognised, the first of equals.
    let best = auto.as_ref().map_or_else(
        || {
            let score = |r: usize| {
                let l = as_header(&grid.rows[r], &none);
                let named = l
                    .roles
                    .iter()
                    .flatten()
                    .filter(|r| **r != Role::Ignore)
                    .count();
                let filled = grid.rows[r].iter().filter(|c| !c.trim().is_empty()).count();
                // Months alone do not make a header: a data row has one.
                let months = if named > 0 { l.months.len() } else { 0 };
                (named + months, filled.min(2))
            };
            let mut best = (0, (0, 0));
            for r in 0..scan {
                let s = score(r);
                if s > best.1 {
                    best = (r, s);
                }
            }
            best.0
        },
        |l| l.header,
    );
    let shape = grid.rows.get(best).map_or_else(String::new, |row| {
        let names: Vec<String> = row
            .iter()
            .map(|c| match values::month(c) {
                Some(_) => "<month>".to_string(),
                None => key(c),
            })
            .collect();
        let used = names
            .iter()
            .rposition(|n| !n.is_empty())
            .map_or(0, |i| i + 1);
        names[..used].join("|")
    });
    let layout = if mapping.is_empty() {
        auto
    } else {
        find(&mapping, true).or_else(|| find(&mapping, false))
    };
    Detected {
        best: layout.as_ref().map_or(best, |l| l.header),
        layout,
        shape,
    }
}

/// The columns of row `r`, with a few values from below it.
pub fn columns(grid: &Grid, r: usize, mapping: &BTreeMap<String, Role>) -> Vec<ColumnInfo> {
    let Some(row) = grid.rows.get(r) else {
        return Vec::new();
    };
    let mapping: BTreeMap<String, Role> = mapping.iter().map(|(h, r)| (key(h), *r)).collect();
    let layout = as_header(row, &mapping);
    let below = grid.rows.get(r + 1..).unwrap_or_default();
    (0..row.len())
        .map(|i| ColumnInfo {
            index: i,
            letter: letter(i),
            header: cell(row, i).to_string(),
            samples: below
                .iter()
                .map(|b| cell(b, i))
                .filter(|c| !c.is_empty())
                .take(3)
                .map(|c| shorten(c, 40))
                .collect(),
            role: layout.roles[i],
            month: layout.months.iter().find(|(j, _)| *j == i).map(|(_, m)| *m),
        })
        .collect()
}

/// At most `max` characters, cut on a character boundary.
pub fn shorten(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_as_people_write_them() {
        #[rustfmt::skip]
        let cases = [
            ("Service Provider", Some(Role::Provider)), ("SP", Some(Role::Provider)),
            ("service_provider", Some(Role::Provider)), ("Performance Measure", Some(Role::Measure)),
            ("PM", Some(Role::Measure)), ("Month", Some(Role::Period)), ("Period", Some(Role::Period)),
            ("Service Level", Some(Role::Value)), ("Achieved %", Some(Role::Value)),
            ("% Achieved", Some(Role::Value)), ("Value (%)", Some(Role::Value)),
            ("Target Service Level", Some(Role::Target)), ("Minimum", Some(Role::Minimum)),
            ("Notes", Some(Role::Note)), ("Description", Some(Role::Ignore)),
            ("Reported In", Some(Role::ReportedIn)), ("value (%, as printed, or words)", None),
            ("Mar-21", None), ("", None), ("Performance Measure Description", None),
        ];
        for (header, want) in cases {
            assert_eq!(Role::from_header(header), want, "{header:?}");
        }
        assert_eq!(Role::parse("reported_in"), Some(Role::ReportedIn));
        assert_eq!(Role::parse("Achieved"), Some(Role::Value));
        assert_eq!(Role::parse("nonsense"), None);
    }

    #[test]
    fn letters_as_spreadsheets_name_columns() {
        let got: Vec<String> = [0, 2, 25, 26, 27, 51, 52, 701, 702].map(letter).into();
        assert_eq!(got, ["A", "C", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"]);
    }

    #[test]
    fn shortened_on_a_character_boundary() {
        assert_eq!(shorten("ééééé", 3), "ééé…");
        assert_eq!(shorten("abc", 3), "abc");
    }

    fn grid(rows: &[&[&str]]) -> Grid {
        Grid {
            name: String::new(),
            rows: rows
                .iter()
                .map(|r| r.iter().map(|c| c.to_string()).collect())
                .collect(),
        }
    }

    #[test]
    fn header_below_a_title_with_months_as_a_shape() {
        let g = grid(&[
            &["DCC figures"],
            &[],
            &[
                "Performance Measure",
                "SP",
                "Description",
                "May-21",
                "Jun-21",
            ],
            &["PM2", "CSPN", "firmware", "99", "98"],
        ]);
        let d = detect(&g, &BTreeMap::new());
        let l = d.layout.expect("a header");
        assert_eq!(l.header, 2);
        assert!(l.is_wide());
        assert_eq!(l.months.len(), 2);
        assert_eq!(d.shape, "performancemeasure|sp|description|<month>|<month>");
    }

    #[test]
    fn a_mapping_names_what_the_names_do_not() {
        let g = grid(&[
            &["When", "What", "Who", "Score"],
            &["2021-03", "PM2", "CSPN", "99"],
        ]);
        let d = detect(&g, &BTreeMap::new());
        assert!(d.layout.is_none());
        assert_eq!(d.best, 0);
        let mapping: BTreeMap<String, Role> = [
            ("When", Role::Period),
            ("What", Role::Measure),
            ("Who", Role::Provider),
            ("Score", Role::Value),
        ]
        .map(|(h, r)| (h.to_string(), r))
        .into();
        let l = detect(&g, &mapping).layout.expect("mapped");
        assert_eq!(l.column(Role::Value), Some(3));
        let cols = columns(&g, 0, &BTreeMap::new());
        assert_eq!(cols[3].samples, ["99"]);
        assert_eq!(cols[3].letter, "D");
    }
}
