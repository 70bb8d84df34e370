//! Service credits: each rule of a scheme, and the March 2021 report's three
//! credits under the default scheme.

use crate::helpers::d;
use dcc_perf::engine::credits::{compute, Credits, LineState};
use dcc_perf::engine::scheme::{
    Cap, CreditScheme, Decision, Exemption, MeasureTerms, MoneyRounding, PointRounding, PointsRule,
    Threshold,
};
use dcc_perf::engine::{evaluate, Dataset, Input, Month, Observation, Party, Provider, Settings};
use rust_decimal::Decimal;

fn m(s: &str) -> Month {
    s.parse().unwrap()
}

fn obs(period: &str, provider: Provider, measure: &str, level: &str) -> Observation {
    Observation {
        period: m(period),
        measure: measure.into(),
        provider,
        input: Input::Level { level: d(level) },
        reported: None,
        reported_in: None,
        note: None,
        approximate: false,
    }
}

fn credits(observations: Vec<Observation>, scheme: &CreditScheme) -> Credits {
    let data = Dataset::of(observations);
    compute(&evaluate(&data, Settings::default()), scheme)
}

/// One DSP scheme: £10 a point, bands 5 / 20, no multiplier, no cap.
fn dsp_scheme(rule: PointsRule) -> CreditScheme {
    let mut s = CreditScheme::march_2021();
    s.adjustments.clear();
    let p = s.provider_mut(Provider::Dsp).unwrap();
    p.money_per_point = d("10");
    p.rule = rule;
    p.measures.clear();
    s
}

fn bands() -> PointsRule {
    PointsRule::Bands {
        below_target: d("5"),
        below_minimum: d("20"),
    }
}

/// Points and money of DSP `measure` in `period`.
fn figures(c: &Credits, period: &str, measure: &str) -> (Option<Decimal>, Option<Decimal>) {
    let l = c
        .line(m(period), Provider::Dsp, measure)
        .unwrap_or_else(|| panic!("no line for {measure} in {period}"));
    (l.points, l.money)
}

#[test]
fn march_2021_credits_as_the_report_has_them() {
    let data = dcc_perf::io::sample();
    let c = compute(
        &evaluate(&data, Settings::default()),
        &CreditScheme::march_2021(),
    );
    let march = m("2021-03");
    for (provider, measure, points, money, band) in [
        (Provider::Cspn, "PM2", "175", "43198", "Below minimum"),
        (Provider::Dsp, "PM2.7", "9", "1357", "Below target"),
        (Provider::Capgemini, "PM2.1", "62", "5688", "Below target"),
    ] {
        let l = c.line(march, provider, measure).unwrap();
        assert_eq!(l.state, LineState::Accrued, "{provider} {measure}");
        assert_eq!(l.points, Some(d(points)), "{provider} {measure}");
        assert_eq!(l.money, Some(d(money)), "{provider} {measure}");
        assert_eq!(l.band, band);
        // The derivation is shown: points, multiplier and the money step.
        assert!(
            l.explanation
                .steps
                .iter()
                .any(|s| s.contains("rounded down to whole pounds")),
            "{:?}",
            l.explanation.steps
        );
    }
    let ch = c.line(march, Provider::Cspc, "CH1.3").unwrap();
    assert_eq!(ch.state, LineState::Pending);
    assert_eq!((ch.points, ch.money), (None, None), "pending is never zero");
    for kpi in ["PM6.3", "PM7.4"] {
        let l = c.line(march, Provider::Cspn, kpi).unwrap();
        assert_eq!(l.state, LineState::NoCredit);
        assert_eq!(l.money, Some(Decimal::ZERO));
    }
    // Parties as Tables 29 and 30 have them, and §15's total as its parts give it.
    let party = |p| c.party(march, p).unwrap();
    assert_eq!(party(Party::Arqiva).money, d("43198"));
    assert_eq!(party(Party::Cgi).money, d("1357"));
    assert_eq!(party(Party::Capgemini).money, d("5688"));
    assert_eq!(party(Party::Vodafone).money, d("0"));
    assert_eq!(party(Party::Telefonica).pending, 1);
    assert_eq!(c.total(march), (d("50243"), 1));
}

