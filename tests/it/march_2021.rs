//! Reproduces the March 2021 Performance Measurement Report from the
//! embedded sample: the report's figures are the fixtures.

use crate::helpers::d;
use dcc_perf::engine::explain::Explanation;
use dcc_perf::engine::level::ServiceLevel;
use dcc_perf::engine::{
    evaluate, ComparisonRule, Compliance, Dataset, MeasureResult, Month, Provider, Results,
    Settings,
};
use dcc_perf::io;
use rust_decimal::{Decimal, RoundingStrategy};

fn month(m: u8) -> Month {
    Month::new(2021, m).unwrap()
}

fn sample() -> Dataset {
    io::read_dataset(io::SAMPLE_NAME, io::SAMPLE_CSV.as_bytes())
        .expect("sample reads without error")
}

fn results(rule: ComparisonRule) -> Results {
    evaluate(&sample(), Settings { rule })
}

/// A row's explanation, built as the app builds it when opened.
fn explain(r: &Results, row: &MeasureResult) -> Explanation {
    r.explain(&sample(), row)
}

fn level2(r: &Results, m: u8, code: &str, p: Provider) -> Decimal {
    let row = r
        .get(month(m), code, p)
        .unwrap_or_else(|| panic!("{code} {p} 2021-{m:02} missing"));
    match row.level {
        ServiceLevel::Number(n) => {
            n.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
        }
        ServiceLevel::Status(s) => panic!("{code} {p}: {s}"),
    }
}

#[test]
fn sample_has_both_months_and_no_warnings() {
    let r = results(ComparisonRule::Unrounded);
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    // March and February in full; January and December 2020 only for CSPN
    // PM2's approximate history (and December's quarterly figures).
    assert_eq!(
        r.months(),
        vec![month(3), month(2), month(1), "2020-12".parse().unwrap()]
    );
    assert!(r.for_month(month(3)).len() >= 110);
}

#[test]
fn pm2_from_volumes() {
    let r = results(ComparisonRule::Unrounded);
    for (p, want) in [
        (Provider::Cspn, "23.74"),
        (Provider::Cspc, "99.17"),
        (Provider::Csps, "99.28"),
    ] {
        assert_eq!(level2(&r, 3, "PM2", p), d(want), "{p}");
        let row = r.get(month(3), "PM2", p).unwrap();
        assert!(
            row.reported_check.as_ref().unwrap().agrees,
            "{p} agrees with the printed figure"
        );
    }
    let cspn = r.get(month(3), "PM2", Provider::Cspn).unwrap();
    assert_eq!(cspn.status, Compliance::BelowMinimum);
    let ex = explain(&r, cspn);
    let inputs: Vec<&str> = ex.inputs.iter().map(|f| f.value.as_str()).collect();
    assert!(
        inputs.contains(&"56,774") && inputs.contains(&"239,128"),
        "{inputs:?}"
    );
    let h = cspn.headroom.as_ref().unwrap();
    assert_eq!(
        (h.min_successes, h.successes_short),
        (Some(236_737), 179_963)
    );
}

#[test]
fn cpm5_from_incident_counts() {
    let r = results(ComparisonRule::Unrounded);
    assert_eq!(level2(&r, 3, "CPM5", Provider::Dcc), d("90.12"));
    assert_eq!(level2(&r, 3, "CPM4", Provider::Dcc), d("100.00"));
    let cpm5 = r.get(month(3), "CPM5", Provider::Dcc).unwrap();
    assert_eq!(explain(&r, cpm5).inputs.len(), 3, "one input per category");
    assert!(explain(&r, cpm5)
        .steps
        .iter()
        .any(|s| s.contains("803") && s.contains("891")));
    assert_eq!(cpm5.headroom.as_ref().unwrap().failures_to_spare, 1);
    assert_eq!(
        r.get(month(2), "CPM4", Provider::Dcc).unwrap().status,
        Compliance::NotAssessed,
        "No Events"
    );
}

