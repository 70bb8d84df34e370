//! The share of a measure's events that an exclusion list took out, beside
//! the measure's service level. The PMR's exception tables (§5.2, Tables
//! 14 to 22) and the Performance Measure Exclusion List (Table 11) give the
//! events "removed from the Service Level calculation"; the level counts
//! the rest. So the events the level rests on plus those excluded are all
//! there were, and the excluded share is
//!
//! ```text
//! share = excluded / (excluded + counted) × 100
//! ```
//!
//! `counted` is known only where the figures give counts (successes out of
//! a total, or incidents closed); a level entered as a percentage carries
//! no count, and the share is then left unknown and says why, never guessed.

use super::exclusions::{evaluate, ExclusionList};
use super::percent_of;
use crate::engine::catalogue::{Catalogue, Provider};
use crate::engine::format::{percent, thousands};
use crate::engine::observation::{IncidentCount, Input};
use crate::engine::{Dataset, Month, Results};
use rust_decimal::Decimal;

/// One measure a list took events from, as the loaded figures show it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Measured {
    /// The catalogue's code ("PM1.4", "CPM5").
    pub measure: &'static str,
    pub provider: Provider,
    /// The service level as shown, if the month's figure is loaded.
    pub level: Option<String>,
    /// The events the level counts, where the figure gives counts.
    pub counted: Option<u64>,
    /// Why they are not known, where they are not: "has no figure for
    /// March 2021 loaded", "is given as a level, not as counts", ...
    pub uncounted: Option<String>,
}

/// A list's excluded events against the events its measures count.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExcludedShare {
    pub title: String,
    pub period: Option<Month>,
    /// The measures named by the list's title, in its order; empty when
    /// the title names none the catalogue knows.
    pub measures: Vec<Measured>,
    /// The events excluded: the stated total, or the items' sum.
    pub excluded: u64,
    /// The events its measures count, all together; `None` when one of
    /// them is not counted in the figures (or it names none).
    pub counted: Option<u64>,
    /// Exact; `None` when a measure's events are not counted in the figures.
    pub share: Option<Decimal>,
    /// How the share was reached, or why it could not be.
    pub words: String,
}

/// The measures a list's title names: "CSPN PM1.4", "PM1.4 (CSPN)",
/// "CPM4/5 (PMEL)" (CPM4 and CPM5, the DCC's). A code the catalogue does
/// not have for the provider named is left out.
pub fn measures_of(title: &str) -> Vec<(&'static str, Provider)> {
    let words: Vec<&str> = title
        .split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | ',' | ':' | ';'))
        .filter(|w| !w.is_empty())
        .collect();
    let provider = words.iter().find_map(|w| Provider::parse(w));
    let cat = Catalogue::builtin();
    let mut out: Vec<(&'static str, Provider)> = Vec::new();
    for w in &words {
        let upper = w.to_ascii_uppercase();
        let Some((stem, rest)) = split_code(&upper) else {
            continue;
        };
        // "CPM4/5": the stem's letters with each number after a slash.
        let mut numbers = rest.split('/');
        let first = numbers.next().unwrap_or_default();
        let codes =
            std::iter::once(format!("{stem}{first}")).chain(numbers.map(|n| format!("{stem}{n}")));
        for code in codes {
            let who = match (provider, stem) {
                (Some(p), _) => p,
                (None, "CPM") => Provider::Dcc,
                (None, _) => continue,
            };
            if let Some(def) = cat.get(&code, who) {
                if !out.contains(&(def.code, who)) {
                    out.push((def.code, who));
                }
            }
        }
    }
    out
}

/// "PM1.4" → ("PM", "1.4"); "CPM4/5" → ("CPM", "4/5").
fn split_code(word: &str) -> Option<(&'static str, &str)> {
    let (stem, rest) = ["CPM", "PM"]
        .into_iter()
        .find_map(|s| word.strip_prefix(s).map(|r| (s, r)))?;
    let ok = rest.starts_with(|c: char| c.is_ascii_digit())
        && rest
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == '/');
    ok.then_some((stem, rest))
}