#[test]
fn bands_by_where_the_level_falls() {
    // DSP PM2.7: target 99, minimum 98.
    let s = dsp_scheme(bands());
    for (level, want) in [
        ("99.5", None),
        ("99", None),
        ("98.99", Some(("5", "50"))),
        ("98", Some(("5", "50"))),
        ("97.99", Some(("20", "200"))),
        ("0", Some(("20", "200"))),
    ] {
        let c = credits(vec![obs("2021-03", Provider::Dsp, "PM2.7", level)], &s);
        let got = c
            .line(m("2021-03"), Provider::Dsp, "PM2.7")
            .map(|l| (l.points, l.money));
        assert_eq!(
            got,
            want.map(|(p, g)| (Some(d(p)), Some(d(g)))),
            "level {level}"
        );
    }
}

#[test]
fn custom_thresholds_take_the_worst_band_reached() {
    let s = dsp_scheme(PointsRule::Thresholds {
        bands: vec![
            Threshold {
                level: d("99"),
                points: d("1"),
            },
            Threshold {
                level: d("95"),
                points: d("7"),
            },
            Threshold {
                level: d("90"),
                points: d("30"),
            },
        ],
    });
    for (level, points) in [("98.5", "1"), ("95", "1"), ("94.9", "7"), ("50", "30")] {
        let c = credits(vec![obs("2021-03", Provider::Dsp, "PM2.7", level)], &s);
        assert_eq!(
            figures(&c, "2021-03", "PM2.7").0,
            Some(d(points)),
            "level {level}"
        );
    }
}

#[test]
fn scaled_points_are_rounded_as_named_and_capped_at_the_maximum() {
    // DSP PM2.7 at 98.56: 0.44 short of 99; 20 points a unit = 8.8.
    let rule = PointsRule::Scaled {
        per_unit: d("20"),
        max: d("50"),
    };
    for (rounding, points) in [
        (PointRounding::Up, "9"),
        (PointRounding::Down, "8"),
        (PointRounding::Nearest, "9"),
        (PointRounding::None, "8.8"),
    ] {
        let mut s = dsp_scheme(rule.clone());
        s.point_rounding = rounding;
        let c = credits(vec![obs("2021-03", Provider::Dsp, "PM2.7", "98.56")], &s);
        assert_eq!(
            figures(&c, "2021-03", "PM2.7").0,
            Some(d(points)),
            "{rounding:?}"
        );
    }
    let s = dsp_scheme(rule);
    let c = credits(vec![obs("2021-03", Provider::Dsp, "PM2.7", "10")], &s);
    assert_eq!(
        figures(&c, "2021-03", "PM2.7"),
        (Some(d("50")), Some(d("500")))
    );
}

#[test]
fn money_rounding_is_named() {
    for (rounding, money) in [
        (MoneyRounding::DownToPound, "1357"),
        (MoneyRounding::NearestPound, "1357"),
        (MoneyRounding::NearestPenny, "1357.02"),
    ] {
        let mut s = CreditScheme::march_2021();
        s.money_rounding = rounding;
        let c = credits(vec![obs("2021-03", Provider::Dsp, "PM2.7", "98.56")], &s);
        assert_eq!(
            figures(&c, "2021-03", "PM2.7").1,
            Some(d(money)),
            "{rounding:?}"
        );
    }
}

#[test]
fn repeat_failures_multiply_across_consecutive_months() {
    let mut s = dsp_scheme(bands());
    s.provider_mut(Provider::Dsp).unwrap().repeat_multiplier = d("2");
    let c = credits(
        vec![
            obs("2021-01", Provider::Dsp, "PM2.7", "100"),
            obs("2021-02", Provider::Dsp, "PM2.7", "98.5"),
            obs("2021-03", Provider::Dsp, "PM2.7", "98.5"),
            obs("2021-04", Provider::Dsp, "PM2.7", "97"),
            obs("2021-05", Provider::Dsp, "PM2.7", "99.5"),
            obs("2021-06", Provider::Dsp, "PM2.7", "98.5"),
        ],
        &s,
    );
    assert_eq!(
        figures(&c, "2021-02", "PM2.7").0,
        Some(d("5")),
        "first miss"
    );
    assert_eq!(figures(&c, "2021-03", "PM2.7").0, Some(d("10")), "repeat");
    assert_eq!(
        figures(&c, "2021-04", "PM2.7").0,
        Some(d("40")),
        "repeat, below minimum"
    );
    assert!(
        c.line(m("2021-05"), Provider::Dsp, "PM2.7").is_none(),
        "met target"
    );
    assert_eq!(
        figures(&c, "2021-06", "PM2.7").0,
        Some(d("5")),
        "streak broken"
    );
    let l = c.line(m("2021-03"), Provider::Dsp, "PM2.7").unwrap();
    assert_eq!(l.multiplier, d("2"));
    assert!(l
        .explanation
        .steps
        .iter()
        .any(|s| s.contains("Repeat failure")));
}

