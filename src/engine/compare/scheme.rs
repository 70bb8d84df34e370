//! What differs in the credit scheme: terms, caps, exemptions, decisions.

use super::*;
use crate::engine::catalogue::Provider;
use crate::engine::format::exact;
use crate::engine::margin::signed_money;
use crate::engine::period::Month;
use crate::engine::reported::pounds;
use crate::engine::scheme::{
    Adjustment, Cap, CreditScheme, Decision, MeasureTerms, ProviderScheme,
};
use rust_decimal::Decimal;
use std::collections::BTreeSet;

// ---- Inputs: scheme --------------------------------------------------------

fn terms_text(t: Option<&MeasureTerms>) -> String {
    match t {
        None => "the provider's rule".into(),
        Some(t) if t.no_credit => "no credit".into(),
        Some(MeasureTerms { rule: None, .. }) => "the provider's rule".into(),
        Some(MeasureTerms { rule: Some(r), .. }) => r.describe(),
    }
}

fn cap_text(v: Option<Decimal>, show: fn(Decimal) -> String) -> String {
    v.map_or_else(|| "no cap".into(), show)
}

fn exemptions_text(s: &ProviderScheme) -> String {
    if s.exemptions.is_empty() {
        return "none".into();
    }
    s.exemptions
        .iter()
        .map(|e| {
            format!(
                "{} to {}: {}",
                e.from.long_name(),
                e.to.long_name(),
                e.reason
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn provider_scheme(l: &ProviderScheme, r: &ProviderScheme, out: &mut Vec<Change>) {
    let p = l.provider;
    let s = Section::Scheme;
    number(
        out,
        s,
        format!("{p} money per point"),
        (Some(l.money_per_point), Some(r.money_per_point)),
        pounds,
        signed_money,
    );
    differ(
        out,
        s,
        format!("{p} points rule"),
        l.rule.describe(),
        r.rule.describe(),
    );
    number(
        out,
        s,
        format!("{p} repeat multiplier"),
        (Some(l.repeat_multiplier), Some(r.repeat_multiplier)),
        |v| format!("× {}", exact(v)),
        signed_exact,
    );
    let caps = |c: &Cap| (c.points, c.money);
    let ((lp, lm), (rp, rm)) = (caps(&l.cap), caps(&r.cap));
    differ(
        out,
        s,
        format!("{p} cap on points"),
        cap_text(lp, exact),
        cap_text(rp, exact),
    );
    differ(
        out,
        s,
        format!("{p} cap on money"),
        cap_text(lm, pounds),
        cap_text(rm, pounds),
    );
    let codes: BTreeSet<&str> = l
        .measures
        .iter()
        .chain(&r.measures)
        .map(|t| t.measure.as_str())
        .collect();
    for code in codes {
        differ(
            out,
            s,
            format!("{p} {code} terms"),
            terms_text(l.terms(code)),
            terms_text(r.terms(code)),
        );
    }
    differ(
        out,
        s,
        format!("{p} exemptions"),
        exemptions_text(l),
        exemptions_text(r),
    );
}

fn decision_text(a: Option<&Adjustment>) -> String {
    match a {
        None => "as computed".into(),
        Some(a) => {
            let d = match a.decision {
                Decision::Points { points } => format!("{} points", exact(points)),
                Decision::Money { gbp } => pounds(gbp),
                Decision::Pending => "pending".into(),
            };
            format!("{d} ({})", a.reason)
        }
    }
}

pub(super) fn scheme(l: &CreditScheme, r: &CreditScheme, out: &mut Vec<Change>) {
    if l == r {
        return;
    }
    let s = Section::Scheme;
    differ(
        out,
        s,
        "Point rounding".into(),
        l.point_rounding.label().into(),
        r.point_rounding.label().into(),
    );
    differ(
        out,
        s,
        "Money rounding".into(),
        l.money_rounding.label().into(),
        r.money_rounding.label().into(),
    );
    for p in Provider::ALL {
        match (l.provider(p), r.provider(p)) {
            (Some(a), Some(b)) if a != b => provider_scheme(a, b, out),
            (Some(_), None) => out.push(change(
                s,
                format!("{p} scheme"),
                "terms set".into(),
                "no scheme".into(),
                None,
            )),
            (None, Some(_)) => out.push(change(
                s,
                format!("{p} scheme"),
                "no scheme".into(),
                "terms set".into(),
                None,
            )),
            _ => {}
        }
    }
    let keys: BTreeSet<(Month, Provider, &str)> = l
        .adjustments
        .iter()
        .chain(&r.adjustments)
        .map(|a| (a.period, a.provider, a.measure.as_str()))
        .collect();
    for (m, p, code) in keys {
        differ(
            out,
            s,
            format!("Decision {p} {code} {}", m.long_name()),
            decision_text(l.adjustment(m, p, code)),
            decision_text(r.adjustment(m, p, code)),
        );
    }
}
