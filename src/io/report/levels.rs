//! The service-level tables: Table 1 (the CPMs and their components) and
//! each provider's table (Tables 12 to 28).
//!
//! A table is read as a stream of tokens, not lines, because a PDF copy
//! wraps cells anywhere: a row is whatever words come before a run of four
//! figures (previous, current, target, minimum), or five when the previous
//! figure was restated (as first reported, then restated). Table 1's words
//! start with the measure code and end with the provider; a provider
//! table's words are the area (printed only on a group's first row), the
//! number (without `PM`, so `1.1` is PM1.1 or CH1.1 and only the name tells
//! which), the name and the period (`Monthly`, `Quarterly`). Repeated page
//! headers are skipped wherever they fall; the caption after a table names
//! its provider.

use super::rows::{code_row, provider_row, Row};
use super::text::{Kind, Token};
use super::Found;
use crate::engine::{Month, Provider};
use crate::io::values;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Table {
    /// Table 1: `CPM1 … 93.95% 92.75% 99.00% 96.00%`, `PM2 … CSPN 35.88% …`.
    Code,
    /// Tables 12–28: `Availability 2.1 … Monthly 100.00% …`.
    Provider,
}

struct Region<'t> {
    table: Table,
    quarters: Option<(Month, Month)>,
    rows: Vec<Row<'t>>,
    words: Vec<Token<'t>>,
    run: Vec<Token<'t>>,
}

/// Reads every service-level table in `tokens`.
pub fn read(tokens: &[Token<'_>], month: Month, found: &mut Found) {
    let mut heading_provider: Option<Provider> = None;
    let mut region: Option<Region<'_>> = None;
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        match &t.kind {
            Kind::Caption(_) => {
                if let Some(r) = region.take() {
                    let provider = provider_named(caption_subject(&t.text)).or(heading_provider);
                    let place = t.text.split(['-', '–', '—']).next().unwrap_or("").trim();
                    finish(r, provider, place, month, found);
                }
                i += 1;
                continue;
            }
            Kind::Heading => {
                if let Some(r) = region.take() {
                    finish(r, heading_provider, "", month, found);
                }
                // ASCII lower case keeps byte positions, so `at` indexes the text.
                let lower = t.text.to_ascii_lowercase();
                if let Some(at) = lower.find("performance measures") {
                    if lower.contains("reported list") {
                        heading_provider =
                            provider_named(&t.text[at + "performance measures".len()..]);
                    }
                }
                i += 1;
                continue;
            }
            _ => {}
        }
        if let Some(Header {
            table,
            quarters,
            end,
        }) = header(tokens, i)
        {
            match region.as_mut() {
                Some(r) if r.table == table => {
                    // A page break's repeated header, or a quarterly
                    // sub-table's own: the quarters change, the table goes on.
                    r.end_run();
                    if quarters.is_some() {
                        r.quarters = quarters;
                    }
                }
                _ => {
                    if let Some(r) = region.take() {
                        finish(r, heading_provider, "", month, found);
                    }
                    region = Some(Region {
                        table,
                        quarters,
                        rows: Vec::new(),
                        words: Vec::new(),
                        run: Vec::new(),
                    });
                }
            }
            i = end;
            continue;
        }
        if let Some(r) = region.as_mut() {
            r.push(t.clone());
        }
        i += 1;
    }
    if let Some(r) = region.take() {
        finish(r, heading_provider, "", month, found);
    }
}

impl<'t> Region<'t> {
    fn push(&mut self, t: Token<'t>) {
        if t.is_figure() {
            let has = |k: Kind| self.run.iter().any(|x| x.kind == k);
            let clash = match t.kind {
                Kind::Percent => has(Kind::Whole),
                Kind::Whole => has(Kind::Percent),
                _ => false,
            };
            if clash {
                self.end_run();
            }
            self.run.push(t);
        } else {
            self.end_run();
            self.words.push(t);
        }
    }

    /// Ends a run of figures: four or more make a row; fewer were words of
    /// a name (`100% within 15 seconds`).
    fn end_run(&mut self) {
        let mut run = std::mem::take(&mut self.run);
        if run.len() < 4 {
            self.words.extend(run);
            return;
        }
        // Five percentages: the previous figure was restated. Whole numbers
        // (count measures) are never restated in the PMR, so a fifth is the
        // next row's number. More than five percentages: a row's words went
        // missing, and the row is refused as it stands.
        let rest = if run.iter().any(|t| t.kind == Kind::Percent) {
            Vec::new()
        } else {
            run.split_off(4)
        };
        self.rows.push(Row {
            words: std::mem::take(&mut self.words),
            figures: run,
            quarters: self.quarters,
        });
        self.words.extend(rest);
    }
}

/// A table's header: which table, the quarters it names, and the token
/// after it.
struct Header {
    table: Table,
    quarters: Option<(Month, Month)>,
    end: usize,
}

