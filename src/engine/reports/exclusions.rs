//! Exclusions and exceptions: the events taken out of a measure's service
//! level, as the report lists them by reason, with the totals it states.
//! The Performance Measure Exclusion List for CPM4/5 (Table 11 in March
//! 2021's report: 1,954 not DCC resolution plus 4,346 DCC resolution =
//! 6,300) has groups with subtotals; the communications hub exception
//! lists (Tables 14 to 22: CSPN PM1.4's 22,152 = 14,592 + 7,521 + 30 + 7 +
//! 2) are one group under a stated total.
//!
//! Each count is kept as printed and read here, because a printed count can
//! be wrong in a way that matters: "8.016" in a list of whole numbers is
//! either 8,016 with a full stop for a comma or a misprint. It is never
//! taken silently: it is flagged, and the stated total says which reading
//! (if any) the list adds up with.

use crate::engine::format::thousands;
use serde::{Deserialize, Serialize};

/// A count as the report prints it ("1,954", "8.016*").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Printed(pub String);

/// What a printed count can mean.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Reading {
    /// A whole number, digits grouped by commas in threes or not.
    Whole { value: u64 },
    /// Digits with full stops where commas would group them ("8.016"):
    /// `thousands` if the stops are separators; `as_decimal` is the
    /// whole part were it a decimal, which a count cannot be.
    Ambiguous { thousands: u64, as_decimal: u64 },
    /// Not a count at all.
    Unreadable,
}

impl Printed {
    /// The count read, marks of footnotes (`*`, `^`, `†`) left aside.
    pub fn reading(&self) -> Reading {
        let t = self.0.trim().trim_end_matches(['*', '^', '†']).trim();
        let grouped = |sep: char| {
            let parts: Vec<&str> = t.split(sep).collect();
            let ok = parts.len() > 1
                && (1..=3).contains(&parts[0].len())
                && parts[1..].iter().all(|p| p.len() == 3)
                && parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()));
            ok.then(|| parts.concat().parse::<u64>().ok()).flatten()
        };
        if !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()) {
            return t
                .parse()
                .map_or(Reading::Unreadable, |value| Reading::Whole { value });
        }
        if let Some(value) = grouped(',') {
            return Reading::Whole { value };
        }
        match (
            grouped('.'),
            t.split('.').next().and_then(|w| w.parse().ok()),
        ) {
            (Some(thousands), Some(as_decimal)) => Reading::Ambiguous {
                thousands,
                as_decimal,
            },
            _ => Reading::Unreadable,
        }
    }
}

/// One reason and its count.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    pub reason: String,
    pub count: Printed,
}

/// Reasons under one subtotal ("Non DCC Resolution"), or the whole list's
/// reasons where it has no groups (`name` empty).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Group {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stated: Option<Printed>,
    pub items: Vec<Item>,
}

/// One exclusion or exception list.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExclusionList {
    /// What it excludes from, as the report names it: "CSPC PM1.1",
    /// "CPM4/5 (PMEL)".
    pub title: String,
    /// The month the events were excluded from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<crate::engine::Month>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stated_total: Option<Printed>,
    pub groups: Vec<Group>,
}

/// Which sum a check is of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SumKind {
    /// A group's reasons against its subtotal.
    Subtotal,
    /// All the reasons against the list's total.
    Total,
    /// The subtotals against the list's total.
    Subtotals,
}

/// A sum the report states, against the items it lists.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SumCheck {
    pub kind: SumKind,
    pub what: String,
    pub stated: u64,
    /// The items' sum, each ambiguous count read as thousands.
    pub listed: u64,
    pub holds: bool,
}

/// A printed count that is not a plain whole number.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Flag {
    pub reason: String,
    pub printed: String,
    pub words: String,
}

/// A list worked out: its total, its checks and its flags.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ListCheck {
    pub title: String,
    /// The events excluded: the stated total, or the items' sum.
    pub excluded: u64,
    pub sums: Vec<SumCheck>,
    pub flags: Vec<Flag>,
}

