//! A figure as a user types it into a cell, and back: `99.83`, `99.83%`,
//! `No Events`, `56,774 / 239,128`, and for CPM4/CPM5
//! `1: 2/2, 2: 3/3` (category: within / closed).

use super::long_csv::implausible;
use super::values::{self, Cell, LEVEL_EXPECTED};
use crate::engine::catalogue::{Basis, MeasureDef};
use crate::engine::observation::IncidentCount;
use crate::engine::Input;

/// The text an edit box starts with.
pub fn input_text(input: &Input) -> String {
    match input {
        Input::Level { level } => level.to_string(),
        Input::Status { status } => status.label().into(),
        Input::Counts { successes, total } => format!("{successes} / {total}"),
        Input::PowerOutage {
            delivered,
            power_loss_alerts,
        } => format!("{delivered} / {power_loss_alerts}"),
        Input::Incidents { categories } => categories
            .iter()
            .map(|c| format!("{}: {} / {}", c.category, c.within, c.total))
            .collect::<Vec<_>>()
            .join(", "),
    }
}

/// What the edit box should contain, for its hint and error message.
pub fn expected(def: &MeasureDef) -> String {
    match def.basis {
        Basis::Incidents => {
            "category: within / closed for each category, such as 3: 108 / 111, 4: 124 / 131; or a status such as No Events".into()
        }
        Basis::PowerOutage => format!("alerts delivered / power-loss alerts, such as 950 / 1,000; or {LEVEL_EXPECTED}"),
        _ => format!("{LEVEL_EXPECTED}; or successes / total, such as 56,774 / 239,128"),
    }
}

/// Reads an edited figure for `def`. `current` lends incident exclusions to
/// the categories kept, since the box does not show them.
pub fn parse_input(def: &MeasureDef, text: &str, current: Option<&Input>) -> Result<Input, String> {
    let t = text.trim();
    let fail = || Err(format!("expected {}", expected(def)));
    if let Some(Cell::Status(status)) = values::level(t) {
        return Ok(Input::Status { status });
    }
    if def.basis == Basis::Incidents {
        return incidents(def, t, current).ok_or_else(|| format!("expected {}", expected(def)));
    }
    if let Some((a, b)) = t.split_once('/').or_else(|| t.split_once(" of ")) {
        let (Some(s), Some(total)) = (values::count(a), values::count(b)) else {
            return fail();
        };
        return match def.basis {
            Basis::PowerOutage => Ok(Input::PowerOutage {
                delivered: s,
                power_loss_alerts: total,
            }),
            _ if s > total => Err(format!("{s} successes is more than the total {total}")),
            _ => Ok(Input::Counts {
                successes: s,
                total,
            }),
        };
    }
    match values::level(t) {
        Some(Cell::Number(level)) => match implausible(def.unit, def.basis, level) {
            Some(e) => Err(format!("expected {e}")),
            None => Ok(Input::Level { level }),
        },
        _ => fail(),
    }
}

fn incidents(def: &MeasureDef, text: &str, current: Option<&Input>) -> Option<Input> {
    let old = match current {
        Some(Input::Incidents { categories }) => categories.as_slice(),
        _ => &[],
    };
    let mut categories: Vec<IncidentCount> = Vec::new();
    for part in text
        .split([',', ';'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let (c, counts) = part.split_once(':')?;
        let category: u8 = c.trim().parse().ok().filter(|c| def.counts_category(*c))?;
        let (a, b) = counts.split_once('/')?;
        let (within, total) = (values::count(a)?, values::count(b)?);
        if within > total || categories.iter().any(|x| x.category == category) {
            return None;
        }
        let excluded = old
            .iter()
            .find(|o| o.category == category)
            .map(|o| o.excluded.clone())
            .unwrap_or_default();
        categories.push(IncidentCount {
            category,
            within,
            total,
            excluded,
        });
    }
    categories.sort_by_key(|c| c.category);
    (!categories.is_empty()).then_some(Input::Incidents { categories })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{Catalogue, NoValue, Provider};

    #[test]
    fn edits_read_as_typed() {
        let cat = Catalogue::builtin();
        let pm2 = cat.get("PM2", Provider::Cspn).unwrap();
        let cpm5 = cat.get("CPM5", Provider::Dcc).unwrap();
        let ok: &[(&MeasureDef, &str, &str)] = &[
            (pm2, "23.74%", "23.74"),
            (pm2, " 56,774 / 239,128 ", "56774 / 239128"),
            (pm2, "56774 of 239128", "56774 / 239128"),
            (pm2, "no events", "No Events"),
            (cpm5, "5: 571/649, 3: 108/111", "3: 108 / 111, 5: 571 / 649"),
        ];
        for (def, typed, shown) in ok {
            let input = parse_input(def, typed, None).unwrap();
            assert_eq!(input_text(&input), *shown, "{typed}");
            // What the box shows reads back the same.
            assert_eq!(parse_input(def, shown, None).unwrap(), input);
        }
        for (def, typed) in [
            (pm2, "101"),
            (pm2, "-3"),
            (pm2, "5 / 4"),
            (pm2, "lots"),
            (cpm5, "1: 2/2"),
            (cpm5, "3: 5/4"),
            (cpm5, "3: 1/2, 3: 1/2"),
            (cpm5, ""),
        ] {
            assert!(parse_input(def, typed, None).is_err(), "{typed}");
        }
        assert_eq!(
            parse_input(pm2, "N/A", None).unwrap(),
            Input::Status {
                status: NoValue::NotApplicable
            }
        );
    }
}
