//! One data row of an incident list checked and, if good, counted: its
//! reference, category, times, within-target flag and exclusion.

use super::*;

impl State {
    pub(super) fn push_error(&mut self, e: ImportError) {
        if self.errors.len() < MAX_ERRORS {
            self.errors.push(e);
        } else {
            self.errors_dropped = true;
        }
    }

    /// Checks one data row and, if good, counts it.
    pub(super) fn row(&mut self, line: u64, src: &[u8], scratch: &[u8], fields: &[Span]) {
        if fields.len() != self.headers.len() {
            self.rejected = self.rejected.saturating_add(1);
            let e = ImportError {
                row: Some(line),
                ..ImportError::file(
                    &self.file,
                    ErrorKind::Syntax,
                    format!(
                        "{} fields, as in the header; found {}",
                        self.headers.len(),
                        fields.len()
                    ),
                )
            };
            self.push_error(e);
            return;
        }
        let mut cells: [Option<&[u8]>; COLUMNS] = [None; COLUMNS];
        // Index loops: at opt-level "z" iterator adapters over arrays stay
        // calls, and this runs for every row.
        let mut c = 0;
        while c < COLUMNS {
            if let Some(Some(i)) = self.columns.get(c) {
                if let (Some(slot), Some(&s)) = (cells.get_mut(c), fields.get(*i)) {
                    *slot = Some(field(src, scratch, s));
                }
            }
            c += 1;
        }
        let cell = |c: usize| -> Option<&[u8]> { cells.get(c).copied().flatten() };
        // Errors are rare: nothing is allocated for a good row.
        let mut errs: Vec<(usize, ImportError)> = Vec::new();
        let mut fail = |c: usize, value: &[u8], kind: ErrorKind, expected: String| {
            if !errs.iter().any(|(k, _)| *k == c) {
                errs.push((
                    c,
                    ImportError {
                        file: String::new(),
                        row: Some(line),
                        column: None,
                        value: Some(shown(value)),
                        kind,
                        expected,
                    },
                ));
            }
        };

        // Reference: present, short, unique.
        let reference = trim(cell(REFERENCE).unwrap_or_default());
        if reference.is_empty() {
            fail(
                REFERENCE,
                reference,
                ErrorKind::BadValue,
                "an incident reference (it may not be empty)".into(),
            );
        } else if reference.len() > MAX_REFERENCE {
            fail(
                REFERENCE,
                reference,
                ErrorKind::BadValue,
                format!("an incident reference of at most {MAX_REFERENCE} characters"),
            );
        } else if let Some(first) = self.refs.first_use(reference, line) {
            fail(
                REFERENCE,
                reference,
                ErrorKind::Duplicate,
                format!("a reference used once; it is already on row {first}"),
            );
        }

        let cat_text = cell(CATEGORY).unwrap_or_default();
        let cat = category(cat_text);
        if cat.is_none() {
            fail(
                CATEGORY,
                trim(cat_text),
                ErrorKind::BadValue,
                CATEGORY_EXPECTED.into(),
            );
        }

        let mut times: [Option<Time>; 3] = [None; 3];
        const TIMES: [usize; 3] = [RAISED, RESOLVED, CLOSED];
        let mut k = 0;
        while let Some(&c) = TIMES.get(k) {
            k += 1;
            // No `Option::map`: at opt-level "z" it stays a call.
            let Some(text) = cell(c) else {
                continue;
            };
            let text = trim(text);
            if text.is_empty() {
                continue;
            }
            match time(text, &mut self.calendar) {
                Ok(t) => {
                    if let Some(slot) = times.get_mut(k - 1) {
                        *slot = Some(t);
                    }
                }
                Err(TimeError::Malformed) => {
                    fail(c, text, ErrorKind::BadPeriod, TIME_EXPECTED.into());
                }
                Err(TimeError::Impossible) => fail(
                    c,
                    text,
                    ErrorKind::BadPeriod,
                    format!("a real date and time of day (no month 13, day 32 or 30 February): {TIME_EXPECTED}"),
                ),
            }
        }
        let [raised, resolved, closed] = times;
        let order = |earlier: usize| -> String {
            let name = self.name(earlier);
            let text = cell(earlier).map(trim).unwrap_or_default();
            format!(
                "a time no earlier than {name} ({})",
                String::from_utf8_lossy(text)
            )
        };
        if let (Some(a), Some(b)) = (raised, resolved) {
            if b < a {
                let e = order(RAISED);
                fail(
                    RESOLVED,
                    trim(cell(RESOLVED).unwrap_or_default()),
                    ErrorKind::Inconsistent,
                    e,
                );
            }
        }
        if let Some(c) = closed {
            let earlier = match (resolved, raised) {
                (Some(r), _) => Some((r, RESOLVED)),
                (None, Some(r)) => Some((r, RAISED)),
                _ => None,
            };
            if let Some((t, col)) = earlier {
                if c < t {
                    let e = order(col);
                    fail(
                        CLOSED,
                        trim(cell(CLOSED).unwrap_or_default()),
                        ErrorKind::Inconsistent,
                        e,
                    );
                }
            }
        }
        let closed_empty = trim(cell(CLOSED).unwrap_or_default()).is_empty();

        let excl = cell(EXCLUSION).and_then(exclusion);
        let within_text = trim(cell(WITHIN).unwrap_or_default());
        let met = if within_text.is_empty() {
            if excl.is_none() && !closed_empty {
                fail(
                    WITHIN,
                    within_text,
                    ErrorKind::BadValue,
                    format!("{WITHIN_EXPECTED}; it may be empty only for an excluded or still-open incident"),
                );
            }
            None
        } else {
            let w = within(within_text);
            if w.is_none() {
                fail(
                    WITHIN,
                    within_text,
                    ErrorKind::BadValue,
                    WITHIN_EXPECTED.into(),
                );
            }
            w
        };

        if !errs.is_empty() {
            self.rejected = self.rejected.saturating_add(1);
            errs.sort_by_key(|(c, _)| *c);
            for (c, mut e) in errs {
                e.file.clone_from(&self.file);
                e.column = Some(self.name(c).to_string());
                self.push_error(e);
            }
            return;
        }
        let (Some(cat), Some(closed)) = (cat, closed) else {
            // A good row without a closed time is still open.
            self.open = self.open.saturating_add(1);
            return;
        };
        let ex_index = match excl {
            None => None,
            Some(t) => Some(
                match self.exclusion_types.iter().position(|(k, _)| **k == *t) {
                    Some(i) => i,
                    None => {
                        self.exclusion_types
                            .push((t.into(), String::from_utf8_lossy(t).into_owned()));
                        self.exclusion_types.len() - 1
                    }
                },
            ),
        };
        let tallies = self.months.entry(closed.month).or_default();
        let Some(tally) = tallies.get_mut(usize::from(cat.saturating_sub(1))) else {
            return;
        };
        tally.any = true;
        match ex_index {
            Some(i) => {
                if tally.excluded.len() <= i {
                    tally.excluded.resize(i + 1, 0);
                }
                if let Some(n) = tally.excluded.get_mut(i) {
                    *n = n.saturating_add(1);
                }
            }
            None => {
                tally.total = tally.total.saturating_add(1);
                if met == Some(true) {
                    tally.within = tally.within.saturating_add(1);
                }
            }
        }
    }

    /// The column's header as written in the file (its canonical name if absent).
    fn name(&self, c: usize) -> &str {
        self.columns
            .get(c)
            .copied()
            .flatten()
            .and_then(|i| self.headers.get(i))
            .map(String::as_str)
            .or_else(|| NAMES.get(c).and_then(|n| n.first().copied()))
            .unwrap_or_default()
    }
}
