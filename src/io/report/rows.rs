//! A table row's words and figures, placed: the measure it is (Table 1's
//! code and provider, or a provider table's number and name), its periods,
//! its figures, and the printed target and minimum checked.

use super::text::{name_words, Kind, Token};
use super::{Found, LongRow};
use crate::engine::catalogue::{MeasureDef, Unit};
use crate::engine::Cadence;
use crate::engine::{Catalogue, Month, Provider};
use crate::io::values;
use rust_decimal::Decimal;

/// A row's words and its figures.
pub(super) struct Row<'t> {
    pub words: Vec<Token<'t>>,
    pub figures: Vec<Token<'t>>,
    /// The quarters the sub-table's header names (previous, latest), as
    /// the month each ends.
    pub quarters: Option<(Month, Month)>,
}

fn is_code(w: &str) -> bool {
    let w = w.to_ascii_uppercase();
    let rest = w
        .strip_prefix("CPM")
        .or_else(|| w.strip_prefix("PM"))
        .or_else(|| w.strip_prefix("CH"));
    rest.is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
}

/// A Table 1 row: the code first, the provider last (none for a CPM).
pub(super) fn code_row(row: &Row<'_>, month: Month, place: &str, found: &mut Found) {
    let cat = Catalogue::builtin();
    // The code nearest the figures is the row's: words before it are what
    // is left of a row that could not be read whole.
    let Some(k) = row.words.iter().rposition(|w| is_code(&w.text)) else {
        return found.unplaced(
            &row.all(),
            "no measure code (CPM1, PM2, …) before these figures",
        );
    };
    broken(&row.words[..k], found);
    let code = row.words[k]
        .text
        .trim_end_matches(|c: char| !c.is_ascii_alphanumeric());
    let provider = if code.to_ascii_uppercase().starts_with("CPM") {
        Some(Provider::Dcc)
    } else {
        let n = row.words.len();
        row.words[k + 1..]
            .last()
            .and_then(|w| Provider::parse(&w.text))
            .or_else(|| {
                (n >= 2)
                    .then(|| {
                        Provider::parse(&format!(
                            "{} {}",
                            row.words[n - 2].text,
                            row.words[n - 1].text
                        ))
                    })
                    .flatten()
            })
    };
    let Some(provider) = provider else {
        return found.unplaced(
            &row.all(),
            &format!("{code}: no provider named before the figures"),
        );
    };
    let Some(def) = cat
        .resolve_code(code, provider)
        .and_then(|c| cat.get(c, provider))
    else {
        return found.unplaced(
            &row.all(),
            &format!("{code} {provider}: not a measure in the catalogue"),
        );
    };
    take_figures(row, def, false, month, place, found);
}

/// A provider table's row: area, number, name, period, figures.
pub(super) fn provider_row<'t>(
    row: &Row<'t>,
    provider: Option<Provider>,
    area: &mut Vec<Token<'t>>,
    month: Month,
    place: &str,
    found: &mut Found,
) {
    let Some(provider) = provider else {
        return found.unplaced(
            &row.all(),
            "a provider table whose provider is not named (no section heading or caption)",
        );
    };
    // What is left of a row that could not be read whole comes first; this
    // row's own words follow its last figure.
    let split = broken_end(&row.words);
    broken(&row.words[..split], found);
    let mut words: &[Token<'t>] = &row.words[split..];
    let mut quarterly = false;
    if let Some(last) = words.last() {
        if last.is("Monthly") || last.is("Quarterly") {
            quarterly = last.is("Quarterly");
            words = &words[..words.len() - 1];
        }
    }
    let cat = Catalogue::builtin();
    let number = |w: &str| {
        let (a, b) = w.split_once('.').unwrap_or((w, "0"));
        !a.is_empty()
            && a.len() <= 2
            && a.chars().all(|c| c.is_ascii_digit())
            && b.chars().all(|c| c.is_ascii_digit())
            && !b.is_empty()
    };
    // Each number in the words could be the measure's: the last that names
    // a measure of this provider (a footnote's number may come before it),
    // PM or CH as the name fits best.
    let mut best: Option<(usize, &MeasureDef, usize)> = None;
    for (k, w) in words.iter().enumerate().rev() {
        if !number(&w.text) {
            continue;
        }
        let own_area = &words[..k];
        let name = &words[k + 1..];
        let context: Vec<&Token<'_>> = if own_area.is_empty() {
            area.iter().chain(name).collect()
        } else {
            own_area.iter().chain(name).collect()
        };
        let text: Vec<&str> = context.iter().map(|t| t.text.as_ref()).collect();
        let candidates = [format!("PM{}", w.text), format!("CH{}", w.text)];
        for code in &candidates {
            if let Some(def) = cat.get(code, provider) {
                let score = similarity(&text.join(" "), def);
                if best.is_none_or(|(_, _, s)| score > s) {
                    best = Some((k, def, score));
                }
            }
        }
        if best.is_some() {
            break;
        }
    }
    let numbered = words.iter().any(|w| number(&w.text));
    let (def, k) = match best {
        Some((k, def, _)) => (def, Some(k)),
        None if numbered => {
            return found.unplaced(
                &row.all(),
                &format!("no measure of {provider} has the number printed here"),
            );
        }
        None => {
            // No number (Vodafone's rows): the name alone, if it clearly fits one measure.
            let text: Vec<&str> = words.iter().map(|t| t.text.as_ref()).collect();
            let text = text.join(" ");
            let mut scored: Vec<(usize, &MeasureDef)> = cat
                .measures()
                .iter()
                .filter(|m| m.provider == provider)
                .map(|m| (similarity(&text, m), m))
                .collect();
            scored.sort_by_key(|s| std::cmp::Reverse(s.0));
            match scored[..] {
                [(s, m), (s2, _), ..] if s >= 3 && s > s2 => (m, None),
                [(s, m)] if s >= 3 => (m, None),
                _ => {
                    return found.unplaced(
                        &row.all(),
                        &format!("no measure of {provider} with this number or name"),
                    );
                }
            }
        }
    };
    if let Some(k) = k {
        if k > 0 {
            *area = words[..k].to_vec();
        }
    }
    let quarterly = quarterly || def.cadence == Cadence::Quarterly;
    take_figures(row, def, quarterly, month, place, found);
}