#[test]
fn pm12_2_by_contract_formula() {
    let r = results(ComparisonRule::Unrounded);
    for (p, want) in [
        (Provider::Cspn, "394.28"),
        (Provider::Cspc, "398.52"),
        (Provider::Csps, "398.10"),
    ] {
        assert_eq!(level2(&r, 3, "PM12.2", p), d(want), "{p}");
        let row = r.get(month(3), "PM12.2", p).unwrap();
        assert!(row.out_of_range, "{p} flagged as outside 0–100");
        assert!(row.reported_check.as_ref().unwrap().agrees);
    }
}

#[test]
fn every_derived_cpm_equals_the_report() {
    let r = results(ComparisonRule::Unrounded);
    #[rustfmt::skip]
    let table = [
        ("CPM1", "93.95", "92.75"), ("CPM2", "99.92", "99.91"), ("CPM3", "99.71", "99.57"),
        ("CPM6", "100.00", "99.95"), ("CPM7", "100.00", "100.00"), ("CPM8", "100.00", "100.00"),
    ];
    for (cpm, feb, mar) in table {
        for (m, want) in [(2, feb), (3, mar)] {
            assert_eq!(
                level2(&r, m, cpm, Provider::Dcc),
                d(want),
                "{cpm} 2021-{m:02}"
            );
            let row = r.get(month(m), cpm, Provider::Dcc).unwrap();
            let check = row
                .reported_check
                .as_ref()
                .unwrap_or_else(|| panic!("{cpm} compared with the report"));
            assert!(check.agrees, "{cpm} 2021-{m:02}: {check:?}");
        }
    }
    let cpm1 = r.get(month(3), "CPM1", Provider::Dcc).unwrap();
    assert_eq!(cpm1.display, "92.75%");
    assert_eq!(cpm1.status, Compliance::BelowMinimum);
    assert_eq!(
        explain(&r, cpm1).inputs.len(),
        12,
        "all twelve components listed"
    );
    assert!(explain(&r, cpm1)
        .inputs
        .iter()
        .any(|f| f.label == "DXC PM1.1" && f.value.contains("left out")));
    assert_eq!(cpm1.streak, 2, "below target in both loaded months");
    assert_eq!(cpm1.change.map(|c| c.round_dp(2)), Some(d("-1.20")));
}

/// Every measure's status in the report. Anything not listed meets target,
/// or is not assessed where the report gives a status word.
#[test]
fn status_of_every_measure() {
    use Compliance::*;
    use Provider::*;
    let r = results(ComparisonRule::Unrounded);
    #[rustfmt::skip]
    let misses: &[(u8, &str, Provider, Compliance)] = &[
        (2, "CPM1", Dcc, BelowMinimum), (2, "PM2", Cspn, BelowMinimum),
        (3, "CPM1", Dcc, BelowMinimum), (3, "PM2", Cspn, BelowMinimum),
        (3, "PM2.7", Dsp, BelowTarget), (3, "CH1.3", Cspc, BelowTarget),
        (3, "PM2.1", Capgemini, BelowTarget), (3, "VF-IOT-CORE", Vodafone, BelowMinimum),
        (3, "PM6.3", Cspn, BelowTarget), (3, "PM7.4", Cspn, BelowTarget),
        // PM2's approximate history: about 43% in January 2021.
        (1, "PM2", Cspn, BelowMinimum),
    ];
    let mut seen = 0;
    for row in &r.rows {
        let m = row.period.month();
        let expected = misses
            .iter()
            .find(|(mm, c, p, _)| {
                row.period.year() == 2021 && *mm == m && *c == row.measure && *p == row.provider
            })
            .map(|x| x.3);
        // About 50% in December 2020.
        let dec_pm2 = row.period.year() == 2020 && row.measure == "PM2" && row.provider == Cspn;
        let expected = expected.or(dec_pm2.then_some(BelowMinimum));
        let want = match (expected, row.level) {
            (Some(s), _) => s,
            (None, ServiceLevel::Status(_)) => NotAssessed,
            (None, ServiceLevel::Number(_)) => MeetsTarget,
        };
        assert_eq!(
            row.status, want,
            "{} {} {}",
            row.period, row.provider, row.measure
        );
        seen += 1;
    }
    assert!(seen > 200, "checked {seen} results");
}

