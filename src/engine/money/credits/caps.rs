//! Caps per provider and period, taken up by lines in report order.

use super::*;

/// Caps per provider and period, taken up by lines in report order.
pub(super) fn apply_caps(lines: &mut [CreditLine], scheme: &CreditScheme, words: bool) {
    let mut i = 0;
    while i < lines.len() {
        let (period, provider) = (lines[i].period, lines[i].provider);
        let end = lines[i..]
            .iter()
            .position(|l| l.period != period || l.provider != provider)
            .map_or(lines.len(), |n| i + n);
        if let Some(ps) = scheme.provider(provider) {
            cap_group(&mut lines[i..end], ps, scheme, words);
        }
        i = end;
    }
}

/// What each line keeps of `amounts` when `cap` is taken up in order.
pub(super) fn take_up(cap: Decimal, amounts: impl Iterator<Item = Decimal>) -> Vec<Decimal> {
    let mut left = cap;
    amounts
        .map(|a| {
            let kept = a.min(left);
            left -= kept;
            kept
        })
        .collect()
}

/// Records what a cap took off a line (in its explanation too, if `words`).
pub(super) fn note_cap(l: &mut CreditLine, note: String, step: Option<String>) {
    if let Some(step) = step {
        l.explanation.steps.push(format!("{note}; {step}"));
    }
    l.cap_effect = Some(match l.cap_effect.take() {
        Some(before) => format!("{before}; {note}"),
        None => note,
    });
}

pub(super) fn cap_group(
    group: &mut [CreditLine],
    ps: &ProviderScheme,
    scheme: &CreditScheme,
    words: bool,
) {
    if let Some(cap) = ps.cap.points.map(nonneg) {
        let kept = take_up(cap, group.iter().map(|l| l.points.unwrap_or_default()));
        // Under a points cap, money is rounded on the running total of points
        // (each line gets the step in the rounded total), so the provider's
        // money is the rounded money of its capped points: it cannot rise
        // when points move between lines.
        let mut running = Decimal::ZERO;
        for (l, kept) in group.iter_mut().zip(kept) {
            let Some(p) = l.points else { continue };
            if !l.money_override {
                let before = money_of(running, ps, scheme);
                running = add(running, kept);
                let m = money_of(running, ps, scheme)
                    .checked_sub(before)
                    .map_or(Decimal::ZERO, nonneg);
                if words && Some(m) != l.money {
                    l.explanation.steps.push(format!(
                        "Under the points cap, money is rounded on the provider's running total: {}",
                        pounds(m)
                    ));
                }
                l.money = Some(m);
            }
            if kept < p {
                l.points = Some(kept);
                let note = format!(
                    "Cap of {} points for the period: {} points taken off",
                    exact(cap),
                    exact(p - kept)
                );
                let step = words.then(|| format!("{} points kept", exact(kept)));
                note_cap(l, note, step);
            }
        }
    }
    if let Some(cap) = ps.cap.money.map(nonneg) {
        let kept = take_up(cap, group.iter().map(|l| l.money.unwrap_or_default()));
        for (l, kept) in group.iter_mut().zip(kept) {
            let Some(m) = l.money.filter(|m| kept < *m) else {
                continue;
            };
            l.money = Some(kept);
            let note = format!(
                "Cap of {} for the period: {} taken off",
                pounds(cap),
                pounds(m - kept)
            );
            note_cap(l, note, words.then(|| format!("credit {}", pounds(kept))));
        }
    }
}
