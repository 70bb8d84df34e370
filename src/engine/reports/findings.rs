//! What the other reports get wrong, by month, in words: for the month
//! view's "what the report gets wrong".

use super::ReportFigures;

/// What the other reports get wrong, month by month: each check that
/// fails, each count flagged, and where a variance report's percentage
/// leaves requests out, both percentages. In words, for the month view's
/// "what the report gets wrong".
pub fn findings(f: &ReportFigures) -> Vec<(crate::engine::Month, String)> {
    let mut out = Vec::new();
    let holidays = f.holidays();
    for m in &f.variance {
        let v = super::variance::evaluate(m, m.report.thresholds());
        if let Some(t) = super::variance::timeliness(m, &holidays).filter(|t| !t.on_time) {
            let words = format!(
                "{} variance report for {}: issued {}, due {} (the {}th working day after the month): late",
                m.report.code(),
                m.period.long_name(),
                t.issued,
                t.due,
                m.report.due_working_day()
            );
            out.push((m.period, words));
        }
        let name = format!("{} variance, {}", m.report.code(), m.period.long_name());
        if matches!(v.zero_forecast, super::variance::ZeroForecast::Implied { about, .. } if about > 0)
            || matches!(v.zero_forecast, super::variance::ZeroForecast::Known { requests } if requests > 0)
        {
            out.push((m.period, format!("{name}: {}", v.why)));
        }
        for c in v.checks.iter().filter(|c| !c.agrees) {
            out.push((
                m.period,
                format!(
                    "{name}: {}: stated {}, computed {}",
                    c.what, c.stated, c.computed
                ),
            ));
        }
    }
    if let Some(m) = f.problems.period {
        let summary = super::problems::evaluate(&f.problems);
        for c in summary.checks.iter().filter(|c| !c.holds) {
            out.push((
                m,
                format!(
                    "Problem records (the {} report's summary): {}",
                    m.long_name(),
                    c.what
                ),
            ));
        }
    }
    for b in super::rdp::evaluate(&f.rdp) {
        for c in b.checks.iter().filter(|c| !c.holds) {
            out.push((
                b.period,
                format!("RDP incidents, {}: {}", b.period.long_name(), c.what),
            ));
        }
    }
    for (t, s) in f.aged.iter().zip(super::aged::evaluate_all(&f.aged)) {
        for c in s.checks.iter().filter(|c| c.holds == Some(false)) {
            out.push((
                t.report,
                format!(
                    "Aged incidents ({}): {}",
                    t.assigned.name().to_lowercase(),
                    c.what
                ),
            ));
        }
    }
    for l in &f.exclusions {
        let Some(period) = l.period else { continue };
        let c = super::exclusions::evaluate(l);
        for s in c.sums.iter().filter(|s| !s.holds) {
            out.push((
                period,
                format!(
                    "{} exclusions: {}: stated {}, listed {}",
                    l.title,
                    s.what,
                    crate::engine::format::thousands(s.stated),
                    crate::engine::format::thousands(s.listed)
                ),
            ));
        }
        for x in &c.flags {
            out.push((
                period,
                format!(
                    "{} exclusions, \u{201c}{}\u{201d}: {}",
                    l.title, x.reason, x.words
                ),
            ));
        }
    }
    out
}
