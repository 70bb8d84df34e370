//! What differs in what the inputs give: levels and statuses, CPMs,
//! credits and each OPR year's margin.

use super::*;
use crate::engine::catalogue::{Provider, Unit};
use crate::engine::credits::{CreditLine, Credits, LineState};
use crate::engine::level::ServiceLevel;
use crate::engine::margin::{money, signed_money, YearMargin};
use crate::engine::period::Month;
use crate::engine::reported::pounds;
use crate::engine::results::{MeasureResult, Results};
use rust_decimal::Decimal;
use std::collections::{BTreeMap, BTreeSet, HashMap};

// ---- Results ---------------------------------------------------------------

type RowKey<'a> = (Month, &'a str, Provider);

pub(super) fn levels(l: &Results, r: &Results, out: &mut Vec<Change>) {
    let index = |x: &'_ Results| -> HashMap<(Month, String, Provider), usize> {
        x.rows
            .iter()
            .enumerate()
            .map(|(i, row)| ((row.period, row.measure.clone(), row.provider), i))
            .collect()
    };
    let ri = index(r);
    // Left's rows in report order, then rows only the right has.
    let mut pairs: Vec<(Option<&MeasureResult>, Option<&MeasureResult>)> = Vec::new();
    let mut matched = vec![false; r.rows.len()];
    for row in &l.rows {
        let other = ri
            .get(&(row.period, row.measure.clone(), row.provider))
            .and_then(|&i| {
                matched[i] = true;
                r.rows.get(i)
            });
        pairs.push((Some(&**row), other.map(|r| &**r)));
    }
    for (i, row) in r.rows.iter().enumerate() {
        if !matched[i] {
            pairs.push((None, Some(row)));
        }
    }
    for (a, b) in pairs {
        let Some(row) = a.or(b) else { continue };
        let key: RowKey = (row.period, &row.measure, row.provider);
        result_row(key, &row.period_label, a, b, out);
    }
}

fn result_row(
    (_, code, provider): RowKey,
    period: &str,
    a: Option<&MeasureResult>,
    b: Option<&MeasureResult>,
    out: &mut Vec<Change>,
) {
    let cpm = provider == Provider::Dcc;
    let item = format!("{provider} {code} {period}");
    let display =
        |x: Option<&MeasureResult>| x.map_or_else(|| ABSENT.to_string(), |x| x.display.clone());
    let (ld, rd) = (display(a), display(b));
    if ld != rd {
        let number = |x: Option<&MeasureResult>| match x.map(|x| x.level) {
            Some(ServiceLevel::Number(n)) => Some(n),
            _ => None,
        };
        let percent = a.or(b).is_some_and(|x| x.unit == Unit::Percent);
        let diff = match (number(a), number(b)) {
            (Some(x), Some(y)) => y.checked_sub(x).map(|d| {
                if percent {
                    points_diff(d)
                } else {
                    signed_exact(d)
                }
            }),
            _ => None,
        };
        let section = if cpm {
            Section::Cpm
        } else {
            Section::ServiceLevel
        };
        out.push(change(section, item.clone(), ld, rd, diff));
    }
    let status = |x: Option<&MeasureResult>| {
        x.map_or_else(|| ABSENT.to_string(), |x| x.status.label().to_string())
    };
    let (ls, rs) = (status(a), status(b));
    if ls != rs {
        let (section, item) = if cpm {
            (Section::Cpm, format!("{item} status"))
        } else {
            (Section::Status, item)
        };
        out.push(change(section, item, ls, rs, None));
    }
}

/// A credit line as the credits table shows its amount.
fn line_text(l: &CreditLine) -> String {
    match (l.state, l.money) {
        (LineState::NoCredit | LineState::Exempt | LineState::NoScheme, _) => {
            l.state.label().into()
        }
        (_, Some(m)) => pounds(m),
        (_, None) => "Pending".into(),
    }
}

/// A line's money, with a missing line (no miss, no decision) as £0.
fn line_money(l: Option<&CreditLine>) -> Option<Decimal> {
    match l {
        None => Some(Decimal::ZERO),
        Some(l) if l.state == LineState::Pending => None,
        Some(l) => l.money,
    }
}

fn total_text(money: Decimal, pending: usize) -> String {
    match pending {
        0 => pounds(money),
        n => format!("{} + {n} pending", pounds(money)),
    }
}

