//! Service credits as the report states them: §14's paragraphs (one per
//! failed measure: points and money, a KPI with no credit, or a credit
//! still under discussion), the 12-month tables by company (`TBC`, `N/A*`,
//! `£0*`) and §15's total reduction in external costs.

use super::text::{whole, Kind, Token};
use super::{CreditRow, Found, LongRow};
use crate::engine::parties::Party;
use crate::engine::{Catalogue, Month, Provider};
use crate::io::values;

pub fn read(tokens: &[Token<'_>], month: Month, found: &mut Found) {
    paragraphs(tokens, month, found);
    tables(tokens, found);
    total(tokens, month, found);
}

/// A measure named at `i`: a provider in one to three tokens (`CSP (N)`,
/// `DSP`, `Capgemini`), a dash or none, then a code (`PM2`, `PM 2.7`,
/// `CH1.3`). Returns the measure and the index after it.
fn subject_at(tokens: &[Token<'_>], i: usize) -> Option<(&'static str, Provider, usize)> {
    let cat = Catalogue::builtin();
    for span in 1..=3 {
        let words = tokens.get(i..i + span)?;
        if words.iter().any(|t| t.kind != Kind::Word) {
            return None;
        }
        let name: Vec<&str> = words.iter().map(|t| t.text.as_ref()).collect();
        let Some(provider) = Provider::parse(&name.join(" ")) else {
            continue;
        };
        let mut k = i + span;
        if tokens
            .get(k)
            .is_some_and(|t| matches!(t.text.as_ref(), "–" | "-" | "—"))
        {
            k += 1;
        }
        let code = tokens.get(k)?;
        let (text, next) = if code.is("PM") {
            (format!("PM{}", tokens.get(k + 1)?.text), k + 2)
        } else {
            (code.text.to_string(), k + 1)
        };
        let text = text.trim_end_matches(|c: char| !c.is_ascii_alphanumeric());
        return cat
            .resolve_code(text, provider)
            .map(|c| (c, provider, next));
    }
    None
}

fn names_provider(body: &[Token<'_>], i: usize) -> bool {
    // Provider codes only (`CSPS`, `DSP`): an alias (`DCO`) is part of a
    // measure's name as often as a subject.
    let code =
        |w: &str| matches!(Provider::parse(w), Some(p) if p != Provider::Dcc && p.code() == w);
    let t = &body[i];
    code(&t.text)
        || (t.is("CSP")
            && body
                .get(i + 1)
                .is_some_and(|n| code(&format!("CSP{}", n.text))))
}

/// The money after `£` in a token: `£43,198.` → `43,198`.
fn pounds(t: &Token<'_>) -> Option<String> {
    let m = t.text.strip_prefix('£')?.trim_end_matches(['.', ',', ')']);
    values::decimal(m).map(|_| m.to_string())
}

/// §14: from its heading to the first caption or the 12-month summary.
fn paragraphs(tokens: &[Token<'_>], month: Month, found: &mut Found) {
    let Some(start) = tokens
        .iter()
        .position(|t| t.kind == Kind::Heading && t.text.to_lowercase().contains("service credits"))
    else {
        return;
    };
    let end = tokens[start + 1..]
        .iter()
        .position(|t| matches!(t.kind, Kind::Caption(_) | Kind::Heading) || (t.is("summary")))
        .map_or(tokens.len(), |k| start + 1 + k);
    let body = &tokens[start + 1..end];
    // Each paragraph runs from one subject to the next.
    let mut subjects: Vec<(usize, &'static str, Provider)> = Vec::new();
    let mut i = 0;
    while i < body.len() {
        match subject_at(body, i) {
            Some((code, provider, next)) => {
                subjects.push((i, code, provider));
                i = next;
            }
            None => {
                // A provider named by its code without a measure (`CSPS
                // reported…`, `CSP (S) - No Service Failures`) ends the
                // paragraph before. Only codes: prose has "secure", "DCC".
                if names_provider(body, i) {
                    subjects.push((i, "", Provider::Dcc));
                }
                i += 1;
            }
        }
    }
    for (n, &(at, code, provider)) in subjects.iter().enumerate() {
        if code.is_empty() {
            continue;
        }
        let stop = subjects.get(n + 1).map_or(body.len(), |s| s.0);
        paragraph(&body[at..stop], code, provider, month, found);
    }
}

fn paragraph(
    p: &[Token<'_>],
    code: &'static str,
    provider: Provider,
    month: Month,
    found: &mut Found,
) {
    let cat = Catalogue::builtin();
    let Some(def) = cat.get(code, provider) else {
        return;
    };
    let place = format!("§14, {provider} {code}");
    let find = |words: &[&str]| {
        p.windows(words.len()).position(|w| {
            w.iter()
                .zip(words)
                .all(|(t, x)| t.text.eq_ignore_ascii_case(x))
        })
    };
    // "accrual of 175 Service Points which equate to Service Credits of £43,198"
    if let Some(k) = find(&["accrual", "of"]) {
        let points = p.get(k + 2).filter(|t| t.kind == Kind::Whole);
        let money = p[k..].iter().find_map(|t| pounds(t).map(|m| (t, m)));
        if let (Some(points), Some((t, money))) = (points, money) {
            let points = whole(&points.text)
                .map(|n| n.to_string())
                .unwrap_or_default();
            found.credit(
                CreditRow {
                    line: t.line,
                    period: month,
                    party: provider.code().into(),
                    measure: code.into(),
                    points: points.clone(),
                    credits: money.clone(),
                },
                &place,
                &format!("{points} points, £{money}"),
            );
        }
        return;
    }
    if find(&["under", "discussion"]).is_some() {
        let line = p.first().map_or(0, |t| t.line);
        found.credit(
            CreditRow {
                line,
                period: month,
                party: provider.code().into(),
                measure: code.into(),
                points: String::new(),
                credits: "TBC".into(),
            },
            &place,
            "under discussion",
        );
        return;
    }
    // A KPI: "the Actual Service Level achieved was 99.44%. This is a KPI".
    if def.kpi && find(&["kpi"]).or_else(|| find(&["a", "kpi"])).is_some() {
        if let Some(k) = find(&["achieved", "was"]) {
            if let Some(t) = p
                .get(k + 2)
                .filter(|t| t.kind == Kind::Percent || t.text.ends_with("%."))
            {
                let value = t
                    .text
                    .trim_end_matches('.')
                    .trim_end_matches('%')
                    .to_string();
                found.level(
                    LongRow {
                        line: t.line,
                        period: month,
                        measure: def.code,
                        provider,
                        category: None,
                        value: Some(value),
                        counts: None,
                        reported_in: month,
                    },
                    &place,
                    "level (KPI, §14 only)",
                    &t.text,
                );
            }
        }
    }
}

/// The 12-month tables: a header `Month <companies…> Total`, rows of a
/// month and one cell per column, then a caption naming SMETS1 or SMETS2.
fn tables(tokens: &[Token<'_>], found: &mut Found) {
    let mut i = 0;
    while i < tokens.len() {
        if !tokens[i].is("Month") {
            i += 1;
            continue;
        }
        let mut parties = Vec::new();
        let mut k = i + 1;
        while let Some(t) = tokens.get(k) {
            if t.is("Total") {
                break;
            }
            match Party::parse(&t.text) {
                Some(_) if t.kind == Kind::Word => parties.push(t.text.to_string()),
                _ => break,
            }
            k += 1;
        }
        if parties.is_empty() || !tokens.get(k).is_some_and(|t| t.is("Total")) {
            i += 1;
            continue;
        }
        let end = tokens[k..]
            .iter()
            .position(|t| matches!(t.kind, Kind::Caption(_) | Kind::Heading))
            .map_or(tokens.len(), |e| k + e);
        let caption = tokens
            .get(end)
            .map(|t| t.text.to_string())
            .unwrap_or_default();
        let fleet = if caption.contains("SMETS1") {
            "SMETS1"
        } else if caption.contains("SMETS2") {
            "SMETS2"
        } else {
            // A table cut off before its caption: the columns tell the fleet.
            if parties
                .iter()
                .any(|p| p.eq_ignore_ascii_case("Arqiva") || p.eq_ignore_ascii_case("CGI"))
            {
                "SMETS2"
            } else {
                "SMETS1"
            }
        };
        let place = caption
            .split(['–', '-'])
            .next()
            .unwrap_or("credits table")
            .trim()
            .to_string();
        let mut columns = parties.clone();
        columns.push(fleet.into());
        let mut j = k + 1;
        while j < end {
            let Some((period, after)) = month_label(tokens, j) else {
                j += 1;
                continue;
            };
            let cells = &tokens[after..(after + columns.len()).min(end)];
            if cells.len() < columns.len() || cells.iter().any(|c| !is_cell(c)) {
                found.unplaced(
                    &tokens[j..(after + columns.len()).min(end)],
                    &format!(
                        "a row of {place}: a month and {} amounts expected",
                        columns.len()
                    ),
                );
                j = after;
                continue;
            }
            for (party, cell) in columns.iter().zip(cells) {
                found.credit(
                    CreditRow {
                        line: cell.line,
                        period,
                        party: party.clone(),
                        measure: String::new(),
                        points: String::new(),
                        credits: cell.text.to_string(),
                    },
                    &place,
                    &cell.text,
                );
            }
            j = after + columns.len();
        }
        i = end;
    }
}

/// A credits cell: money, `TBC`, `N/A`, each perhaps with a footnote `*`.
fn is_cell(t: &Token<'_>) -> bool {
    let s = t.text.trim_end_matches('*');
    s.starts_with('£')
        || t.kind == Kind::Status
        || matches!(s.to_ascii_uppercase().as_str(), "TBC" | "TBD" | "N/A" | "0")
}

/// A month as the credit tables write it: `Apr – 20`, `Sept -20`,
/// `Feb - 21`, `June – 20`. Returns the month and where the cells start.
fn month_label(tokens: &[Token<'_>], j: usize) -> Option<(Month, usize)> {
    let name = tokens.get(j)?;
    if name.kind != Kind::Word || !name.text.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let mut k = j + 1;
    if tokens
        .get(k)
        .is_some_and(|t| matches!(t.text.as_ref(), "–" | "-" | "—"))
    {
        k += 1;
    }
    let year = tokens.get(k)?.text.trim_start_matches(['-', '–', '—']);
    if year.len() != 2 || !year.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let m = values::month(&format!("{}-{year}", name.text))?;
    Some((m, k + 1))
}

/// §15: "reduced by the Service Credit total of £50,432".
fn total(tokens: &[Token<'_>], month: Month, found: &mut Found) {
    for i in 0..tokens.len().saturating_sub(4) {
        let w = &tokens[i..i + 4];
        if !(w[0].is("Service") && w[1].is("Credit") && w[2].is("total") && w[3].is("of")) {
            continue;
        }
        let Some(t) = tokens.get(i + 4) else { continue };
        let Some(money) = pounds(t) else { continue };
        found.credit(
            CreditRow {
                line: t.line,
                period: month,
                party: "All".into(),
                measure: String::new(),
                points: String::new(),
                credits: money,
            },
            "§15",
            &t.text,
        );
    }
}