#[test]
fn caps_on_points_and_money_are_taken_up_in_report_order() {
    // PM2.1 (99.95 / 99) comes before PM2.7 in the report.
    let two = || {
        vec![
            obs("2021-03", Provider::Dsp, "PM2.1", "98"),
            obs("2021-03", Provider::Dsp, "PM2.7", "97"),
        ]
    };
    let mut s = dsp_scheme(bands());
    s.provider_mut(Provider::Dsp).unwrap().cap = Cap {
        points: Some(d("30")),
        money: None,
    };
    let c = credits(two(), &s);
    assert_eq!(
        figures(&c, "2021-03", "PM2.1"),
        (Some(d("20")), Some(d("200")))
    );
    assert_eq!(
        figures(&c, "2021-03", "PM2.7"),
        (Some(d("10")), Some(d("100")))
    );
    let l = c.line(m("2021-03"), Provider::Dsp, "PM2.7").unwrap();
    assert_eq!(l.points_before_cap, d("20"));
    assert!(l
        .cap_effect
        .as_deref()
        .unwrap()
        .contains("10 points taken off"));

    s.provider_mut(Provider::Dsp).unwrap().cap = Cap {
        points: None,
        money: Some(d("250")),
    };
    let c = credits(two(), &s);
    assert_eq!(figures(&c, "2021-03", "PM2.1").1, Some(d("200")));
    assert_eq!(figures(&c, "2021-03", "PM2.7").1, Some(d("50")));
    assert_eq!(c.total(m("2021-03")).0, d("250"));
}

#[test]
fn exemption_windows_cover_their_months_only() {
    let mut s = dsp_scheme(bands());
    s.provider_mut(Provider::Dsp)
        .unwrap()
        .exemptions
        .push(Exemption {
            from: m("2021-01"),
            to: m("2021-02"),
            reason: "first months".into(),
        });
    let c = credits(
        vec![
            obs("2021-02", Provider::Dsp, "PM2.7", "97"),
            obs("2021-03", Provider::Dsp, "PM2.7", "97"),
        ],
        &s,
    );
    let feb = c.line(m("2021-02"), Provider::Dsp, "PM2.7").unwrap();
    assert_eq!(
        (feb.state, feb.money),
        (LineState::Exempt, Some(Decimal::ZERO))
    );
    assert!(feb.explanation.notes.contains(&"first months".to_string()));
    assert_eq!(figures(&c, "2021-03", "PM2.7").1, Some(d("200")));
}

#[test]
fn overrides_and_pending_carry_their_reason() {
    let mut s = dsp_scheme(bands());
    let march = m("2021-03");
    let cases = [
        (
            Decision::Points { points: d("3") },
            Some(d("3")),
            Some(d("30")),
        ),
        (
            Decision::Money { gbp: d("123.45") },
            Some(d("0")),
            Some(d("123.45")),
        ),
        (Decision::Pending, None, None),
    ];
    for (decision, points, money) in cases {
        s.set_adjustment(
            march,
            Provider::Dsp,
            "PM2.7",
            Some((decision.clone(), "agreed".into())),
        );
        let c = credits(vec![obs("2021-03", Provider::Dsp, "PM2.7", "97")], &s);
        let l = c.line(march, Provider::Dsp, "PM2.7").unwrap();
        assert_eq!((l.points, l.money), (points, money), "{decision:?}");
        assert!(l.explanation.notes.contains(&"agreed".to_string()));
    }
    // Pending counts as pending in the totals, never as zero money.
    let c = credits(vec![obs("2021-03", Provider::Dsp, "PM2.7", "97")], &s);
    assert_eq!(c.total(march), (Decimal::ZERO, 1));
    // A decision for a month not loaded still shows.
    s.set_adjustment(
        m("2020-11"),
        Provider::Csps,
        "PM2",
        Some((Decision::Pending, "clause".into())),
    );
    let c = credits(vec![], &s);
    let l = c.line(m("2020-11"), Provider::Csps, "PM2").unwrap();
    assert_eq!((l.state, l.money), (LineState::Pending, None));
    s.set_adjustment(march, Provider::Dsp, "PM2.7", None);
    assert!(s.adjustment(march, Provider::Dsp, "PM2.7").is_none());
}

