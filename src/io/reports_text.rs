//! The RDP incidents ([`crate::engine::reports::rdp`]) and the problem
//! records ([`crate::engine::reports::problems`]) and the exclusion lists
//! ([`crate::engine::reports::exclusions`]) as plain text, for the command
//! line (`dcc-perf --output rdp|problems|exclusions|aged`), with the aged
//! incident tables ([`crate::engine::reports::aged`]).

use crate::engine::format::{count, thousands};
use crate::engine::reports::aged::{self, AgedTable};
use crate::engine::reports::exclusions::{evaluate, ExclusionList};
use crate::engine::reports::problems::{ProblemSummary, Problems};
use crate::engine::reports::rdp::{RdpBalance, Source};
use std::fmt::Write;

/// Each month: open at its start (and where that came from), opened,
/// resolved, reassigned, open at its end, and every check.
pub fn rdp_text(months: &[RdpBalance]) -> String {
    let mut out = String::from("RDP incidents (SEC Appendix AG 2.5.10)\n");
    let _ = writeln!(
        out,
        "  {:<16} {:>5}{:<11} {:>6}  {:>8}  {:>10}  {:>3}",
        "month", "start", "", "opened", "resolved", "reassigned", "end"
    );
    for b in months {
        let from = match b.start_from {
            Source::Stated => "",
            Source::Carried => " (carried)",
            Source::Implied => " (implied)",
            Source::Unknown => "",
        };
        let _ = writeln!(
            out,
            "  {:<16} {:>5}{:<11} {:>6}  {:>8}  {:>10}  {:>3}{}",
            b.period.long_name(),
            count(b.start),
            from,
            count(b.opened),
            count(b.resolved),
            thousands(b.reassigned),
            count(b.end),
            if b.end_stated || b.end.is_none() {
                ""
            } else {
                " (worked out)"
            },
        );
        if let Some(n) = &b.note {
            let _ = writeln!(out, "    note: {n}");
        }
        for c in &b.checks {
            let verdict = if c.holds { "holds" } else { "DIFFERS" };
            let _ = writeln!(out, "    {}: {verdict}", c.what);
        }
    }
    out
}

/// The summary's rows and totals, the records listed, and every check.
pub fn problems_text(p: &Problems, s: &ProblemSummary) -> String {
    let mut out = String::from(
        "Problem records open against earlier reports\n  report            related  closed  open  listed\n",
    );
    for r in &p.rows {
        let listed = p.records.iter().filter(|x| x.report == r.report).count();
        let _ = writeln!(
            out,
            "  {:<16} {:>8}  {:>6}  {:>4}  {:>6}",
            r.report.long_name(),
            thousands(r.related),
            thousands(r.closed),
            thousands(r.open),
            listed
        );
    }
    let _ = writeln!(
        out,
        "  {:<16} {:>8}  {:>6}  {:>4}  {:>6}",
        "Total",
        thousands(s.related),
        thousands(s.closed),
        thousands(s.open),
        s.listed
    );
    let failed: Vec<_> = s.failures().collect();
    match failed.is_empty() {
        true => {
            let _ = writeln!(out, "  every check holds ({} checked)", s.checks.len());
        }
        false => {
            for c in failed {
                let _ = writeln!(out, "  DIFFERS: {}", c.what);
            }
        }
    }
    for r in &p.records {
        let _ = writeln!(
            out,
            "  {}  {:<15} {}",
            r.reference,
            r.report.long_name(),
            r.title
        );
    }
    out
}

/// Each list: its reasons and counts as printed, its sums against the
/// totals it states, and each count flagged.
pub fn exclusions_text(lists: &[ExclusionList]) -> String {
    let mut out = String::from("Exclusions and exceptions\n");
    for l in lists {
        let c = evaluate(l);
        let _ = writeln!(out, "  {}: {} excluded", l.title, thousands(c.excluded));
        for g in &l.groups {
            if !g.name.is_empty() {
                let stated = g.stated.as_ref().map_or("–", |s| s.0.as_str());
                let _ = writeln!(out, "    {} (stated {stated})", g.name);
            }
            for i in &g.items {
                let _ = writeln!(out, "      {:>10}  {}", i.count.0, i.reason);
            }
        }
        for s in &c.sums {
            let verdict = if s.holds { "holds" } else { "DIFFERS" };
            let _ = writeln!(
                out,
                "    {}: stated {}, listed {}: {verdict}",
                s.what,
                thousands(s.stated),
                thousands(s.listed)
            );
        }
        for f in &c.flags {
            let _ = writeln!(out, "    FLAGGED {}: {}", f.reason, f.words);
        }
    }
    out
}

/// Each list's excluded share of its measures' events, beside their levels.
pub fn excluded_text(shares: &[crate::engine::reports::excluded::ExcludedShare]) -> String {
    let mut out = String::from("Excluded share of each measure's events\n");
    for s in shares {
        let levels: Vec<String> = s
            .measures
            .iter()
            .map(|m| {
                format!(
                    "{} {} {}",
                    m.provider,
                    m.measure,
                    m.level.as_deref().unwrap_or("(not loaded)")
                )
            })
            .collect();
        let share = s
            .share
            .map_or("unknown".into(), crate::engine::format::percent);
        let _ = writeln!(
            out,
            "  {}: share excluded {share} ({})",
            s.title,
            levels.join(", ")
        );
        let _ = writeln!(out, "    {}", s.words);
    }
    out
}

/// Each table: its total by category, its ages at the point of extract, the
/// change from the previous report's where loaded, and every check.
pub fn aged_text(tables: &[AgedTable]) -> String {
    let mut out = String::from("Aged incidents (tickets not closed at the point of extract)\n");
    for (t, s) in tables.iter().zip(aged::evaluate_all(tables)) {
        let at = s.extract.map_or("–".into(), |d| d.to_string());
        let _ = writeln!(
            out,
            "  {}, {} report (extract {at}): {} tickets, by category {}",
            t.assigned.name(),
            t.report.long_name(),
            thousands(s.total),
            s.by_category.map(thousands).join(" / ")
        );
        for b in &s.bands {
            let range = match b.low == b.high {
                true => thousands(b.low),
                false => format!("{} to {}", thousands(b.low), thousands(b.high)),
            };
            let _ = writeln!(out, "    over {} days: {range}", b.days);
        }
        if let Some((m, n)) = s.previous {
            let _ = writeln!(
                out,
                "    previous report ({}): {} tickets",
                m.long_name(),
                thousands(n)
            );
        }
        let fails: Vec<_> = s.checks.iter().filter(|c| c.holds != Some(true)).collect();
        let _ = writeln!(
            out,
            "    {} checks, {} hold",
            s.checks.len(),
            s.checks.len() - fails.len()
        );
        for c in fails {
            let verdict = match c.holds {
                Some(_) => "DIFFERS",
                None => "NOT CHECKED",
            };
            let _ = writeln!(out, "    {verdict}: {}", c.what);
        }
    }
    out
}
