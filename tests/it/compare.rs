//! Two sets of inputs side by side: identical inputs differ in nothing; a
//! figure, a scheme term, an OPR figure or a year each show as the input
//! changed and the results it moves, with signed differences.

use crate::helpers::{d, march};
use dcc_perf::engine::compare::{compare, Comparison, Section};
use dcc_perf::engine::opr::Regime;
use dcc_perf::engine::scheme::CreditScheme;
use dcc_perf::engine::work::Work;
use dcc_perf::engine::{ComparisonRule, Dataset, Input, Provider, Settings};
use dcc_perf::io;

/// One side: the sample, the default scheme and the shipped years, until changed.
struct Side {
    data: Dataset,
    settings: Settings,
    scheme: CreditScheme,
    regime: Regime,
}

impl Side {
    fn sample() -> Side {
        Side {
            data: io::sample(),
            settings: Settings::default(),
            scheme: CreditScheme::default(),
            regime: io::regime::sample(),
        }
    }

    fn work(&self) -> Work {
        Work::new(self.data.clone(), self.scheme.clone(), self.regime.clone())
    }
}

fn diff(a: &Side, b: &Side) -> Comparison {
    compare(&a.work(), a.settings, &b.work(), b.settings)
}

/// Every change as `section | item | left | right | difference`, for
/// comparing whole lists and for readable failures.
fn rows(changes: &[dcc_perf::engine::compare::Change]) -> Vec<String> {
    changes
        .iter()
        .map(|x| {
            format!(
                "{} | {} | {} | {} | {}",
                x.section.key(),
                x.item,
                x.left,
                x.right,
                x.difference.as_deref().unwrap_or("")
            )
        })
        .collect()
}

#[test]
fn identical_inputs_differ_in_nothing() {
    let (a, b) = (Side::sample(), Side::sample());
    let c = diff(&a, &b);
    assert!(c.is_empty(), "{:#?}", c);
    // Nor does an empty side against itself.
    let empty = Side {
        data: Dataset::default(),
        regime: Regime::default(),
        ..Side::sample()
    };
    assert!(diff(&empty, &empty).is_empty());
}

#[test]
fn a_figure_edit_shows_the_figure_and_every_result_it_moves() {
    let a = Side::sample();
    let mut b = Side::sample();
    let level = Input::Level { level: d("97.5") };
    b.data = b.data.with_input(march(), "PM2.4", Provider::Dsp, level);
    let c = diff(&a, &b);
    assert_eq!(
        rows(&c.inputs),
        ["figures | DSP PM2.4 March 2021 | 99.95% | 97.50% | -2.45 pp"]
    );
    assert_eq!(
        rows(&c.results),
        [
            "service_level | DSP PM2.4 March 2021 | 99.95% | 97.50% | -2.45 pp",
            "status | DSP PM2.4 March 2021 | Meets target | Below minimum | ",
            "cpm | DCC CPM6 March 2021 | 99.95% | 97.50% | -2.45 pp",
            "cpm | DCC CPM6 March 2021 status | Meets target | Below minimum | ",
            "credit | DSP PM2.4 March 2021 credit | no credit | £3,015 | +£3,015",
            "credit | DSP March 2021 total | £1,357 | £4,372 | +£3,015",
            "credit | March 2021 total, all providers | £50,243 + 1 pending | £53,258 + 1 pending | +£3,015",
        ]
    );
    // The other way round, every difference changes sign.
    let back = diff(&b, &a);
    let signs: Vec<Option<&str>> = back
        .results
        .iter()
        .map(|x| x.difference.as_deref())
        .collect();
    assert_eq!(
        signs,
        [
            Some("+2.45 pp"),
            None,
            Some("+2.45 pp"),
            None,
            Some("−£3,015"),
            Some("−£3,015"),
            Some("−£3,015")
        ]
    );
}