#[test]
fn kpis_and_no_credit_measures_carry_none() {
    let mut s = CreditScheme::march_2021();
    let c = credits(vec![obs("2021-03", Provider::Cspn, "PM6.3", "90")], &s);
    assert_eq!(
        c.line(m("2021-03"), Provider::Cspn, "PM6.3").unwrap().state,
        LineState::NoCredit
    );
    s.provider_mut(Provider::Dsp)
        .unwrap()
        .measures
        .push(MeasureTerms {
            measure: "PM2.1".into(),
            no_credit: true,
            rule: None,
        });
    let c = credits(vec![obs("2021-03", Provider::Dsp, "PM2.1", "90")], &s);
    let l = c.line(m("2021-03"), Provider::Dsp, "PM2.1").unwrap();
    assert_eq!(
        (l.state, l.money),
        (LineState::NoCredit, Some(Decimal::ZERO))
    );
}

#[test]
fn extreme_scheme_figures_saturate_rather_than_panic() {
    let mut s = dsp_scheme(PointsRule::Scaled {
        per_unit: Decimal::MAX,
        max: Decimal::MAX,
    });
    let p = s.provider_mut(Provider::Dsp).unwrap();
    p.money_per_point = Decimal::MAX;
    p.repeat_multiplier = Decimal::MAX;
    let c = credits(
        vec![
            obs("2021-02", Provider::Dsp, "PM2.7", "0"),
            obs("2021-03", Provider::Dsp, "PM2.7", "0"),
            obs("2021-03", Provider::Dsp, "PM2.1", "0"),
        ],
        &s,
    );
    assert_eq!(c.total(m("2021-03")).0, Decimal::MAX);
    // Negative figures are refused by name, and count as zero if they slip through.
    let mut s = dsp_scheme(bands());
    s.provider_mut(Provider::Dsp).unwrap().money_per_point = d("-5");
    assert_eq!(s.problems().len(), 1, "{:?}", s.problems());
    let c = credits(vec![obs("2021-03", Provider::Dsp, "PM2.7", "97")], &s);
    assert_eq!(figures(&c, "2021-03", "PM2.7").1, Some(Decimal::ZERO));
}

mod report_tables {
    use super::*;
    use dcc_perf::engine::credit_table::{reconcile, year_tables, CheckKind, Origin, Source};
    use dcc_perf::engine::{Amount, Fleet};

    fn sample_credits() -> (Dataset, Credits) {
        let data = dcc_perf::io::sample();
        let c = compute(
            &evaluate(&data, Settings::default()),
            &CreditScheme::march_2021(),
        );
        (data, c)
    }

