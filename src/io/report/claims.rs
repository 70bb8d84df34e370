//! Claims a report makes in words (executive summary, section narratives),
//! read sentence by sentence: "CSPN PM2 reported Service Level was 23.74% and
//! is below Minimum Service Level", "CPM1 has been below Target Service Level
//! for the last 21 months", "finishing the month on 23.48%", "92 of which
//! were deemed to be faulty – 2 more than the SLA allowed".
//!
//! The reader is deliberately narrow: a claim it reads wrongly would show as
//! a discrepancy the report never made. So a status or level needs its
//! measure named in the same sentence; only a figure said of "the month"
//! ("finishing the month on …", "… more than the SLA allowed") takes the
//! measure last named in the section; and a sentence that names another
//! month ("In the November 2020 report, CSPS reported …") is skipped.

use super::text::{Kind, Token};
use crate::engine::claim::{Claim, Stated, StatedStatus};
use crate::engine::{Catalogue, Month, Provider};
use rust_decimal::Decimal;

/// A word without its punctuation, lower case.
fn bare(t: &Token<'_>) -> String {
    t.text
        .trim_matches(|c: char| !c.is_alphanumeric() && c != '%' && c != '.')
        .trim_end_matches('.')
        .to_lowercase()
}

fn ends_sentence(t: &Token<'_>) -> bool {
    matches!(t.kind, Kind::Caption(_) | Kind::Heading)
        || (t.text.ends_with('.') && !t.text.ends_with("..")
            // "e.g." and "i.e." do not end a sentence.
            && !matches!(bare(t).as_str(), "e.g" | "i.e" | "no" | "inc" | "vs"))
}