pub(super) fn credit_changes(l: &Credits, r: &Credits, out: &mut Vec<Change>) {
    let s = Section::Credit;
    let index = |c: &Credits| -> BTreeMap<(Month, Provider, String), usize> {
        c.lines
            .iter()
            .enumerate()
            .map(|(i, x)| ((x.period, x.provider, x.measure.clone()), i))
            .collect()
    };
    let (li, ri) = (index(l), index(r));
    let keys: BTreeSet<&(Month, Provider, String)> = li.keys().chain(ri.keys()).collect();
    let totals = |c: &Credits| -> BTreeMap<(Month, Provider), (Decimal, usize)> {
        c.totals
            .iter()
            .map(|t| ((t.period, t.provider), (t.money, t.pending)))
            .collect()
    };
    let (lt, rt) = (totals(l), totals(r));
    let months: BTreeSet<Month> = keys
        .iter()
        .map(|k| k.0)
        .chain(lt.keys().map(|k| k.0))
        .chain(rt.keys().map(|k| k.0))
        .collect();
    for m in months {
        // Lines of the month, then each provider's total, then the month's.
        let mut providers: BTreeSet<Provider> = BTreeSet::new();
        for k in keys.iter().filter(|k| k.0 == m) {
            let a = li.get(*k).and_then(|&i| l.lines.get(i));
            let b = ri.get(*k).and_then(|&i| r.lines.get(i));
            let text =
                |x: Option<&CreditLine>| x.map_or_else(|| "no credit".to_string(), line_text);
            let (ta, tb) = (text(a), text(b));
            if ta != tb {
                let diff = match (line_money(a), line_money(b)) {
                    (Some(x), Some(y)) => y.checked_sub(x).map(signed_money),
                    _ => None,
                };
                let item = format!("{} {} {} credit", k.1, k.2, m.long_name());
                out.push(change(s, item, ta, tb, diff));
                providers.insert(k.1);
            }
        }
        for p in Provider::ALL {
            let (a, b) = (lt.get(&(m, p)), rt.get(&(m, p)));
            if a == b && !providers.contains(&p) {
                continue;
            }
            let (am, ap) = a.copied().unwrap_or((Decimal::ZERO, 0));
            let (bm, bp) = b.copied().unwrap_or((Decimal::ZERO, 0));
            let (ta, tb) = (total_text(am, ap), total_text(bm, bp));
            if ta != tb {
                let item = format!("{p} {} total", m.long_name());
                let diff = bm.checked_sub(am).map(signed_money);
                out.push(change(s, item, ta, tb, diff));
            }
        }
        let ((am, ap), (bm, bp)) = (l.total(m), r.total(m));
        let (ta, tb) = (total_text(am, ap), total_text(bm, bp));
        if ta != tb {
            let item = format!("{} total, all providers", m.long_name());
            let diff = bm.checked_sub(am).map(signed_money);
            out.push(change(s, item, ta, tb, diff));
        }
    }
}

pub(super) fn margins(l: &[YearMargin], r: &[YearMargin], out: &mut Vec<Change>) {
    let s = Section::Margin;
    let mut seen = BTreeSet::new();
    let names: Vec<&str> = l
        .iter()
        .chain(r)
        .map(|y| y.year.as_str())
        .filter(|n| seen.insert(*n))
        .collect();
    for name in names {
        let (a, b) = (
            l.iter().find(|y| y.year == name),
            r.iter().find(|y| y.year == name),
        );
        let mut seen = BTreeSet::new();
        let codes: Vec<&str> = a
            .iter()
            .chain(b.iter())
            .flat_map(|y| y.measures.iter().map(|m| m.code.as_str()))
            .filter(|c| seen.insert(*c))
            .collect();
        for code in codes {
            let (ma, mb) = (
                a.and_then(|y| y.measure(code)),
                b.and_then(|y| y.measure(code)),
            );
            number(
                out,
                s,
                format!("{name} {code} kept"),
                (ma.map(|m| m.kept), mb.map(|m| m.kept)),
                money,
                signed_money,
            );
            number(
                out,
                s,
                format!("{name} {code} lost"),
                (ma.map(|m| m.lost), mb.map(|m| m.lost)),
                money,
                signed_money,
            );
        }
        number(
            out,
            s,
            format!("{name} total kept"),
            (a.map(|y| y.kept), b.map(|y| y.kept)),
            money,
            signed_money,
        );
        number(
            out,
            s,
            format!("{name} total lost"),
            (a.map(|y| y.lost), b.map(|y| y.lost)),
            money,
            signed_money,
        );
    }
}