    #[test]
    fn twelve_month_tables_match_tables_29_and_30() {
        let (data, c) = sample_credits();
        let t = year_tables(&c, &data, m("2021-03"), Source::Reported);
        assert_eq!(t.months.first(), Some(&m("2020-04")));
        let smets2 = &t.tables[0];
        assert_eq!(smets2.fleet, Fleet::Smets2);
        let names: Vec<&str> = smets2.parties.iter().map(|p| p.name()).collect();
        assert_eq!(names, ["Arqiva", "BT", "CGI", "Telefonica"]);
        let totals: Vec<Decimal> = smets2.rows.iter().map(|r| r.total).collect();
        let want: Vec<Decimal> = [
            "64884", "60935", "72084", "51859", "113644", "73543", "73899", "48488", "47678",
            "43198", "43198", "44555",
        ]
        .iter()
        .map(|s| d(s))
        .collect();
        assert_eq!(totals, want);
        assert!(
            smets2.rows.iter().all(|r| !r.total_differs),
            "every row total adds up"
        );
        // June 2020 Telefonica was TBC: shown as pending, not zero.
        assert_eq!(smets2.rows[2].cells[3].shown, Some(Amount::Pending));
        assert_eq!(smets2.rows[2].pending, 1);
        let smets1 = &t.tables[1];
        let names: Vec<&str> = smets1.parties.iter().map(|p| p.name()).collect();
        assert_eq!(
            names,
            ["SIE", "Capgemini", "Vodafone", "Critical", "Secure"]
        );
        assert_eq!(smets1.rows[3].total, d("46088"));
        assert_eq!(smets1.rows[8].cells[4].shown, Some(Amount::NotApplicable));
        // Column totals, which the report does not print.
        assert_eq!(smets2.column_totals[0], d("719232"));
        assert_eq!(smets1.column_totals[1], d("129063"));
        // §15: £50,432 stated; the tables give £50,243.
        let (month, sum, stated) = t.overall[11];
        assert_eq!((month, sum), (m("2021-03"), d("50243")));
        assert_eq!(stated, Some(Amount::Money { gbp: d("50432") }));
    }

    #[test]
    fn computed_march_agrees_with_the_reported_cells() {
        let (data, c) = sample_credits();
        let t = year_tables(&c, &data, m("2021-03"), Source::ReportedFirst);
        let march = &t.tables[0].rows[11];
        assert!(march
            .cells
            .iter()
            .all(|c| c.origin == Some(Origin::Reported)));
        // Arqiva, CGI computed equal the report; Telefonica's pending CH1.3
        // against the report's £0 is a difference worth showing.
        assert!(!march.cells[0].differs && !march.cells[2].differs);
        assert!(march.cells[3].differs, "{:?}", march.cells[3]);
        let computed = year_tables(&c, &data, m("2021-03"), Source::Computed);
        assert_eq!(
            computed.tables[0].rows[11].cells[0].shown,
            Some(Amount::Money { gbp: d("43198") })
        );
        // Months with no loaded figures have no computed cell.
        assert_eq!(computed.tables[0].rows[0].cells[0].shown, None);
    }

    #[test]
    fn every_reported_total_is_checked_and_differences_listed() {
        let (data, c) = sample_credits();
        let checks = reconcile(&c, &data);
        let parts: Vec<_> = checks
            .iter()
            .filter(|k| k.kind == CheckKind::TotalOfParts)
            .collect();
        // 12 months × 2 tables, plus §15's total.
        assert_eq!(parts.len(), 25, "{parts:#?}");
        let wrong: Vec<_> = checks.iter().filter(|k| !k.agrees).collect();
        // Counted without the words, as the tab's label does.
        assert_eq!(
            dcc_perf::engine::credit_table::differences(&c, &data),
            wrong.len()
        );
        let section15 = wrong
            .iter()
            .find(|k| k.kind == CheckKind::TotalOfParts && k.what.contains("all"))
            .expect("§15's total is flagged");
        assert_eq!(
            (section15.reported.as_str(), section15.other.as_str()),
            ("£50,432", "£50,243")
        );
        assert_eq!(section15.difference, Some(d("189")));
        // The three §14 credits agree with the computed ones.
        for what in ["CSPN PM2", "DSP PM2.7", "CAPGEMINI PM2.1"] {
            let k = checks
                .iter()
                .find(|k| k.what == what && k.kind == CheckKind::AgainstComputed)
                .unwrap_or_else(|| panic!("{what} checked"));
            assert!(k.agrees, "{k:?}");
        }
    }
}