/// The events a figure's level counts: a total of events, or the
/// incidents closed; else why they are not known.
fn counted(input: &Input) -> Result<u64, String> {
    match input {
        Input::Counts { total, .. } => Ok(*total),
        Input::Incidents { categories } => Ok(IncidentCount::totals(categories).1),
        Input::PowerOutage { .. } => Err(
            "is worked out from alerts by the contract's formula, not as a share of events".into(),
        ),
        Input::Level { .. } => Err("is given as a level, not as counts".into()),
        Input::Status { status } => Err(format!("is “{}”, not counts", status.label())),
    }
}

/// The excluded share of a list's measures' events in its month.
pub fn share(list: &ExclusionList, data: &Dataset, results: &Results) -> ExcludedShare {
    let (title, period) = (list.title.as_str(), list.period);
    let excluded = evaluate(list).excluded;
    let measures: Vec<Measured> = measures_of(title)
        .into_iter()
        .map(|(measure, provider)| {
            let (level, counted) = match period {
                Some(m) => (
                    results.get(m, measure, provider).map(|r| r.display.clone()),
                    data.current(m, measure, provider).map_or_else(
                        || Err("has no figure loaded".to_string()),
                        |o| counted(&o.input),
                    ),
                ),
                None => (None, Err("has no month".into())),
            };
            Measured {
                measure,
                provider,
                level,
                counted: counted.as_ref().ok().copied(),
                uncounted: counted.err(),
            }
        })
        .collect();
    let names = || {
        measures
            .iter()
            .map(|m| format!("{} {}", m.provider, m.measure))
            .collect::<Vec<_>>()
            .join(" and ")
    };
    let all_counted: Option<u64> = match measures.is_empty() {
        true => None,
        false => measures
            .iter()
            .try_fold(0u64, |a, m| m.counted.map(|c| a.saturating_add(c))),
    };
    let (share, words) = match (period, measures.is_empty(), all_counted) {
        (None, _, _) => (None, "the list names no month".to_string()),
        (_, true, _) => (
            None,
            format!("\"{title}\" names no measure the catalogue has"),
        ),
        (Some(m), false, None) => {
            let missing: Vec<String> = measures
                .iter()
                .filter_map(|x| {
                    let why = x.uncounted.as_deref()?;
                    Some(format!(
                        "{} {} in {} {why}",
                        x.provider,
                        x.measure,
                        m.long_name()
                    ))
                })
                .collect();
            (
                None,
                format!(
                    "{}: load its events (a total, or the incidents closed) to see the share excluded",
                    missing.join("; ")
                ),
            )
        }
        (Some(m), false, Some(counted)) => {
            let all = counted.saturating_add(excluded);
            let share = percent_of(excluded, all);
            let words = match share {
                Some(s) => format!(
                    "{} excluded ÷ ({} excluded + {} counted in the level of {} for {}) = {}",
                    thousands(excluded),
                    thousands(excluded),
                    thousands(counted),
                    names(),
                    m.long_name(),
                    percent(s)
                ),
                None => format!("no events in {} and none excluded", m.long_name()),
            };
            (share, words)
        }
    };
    ExcludedShare {
        title: title.to_string(),
        period,
        measures,
        excluded,
        counted: all_counted,
        share,
        words,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_name_their_measures() {
        assert_eq!(measures_of("CSPN PM1.4"), vec![("PM1.4", Provider::Cspn)]);
        assert_eq!(measures_of("PM1.4 (CSPN)"), vec![("PM1.4", Provider::Cspn)]);
        assert_eq!(
            measures_of("CPM4/5 (PMEL)"),
            vec![("CPM4", Provider::Dcc), ("CPM5", Provider::Dcc)]
        );
        assert_eq!(measures_of("CSPC PM11"), vec![("PM11", Provider::Cspc)]);
        // Nothing the catalogue has: no provider, an unknown code.
        assert!(measures_of("PM1.4").is_empty());
        assert!(measures_of("CSPN PM99.9").is_empty());
        assert!(measures_of("Other exceptions").is_empty());
    }
}
