//! The month review ([`crate::engine::review`]) as plain text, for the
//! command line (`dcc-perf --output month`) and for pasting into a paper.

use crate::engine::format::{brief, signed};
use crate::engine::margin::money;
use crate::engine::reported::{pounds, Amount};
use crate::engine::review::{MonthReview, Verdict};
use std::fmt::Write;

/// The review in sections: verdict, completeness, CPMs, misses, money,
/// what would bring a CPM back, findings, claims.
pub fn month_text(r: &MonthReview) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", r.headline());
    let _ = writeln!(out, "{}", r.completeness_line());
    let _ = writeln!(out, "\nCode Performance Measures");
    for c in &r.scorecard {
        let _ = writeln!(
            out,
            "  {:<5} {:>8}  target {:>5}  {} {:<14} change {:>6}  {}",
            c.measure,
            c.display,
            c.target.map_or("–".into(), |t| format!("{}%", brief(t))),
            c.status.symbol(),
            c.status.label(),
            c.change.map_or("–".into(), |d| signed(d, 2)),
            if c.run.periods == 0 {
                String::new()
            } else {
                format!("below target for {}", c.run.describe())
            }
        );
    }
    let _ = writeln!(out, "\nBelow target this month ({})", r.misses.len());
    for m in &r.misses {
        let credit = m.credit_label();
        let _ = writeln!(
            out,
            "  {} {:<18} {:>9}  {:<14} {}; for {}; credit {}",
            m.status.symbol(),
            format!("{} {}", m.provider, m.measure),
            m.display,
            m.status.label(),
            m.shortfall,
            m.run.short(),
            credit
        );
    }
    let stated = match r.money.stated {
        Some(Amount::Money { gbp }) => format!("; the report states {}", pounds(gbp)),
        Some(a) => format!("; the report states {a}"),
        None => String::new(),
    };
    let _ = writeln!(
        out,
        "\nService credits: {} computed{}{stated}.",
        pounds(r.money.credits),
        match r.money.pending {
            0 => String::new(),
            n => format!(" + {n} pending"),
        }
    );
    match (&r.money.opr, &r.money.opr_note) {
        (Some(o), _) => {
            let _ = writeln!(
                out,
                "OPR {} so far: {} kept, {} lost, {} not yet assessed, of {} at risk.",
                o.year,
                money(o.kept),
                money(o.lost),
                money(o.unassessed),
                money(o.margin_at_risk)
            );
        }
        (None, Some(n)) => {
            let _ = writeln!(out, "OPR: {n}");
        }
        (None, None) => {}
    }
    if !r.recoveries.is_empty() {
        let _ = writeln!(out, "\nWhat would bring it back");
    }
    for x in &r.recoveries {
        let _ = writeln!(out, "  {}", x.words);
    }
    let _ = writeln!(out, "\nWhat the report gets wrong ({})", r.findings.len());
    for f in &r.findings {
        let _ = writeln!(
            out,
            "  [{}] {}: report {}, computed {}{}",
            f.kind.label(),
            f.what,
            f.stated,
            f.computed,
            f.note.as_ref().map_or(String::new(), |n| format!(" — {n}"))
        );
    }
    let _ = writeln!(out, "\nThe report's claims ({})", r.claims.len());
    for c in &r.claims {
        let why = match &c.verdict {
            Verdict::Agrees => String::new(),
            Verdict::Differs { by } => format!(": {by}"),
            Verdict::CannotCheck { why } => format!(": {why}"),
        };
        let _ = writeln!(
            out,
            "  {} {}: \u{201c}{}\u{201d} — computed {} — {}{why}{}",
            c.claim.provider,
            c.claim.measure,
            c.claim.stated,
            c.computed,
            c.verdict.label(),
            c.claim
                .line
                .map_or(String::new(), |l| format!(" (line {l})"))
        );
    }
    out
}