fn percent_of(t: &Token<'_>) -> Option<Decimal> {
    let w = t.text.trim_end_matches(['.', ',', ';', ')']);
    w.strip_suffix('%')?.parse().ok()
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Vodafone's rows have no codes: a few words of each name pick it out.
const VODAFONE: [(&str, &str); 5] = [
    ("iot core", "VF-IOT-CORE"),
    ("radio network", "VF-RAN"),
    ("core and management", "VF-IOT-MGMT"),
    ("management service", "VF-MGMT"),
    ("fixed links", "VF-LINKS"),
];

/// A measure named at token `i`, and how many tokens the name takes.
fn mention(s: &[Token<'_>], i: usize) -> Option<((Provider, &'static str), usize)> {
    let cat = Catalogue::builtin();
    let w = bare(&s[i]).to_ascii_uppercase();
    if let Some(n) = w.strip_prefix("CPM") {
        if n.len() == 1 && n.chars().all(|c| c.is_ascii_digit()) {
            return cat
                .get(&w, Provider::Dcc)
                .map(|m| ((Provider::Dcc, m.code), 1));
        }
    }
    // A provider in one to three tokens ("CSPN", "CSP N", "S1SP - Capgemini").
    let provider = (1..=3).rev().find_map(|n| {
        let words: Vec<&str> = s.get(i..i + n)?.iter().map(|t| t.text.as_ref()).collect();
        let p = Provider::parse(&words.join(" "))?;
        (p != Provider::Dcc).then_some((p, n))
    });
    let (p, n) = provider?;
    if p == Provider::Vodafone {
        let rest: Vec<String> = s.iter().skip(i + n).take(8).map(bare).collect();
        let rest = rest.join(" ");
        return VODAFONE
            .iter()
            .find(|(words, _)| rest.contains(words))
            .map(|(_, code)| ((p, *code), n));
    }
    // The code follows within two tokens ("PM2.7", "PM CH1.3", "CH PM1.1").
    for len in [2, 1] {
        let words: Vec<String> = s
            .get(i + n..i + n + len)?
            .iter()
            .map(|t| t.text.trim_end_matches([',', '.', ';', ':']).to_string())
            .collect();
        if let Some(code) = cat.resolve_code(&words.join(""), p) {
            return Some(((p, code), n + len));
        }
    }
    None
}

/// Whether the words from `i` read `phrase` (lower case, space separated).
fn reads(s: &[Token<'_>], i: usize, phrase: &str) -> bool {
    phrase
        .split(' ')
        .enumerate()
        .all(|(k, w)| s.get(i + k).is_some_and(|t| bare(t) == w))
}

/// Another month named in the sentence: its claims may be about that month.
fn names_other_month(s: &[Token<'_>], month: Month) -> bool {
    let own = MONTHS[usize::from(month.month()) - 1];
    s.iter().any(|t| {
        let w = bare(t);
        MONTHS.contains(&w.as_str()) && w != own
    })
}

/// The status a phrase at `i` states: "below (the) Minimum (Target) Service
/// Level", "below (the) Target Service Level", "above (the) Target …".
fn status_at(s: &[Token<'_>], i: usize) -> Option<(StatedStatus, usize)> {
    let first = bare(s.get(i)?);
    let below = match first.as_str() {
        "below" => true,
        "above" => false,
        _ => return None,
    };
    let mut j = i + 1;
    if s.get(j).is_some_and(|t| bare(t) == "the") {
        j += 1;
    }
    let status =
        if reads(s, j, "minimum service level") || reads(s, j, "minimum target service level") {
            StatedStatus::BelowMinimum
        } else if reads(s, j, "target service level") {
            StatedStatus::BelowTarget
        } else {
            return None;
        };
    Some(match (below, status) {
        (true, s) => (s, j),
        (false, StatedStatus::BelowTarget) => (StatedStatus::MeetsTarget, j),
        // "above the Minimum" says nothing about target.
        (false, _) => return None,
    })
}

/// Claims in the text, about `month`, each with its line.
pub fn read(tokens: &[Token<'_>], month: Month) -> Vec<Claim> {
    let mut out = Vec::new();
    let mut subject: Option<(Provider, &'static str)> = None;
    let mut start = 0;
    for end in 0..tokens.len() {
        if !ends_sentence(&tokens[end]) && end + 1 < tokens.len() {
            continue;
        }
        let s = &tokens[start..=end];
        start = end + 1;
        if matches!(
            s.last().map(|t| &t.kind),
            Some(Kind::Caption(_) | Kind::Heading)
        ) {
            subject = None;
        }
        sentence(s, month, &mut subject, &mut out);
    }
    out
}

fn sentence(
    s: &[Token<'_>],
    month: Month,
    subject: &mut Option<(Provider, &'static str)>,
    out: &mut Vec<Claim>,
) {
    let skip = names_other_month(s, month);
    let mut named: Option<(Provider, &'static str)> = None;
    let mut listed: Vec<(Provider, &'static str)> = Vec::new();
    let mut push = |who: (Provider, &'static str), stated: Stated, at: &Token<'_>| {
        out.push(Claim {
            period: month,
            measure: who.1.to_string(),
            provider: who.0,
            stated,
            words: s
                .iter()
                .map(|t| t.text.as_ref())
                .collect::<Vec<_>>()
                .join(" "),
            line: usize::try_from(at.line).ok(),
        });
    };
    let mut i = 0;
    while i < s.len() {
        if let Some((who, n)) = mention(s, i) {
            named = Some(who);
            listed.push(who);
            *subject = Some(who);
            i += n;
            continue;
        }
        let t = &s[i];
        if !skip {
            // "… Service Level (reported|achieved) (for X) is|was 92.75%"
            if reads(s, i, "service level") && named.is_some() {
                let before = i.checked_sub(1).map(|k| bare(&s[k])).unwrap_or_default();
                if before != "target" && before != "minimum" {
                    let mut j = i + 2;
                    while j < s.len() && j < i + 6 {
                        let w = bare(&s[j]);
                        if w == "is" || w == "was" {
                            if let (Some(level), Some(who)) =
                                (s.get(j + 1).and_then(percent_of), named)
                            {
                                push(who, Stated::Level { level }, &s[j + 1]);
                            }
                            break;
                        }
                        if !matches!(w.as_str(), "reported" | "achieved" | "for")
                            && mention(s, j).is_none()
                        {
                            break;
                        }
                        j += 1;
                    }
                }
            }
            // "has been below Target Service Level for the last 21 months"
            // states a run, not this month's status.
            let run = s
                .iter()
                .any(|t| matches!(bare(t).as_str(), "last" | "instance"));
            if let (Some((status, _)), Some(who), false) = (status_at(s, i), named, run) {
                if status == StatedStatus::MeetsTarget {
                    // "CPM2, CPM3 … and CPM8 are all above the Target Service Level"
                    for w in &listed {
                        push(*w, Stated::Status { status }, t);
                    }
                } else {
                    push(who, Stated::Status { status }, t);
                }
            }
            let whole = |k: usize| {
                s.get(k)
                    .and_then(|t| super::text::whole(&t.text))
                    .and_then(|n| u32::try_from(n).ok())
            };
            // "for the last 21 months" in a sentence about being below target.
            if let (true, Some(who)) = (reads(s, i, "for the last"), named) {
                let months_follow = s.get(i + 4).is_some_and(|t| bare(t) == "months");
                if let (Some(months), true) = (whole(i + 3), months_follow) {
                    if s[..i].iter().any(|t| bare(t) == "below") {
                        push(who, Stated::BelowTargetRun { months }, t);
                    }
                }
            }
            // "the 27th instance it has been below in 28 months"
            if let (true, Some(who)) = (bare(t) == "instance" && i > 0, named) {
                let nth: String = bare(&s[i - 1])
                    .chars()
                    .take_while(char::is_ascii_digit)
                    .collect();
                let within = (i + 1..s.len().min(i + 9)).find(|&k| bare(&s[k]) == "months");
                if let (Ok(below), Some(months)) =
                    (nth.parse::<u32>(), within.and_then(|k| whole(k - 1)))
                {
                    push(who, Stated::BelowTargetCount { below, months }, t);
                }
            }
            // Said of the month, so of the measure the section is about.
            let of_month =
                reads(s, i, "finishing the month on") || reads(s, i, "finished the month on");
            if let (true, Some(who)) = (of_month, *subject) {
                if let Some(level) = s.get(i + 4).and_then(percent_of) {
                    push(who, Stated::Level { level }, &s[i + 4]);
                }
            }
            if t.kind == Kind::Whole && reads(s, i + 1, "more than the sla allowed") {
                if let (Some(over), Some(who)) = (super::text::whole(&t.text), *subject) {
                    push(who, Stated::FailuresOverAllowed { over }, t);
                }
            }
        }
        i += 1;
    }
}
