//! What differs in the figures: observations and the credits reports state.

use super::*;
use crate::engine::catalogue::{Catalogue, Provider, Unit};
use crate::engine::format::{exact, level as level_text};
use crate::engine::margin::signed_money;
use crate::engine::observation::{Dataset, Input, Observation};
use crate::engine::period::Month;
use crate::engine::reported::{CreditKey, ReportedCredit};
use rust_decimal::Decimal;
use std::collections::{BTreeMap, BTreeSet};

// ---- Inputs: figures -------------------------------------------------------

type ObsKey = (Month, String, Provider, Option<Month>);

fn obs_item(o: &Observation) -> String {
    let mut item = format!("{} {} {}", o.provider, o.measure, o.period.long_name());
    if let Some(r) = o.reported_in.filter(|r| *r != o.period) {
        item.push_str(&format!(" (report of {})", r.long_name()));
    }
    item
}

fn percent_measure(o: &Observation) -> bool {
    Catalogue::builtin()
        .get(&o.measure, o.provider)
        .is_none_or(|d| d.unit == Unit::Percent)
}

/// An observation as the table shows it: `98.56%`, `56,774 / 239,128`.
fn obs_text(o: &Observation) -> String {
    let pct = percent_measure(o);
    let mut t = match &o.input {
        Input::Level { level } => {
            let s = level_text(*level, pct);
            if pct {
                format!("{s}%")
            } else {
                s
            }
        }
        Input::Status { status } => status.label().into(),
        Input::Counts { successes, total } => format!("{successes} / {total}"),
        Input::PowerOutage {
            delivered,
            power_loss_alerts,
        } => format!("{delivered} delivered / {power_loss_alerts} alerts"),
        Input::Incidents { categories } => categories
            .iter()
            .map(|c| format!("cat. {}: {} / {}", c.category, c.within, c.total))
            .collect::<Vec<_>>()
            .join(", "),
    };
    if let Some(r) = o.reported {
        t.push_str(&format!(" (printed {})", level_text(r, pct)));
    }
    t
}

fn note_text(o: Option<&Observation>) -> String {
    o.and_then(|o| o.note.clone())
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| "no note".into())
}

fn obs_level(o: &Observation) -> Option<Decimal> {
    match o.input {
        Input::Level { level } => Some(level),
        _ => None,
    }
}

pub(super) fn figures(l: &Dataset, r: &Dataset, out: &mut Vec<Change>) {
    fn index(d: &Dataset) -> BTreeMap<ObsKey, &Observation> {
        d.observations.iter().map(|o| (o.key(), &**o)).collect()
    }
    let (li, ri) = (index(l), index(r));
    let keys: BTreeSet<&ObsKey> = li.keys().chain(ri.keys()).collect();
    for k in keys {
        let (a, b) = (li.get(k).copied(), ri.get(k).copied());
        if a == b {
            continue;
        }
        let Some(o) = a.or(b) else { continue };
        let text = |x: Option<&Observation>| x.map_or_else(|| ABSENT.to_string(), obs_text);
        let diff = match (a.and_then(obs_level), b.and_then(obs_level)) {
            (Some(x), Some(y)) => y.checked_sub(x).map(|d| {
                if percent_measure(o) {
                    points_diff(d)
                } else {
                    signed_exact(d)
                }
            }),
            _ => None,
        };
        let (ta, tb) = (text(a), text(b));
        if ta != tb {
            out.push(change(Section::Figures, obs_item(o), ta, tb, diff));
        }
        // A note is shown only where it is what changed: notes are long.
        if a.is_some() && b.is_some() {
            differ(
                out,
                Section::Figures,
                format!("{} note", obs_item(o)),
                note_text(a),
                note_text(b),
            );
        }
    }
}

fn credit_text(c: &ReportedCredit) -> String {
    match c.points {
        Some(p) => format!("{} ({} points)", c.amount, exact(p)),
        None => c.amount.to_string(),
    }
}

pub(super) fn reported_credits(l: &Dataset, r: &Dataset, out: &mut Vec<Change>) {
    fn index(d: &Dataset) -> BTreeMap<CreditKey, &ReportedCredit> {
        d.credits.iter().map(|c| (c.key(), c)).collect()
    }
    let (li, ri) = (index(l), index(r));
    let keys: BTreeSet<_> = li.keys().chain(ri.keys()).collect();
    for k in keys {
        let (a, b) = (li.get(k).copied(), ri.get(k).copied());
        if a == b {
            continue;
        }
        let Some(c) = a.or(b) else { continue };
        let mut item = format!("Reported credit {} {}", c.scope, c.period.long_name());
        if let Some(m) = c.reported_in.filter(|m| *m != c.period) {
            item.push_str(&format!(" (report of {})", m.long_name()));
        }
        let text = |x: Option<&ReportedCredit>| x.map_or_else(|| ABSENT.to_string(), credit_text);
        let diff = match (
            a.and_then(|x| x.amount.money()),
            b.and_then(|x| x.amount.money()),
        ) {
            (Some(x), Some(y)) => y.checked_sub(x).map(signed_money),
            _ => None,
        };
        out.push(change(Section::Figures, item, text(a), text(b), diff));
    }
}
