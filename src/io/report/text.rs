//! The report's text as a stream of tokens, with the noise a PDF copy
//! carries taken out: page footers, links, reviewers' sticky notes. Table
//! captions and section headings stay in the stream as markers, since they
//! end tables; everything else is words and figures, whatever line they
//! fell on (a PDF copy wraps cells anywhere).

use crate::engine::Month;

/// What a token is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Kind {
    /// `99.896%`, `394.28%`.
    Percent,
    /// `0`, `5`, `56,774`: a whole number, digits grouped in threes or not.
    Whole,
    /// `No Events`, `N/A`, `Data Exempted`, `Not Reported` (words joined).
    Status,
    /// Anything else.
    Word,
    /// `Table 13 - CSPN Reportable Performance Measures`: the whole line.
    Caption(u32),
    /// A section heading (`5 Reported List of …`, `14 Service Credits`).
    Heading,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token<'t> {
    /// 1-based line of the text as pasted.
    pub line: u64,
    pub text: std::borrow::Cow<'t, str>,
    pub kind: Kind,
}

impl Token<'_> {
    pub fn is_figure(&self) -> bool {
        matches!(self.kind, Kind::Percent | Kind::Whole | Kind::Status)
    }

    pub fn is(&self, word: &str) -> bool {
        self.kind == Kind::Word && self.text.eq_ignore_ascii_case(word)
    }
}

/// Headings that end whatever table is being read. The PMR numbers them
/// (`5.2 Performance Measurement Exceptions`); a wrapped heading keeps its
/// first words.
const HEADINGS: [&str; 9] = [
    "reported list of service provider performance measures",
    "service levels attained",
    "performance measurement exceptions",
    "service credits",
    "code performance measures",
    "dcc’s internal costs",
    "dcc's internal costs",
    "appendices",
    "incident resolution information",
];

/// Lines of prose that end a table too, though they carry no number.
const ENDING_PROSE: [&str; 2] = ["service level below", "service level above"];

/// The PMR's own footer line and page line, repeated on every page.
fn is_footer(t: &str) -> bool {
    let lower = t.to_ascii_lowercase();
    lower.starts_with("dcc performance measurement report")
        || lower.starts_with("pm001 ")
        || page_of(&lower)
        || month_alone(t).is_some()
}

/// `Page 19 of 69` anywhere on the line.
fn page_of(lower: &str) -> bool {
    lower.match_indices("page ").any(|(i, _)| {
        let rest = &lower[i + 5..];
        let mut words = rest.split_whitespace();
        let n = words
            .next()
            .is_some_and(|w| w.chars().all(|c| c.is_ascii_digit()));
        n && words.next() == Some("of")
    })
}

/// A line that is only a month and year (`March 2021`): a footer.
pub fn month_alone(t: &str) -> Option<Month> {
    let t = t.trim();
    let mut words = t.split_whitespace();
    let (Some(m), Some(y), None) = (words.next(), words.next(), words.next()) else {
        return None;
    };
    if y.len() != 4 || !m.chars().all(|c| c.is_ascii_alphabetic()) || m.len() < 3 {
        return None;
    }
    crate::io::values::month(&format!("{m} {y}"))
}

/// A caption: `Table 13 - …`, `Table 23 – …` (any dash), at a line's start.
fn caption(t: &str) -> Option<u32> {
    let rest = t.trim_start().strip_prefix("Table ")?;
    let digits: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
    let after = rest[digits.len()..].trim_start();
    let dash = after.starts_with(['-', '–', '—']);
    if digits.is_empty() || !dash {
        return None;
    }
    digits.parse().ok()
}

fn heading(t: &str) -> bool {
    let t = t.trim();
    let lower = t.to_lowercase();
    if ENDING_PROSE.iter().any(|p| lower.starts_with(p)) {
        return true;
    }
    // A number (`5`, `6.2`) and then a known heading.
    let Some((num, rest)) = t.split_once(char::is_whitespace) else {
        return false;
    };
    let numbered = !num.is_empty()
        && num.chars().all(|c| c.is_ascii_digit() || c == '.')
        && num.chars().next().is_some_and(|c| c.is_ascii_digit());
    let rest = rest.trim().to_lowercase();
    numbered && HEADINGS.iter().any(|h| rest.starts_with(h))
}

/// The lines worth reading, each with its 1-based number: sticky notes
/// (an author line, `Sticky Note`, one line of text), footers and links out.
pub fn clean_lines(text: &str) -> Vec<(u64, &str)> {
    split_lines(text).0
}

