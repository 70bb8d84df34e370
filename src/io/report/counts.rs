//! The counts behind some levels: CPM1's PM2 volumes (the table under
//! Table 1), the CPM4 and CPM5 incident counts by category, and counts the
//! report gives only in its text: hubs attempted and found faulty (CH1.3),
//! power outage alerts (PM12.2).

use super::levels::provider_named;
use super::text::{whole, Kind, Token};
use super::{Found, LongRow};
use crate::engine::{Catalogue, Month, Provider};

pub fn read(tokens: &[Token<'_>], month: Month, found: &mut Found) {
    volumes(tokens, month, found);
    incidents(tokens, month, found);
    hubs(tokens, month, found);
    outages(tokens, month, found);
}

fn number(t: &Token<'_>) -> Option<u64> {
    (t.kind == Kind::Whole).then(|| whole(&t.text)).flatten()
}

/// Where the table or passage starting at `i` ends: the next caption or heading.
fn end_of(tokens: &[Token<'_>], i: usize) -> usize {
    tokens[i..]
        .iter()
        .position(|t| matches!(t.kind, Kind::Caption(_) | Kind::Heading))
        .map_or(tokens.len(), |k| i + k)
}

/// `CPM1 – PM2 Volumes Data`: the providers in order, then each one's
/// successes, each one's total and each one's percentage.
fn volumes(tokens: &[Token<'_>], month: Month, found: &mut Found) {
    for i in 0..tokens.len().saturating_sub(2) {
        if !(tokens[i].text.eq_ignore_ascii_case("PM2") && tokens[i + 1].is("Volumes")) {
            continue;
        }
        // To the caption, or to the next volumes table if the caption is missing.
        let next = (i + 2..tokens.len())
            .find(|&k| tokens[k].is("Volumes") && tokens[k - 1].text.eq_ignore_ascii_case("PM2"))
            .map_or(tokens.len(), |k| k - 1);
        let end = end_of(&tokens[..next], i);
        let body = &tokens[i + 2..end];
        let providers: Vec<Provider> = body
            .iter()
            .take_while(|t| t.kind == Kind::Word)
            .filter_map(|t| Provider::parse(&t.text))
            .filter(|p| matches!(p, Provider::Cspn | Provider::Cspc | Provider::Csps))
            .collect();
        let n = providers.len();
        let wholes: Vec<&Token<'_>> = body.iter().filter(|t| t.kind == Kind::Whole).collect();
        let percents: Vec<&Token<'_>> = body.iter().filter(|t| t.kind == Kind::Percent).collect();
        if n == 0 || wholes.len() != 2 * n || !(percents.is_empty() || percents.len() == n) {
            found.unplaced(
                body,
                "the PM2 volumes: expected a successes and a total for each provider named",
            );
            continue;
        }
        for (k, p) in providers.iter().enumerate() {
            let (s, t) = (wholes[k], wholes[n + k]);
            let (Some(sv), Some(tv)) = (number(s), number(t)) else {
                continue;
            };
            found.counts(
                LongRow {
                    line: t.line,
                    period: month,
                    measure: "PM2",
                    provider: *p,
                    category: None,
                    value: percents
                        .get(k)
                        .map(|p| p.text.trim_end_matches('%').to_string()),
                    counts: Some((sv, tv)),
                    reported_in: month,
                },
                "PM2 volumes (CPM1)",
                "successes / total",
                &format!("{} / {}", s.text, t.text),
            );
        }
    }
}

/// The incident count tables whose caption says `CPM4 Incident Count` or
/// `CPM5 Incident Count` (not the pre-exclusion one): rows of category,
/// total, within target, failed and percentage, then the total row.
fn incidents(tokens: &[Token<'_>], month: Month, found: &mut Found) {
    let mut start = 0;
    for (i, t) in tokens.iter().enumerate() {
        if !matches!(t.kind, Kind::Caption(_) | Kind::Heading) {
            continue;
        }
        let body = &tokens[start..i];
        start = i + 1;
        let lower = t.text.to_lowercase();
        let measure = if lower.contains("cpm4 incident count") {
            "CPM4"
        } else if lower.contains("cpm5 incident count") {
            "CPM5"
        } else {
            continue;
        };
        if lower.contains("pre") {
            continue;
        }
        let cat = Catalogue::builtin();
        let Some(def) = cat.get(measure, Provider::Dcc) else {
            continue;
        };
        let mut sum = (0u64, 0u64);
        let mut stated_total = None;
        for k in 0..body.len() {
            let label = &body[k];
            let is_cat = label.is("Category") || label.is("Severity");
            let is_total = label.is("Total");
            if !(is_cat || is_total) {
                continue;
            }
            let skip = usize::from(is_cat);
            let cells: Vec<Option<u64>> = body[k + 1..].iter().take(3 + skip).map(number).collect();
            if cells.len() != 3 + skip || cells.iter().any(Option::is_none) {
                continue;
            }
            let cells: Vec<u64> = cells.into_iter().flatten().collect();
            let (total, within, failed) = (cells[skip], cells[skip + 1], cells[skip + 2]);
            let line = body[k + 1 + skip].line;
            if within.checked_add(failed) != Some(total) {
                found.unplaced(&body[k..k + 4 + skip], &format!("{measure}: within ({within}) and failed ({failed}) do not add up to the total ({total})"));
                continue;
            }
            if is_total {
                stated_total = Some((total, within, line));
                continue;
            }
            let c = cells[0];
            if c > 5 || !def.counts_category(c as u8) {
                found.unplaced(
                    &body[k..k + 5],
                    &format!(
                        "{measure} counts categories {:?}, not {c}",
                        def.incident_categories()
                    ),
                );
                continue;
            }
            sum = (sum.0.saturating_add(within), sum.1.saturating_add(total));
            found.counts(
                LongRow {
                    line,
                    period: month,
                    measure: def.code,
                    provider: Provider::Dcc,
                    category: Some(c as u8),
                    value: None,
                    counts: Some((within, total)),
                    reported_in: month,
                },
                &format!("{measure} incident count"),
                "within / total",
                &format!("{within} / {total}"),
            );
        }
        if let Some((total, within, line)) = stated_total {
            if (within, total) != sum {
                found.difference(format!("line {line}: the {measure} total row ({within} of {total}) is not the sum of its categories ({} of {})", sum.0, sum.1));
            }
        }
    }
}

/// The measure a passage is about: the last `CSPC CH1.3` (provider then
/// code) in the `back` tokens before `i`.
fn subject_before(tokens: &[Token<'_>], i: usize, back: usize, code: &str) -> Option<Provider> {
    let from = i.saturating_sub(back);
    (from..i).rev().find_map(|k| {
        let next = tokens.get(k + 1)?;
        if next.text.eq_ignore_ascii_case(code) {
            provider_named(&tokens[k].text)
        } else {
            None
        }
    })
}

/// "There were 89,172 attempted installations …, 92 of which were deemed
/// to be faulty": CH1.3's counts (not faulty of attempted).
fn hubs(tokens: &[Token<'_>], month: Month, found: &mut Found) {
    for i in 1..tokens.len() {
        if !(tokens[i].is("attempted")
            && tokens
                .get(i + 1)
                .is_some_and(|t| t.text.starts_with("installation")))
        {
            continue;
        }
        let Some(total) = number(&tokens[i - 1]) else {
            continue;
        };
        let window = &tokens[i..(i + 20).min(tokens.len())];
        let Some(k) = window.iter().position(|t| t.text.starts_with("faulty")) else {
            continue;
        };
        let Some(faulty) = window[..k].iter().rev().find_map(number) else {
            continue;
        };
        let Some(provider) = subject_before(tokens, i, 60, "CH1.3") else {
            found.unplaced(
                &tokens[i - 1..i + k + 1],
                "hubs attempted and faulty, but for which provider's CH1.3 the text does not say",
            );
            continue;
        };
        let Some(ok) = total.checked_sub(faulty) else {
            continue;
        };
        found.counts(
            LongRow {
                line: tokens[i - 1].line,
                period: month,
                measure: "CH1.3",
                provider,
                category: None,
                value: None,
                counts: Some((ok, total)),
                reported_in: month,
            },
            "text",
            "not faulty / attempted",
            &format!("{total} attempted, {faulty} faulty"),
        );
    }
}

/// "CSPN had a total of 10,343 CH power outages reported … and all were
/// sent to DSP within SLA": PM12.2's alerts delivered and power-loss alerts.
fn outages(tokens: &[Token<'_>], month: Month, found: &mut Found) {
    for i in 1..tokens.len().saturating_sub(6) {
        let w = &tokens[i..i + 6];
        let at =
            w[0].is("had") && w[1].is("a") && w[2].is("total") && w[3].is("of") && w[5].is("CH");
        let Some(total) = at.then(|| number(&w[4])).flatten() else {
            continue;
        };
        let Some(provider) = provider_named(&tokens[i - 1].text) else {
            continue;
        };
        let after = &tokens[i + 6..(i + 40).min(tokens.len())];
        let Some(k) = after
            .windows(2)
            .position(|p| p[0].is("were") && p[1].is("sent"))
        else {
            continue;
        };
        let delivered = match after.get(k.wrapping_sub(1)) {
            Some(t) if t.is("all") => Some(total),
            Some(t) => number(t),
            None => None,
        };
        let Some(delivered) = delivered else { continue };
        found.counts(
            LongRow {
                line: w[4].line,
                period: month,
                measure: "PM12.2",
                provider,
                category: None,
                value: None,
                counts: Some((delivered, total)),
                reported_in: month,
            },
            "text",
            "alerts delivered / power outage alerts",
            &format!("{delivered} of {total}"),
        );
    }
}