/// Where the words of a row that could not be read whole end: after the
/// last percentage or status among the words (a provider table's names
/// have none), or the last whole number that follows a period word
/// (`Monthly 0 0 1`: a count row one figure short).
fn broken_end(words: &[Token<'_>]) -> usize {
    let mut end = 0;
    let mut after_period = false;
    for (k, w) in words.iter().enumerate() {
        match w.kind {
            Kind::Percent | Kind::Status => end = k + 1,
            Kind::Whole if after_period => end = k + 1,
            _ => {}
        }
        if w.is("Monthly") || w.is("Quarterly") {
            after_period = true;
        } else if !w.is_figure() {
            after_period = false;
        }
    }
    end
}

/// Lists what is left of a row that could not be read whole, if it had
/// figures: a cell the reader could not take (`-`, a mark glued to a
/// figure) leaves fewer than four, and they must not pass to the next row.
fn broken(words: &[Token<'_>], found: &mut Found) {
    if words.iter().any(Token::is_figure) {
        found.unplaced(
            words,
            "a row whose figures could not all be read (previous, current, target and minimum expected); not taken",
        );
    }
}

/// How many of the catalogue's name and area words the text has.
fn similarity(text: &str, def: &MeasureDef) -> usize {
    let have = name_words(text);
    let mut want = name_words(&format!("{} {}", def.area, def.name));
    want.sort();
    want.dedup();
    want.iter().filter(|w| have.contains(w)).count()
}

impl Row<'_> {
    fn all(&self) -> Vec<Token<'_>> {
        self.words.iter().chain(&self.figures).cloned().collect()
    }
}

/// The row's figures for `def`: previous (and restated), current, and the
/// printed target and minimum checked against the catalogue.
fn take_figures(
    row: &Row<'_>,
    def: &MeasureDef,
    quarterly: bool,
    month: Month,
    place: &str,
    found: &mut Found,
) {
    let (previous, current) = if quarterly {
        match row.quarters {
            Some(q) => q,
            None => {
                return found.unplaced(
                    &row.all(),
                    &format!(
                        "{} {}: a quarterly row whose header names no quarters",
                        def.code, def.provider
                    ),
                );
            }
        }
    } else {
        (month.minus(1), month)
    };
    let f = &row.figures;
    let (first, restated, now, target, minimum) = match f.len() {
        4 => (&f[0], None, &f[1], &f[2], &f[3]),
        5 => (&f[0], Some(&f[1]), &f[2], &f[3], &f[4]),
        _ => {
            return found.unplaced(
                &row.all(),
                &format!(
                    "{} {}: {} figures where 4 or 5 were expected",
                    def.code,
                    def.provider,
                    f.len()
                ),
            )
        }
    };
    let wrong_kind = |t: &Token<'_>| match def.unit {
        Unit::Percent => t.kind == Kind::Whole,
        Unit::Count => t.kind == Kind::Percent,
    };
    if f.iter().any(wrong_kind) {
        return found.unplaced(
            &row.all(),
            &format!(
                "{} {}: figures of the wrong kind for this measure ({})",
                def.code,
                def.provider,
                if def.unit == Unit::Percent {
                    "percentages expected"
                } else {
                    "counts expected"
                }
            ),
        );
    }
    let value = |t: &Token<'_>| t.text.trim_end_matches('%').to_string();
    let place = format!("{place}, {} {}", def.provider, def.code);
    let mut add = |t: &Token<'_>, period: Month, reported_in: Month, what: &str| {
        found.level(
            LongRow {
                line: t.line,
                period,
                measure: def.code,
                provider: def.provider,
                category: None,
                value: Some(value(t)),
                counts: None,
                reported_in,
            },
            &place,
            what,
            &t.text,
        );
    };
    match restated {
        None => add(first, previous, month, "previous"),
        Some(r) => {
            add(
                first,
                previous,
                month.minus(1),
                "previous, as first reported",
            );
            add(r, previous, month, "previous, restated");
        }
    }
    add(now, current, month, "level");
    check_levels(def, current, target, minimum, found);
}

/// The printed target and minimum against the catalogue's for the period:
/// a difference is a target change or a misread column; either way, shown.
fn check_levels(
    def: &MeasureDef,
    period: Month,
    target: &Token<'_>,
    minimum: &Token<'_>,
    found: &mut Found,
) {
    let Some(levels) = def.levels_at(period) else {
        return;
    };
    let read = |t: &Token<'_>| values::decimal(t.text.trim_end_matches('%'));
    let pairs: [(&str, &Token<'_>, Option<Decimal>); 2] = [
        ("target", target, Some(levels.target)),
        ("minimum", minimum, levels.minimum),
    ];
    for (what, t, want) in pairs {
        let Some(want) = want else { continue };
        if read(t) != Some(want) {
            found.difference(format!(
                "line {}: {} {} {} printed as {}, the catalogue has {}% for {}",
                t.line,
                def.provider,
                def.code,
                what,
                t.text,
                want.normalize(),
                period.long_name()
            ));
        }
    }
}