/// Reviewers' sticky notes, each as its lines: they are no part of the
/// report's tables, but they state claims ("CPM1 has been below Target
/// Service Level for the last 21 months").
pub fn sticky_notes(text: &str) -> Vec<Vec<(u64, &str)>> {
    split_lines(text).1
}

type Lines<'t> = Vec<(u64, &'t str)>;

/// The lines worth reading, and the sticky notes taken out of them.
fn split_lines(text: &str) -> (Lines<'_>, Vec<Lines<'_>>) {
    let lines: Vec<&str> = text.lines().collect();
    let mut drop = vec![false; lines.len()];
    let mut notes = Vec::new();
    let filled = |i: &usize| !lines[*i].trim().is_empty();
    let numbered = |i: usize| (i as u64 + 1, lines[i]);
    for (i, l) in lines.iter().enumerate() {
        let t = l.trim();
        if t.eq_ignore_ascii_case("sticky note") {
            drop[i] = true;
            if let Some(author) = (0..i).rev().find(filled) {
                drop[author] = true;
            }
            if let Some(note) = (i + 1..lines.len()).find(filled) {
                drop[note] = true;
                let mut kept = vec![numbered(note)];
                // A note copied wrapped over more lines goes on in long lines
                // of prose; a table's cells wrap into short ones, and a blank
                // line or a line plainly the table's ends the note.
                for next in note + 1..(note + 40).min(lines.len()) {
                    let l = lines[next].trim();
                    if l.chars().count() < 40 || table_line(l) {
                        break;
                    }
                    drop[next] = true;
                    kept.push(numbered(next));
                }
                notes.push(kept);
            }
        } else if t.starts_with("http://") || t.starts_with("https://") || is_footer(t) {
            drop[i] = true;
        }
    }
    let kept = lines
        .iter()
        .enumerate()
        .filter(|(i, l)| !drop[*i] && !l.trim().is_empty())
        .map(|(i, l)| (i as u64 + 1, *l))
        .collect();
    (kept, notes)
}

/// A line that belongs to a table, not to a note's prose: a figure, a
/// measure code or number first, a header's first word, a period word, a
/// caption.
fn table_line(l: &str) -> bool {
    let t = l.trim();
    let first = t.split_whitespace().next().unwrap_or("");
    let upper = first.to_ascii_uppercase();
    // Figures with few words around them (`CSPN 35.88% 23.74% …`); a
    // note's prose quotes a percentage among many words.
    let words = t.split_whitespace().count();
    let figures = t
        .split_whitespace()
        .filter(|w| percent(w) || STATUS_WORDS.contains(w))
        .count();
    (figures > 0 && words - figures <= 3)
        || first.starts_with(|c: char| c.is_ascii_digit())
        || ["CPM", "PM", "CH"].iter().any(|p| {
            upper.starts_with(p) && upper[p.len()..].starts_with(|c: char| c.is_ascii_digit())
        })
        || ["Code", "Performance", "Monthly", "Quarterly", "Table"].contains(&first)
}

const STATUS_WORDS: [&str; 2] = ["N/A", "N/A*"];

/// Whether `w` is a percentage as the PMR prints it: digits, an optional
/// decimal part, a `%`.
fn percent(w: &str) -> bool {
    let Some(n) = w.strip_suffix('%') else {
        return false;
    };
    let (int, frac) = n.split_once('.').unwrap_or((n, "0"));
    !int.is_empty()
        && int.chars().all(|c| c.is_ascii_digit())
        && !frac.is_empty()
        && frac.chars().all(|c| c.is_ascii_digit())
}

/// A whole number: `0`, `5`, `56774` or `56,774` (commas grouping threes).
pub fn whole(w: &str) -> Option<u64> {
    let mut groups = w.split(',');
    let first = groups.next()?;
    let ok_first =
        !first.is_empty() && first.len() <= 20 && first.chars().all(|c| c.is_ascii_digit());
    let rest: Vec<&str> = groups.collect();
    let grouped = rest
        .iter()
        .all(|g| g.len() == 3 && g.chars().all(|c| c.is_ascii_digit()));
    if !ok_first || !grouped || (!rest.is_empty() && first.len() > 3) {
        return None;
    }
    w.replace(',', "").parse().ok()
}

/// The statuses the PMR prints instead of a level, as word sequences
/// (longest first, so "Performance measurement not reported" is one).
const STATUSES: [&[&str]; 6] = [
    &["performance", "measurement", "not", "reported"],
    &["no", "events"],
    &["data", "exempted"],
    &["not", "reported"],
    &["n/a"],
    &["n/a*"],
];

