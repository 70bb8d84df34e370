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
    let w = t
        .text
        .trim_matches(|c: char| !c.is_alphanumeric() && c != '%' && c != '.')
        .trim_end_matches('.');
    // "CPM1's Service Level" names CPM1.
    let w = w
        .strip_suffix("'s")
        .or_else(|| w.strip_suffix("’s"))
        .unwrap_or(w);
    w.to_lowercase()
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

use crate::io::values::FULL_MONTHS as MONTHS;

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
        let Some(following) = s.get(i + n..i + n + len) else {
            continue;
        };
        let words: Vec<String> = following
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

/// The month a word names, if any: `March`, `Mar`, `Sept`, `Feb-21` (with
/// its two-digit year). "May" is left out: it is more often a verb.
fn month_word(w: &str) -> Option<(usize, Option<i32>)> {
    let (name, year) = match w.split_once('-') {
        Some((n, y)) if y.len() == 2 && y.chars().all(|c| c.is_ascii_digit()) => {
            (n, y.parse::<i32>().ok().map(|y| 2000 + y))
        }
        _ => (w, None),
    };
    if name == "may" {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| *m == name || (name.len() >= 3 && m.starts_with(name) && name.len() <= 4))
        .map(|i| (i, year))
}

/// Whether the sentence speaks of another month than the report's: another
/// month's name, the report's month in another year ("March 2020"), or
/// "last month", "the previous report", "prior".
fn names_other_month(s: &[Token<'_>], month: Month) -> bool {
    let own = usize::from(month.month()) - 1;
    s.iter().enumerate().any(|(i, t)| {
        let w = bare(t);
        if matches!(w.as_str(), "previous" | "prior" | "previously") || reads(s, i, "last month") {
            return true;
        }
        let Some((m, short_year)) = month_word(&w) else {
            return false;
        };
        let year = short_year.or_else(|| {
            s.get(i + 1)
                .map(bare)
                .filter(|y| y.len() == 4)
                .and_then(|y| y.parse::<i32>().ok())
        });
        m != own || year.is_some_and(|y| y != month.year())
    })
}

/// The status a phrase at `i` states: "below (the) Minimum (Target) Service
/// Level", "below (the) Target Service Level", "above (the) Target …".
/// Returns the status and the index just after the phrase.
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
    let (status, len) = if reads(s, j, "minimum target service level") {
        (StatedStatus::BelowMinimum, 4)
    } else if reads(s, j, "minimum service level") {
        (StatedStatus::BelowMinimum, 3)
    } else if reads(s, j, "target service level") {
        (StatedStatus::BelowTarget, 3)
    } else {
        return None;
    };
    let end = j + len;
    Some(match (below, status) {
        (true, s) => (s, end),
        (false, StatedStatus::BelowTarget) => (StatedStatus::MeetsTarget, end),
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
    // The measures named since the last break in the sentence ("CPM2, CPM3
    // … and CPM8 are all above …"); "except", "while", ";" start anew.
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
    let whole = |k: usize| {
        s.get(k)
            .and_then(|t| super::text::whole(&t.text))
            .and_then(|n| u32::try_from(n).ok())
    };
    // Where the last measure named ends, and whether other words came
    // between it and the one before (then the list starts anew).
    let mut list_end = 0;
    let mut gap = false;
    let mut i = 0;
    while i < s.len() {
        if let Some((who, n)) = mention(s, i) {
            if gap {
                listed.clear();
            }
            named = Some(who);
            listed.push(who);
            *subject = Some(who);
            i += n;
            list_end = i;
            gap = false;
            continue;
        }
        if !matches!(bare(&s[i]).as_str(), "and" | "&" | "") {
            gap = true;
        }
        let t = &s[i];
        let w = bare(t);
        if matches!(
            w.as_str(),
            "except" | "exception" | "while" | "whereas" | "but" | "however"
        ) || t.text.ends_with(';')
        {
            listed.clear();
        }
        if skip {
            i += 1;
            continue;
        }
        // "… Service Level (reported|achieved) (for X) is|was 92.75%": the
        // level is the last measure named before the verb's.
        if reads(s, i, "service level") {
            let before = i.checked_sub(1).map(|k| bare(&s[k])).unwrap_or_default();
            if before != "target" && before != "minimum" {
                let mut who = named;
                let mut j = i + 2;
                while j < s.len() && j < i + 7 {
                    let v = bare(&s[j]);
                    if v == "is" || v == "was" {
                        if let (Some(level), Some(who)) = (s.get(j + 1).and_then(percent_of), who) {
                            push(who, Stated::Level { level }, &s[j + 1]);
                        }
                        break;
                    }
                    if let Some((m, n)) = mention(s, j) {
                        who = Some(m);
                        j += n;
                        continue;
                    }
                    if !matches!(v.as_str(), "reported" | "achieved" | "for") {
                        break;
                    }
                    j += 1;
                }
            }
        }
        if let (Some((status, end)), Some(who)) = (status_at(s, i), named) {
            if reads(s, end, "for the last") {
                // "has been below Target Service Level for the last 21
                // months": a run, not this month's status.
                let months_follow = s.get(end + 4).is_some_and(|t| bare(t) == "months");
                if let (Some(months), true, false) = (
                    whole(end + 3),
                    months_follow,
                    status == StatedStatus::MeetsTarget,
                ) {
                    push(who, Stated::BelowTargetRun { months }, t);
                }
            } else if status == StatedStatus::MeetsTarget {
                // "CPM2, CPM3 … and CPM8 are all above": every one listed;
                // "CPM6 is above": the one named.
                // Only when the verb follows the measures named: "all
                // CPMs are above" after "the exception of CPM1" is no claim
                // about CPM1.
                let between: Vec<String> = s[list_end.min(i)..i].iter().map(bare).collect();
                let verb_only = between.iter().all(|w| {
                    matches!(
                        w.as_str(),
                        "are"
                            | "were"
                            | "is"
                            | "was"
                            | "all"
                            | "both"
                            | "also"
                            | "remains"
                            | "remain"
                    )
                });
                let plural = between.iter().any(|w| w == "are" || w == "were");
                if verb_only && plural {
                    for w in &listed {
                        push(*w, Stated::Status { status }, t);
                    }
                } else if verb_only && !between.is_empty() {
                    push(who, Stated::Status { status }, t);
                }
            } else {
                push(who, Stated::Status { status }, t);
            }
            listed.clear();
        }
        // "the 27th instance it has been below in 28 months"
        if let (true, Some(who)) = (w == "instance" && i > 0, named) {
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
        i += 1;
    }
}
