//! What differs in the OPR years: years, measures, parts and decisions.

use super::*;
use crate::engine::format::{exact, level as level_text};
use crate::engine::margin::{money, signed_money};
use crate::engine::opr::{Decided, OprMeasure, Part, Regime, RegimeYear, Scale};
use rust_decimal::Decimal;
use std::collections::BTreeSet;

// ---- Inputs: OPR years -----------------------------------------------------

fn year_summary(y: &RegimeYear) -> String {
    format!(
        "{} at risk, {} measures, from {}",
        money(y.margin_at_risk),
        y.measures.len(),
        y.start.long_name()
    )
}

pub(super) fn regime(l: &Regime, r: &Regime, out: &mut Vec<Change>) {
    if l == r {
        return;
    }
    let names: Vec<&str> = {
        let mut seen = BTreeSet::new();
        l.years
            .iter()
            .chain(&r.years)
            .map(|y| y.name.as_str())
            .filter(|n| seen.insert(*n))
            .collect()
    };
    for name in names {
        let item = |what: &str| format!("{name} {what}");
        match (l.year(name), r.year(name)) {
            (Some(a), Some(b)) if a != b => year(a, b, out),
            (Some(a), None) => out.push(change(
                Section::Regime,
                item("year"),
                year_summary(a),
                "not present".into(),
                None,
            )),
            (None, Some(b)) => out.push(change(
                Section::Regime,
                item("year"),
                "not present".into(),
                year_summary(b),
                None,
            )),
            _ => {}
        }
    }
}

fn year(l: &RegimeYear, r: &RegimeYear, out: &mut Vec<Change>) {
    let s = Section::Regime;
    let y = &l.name;
    differ(
        out,
        s,
        format!("{y} first month"),
        l.start.long_name(),
        r.start.long_name(),
    );
    number(
        out,
        s,
        format!("{y} margin at risk"),
        (Some(l.margin_at_risk), Some(r.margin_at_risk)),
        money,
        signed_money,
    );
    differ(
        out,
        s,
        format!("{y} loss curve"),
        l.curve.describe(),
        r.curve.describe(),
    );
    let mut seen = BTreeSet::new();
    let codes: Vec<&str> = l
        .measures
        .iter()
        .chain(&r.measures)
        .map(|m| m.code.as_str())
        .filter(|c| seen.insert(*c))
        .collect();
    for code in codes {
        match (l.measure(code), r.measure(code)) {
            (Some(a), Some(b)) if a != b => measure(y, a, b, out),
            (Some(a), None) => out.push(change(
                s,
                format!("{y} {code}"),
                percent(a.weight),
                "not present".into(),
                None,
            )),
            (None, Some(b)) => out.push(change(
                s,
                format!("{y} {code}"),
                "not present".into(),
                percent(b.weight),
                None,
            )),
            _ => {}
        }
    }
}

fn scale_parts(s: Scale) -> (Option<Decimal>, Option<Decimal>, Option<Decimal>) {
    match s {
        Scale::Levels { tpl, mpl } => (Some(tpl), Some(mpl), None),
        Scale::Score { max } => (None, None, Some(max)),
    }
}

fn measure(y: &str, l: &OprMeasure, r: &OprMeasure, out: &mut Vec<Change>) {
    let s = Section::Regime;
    let c = format!("{y} {}", l.code);
    number(
        out,
        s,
        format!("{c} weight"),
        (Some(l.weight), Some(r.weight)),
        percent,
        points_diff,
    );
    number(
        out,
        s,
        format!("{c} stated margin"),
        (l.margin, r.margin),
        money,
        signed_money,
    );
    let ((lt, lm, lx), (rt, rm, rx)) = (scale_parts(l.scale), scale_parts(r.scale));
    number(out, s, format!("{c} TPL"), (lt, rt), percent, points_diff);
    number(out, s, format!("{c} MPL"), (lm, rm), percent, points_diff);
    number(
        out,
        s,
        format!("{c} maximum score"),
        (lx, rx),
        exact,
        signed_exact,
    );
    let n = l.parts.len().max(r.parts.len());
    for i in 0..n {
        match (l.parts.get(i), r.parts.get(i)) {
            (Some(a), Some(b)) if a != b => part(&c, l.scale, a, b, out),
            (Some(a), None) => differ(
                out,
                s,
                format!("{c} {}", a.label()),
                "a part".into(),
                ABSENT.into(),
            ),
            (None, Some(b)) => differ(
                out,
                s,
                format!("{c} {}", b.label()),
                ABSENT.into(),
                "a part".into(),
            ),
            _ => {}
        }
    }
}

fn decided_text(d: Option<&Decided>) -> String {
    d.map_or_else(
        || "not decided".into(),
        |d| format!("{} kept ({})", percent(d.kept), d.reason),
    )
}

fn part(c: &str, scale: Scale, l: &Part, r: &Part, out: &mut Vec<Change>) {
    let s = Section::Regime;
    let p = format!("{c} {}", l.label());
    if l.label() != r.label() {
        differ(out, s, format!("{p} name"), l.label(), r.label());
    }
    let (show, diff): (Show, Show) = match scale {
        Scale::Levels { .. } => (|v| format!("{}%", level_text(v, true)), points_diff),
        Scale::Score { .. } => (exact, signed_exact),
    };
    number(
        out,
        s,
        format!("{p} performance"),
        (l.performance, r.performance),
        show,
        diff,
    );
    differ(
        out,
        s,
        format!("{p} decided"),
        decided_text(l.decided.as_ref()),
        decided_text(r.decided.as_ref()),
    );
    number(
        out,
        s,
        format!("{p} share"),
        (Some(l.share), Some(r.share)),
        exact,
        signed_exact,
    );
    let mut seen = BTreeSet::new();
    let names: Vec<&str> = l
        .metrics
        .iter()
        .chain(&r.metrics)
        .map(|m| m.name.as_str())
        .filter(|n| seen.insert(*n))
        .collect();
    for name in names {
        let find = |x: &Part| x.metrics.iter().find(|m| m.name == name).cloned();
        let (a, b) = (find(l), find(r));
        number(
            out,
            s,
            format!("{p} {name} annual figure"),
            (
                a.as_ref().and_then(|m| m.annual),
                b.as_ref().and_then(|m| m.annual),
            ),
            |v| format!("{}%", level_text(v, true)),
            points_diff,
        );
        number(
            out,
            s,
            format!("{p} {name} weight"),
            (a.map(|m| m.weight), b.map(|m| m.weight)),
            exact,
            signed_exact,
        );
    }
}