#[test]
fn months_with_missing_measures_are_computed_but_not_compared() {
    use dcc_perf::engine::credit_table::{reconcile, CheckKind};
    let data = dcc_perf::io::sample();
    let c = compute(
        &evaluate(&data, Settings::default()),
        &CreditScheme::march_2021(),
    );
    // February 2021's column lacks two CSPN measures: partial, so not checked.
    let feb = m("2021-02");
    assert_eq!(c.coverage.get(&(feb, Provider::Cspn)), Some(&(17, 19)));
    let arqiva = c.party(feb, Party::Arqiva).unwrap();
    assert_eq!((arqiva.money, arqiva.complete), (d("43198"), false));
    assert!(c.party(feb, Party::Telefonica).unwrap().complete);
    let checks = reconcile(&c, &data);
    let against = |what: &str| {
        checks
            .iter()
            .find(|k| k.period == feb && k.what == what && k.kind == CheckKind::AgainstComputed)
            .map(|k| k.agrees)
    };
    assert_eq!(against("Arqiva"), None, "partial month not compared");
    assert_eq!(
        against("Telefonica"),
        Some(true),
        "£0* against a complete £0"
    );
    // Quarterly figures alone (Telefonica's December 2020) do not make a
    // month computed; Arqiva's approximate monthly PM2 does, but partially.
    assert_eq!(c.party(m("2020-12"), Party::Telefonica), None);
    let dec = c.party(m("2020-12"), Party::Arqiva).unwrap();
    assert_eq!((dec.money, dec.complete), (d("43198"), false));
}

#[test]
fn scenarios_carry_the_scheme_and_baseline_and_version_1_opens_with_the_default() {
    use dcc_perf::io::scenario::{read, Baseline, Scenario};
    let v1 =
        r#"{"schema":"dcc-perf/scenario/1","settings":{"rule":"2dp"},"data":{"observations":[]}}"#;
    let import = read("old.json", v1);
    assert!(import.is_clean(), "{:?}", import.errors);
    assert_eq!(import.scheme, Some(CreditScheme::march_2021()));
    assert_eq!(import.baseline, None);

    let mut scheme = CreditScheme::march_2021();
    scheme.provider_mut(Provider::Dsp).unwrap().money_per_point = d("200");
    scheme.set_adjustment(
        m("2021-03"),
        Provider::Cspc,
        "CH1.3",
        Some((Decision::Money { gbp: d("500") }, "agreed".into())),
    );
    let baseline = Baseline {
        data: dcc_perf::io::sample(),
        scheme: CreditScheme::march_2021(),
        regime: dcc_perf::io::regime::sample(),
    };
    let s = Scenario::new(
        dcc_perf::io::sample(),
        Settings::default(),
        Some(m("2021-03")),
    )
    .with_scheme(scheme.clone(), Some(baseline.clone()));
    let back = read("s.json", &s.to_json());
    assert!(back.is_clean(), "{:?}", back.errors);
    assert_eq!(back.scheme, Some(scheme.clone()));
    assert_eq!(back.baseline.map(|b| *b), Some(baseline));
    assert_eq!(
        back.dataset.credits.len(),
        137,
        "reported credits travel with the data"
    );

    // A negative figure is refused by name rather than half-read.
    let mut bad = scheme;
    bad.provider_mut(Provider::Cspn).unwrap().cap.money = Some(d("-1"));
    let text = Scenario::new(Dataset::default(), Settings::default(), None)
        .with_scheme(bad, None)
        .to_json();
    let refused = read("bad.json", &text);
    assert_eq!(refused.errors.len(), 1);
    assert!(
        refused.errors[0].to_string().contains("CSPN cap on money"),
        "{}",
        refused.errors[0]
    );
}

/// Under the two-decimal rule CSPC CH1.3 (99.897% against 99.9%) meets its
/// target in March 2021: the decision left pending for the miss has nothing
/// to decide, so the credit is not pending, and the month has nothing pending.
#[test]
fn a_pending_decision_on_a_measure_met_under_the_rule_is_not_pending() {
    use dcc_perf::engine::ComparisonRule;
    let data = dcc_perf::io::sample();
    let march = m("2021-03");
    let settings = Settings {
        rule: ComparisonRule::Rounded(2),
    };
    let c = compute(&evaluate(&data, settings), &CreditScheme::march_2021());
    // The line stays (the decision is not lost) but says why there is no credit.
    let ch = c.line(march, Provider::Cspc, "CH1.3").unwrap();
    assert_ne!(ch.state, LineState::Pending, "{ch:?}");
    assert_eq!(ch.state, LineState::MetUnderRule);
    assert_eq!(ch.state.label(), "Met target under this rule");
    assert_eq!(
        (ch.points, ch.money),
        (Some(Decimal::ZERO), Some(Decimal::ZERO))
    );
    assert!(
        ch.explanation.formula.contains("meets its target"),
        "{}",
        ch.explanation.formula
    );
    assert_eq!(c.party(march, Party::Telefonica).unwrap().pending, 0);
    assert_eq!(
        c.total(march).1,
        0,
        "nothing is pending in March 2021 under this rule"
    );
    // The other three credits are the report's still.
    assert_eq!(c.total(march).0, d("50243"));
    // Unrounded, it misses and stays pending (the report's reading).
    let c = compute(
        &evaluate(&data, Settings::default()),
        &CreditScheme::march_2021(),
    );
    assert_eq!(
        c.line(march, Provider::Cspc, "CH1.3").unwrap().state,
        LineState::Pending
    );
}