/// The cleaned lines as tokens, statuses joined across line breaks.
pub fn tokens<'t>(lines: &[(u64, &'t str)]) -> Vec<Token<'t>> {
    let mut raw: Vec<Token<'t>> = Vec::new();
    for &(line, text) in lines {
        if let Some(n) = caption(text) {
            raw.push(Token {
                line,
                text: text.trim().into(),
                kind: Kind::Caption(n),
            });
            continue;
        }
        if heading(text) {
            raw.push(Token {
                line,
                text: text.trim().into(),
                kind: Kind::Heading,
            });
            continue;
        }
        for w in text.split_whitespace() {
            let kind = if percent(w) {
                Kind::Percent
            } else if whole(w).is_some() {
                Kind::Whole
            } else {
                Kind::Word
            };
            raw.push(Token {
                line,
                text: w.into(),
                kind,
            });
        }
    }
    join_statuses(raw)
}

fn join_statuses(raw: Vec<Token<'_>>) -> Vec<Token<'_>> {
    let mut out: Vec<Token<'_>> = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        let matched = STATUSES.iter().find(|words| {
            words.iter().enumerate().all(|(k, w)| {
                raw.get(i + k)
                    .is_some_and(|t| t.kind == Kind::Word && t.text.eq_ignore_ascii_case(w))
            })
        });
        match matched {
            Some(words) => {
                let text: Vec<&str> = raw[i..i + words.len()]
                    .iter()
                    .map(|t| t.text.as_ref())
                    .collect();
                out.push(Token {
                    // The line of the status's last word, where its cell ends.
                    line: raw[i + words.len() - 1].line,
                    text: text.join(" ").into(),
                    kind: Kind::Status,
                });
                i += words.len();
            }
            None => {
                out.push(raw[i].clone());
                i += 1;
            }
        }
    }
    out
}

/// Words for matching a row's name against the catalogue's: lower case,
/// letters and digits only, without the words every measure shares.
pub fn name_words(text: &str) -> Vec<String> {
    const COMMON: [&str; 14] = [
        "of",
        "the",
        "to",
        "by",
        "a",
        "and",
        "or",
        "in",
        "for",
        "percentage",
        "within",
        "relevant",
        "service",
        "level",
    ];
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .filter(|w| !COMMON.contains(&w.as_str()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn noise_is_dropped_and_statuses_joined() {
        let text = "DSP 99.91%\njoey\nSticky Note\nCPM1 is 92.75% below\nN/A No\nEvents 99.00% 96.00%\n\
                    DCC Performance Measurement Report V1.0\nMarch 2021\nPM001 DCC Controlled        Page 19 of 69\nhttps://x.y/z";
        let lines = clean_lines(text);
        assert_eq!(lines.iter().map(|l| l.0).collect::<Vec<_>>(), vec![1, 5, 6]);
        let toks = tokens(&lines);
        let kinds: Vec<_> = toks
            .iter()
            .map(|t| (t.text.as_ref(), t.kind.clone()))
            .collect();
        assert_eq!(
            kinds,
            vec![
                ("DSP", Kind::Word),
                ("99.91%", Kind::Percent),
                ("N/A", Kind::Status),
                ("No Events", Kind::Status),
                ("99.00%", Kind::Percent),
                ("96.00%", Kind::Percent),
            ]
        );
        assert_eq!(toks[3].line, 6);
    }

    #[test]
    fn captions_headings_and_numbers() {
        assert_eq!(caption("Table 23 – S1SP SIE Reportable"), Some(23));
        assert_eq!(caption("Table 1 - DCC Code Performance Measures "), Some(1));
        assert_eq!(caption("Table below shows"), None);
        assert!(heading(
            " 5 Reported List of Service Provider Performance Measures CSP North"
        ));
        assert!(heading("5.2 Performance Measurement Exceptions"));
        assert!(!heading(" 1.3 SMWAN connectivity Level Monthly 100.00%"));
        assert_eq!(whole("56,774"), Some(56774));
        assert_eq!(whole("5,67"), None);
        assert_eq!(whole("3,"), None);
        assert!(percent("99.896%") && percent("100%") && !percent("%") && !percent("9.%"));
        assert_eq!(month_alone("March 2021"), Month::new(2021, 3));
        assert_eq!(month_alone("Total 2021"), None);
    }
}