#[test]
fn scheme_and_settings_changes() {
    let a = Side::sample();
    // Table-driven: a change to the right side, and the rows it must give.
    type Edit = fn(&mut Side);
    let cases: Vec<(&str, Edit, Vec<&str>, Vec<&str>)> = vec![
        (
            "DSP money per point 150.78 → 200",
            |s| {
                if let Some(p) = s.scheme.provider_mut(Provider::Dsp) {
                    p.money_per_point = d("200");
                }
            },
            vec!["scheme | DSP money per point | £150.78 | £200 | +£49.22"],
            vec![
                "credit | DSP PM2.7 March 2021 credit | £1,357 | £1,800 | +£443",
                "credit | DSP March 2021 total | £1,357 | £1,800 | +£443",
                "credit | March 2021 total, all providers | £50,243 + 1 pending | £50,686 + 1 pending | +£443",
            ],
        ),
        (
            "DSP repeat multiplier 1 → 2 (PM2.7 met target in February)",
            |s| {
                if let Some(p) = s.scheme.provider_mut(Provider::Dsp) {
                    p.repeat_multiplier = d("2");
                }
            },
            vec!["scheme | DSP repeat multiplier | × 1 | × 2 | +1"],
            vec![],
        ),
        (
            "money rounded to the nearest penny",
            |s| s.scheme.money_rounding = dcc_perf::engine::scheme::MoneyRounding::NearestPenny,
            vec!["scheme | Money rounding | down to whole pounds | to the nearest penny | "],
            // Every credit gains its pence: 9 points × £150.78 = £1,357.02.
            vec![
                "credit | CSPN PM2 December 2020 credit | £43,198 | £43,198.75 | +£0.75",
                "credit | CSPN December 2020 total | £43,198 | £43,198.75 | +£0.75",
                "credit | December 2020 total, all providers | £43,198 | £43,198.75 | +£0.75",
                "credit | CSPN PM2 January 2021 credit | £43,198 | £43,198.75 | +£0.75",
                "credit | CSPN January 2021 total | £43,198 | £43,198.75 | +£0.75",
                "credit | January 2021 total, all providers | £43,198 | £43,198.75 | +£0.75",
                "credit | CSPN PM2 February 2021 credit | £43,198 | £43,198.75 | +£0.75",
                "credit | CSPN February 2021 total | £43,198 | £43,198.75 | +£0.75",
                "credit | February 2021 total, all providers | £43,198 | £43,198.75 | +£0.75",
                "credit | DSP PM2.7 March 2021 credit | £1,357 | £1,357.02 | +£0.02",
                "credit | CSPN PM2 March 2021 credit | £43,198 | £43,198.75 | +£0.75",
                "credit | CAPGEMINI PM2.1 March 2021 credit | £5,688 | £5,688.50 | +£0.50",
                "credit | DSP March 2021 total | £1,357 | £1,357.02 | +£0.02",
                "credit | CSPN March 2021 total | £43,198 | £43,198.75 | +£0.75",
                "credit | CAPGEMINI March 2021 total | £5,688 | £5,688.50 | +£0.50",
                "credit | March 2021 total, all providers | £50,243 + 1 pending | £50,244.27 + 1 pending | +£1.27",
            ],
        ),
        (
            "CSPC CH1.3 March 2021 decided at £500",
            |s| {
                s.scheme.set_adjustment(
                    march(),
                    Provider::Cspc,
                    "CH1.3",
                    Some((
                        dcc_perf::engine::scheme::Decision::Money { gbp: d("500") },
                        "agreed".into(),
                    )),
                )
            },
            vec![],
            vec![
                "credit | CSPC CH1.3 March 2021 credit | Pending | £500 | ",
                "credit | CSPC March 2021 total | £0 + 1 pending | £500 | +£500",
                "credit | March 2021 total, all providers | £50,243 + 1 pending | £50,743 | +£500",
            ],
        ),
    ];
    for (what, edit, inputs, results) in cases {
        let mut b = Side::sample();
        edit(&mut b);
        let c = diff(&a, &b);
        let got = rows(&c.inputs);
        for want in &inputs {
            assert!(
                got.iter().any(|g| g == want),
                "{what}: missing {want}\n{got:#?}"
            );
        }
        // The credits that change, exactly: none at all where the change
        // moves no credit (a repeat multiplier with no repeat, a rounding
        // the month's whole-pound credits do not feel).
        let got = rows(&c.results);
        let credits: Vec<&String> = got.iter().filter(|g| g.starts_with("credit |")).collect();
        assert_eq!(
            credits,
            results.iter().collect::<Vec<_>>(),
            "{what}\n{got:#?}"
        );
        assert!(!c.inputs.is_empty(), "{what}: no input change");
    }
    // The comparison rule is a setting.
    let mut b = Side::sample();
    b.settings.rule = ComparisonRule::Rounded(2);
    let c = diff(&a, &b);
    assert_eq!(
        rows(&c.inputs),
        ["settings | Comparison rule | unrounded | 2dp | "]
    );
}