#[test]
fn cspc_ch1_3_rounding_is_explained() {
    let r = results(ComparisonRule::Unrounded);
    let row = r.get(month(3), "CH1.3", Provider::Cspc).unwrap();
    assert_eq!(row.display, "99.897%", "a third decimal shows the miss");
    assert_eq!(row.status, Compliance::BelowTarget);
    let check = row.reported_check.as_ref().unwrap();
    assert!(
        !check.agrees && check.matches_truncation,
        "printed 99.896 is truncated: {check:?}"
    );
    assert_eq!(row.headroom.as_ref().unwrap().successes_short, 3);
    let flip = row.flip.as_ref().expect("two decimals flips it");
    assert_eq!(
        (flip.rule, flip.status),
        (ComparisonRule::Rounded(2), Compliance::MeetsTarget)
    );

    let r2 = results(ComparisonRule::Rounded(2));
    let row2 = r2.get(month(3), "CH1.3", Provider::Cspc).unwrap();
    assert_eq!(row2.status, Compliance::MeetsTarget);
    assert_eq!(row2.display, "99.90%");
    assert_eq!(row2.headroom.as_ref().unwrap().failures_to_spare, 1);
    let flips: Vec<_> = r2
        .for_month(month(3))
        .into_iter()
        .filter(|r| r.flip.is_some())
        .collect();
    assert_eq!(flips.len(), 1, "only CH1.3 flips in March 2021");
}

#[test]
fn restatements_are_visible() {
    let r = results(ComparisonRule::Unrounded);
    for (code, p, was) in [
        ("CH1.1", Provider::Csps, "98.75"),
        ("CH1.2", Provider::Cspc, "99.21"),
    ] {
        let feb = r.get(month(2), code, p).unwrap();
        let re = feb
            .restatement
            .as_ref()
            .unwrap_or_else(|| panic!("{code} {p} restated"));
        assert_eq!(re.original, ServiceLevel::Number(d(was)));
        assert_eq!(feb.level, ServiceLevel::Number(d("100.00")));
        assert_eq!(
            (re.original_report, re.restated_report),
            (Some(month(2)), Some(month(3)))
        );
        assert!(
            r.get(month(3), code, p)
                .unwrap()
                .previous
                .as_ref()
                .unwrap()
                .restated
        );
    }
    let restated = r.rows.iter().filter(|r| r.restatement.is_some()).count();
    assert_eq!(restated, 2);
}

#[test]
fn quarterly_measures_show_their_latest_quarter() {
    let r = results(ComparisonRule::Unrounded);
    let march = r.for_month(month(3));
    let dsp_pm7 = march
        .iter()
        .find(|x| x.measure == "PM7" && x.provider == Provider::Dsp)
        .unwrap();
    assert_eq!(dsp_pm7.period, month(1), "Nov 2020 – Jan 2021");
    assert_eq!(
        dsp_pm7.previous.as_ref().unwrap().period,
        Month::new(2020, 10).unwrap()
    );
    let cspn_q = march
        .iter()
        .find(|x| x.measure == "PM1.3" && x.provider == Provider::Cspn)
        .unwrap();
    assert_eq!(cspn_q.period_label, "Jan – Mar 2021");
}

#[test]
fn counts_measures_lower_is_better() {
    let r = results(ComparisonRule::Unrounded);
    let row = r.get(month(3), "PM3", Provider::Dsp).unwrap();
    assert_eq!(
        (row.display.as_str(), row.status),
        ("0", Compliance::MeetsTarget)
    );
    assert!(explain(&r, row).rule.contains("lower is better"));
}

#[test]
fn every_result_explains_itself() {
    let r = results(ComparisonRule::Unrounded);
    for row in &r.rows {
        let ex = &explain(&r, row);
        assert!(
            !ex.inputs.is_empty() && !ex.formula.is_empty() && !ex.rule.is_empty(),
            "{} {}",
            row.provider,
            row.measure
        );
    }
}
