//! A part's metrics: their monthly levels over the year, their means, and
//! how they read in words.

use super::*;

/// A level in `results`, if that month is loaded with a number.
pub(super) fn monthly(
    results: Option<&Results>,
    m: &Metric,
    months: &[Month],
) -> (Option<Decimal>, u32) {
    let Some(results) = results else {
        return (None, 0);
    };
    let mut series_means = Vec::new();
    let mut used = std::collections::BTreeSet::new();
    for s in &m.series {
        let vals: Vec<Decimal> = months
            .iter()
            .filter_map(|&mo| {
                let v = results.get(mo, &s.measure, s.provider)?.level.number()?;
                used.insert(mo);
                Some(v)
            })
            .collect();
        if let Some(mean) = mean(&vals) {
            series_means.push(mean);
        }
    }
    (mean(&series_means), used.len() as u32)
}

pub(super) fn mean(vals: &[Decimal]) -> Option<Decimal> {
    if vals.is_empty() {
        return None;
    }
    let sum = vals.iter().fold(Decimal::ZERO, |a, &v| add(a, v));
    div(sum, Decimal::from(vals.len()))
}

pub(super) fn metric_values(
    part: &Part,
    results: Option<&Results>,
    months: &[Month],
) -> Vec<MetricValue> {
    part.metrics
        .iter()
        .map(|m| {
            let (monthly, n) = monthly(results, m, months);
            let (value, source) = match (monthly, m.annual) {
                (Some(v), _) => (Some(v), MetricSource::Monthly(n)),
                (None, Some(a)) => (Some(a), MetricSource::Annual),
                (None, None) => (None, MetricSource::Missing),
            };
            MetricValue {
                name: m.name.clone(),
                weight: m.weight,
                value,
                source,
                annual: m.annual,
            }
        })
        .collect()
}

/// The weighted mean of the metrics with weight, if each has a figure.
pub(super) fn metrics_mean(metrics: &[MetricValue]) -> Option<Decimal> {
    let weighted: Vec<&MetricValue> = metrics.iter().filter(|m| !m.weight.is_zero()).collect();
    if weighted.is_empty() {
        return None;
    }
    let mut sum = Decimal::ZERO;
    let mut weights = Decimal::ZERO;
    for m in weighted {
        sum = add(sum, mul(m.value?, m.weight));
        weights = add(weights, m.weight);
    }
    div(sum, weights)
}

pub(super) fn metric_line(metrics: &[MetricValue]) -> String {
    let parts: Vec<String> = metrics
        .iter()
        .filter(|m| !m.weight.is_zero())
        .map(|m| {
            let v = m.value.map_or("—".into(), brief);
            if m.weight == Decimal::ONE {
                v
            } else {
                format!("{v} × {}", m.weight.normalize())
            }
        })
        .collect();
    let equal = metrics
        .iter()
        .filter(|m| !m.weight.is_zero())
        .all(|m| m.weight == Decimal::ONE);
    if equal {
        format!("mean({})", parts.join(", "))
    } else {
        format!("weighted mean({})", parts.join(", "))
    }
}

pub(super) fn scale_word(scale: Scale) -> &'static str {
    match scale {
        Scale::Levels { .. } => "RPL",
        Scale::Score { .. } => "score",
    }
}