#[test]
fn a_regime_change_moves_the_margin() {
    let a = Side::sample();
    let mut b = Side::sample();
    let part = b
        .regime
        .year_mut("RY23/24")
        .and_then(|y| y.measure_mut("SDM1"))
        .and_then(|m| m.parts.iter_mut().find(|p| p.label() == "North"))
        .expect("RY23/24 SDM1 North");
    part.performance = Some(d("97.5"));
    let c = diff(&a, &b);
    assert_eq!(
        rows(&c.inputs),
        ["regime | RY23/24 SDM1 North performance | 99.30% | 97.50% | -1.80 pp"]
    );
    assert_eq!(
        rows(&c.results),
        [
            "margin | RY23/24 SDM1 kept | £2,086,000 | £1,738,333.33 | −£347,666.67",
            "margin | RY23/24 SDM1 lost | £0 | £347,666.67 | +£347,666.67",
            "margin | RY23/24 total kept | £8,379,247.67 | £8,031,581 | −£347,666.67",
            "margin | RY23/24 total lost | £558,752.33 | £906,419 | +£347,666.67",
        ]
    );
}

#[test]
fn years_added_and_removed() {
    let a = Side::sample();
    let mut b = Side::sample();
    b.regime.years.retain(|y| y.name != "RY24/25");
    let c = diff(&a, &b);
    let inputs = rows(&c.inputs);
    assert_eq!(inputs.len(), 1, "{inputs:#?}");
    assert!(
        inputs[0].starts_with("regime | RY24/25 year | ")
            && inputs[0].ends_with("| not present | "),
        "{inputs:#?}"
    );
    assert!(c
        .results
        .iter()
        .all(|x| x.section == Section::Margin && x.item.starts_with("RY24/25")));
    assert!(c
        .results
        .iter()
        .any(|x| x.item == "RY24/25 total kept" && x.right == "—"));
    // And back: the year is added.
    let c = diff(&b, &a);
    assert!(rows(&c.inputs)[0].contains("| not present |"));
}

#[test]
fn figures_added_and_removed() {
    let a = Side::sample();
    let mut b = Side::sample();
    b.data
        .observations
        .retain(|o| !(o.measure == "PM2.7" && o.provider == Provider::Dsp && o.period == march()));
    let c = diff(&a, &b);
    let inputs = rows(&c.inputs);
    assert!(
        inputs.iter().any(
            |r| r.starts_with("figures | DSP PM2.7 March 2021 | 98.56% (")
                || r.starts_with("figures | DSP PM2.7 March 2021 | 98.56% | — |")
        ),
        "{inputs:#?}"
    );
    let results = rows(&c.results);
    assert!(
        results.contains(&"service_level | DSP PM2.7 March 2021 | 98.56% | — | ".to_string()),
        "{results:#?}"
    );
    assert!(
        results.contains(
            &"credit | DSP PM2.7 March 2021 credit | £1,357 | no credit | −£1,357".to_string()
        ),
        "{results:#?}"
    );
}

/// A rounding change reaches every month of the year's credits (timing is
/// measured in scripts/bench.mjs, not here).
#[test]
fn a_scheme_rounding_change_across_the_year() {
    let a = Side::sample();
    let mut b = Side::sample();
    b.scheme.money_rounding = dcc_perf::engine::scheme::MoneyRounding::NearestPenny;
    let c = diff(&a, &b);
    let results = rows(&c.results);
    assert!(
        results.contains(
            &"credit | CSPN PM2 March 2021 credit | £43,198 | £43,198.75 | +£0.75".to_string()
        ),
        "{results:#?}"
    );
    assert!(
        rows(&c.inputs).iter().any(|r| r.starts_with("scheme |")),
        "{:#?}",
        rows(&c.inputs)
    );
}