impl ListCheck {
    /// Whether every sum holds and nothing is flagged.
    pub fn clean(&self) -> bool {
        self.flags.is_empty() && self.sums.iter().all(|s| s.holds)
    }
}

fn stated(p: &Option<Printed>) -> Option<u64> {
    match p.as_ref()?.reading() {
        Reading::Whole { value } => Some(value),
        Reading::Ambiguous { thousands, .. } => Some(thousands),
        Reading::Unreadable => None,
    }
}

/// The items' sum, each ambiguous count read as thousands, and the same
/// with each read as its whole part instead.
fn sums(items: &[Item]) -> (u64, u64) {
    items
        .iter()
        .fold((0u64, 0u64), |(t, d), i| match i.count.reading() {
            Reading::Whole { value } => (t.saturating_add(value), d.saturating_add(value)),
            Reading::Ambiguous {
                thousands,
                as_decimal,
            } => (t.saturating_add(thousands), d.saturating_add(as_decimal)),
            Reading::Unreadable => (t, d),
        })
}

/// Works out one list: each group's items against its subtotal, the
/// groups against the stated total, and every count that is not a plain
/// whole number flagged with what the totals say of it.
pub fn evaluate(list: &ExclusionList) -> ListCheck {
    let mut out = ListCheck {
        title: list.title.clone(),
        excluded: 0,
        sums: Vec::new(),
        flags: Vec::new(),
    };
    // A stated total printed oddly is flagged as a reason's count is: read
    // as thousands where it can be, left out where it cannot.
    let stated_flags = std::iter::once(("the list's total".to_string(), &list.stated_total)).chain(
        list.groups
            .iter()
            .map(|g| (format!("{}'s subtotal", g.name), &g.stated)),
    );
    for (what, p) in stated_flags {
        let Some(p) = p else { continue };
        let words = match p.reading() {
            Reading::Whole { .. } => continue,
            Reading::Ambiguous { thousands: th, .. } => format!(
                "printed \u{201c}{}\u{201d}, not a whole number: read as {} here",
                p.0,
                thousands(th)
            ),
            Reading::Unreadable => format!(
                "\u{201c}{}\u{201d} is not a count: nothing is checked against it",
                p.0
            ),
        };
        out.flags.push(Flag {
            reason: what,
            printed: p.0.clone(),
            words,
        });
    }
    let mut all = (0u64, 0u64);
    // With one group and no subtotal, its items add up to the list's total.
    let lone = list.groups.len() == 1 && list.groups[0].stated.is_none();
    for g in &list.groups {
        let (t, d) = sums(&g.items);
        all = (all.0.saturating_add(t), all.1.saturating_add(d));
        let target = match lone {
            true => stated(&list.stated_total),
            false => stated(&g.stated),
        };
        if let (Some(s), false) = (stated(&g.stated), lone) {
            out.sums.push(SumCheck {
                kind: SumKind::Subtotal,
                what: format!("{}: its reasons add up to its stated subtotal", g.name),
                stated: s,
                listed: t,
                holds: s == t,
            });
        }
        for i in &g.items {
            let flag = |words: String| Flag {
                reason: i.reason.clone(),
                printed: i.count.0.clone(),
                words,
            };
            match i.count.reading() {
                Reading::Whole { .. } => {}
                Reading::Unreadable => out.flags.push(flag(format!(
                    "\u{201c}{}\u{201d} is not a count; left out of the sums",
                    i.count.0
                ))),
                Reading::Ambiguous {
                    thousands: th,
                    as_decimal,
                } => {
                    let words = match target {
                        Some(s) if s == t => format!(
                            "printed \u{201c}{}\u{201d}, not a whole number: the list adds up to its stated {} only if it is {}",
                            i.count.0,
                            thousands(s),
                            thousands(th)
                        ),
                        Some(s) if s == d => format!(
                            "printed \u{201c}{}\u{201d}, not a whole number: the list adds up to its stated {} only if it is {}",
                            i.count.0,
                            thousands(s),
                            thousands(as_decimal)
                        ),
                        _ => format!(
                            "printed \u{201c}{}\u{201d}, not a whole number: read as {} here, but no total confirms it",
                            i.count.0,
                            thousands(th)
                        ),
                    };
                    out.flags.push(flag(words));
                }
            }
        }
    }
    let groups_stated: Option<u64> = match lone {
        true => None,
        false => list
            .groups
            .iter()
            .try_fold(0u64, |a, g| Some(a.saturating_add(stated(&g.stated)?))),
    };
    if let Some(total) = stated(&list.stated_total) {
        out.sums.push(SumCheck {
            kind: SumKind::Total,
            what: match lone {
                true => "Its reasons add up to its stated total".into(),
                false => "Its reasons add up to its stated grand total".into(),
            },
            stated: total,
            listed: all.0,
            holds: total == all.0,
        });
        if let Some(g) = groups_stated {
            out.sums.push(SumCheck {
                kind: SumKind::Subtotals,
                what: "Its stated subtotals add up to its stated grand total".into(),
                stated: total,
                listed: g,
                holds: total == g,
            });
        }
    }
    out.excluded = stated(&list.stated_total).unwrap_or(all.0);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(reason: &str, count: &str) -> Item {
        Item {
            reason: reason.into(),
            count: Printed(count.into()),
        }
    }

    #[test]
    fn printed_counts_are_read_or_flagged() {
        let r = |t: &str| Printed(t.into()).reading();
        assert_eq!(r("1,954"), Reading::Whole { value: 1954 });
        assert_eq!(r("30"), Reading::Whole { value: 30 });
        assert_eq!(r("212,138"), Reading::Whole { value: 212_138 });
        assert_eq!(
            r("8.016*"),
            Reading::Ambiguous {
                thousands: 8016,
                as_decimal: 8
            }
        );
        for bad in [
            "",
            "ten",
            "-5",
            "1,95",
            "8.01",
            "1,954.5",
            "99999999999999999999999",
        ] {
            assert_eq!(r(bad), Reading::Unreadable, "{bad}");
        }
    }

    #[test]
    fn the_cspc_list_adds_up_only_with_8016() {
        let list = ExclusionList {
            title: "CSPC PM1.1".into(),
            period: None,
            stated_total: Some(Printed("13,662".into())),
            groups: vec![Group {
                items: [
                    "8.016*", "2,644", "1,415", "701", "691", "142", "30", "14", "9",
                ]
                .iter()
                .map(|c| item("r", c))
                .collect(),
                ..Group::default()
            }],
        };
        let c = evaluate(&list);
        assert_eq!(c.excluded, 13_662);
        assert!(c.sums[0].holds, "{:?}", c.sums);
        assert_eq!(c.flags.len(), 1);
        assert!(
            c.flags[0]
                .words
                .contains("adds up to its stated 13,662 only if it is 8,016"),
            "{}",
            c.flags[0].words
        );
        assert!(!c.clean());
    }

    #[test]
    fn groups_and_the_grand_total() {
        let list = ExclusionList {
            title: "CPM4/5 (PMEL)".into(),
            period: None,
            stated_total: Some(Printed("6,300".into())),
            groups: vec![
                Group {
                    name: "Non DCC Resolution".into(),
                    stated: Some(Printed("1,954".into())),
                    items: vec![item("a", "1,900"), item("b", "54")],
                },
                Group {
                    name: "DCC Resolution".into(),
                    stated: Some(Printed("4,346".into())),
                    items: vec![item("c", "4,345")],
                },
            ],
        };
        let c = evaluate(&list);
        let holds: Vec<bool> = c.sums.iter().map(|s| s.holds).collect();
        // Non DCC holds; DCC is one short, so the grand total's reasons do
        // not add up, though the subtotals do.
        assert_eq!(holds, [true, false, false, true]);
        assert_eq!(c.sums[2].listed, 6_299);
    }
}
