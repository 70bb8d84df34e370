//! Every table the app writes for the other reports reads back as the same
//! figures: RDP incidents, problem records and exclusion lists, on a few
//! thousand generated cases each (the writers are the exports'; the
//! readers the imports'). Names carry commas, quotes and other marks, so
//! the CSV quoting is tried too.

use dcc_perf::engine::reports::exclusions::{ExclusionList, Group, Item, Printed};
use dcc_perf::engine::reports::problems::{ProblemRecord, ProblemRow, Problems};
use dcc_perf::engine::reports::rdp::RdpMonth;
use dcc_perf::engine::Month;
use dcc_perf::io::{exclusions_csv, problems_csv, rdp_csv};
use proptest::prelude::*;
use std::collections::BTreeSet;

fn month() -> impl Strategy<Value = Month> {
    (2015i32..2040, 1u8..=12).prop_map(|(y, m)| Month::new(y, m).expect("a month"))
}

/// Free text as people type it: commas, quotes, apostrophes, dashes,
/// non-ASCII; never empty, never padded (cells are read trimmed).
fn words() -> impl Strategy<Value = String> {
    "[A-Za-z0-9][A-Za-z0-9 ,\"'’–./&()-]{0,30}[A-Za-z0-9)]"
}

fn count() -> impl Strategy<Value = u64> {
    prop_oneof![0u64..1_000, 0u64..10_000_000, Just(u64::MAX)]
}

/// A month of RDP figures the reader takes: at least one count, a note
/// wherever incidents were reassigned, never more taken off than there were.
fn rdp_month() -> impl Strategy<Value = RdpMonth> {
    (
        month(),
        proptest::option::of(0u64..500),
        proptest::option::of(0u64..500),
        proptest::option::of(0u64..500),
        proptest::option::of(0u64..50),
        proptest::option::of(0u64..500),
        proptest::option::of(words()),
    )
        .prop_filter_map(
            "a month the reader takes",
            |(period, start, opened, resolved, reassigned, end, note)| {
                if [start, opened, resolved, end].iter().all(Option::is_none)
                    && reassigned.is_none()
                {
                    return None;
                }
                if let (Some(s), Some(o), Some(r)) = (start, opened, resolved) {
                    if r + reassigned.unwrap_or(0) > s + o {
                        return None;
                    }
                }
                let note = match reassigned {
                    Some(r) if r > 0 => {
                        Some(note.unwrap_or_else(|| "reassigned to the DSP".into()))
                    }
                    _ => note,
                };
                Some(RdpMonth {
                    period,
                    open_at_start: start,
                    opened,
                    resolved,
                    reassigned,
                    open_at_end: end,
                    note,
                })
            },
        )
}

fn rdp_months() -> impl Strategy<Value = Vec<RdpMonth>> {
    proptest::collection::vec(rdp_month(), 1..8).prop_map(|ms| {
        let mut seen = BTreeSet::new();
        ms.into_iter().filter(|m| seen.insert(m.period)).collect()
    })
}

/// A problem record summary and its list: one row per report, each record
/// listed once, the month of the report that gives it or none.
fn problems() -> impl Strategy<Value = Problems> {
    (
        proptest::option::of(month()),
        proptest::collection::vec((month(), count(), count(), count()), 0..6),
        proptest::collection::vec(
            (month(), 100_000u64..999_999, proptest::option::of(words())),
            0..8,
        ),
    )
        .prop_filter_map("a table with something in it", |(period, rows, records)| {
            let mut seen = BTreeSet::new();
            let mut rows: Vec<ProblemRow> = rows
                .into_iter()
                .filter(|r| seen.insert(r.0))
                .map(|(report, related, closed, open)| ProblemRow {
                    report,
                    related,
                    closed,
                    open,
                })
                .collect();
            rows.sort_by_key(|r| r.report);
            let mut refs = BTreeSet::new();
            let records: Vec<ProblemRecord> = records
                .into_iter()
                .filter(|r| refs.insert(r.1))
                .map(|(report, n, title)| ProblemRecord {
                    reference: format!("PBI000000{n}"),
                    report,
                    title: title.unwrap_or_default(),
                })
                .collect();
            (!rows.is_empty() || !records.is_empty()).then_some(Problems {
                period,
                rows,
                records,
            })
        })
}

/// A count as a report prints it: grouped by commas or not, now and then
/// with full stops ("8.016") or a footnote's mark.
fn printed() -> impl Strategy<Value = Printed> {
    (0u64..10_000_000, 0u8..5).prop_map(|(n, style)| {
        let grouped = dcc_perf::engine::format::thousands(n);
        Printed(match style {
            0 => n.to_string(),
            1 => grouped,
            2 => format!("{grouped}*"),
            3 if n >= 1000 => grouped.replace(',', "."),
            _ => format!("{grouped}^"),
        })
    })
}

/// Exclusion lists: distinct titles, distinct group names within a list,
/// distinct reasons within a group, stated totals or not.
fn exclusion_lists() -> impl Strategy<Value = Vec<ExclusionList>> {
    let item = (words(), printed()).prop_map(|(reason, count)| Item { reason, count });
    let group = (
        proptest::option::of(words()),
        proptest::option::of(printed()),
        proptest::collection::vec(item, 1..5),
    );
    let list = (
        words(),
        proptest::option::of(month()),
        proptest::option::of(printed()),
        proptest::collection::vec(group, 1..3),
    );
    proptest::collection::vec(list, 1..4).prop_map(|lists| {
        let mut titles = BTreeSet::new();
        lists
            .into_iter()
            .filter(|(title, ..)| {
                !title.eq_ignore_ascii_case("total") && titles.insert(title.clone())
            })
            .map(|(title, period, stated_total, groups)| {
                // Named groups only where there are several; each name once.
                let several = groups.len() > 1;
                let mut names = BTreeSet::new();
                let groups = groups
                    .into_iter()
                    .enumerate()
                    .filter_map(|(i, (name, stated, items))| {
                        let name = match (several, name) {
                            (false, _) => String::new(),
                            (true, Some(n)) => n,
                            (true, None) => format!("Group {i}"),
                        };
                        if !names.insert(name.to_lowercase()) || name.eq_ignore_ascii_case("total")
                        {
                            return None;
                        }
                        let mut reasons = BTreeSet::new();
                        let items: Vec<Item> = items
                            .into_iter()
                            .filter(|it| {
                                !it.reason.eq_ignore_ascii_case("total")
                                    && reasons.insert(it.reason.to_lowercase())
                            })
                            .collect();
                        let stated = if name.is_empty() { None } else { stated };
                        Some(Group {
                            name,
                            stated,
                            items,
                        })
                    })
                    .collect();
                ExclusionList {
                    title,
                    period,
                    stated_total,
                    groups,
                }
            })
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn rdp_tables_read_back_the_same(months in rdp_months()) {
        let text = rdp_csv::write(&months);
        let mut want = months.clone();
        want.sort_by_key(|m| m.period);
        prop_assert_eq!(rdp_csv::read("rdp.csv", &text), Ok(want), "{}", text);
    }

    #[test]
    fn problem_tables_read_back_the_same(p in problems()) {
        let text = problems_csv::write(&p);
        prop_assert_eq!(problems_csv::read("p.csv", &text), Ok(p.clone()), "{}", text);
    }

    #[test]
    fn exclusion_tables_read_back_the_same(lists in exclusion_lists()) {
        let text = exclusions_csv::write(&lists);
        prop_assert_eq!(exclusions_csv::read("e.csv", &text), Ok(lists.clone()), "{}", text);
    }
}