/// A table header at `i`: which table, the quarters it names, and where it
/// ends (after `Minimum Service Level`).
fn header(tokens: &[Token<'_>], i: usize) -> Option<Header> {
    let a = tokens.get(i)?;
    let b = tokens.get(i + 1)?;
    let table = if a.is("Code") && b.text.to_ascii_lowercase().starts_with("performanc") {
        Table::Code
    } else if a.is("Performance") && b.is("Area") {
        Table::Provider
    } else {
        return None;
    };
    const LONGEST: usize = 60;
    let mut j = i + 2;
    while j + 2 < tokens.len() && j < i + LONGEST {
        if matches!(tokens[j].kind, Kind::Caption(_) | Kind::Heading) {
            return None;
        }
        if tokens[j].is("Minimum") && tokens[j + 1].is("Service") && tokens[j + 2].is("Level") {
            return Some(Header {
                table,
                quarters: quarters(&tokens[i..j]),
                end: j + 3,
            });
        }
        j += 1;
    }
    None
}

/// The quarters a header names, each as the month it ends: `2020 Q4` ends
/// in December 2020; `Aug20 – Oct20` in October 2020. The first named is
/// the previous quarter, the second the latest (one report heads both
/// "Latest Qtr.").
fn quarters(header: &[Token<'_>]) -> Option<(Month, Month)> {
    let mut ends = Vec::new();
    let mut months = Vec::new();
    for (k, t) in header.iter().enumerate() {
        let next = header.get(k + 1).map(|n| n.text.as_ref()).unwrap_or("");
        if t.text.len() == 4
            && t.kind == Kind::Whole
            && next.len() == 2
            && next.starts_with(['Q', 'q'])
        {
            let (Ok(y), Ok(q)) = (t.text.parse::<i32>(), next[1..].parse::<u8>()) else {
                continue;
            };
            if (1..=4).contains(&q) {
                ends.extend(Month::new(y, q * 3));
            }
        } else if let Some(m) = glued_month(&t.text) {
            months.push(m);
        }
    }
    // Months come in pairs (first and last of a quarter): keep the lasts.
    ends.extend(months.chunks(2).filter(|c| c.len() == 2).map(|c| c[1]));
    match ends[..] {
        [previous, latest] => Some((previous, latest)),
        _ => None,
    }
}

/// `Oct20`, `Jan21`, `Oct-20`: a month glued to a two-digit year.
fn glued_month(w: &str) -> Option<Month> {
    let letters: String = w.chars().take_while(|c| c.is_ascii_alphabetic()).collect();
    let rest = w[letters.len()..].trim_start_matches(['-', '–']);
    if letters.len() < 3 || rest.len() != 2 || !rest.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    values::month(&format!("{letters}-{rest}"))
}

/// `Table 13 - CSPN Reportable Performance Measures` → `CSPN Reportable…`.
fn caption_subject(caption: &str) -> &str {
    caption
        .split_once(['-', '–', '—'])
        .map(|(_, rest)| rest)
        .unwrap_or("")
}

/// The provider a heading or caption names: the whole text, else its
/// words one or two at a time (`CSP North`, `S1SP Morrison Data`).
pub fn provider_named(text: &str) -> Option<Provider> {
    let words: Vec<&str> = text
        .split_whitespace()
        .take_while(|w| !w.eq_ignore_ascii_case("reportable"))
        .collect();
    if words.is_empty() {
        return None;
    }
    Provider::parse(&words.join(" "))
        .or_else(|| words.windows(2).find_map(|w| Provider::parse(&w.join(" "))))
        .or_else(|| words.iter().find_map(|w| Provider::parse(w)))
        .filter(|p| *p != Provider::Dcc)
}

fn finish(
    mut r: Region<'_>,
    provider: Option<Provider>,
    caption: &str,
    month: Month,
    found: &mut Found,
) {
    r.end_run();
    let mut area: Vec<Token<'_>> = Vec::new();
    for row in &r.rows {
        match r.table {
            Table::Code => code_row(row, month, place(caption, "Table 1"), found),
            Table::Provider => provider_row(
                row,
                provider,
                &mut area,
                month,
                place(caption, "provider table"),
                found,
            ),
        }
    }
    // Figures left at the end with no row: a row cut off by the paste.
    if r.words.iter().any(Token::is_figure) {
        found.unplaced(&r.words, "figures with no complete row around them");
    }
}

/// Where a row stands: its table's caption (`Table 13`), or what the
/// table is when the paste lacks the caption.
fn place<'a>(caption: &'a str, otherwise: &'a str) -> &'a str {
    if caption.is_empty() {
        otherwise
    } else {
        caption
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quarters_from_either_header_style() {
        let text = "Previous Qtr. Service Level 2020 Q4 Latest Qtr. Service Level 2021 Q1";
        let lines = vec![(1, text)];
        let toks = super::super::text::tokens(&lines);
        assert_eq!(
            quarters(&toks),
            Some((Month::new(2020, 12).unwrap(), Month::new(2021, 3).unwrap()))
        );
        let text =
            "Previous Qtr. Service Level Aug20 – Oct20 Latest Qtr. Service Level Nov20 – Jan21";
        let lines = vec![(1, text)];
        let toks = super::super::text::tokens(&lines);
        assert_eq!(
            quarters(&toks),
            Some((Month::new(2020, 10).unwrap(), Month::new(2021, 1).unwrap()))
        );
    }

    #[test]
    fn providers_as_headings_and_captions_name_them() {
        assert_eq!(provider_named("CSP North"), Some(Provider::Cspn));
        assert_eq!(provider_named(" S1SP Morrison Data "), Some(Provider::Mds));
        assert_eq!(
            provider_named(" S1SP Critical Software Reportable Performance Measures"),
            Some(Provider::Critical)
        );
        assert_eq!(
            provider_named("CSPC Reportable Performance Measures"),
            Some(Provider::Cspc)
        );
        assert_eq!(provider_named("Code Performance Measures"), None);
    }
}