#[test]
fn the_differences_counted_are_the_checks_that_disagree_under_any_scheme() {
    use dcc_perf::engine::credit_table::{differences, reconcile};
    let data = dcc_perf::io::sample();
    let results = evaluate(&data, Settings::default());
    let mut counts = Vec::new();
    // The scheme as the report priced it, then DSP's and CSPN's money per
    // point changed.
    for money in ["as reported", "0", "100", "1000"] {
        let mut scheme = CreditScheme::march_2021();
        for p in [Provider::Dsp, Provider::Cspn] {
            if money != "as reported" {
                scheme.provider_mut(p).unwrap().money_per_point = d(money);
            }
        }
        let c = compute(&results, &scheme);
        let wrong = reconcile(&c, &data).iter().filter(|k| !k.agrees).count();
        assert_eq!(differences(&c, &data), wrong, "£{money} a point");
        counts.push(wrong);
    }
    // The scheme moves the computed credits away from the reported ones.
    assert!(counts.iter().any(|n| *n != counts[0]), "{counts:?}");
}

/// The default scheme's points are taken from the report (§14), so the
/// report's three credits come out of it by construction. Here a scheme
/// owing nothing to the report, 2 points per percentage point short of
/// target, at most 100, £10 a point, pence dropped, prices March 2021's
/// figures, and every expected figure is worked out by hand from the
/// levels the report prints and the targets in the SEC schedules:
///
/// - DSP PM2.7: 98.56% against 99%: 0.44 × 2 = 0.88 points, £8.80 → £8;
/// - Capgemini PM2.1: 99.84% against 99.99%: 0.15 × 2 = 0.30 points, £3;
/// - CSP North PM2: 56,774 of 239,128 = 23.742...% against 99%: 150.5...
///   points, capped at 100, £1,000.
#[test]
fn credits_worked_out_by_hand_under_a_scheme_of_our_own() {
    let providers = dcc_perf::engine::Catalogue::builtin()
        .measures()
        .iter()
        .map(|m| m.provider)
        .fold(Vec::new(), |mut v, p| {
            if !v.contains(&p) {
                v.push(p);
            }
            v
        });
    let scheme = CreditScheme {
        point_rounding: PointRounding::None,
        money_rounding: MoneyRounding::DownToPound,
        providers: providers
            .into_iter()
            .map(|provider| dcc_perf::engine::scheme::ProviderScheme {
                provider,
                money_per_point: d("10"),
                rule: PointsRule::Scaled {
                    per_unit: d("2"),
                    max: d("100"),
                },
                repeat_multiplier: Decimal::ONE,
                cap: Cap::default(),
                measures: Vec::new(),
                exemptions: Vec::new(),
            })
            .collect(),
        adjustments: Vec::new(),
    };
    let data = dcc_perf::io::sample();
    let c = compute(&evaluate(&data, Settings::default()), &scheme);
    let march = m("2021-03");
    let line = |p: Provider, measure: &str| {
        let l = c
            .line(march, p, measure)
            .unwrap_or_else(|| panic!("{p} {measure}"));
        (l.points, l.money)
    };
    assert_eq!(
        line(Provider::Dsp, "PM2.7"),
        (Some(d("0.88")), Some(d("8")))
    );
    assert_eq!(
        line(Provider::Capgemini, "PM2.1"),
        (Some(d("0.30")), Some(d("3")))
    );
    assert_eq!(
        line(Provider::Cspn, "PM2"),
        (Some(d("100")), Some(d("1000")))
    );
}
