//! The OPR margin: RY23/24 and RY22/23 reproduced from the shipped years,
//! each penalty mechanism and region split, the loss curve at and around TPL
//! and MPL, zero weights, weight changes between years, RPLs from monthly
//! figures, and "what would it take".

use crate::helpers::d;
use dcc_perf::engine::margin::{
    compute, millions, percent, share_at, Agreement, Source, YearMargin,
};
use dcc_perf::engine::opr::{CurvePoint, LossCurve, RegimeYear, Scale};
use dcc_perf::engine::opr_whatif::{needed, worth};
use dcc_perf::engine::{evaluate, Dataset, Input, Month, Provider, Settings};
use dcc_perf::io::regime;
use rust_decimal::Decimal;

fn year(name: &str) -> RegimeYear {
    regime::sample().year(name).cloned().expect(name)
}

fn kept_lost(y: &YearMargin, code: &str) -> (String, String) {
    let x = y.measure(code).unwrap();
    (millions(x.kept), millions(x.lost))
}

/// Sets one part's performance (RPL or score).
fn with_performance(mut y: RegimeYear, code: &str, part: usize, v: &str) -> RegimeYear {
    y.measure_mut(code).unwrap().parts[part].performance = Some(d(v));
    y
}

#[test]
fn ry23_24_reproduces_table_7() {
    let y = compute(&year("RY23/24"), None);
    let table = [
        ("SUM1", "2.086", "0.000", "100%"),
        ("SDM1", "2.086", "0.000", "100%"),
        ("SDM2", "2.086", "0.000", "100%"),
        ("VMM1", "1.080", "0.261", "80.53%"),
        ("VMM2", "1.041", "0.298", "77.77%"),
    ];
    for (code, kept, lost, share) in table {
        assert_eq!(kept_lost(&y, code), (kept.into(), lost.into()), "{code}");
        let m = y.measure(code).unwrap();
        assert_eq!(percent(m.share_kept.unwrap()), share, "{code}");
        assert_eq!(m.kept + m.lost, m.margin, "{code}: kept + lost = margin");
    }
    assert_eq!(millions(y.kept), "8.379");
    assert_eq!(millions(y.lost), "0.559");
    assert_eq!(y.kept + y.lost, d("8938000"));
    assert_eq!(y.measure("SDM1").unwrap().mechanism, "B");
    assert_eq!(y.measure("SDM2").unwrap().mechanism, "A and B");
    assert_eq!(y.measure("SUM1").unwrap().mechanism, "A");
    // Every stated figure is checked; two genuinely differ.
    let differs: Vec<&str> = y
        .checks
        .iter()
        .filter(|c| c.agreement == Agreement::Differs)
        .map(|c| c.what.as_str())
        .collect();
    assert_eq!(
        differs,
        [
            "SDM2 Non-regional: RPL entered vs its metrics",
            "VMM2 margin: stated vs weight × margin at risk"
        ]
    );
    let south = y
        .checks
        .iter()
        .find(|c| c.what == "SDM1 South: RPL entered vs its metrics")
        .unwrap();
    assert_eq!(
        south.agreement,
        Agreement::WithinRounding,
        "99.975 printed as 99.97"
    );
    assert!(y.checks.len() >= 25, "{}", y.checks.len());
    // §2.2: £6.3m for system performance, all kept; £2.7m for the other two, 79% kept.
    let shares: Vec<String> = y
        .combined
        .iter()
        .map(|c| percent(c.kept * Decimal::ONE_HUNDRED / c.margin))
        .collect();
    assert_eq!(shares, ["100%", "79.15%"]);
}

#[test]
fn ry23_24_explains_each_amount() {
    let y = compute(&year("RY23/24"), None);
    let north = &y.measure("SDM1").unwrap().parts[0];
    assert_eq!(north.label, "North");
    let steps = north.explanation.steps.join("\n");
    assert!(
        steps.contains("mean(100.00, 100.00, 97.21, 100.00) = 99.3025"),
        "{steps}"
    );
    assert!(steps.contains("at or above TPL 99"), "{steps}");
    assert!(
        steps.contains("part margin = £2,086,000 × 33.33% = £695,333.33"),
        "{steps}"
    );
    let vmm1 = &y.measure("VMM1").unwrap().parts[0];
    let steps = vmm1.explanation.steps.join("\n");
    assert!(steps.contains("share kept = 2.416 ÷ 3 = 80.53%"), "{steps}");
    assert!(
        steps.contains("lost = £1,341,000 − £1,079,952 = £261,048"),
        "{steps}"
    );
}

#[test]
fn ry22_23_keeps_62_percent_for_engagement_and_contract_management() {
    let y = compute(&year("RY22/23"), None);
    let group = |g: &str| y.groups.iter().find(|x| x.group == g).unwrap();
    let sys = group("System performance");
    assert_eq!(sys.kept, sys.margin, "100% of system performance kept");
    assert_eq!(millions(sys.margin), "5.327", "£5.33m to two decimals");
    let (ce, cm) = (group("Customer engagement"), group("Contract management"));
    let kept = ce.kept + cm.kept;
    let margin = ce.margin + cm.margin;
    assert_eq!(margin, d("2283000"));
    let share = kept * Decimal::ONE_HUNDRED / margin;
    assert_eq!(share.round(), d("62"), "{share}");
    assert_eq!(cm.kept, d("650655"), "1.71 / 3 of £1,141,500 = £0.65m");
    assert!(
        y.checks.iter().all(|c| c.agreement != Agreement::Differs),
        "{:#?}",
        y.checks
    );
}

#[test]
fn mechanism_a_and_b_split_the_margin() {
    // (measure, part, RPL, measure's lost in pounds)
    let cases = [
        // B: only the North third is at stake.
        ("SDM1", 0, "97.5", "347666.67"),
        // A: SUM1's one figure carries the whole measure; half way → half lost.
        ("SUM1", 0, "98.75", "1043000"),
        // SDM2's non-regional part carries three quarters.
        ("SDM2", 0, "97.5", "782250"),
        // SDM2's North carries a twelfth.
        ("SDM2", 1, "97.5", "86916.67"),
        // At MPL a region loses all of its third.
        ("SDM1", 2, "96", "695333.33"),
    ];
    for (code, part, rpl, lost) in cases {
        let y = compute(&with_performance(year("RY23/24"), code, part, rpl), None);
        let m = y.measure(code).unwrap();
        assert_eq!(m.lost.round_dp(2), d(lost), "{code} part {part} at {rpl}");
        assert_eq!(m.kept + m.lost, m.margin);
        // Other parts keep everything.
        for (i, p) in m.parts.iter().enumerate().filter(|(i, _)| *i != part) {
            assert_eq!(p.lost, Some(Decimal::ZERO), "{code} part {i}");
        }
    }
}

#[test]
fn what_if_sdm1_north_had_been_97_5() {
    let y = compute(&with_performance(year("RY23/24"), "SDM1", 0, "97.5"), None);
    let north = &y.measure("SDM1").unwrap().parts[0];
    assert_eq!(north.source, Source::Entered);
    assert_eq!(north.position, Some(d("50")));
    assert_eq!(north.share_kept, Some(d("50")));
    assert_eq!(north.kept.unwrap().round_dp(2), d("347666.67"));
    let steps = north.explanation.steps.join("\n");
    assert!(
        steps.contains("position = (97.5 − 96) ÷ (99 − 96) = 50%"),
        "{steps}"
    );
    assert_eq!(kept_lost(&y, "SDM1"), ("1.738".into(), "0.348".into()));
    assert_eq!(millions(y.kept), "8.032");
    assert_eq!(millions(y.lost), "0.906");
}

#[test]
fn loss_curve_at_and_around_tpl_and_mpl() {
    let levels = Scale::Levels {
        tpl: d("99"),
        mpl: d("96"),
    };
    let points = LossCurve::Points {
        points: vec![CurvePoint {
            at: d("50"),
            kept: d("20"),
        }],
    };
    // (curve, RPL, share kept %)
    let cases: Vec<(&LossCurve, &str, &str)> = vec![
        (&LossCurve::Linear, "100", "100"),
        (&LossCurve::Linear, "99", "100"),
        (&LossCurve::Linear, "98.97", "99"),
        (&LossCurve::Linear, "97.5", "50"),
        (&LossCurve::Linear, "96.03", "1"),
        (&LossCurve::Linear, "96", "0"),
        (&LossCurve::Linear, "12", "0"),
        (&LossCurve::Step, "99", "100"),
        (&LossCurve::Step, "98.99", "0"),
        (&points, "97.5", "20"),
        (&points, "98.25", "60"),
        (&points, "96.75", "10"),
        (&points, "99", "100"),
    ];
    for (curve, rpl, kept) in cases {
        let (share, _) = share_at(levels, curve, d(rpl));
        assert_eq!(share.round_dp(10), d(kept), "{curve:?} at {rpl}");
    }
    // Scores: score ÷ max, clamped.
    let score = Scale::Score { max: d("3") };
    assert_eq!(share_at(score, &LossCurve::Linear, d("2.7")).0, d("90"));
    assert_eq!(share_at(score, &LossCurve::Linear, d("4")).0, d("100"));
}

#[test]
fn zero_weights_carry_no_margin_until_weighted() {
    let y = compute(&year("RY23/24"), None);
    for code in ["SUM2", "SDM3"] {
        let m = y.measure(code).unwrap();
        assert_eq!(
            (m.margin, m.kept, m.lost),
            (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO)
        );
    }
    // SDM3 at 10%: £893,800, with North, Central and South far below MPL.
    let mut ry = year("RY23/24");
    ry.measure_mut("SDM3").unwrap().weight = d("10");
    let m = compute(&ry, None);
    let sdm3 = m.measure("SDM3").unwrap();
    assert_eq!(sdm3.margin, d("893800"));
    assert_eq!(sdm3.lost, sdm3.margin, "every part at or below MPL");
    // SDM1's SRV8.11 metric is zero-weighted: it has no figure and is not needed.
    let north = &y.measure("SDM1").unwrap().parts[0];
    assert!(north
        .metrics
        .iter()
        .any(|x| x.weight.is_zero() && x.value.is_none()));
    assert!(north.from_metrics.is_some());
}

#[test]
fn weights_change_between_years() {
    // RY23/24's performance under RY24/25's weights (60/15/25).
    let mut ry = year("RY24/25");
    let prev = year("RY23/24");
    for m in &mut ry.measures {
        let old = prev.measure(&m.code).unwrap();
        for (p, o) in m.parts.iter_mut().zip(&old.parts) {
            p.performance = o.performance;
        }
    }
    let y = compute(&ry, None);
    assert_eq!(y.measure("SUM1").unwrap().margin, d("1787600"));
    assert_eq!(y.measure("VMM1").unwrap().margin, d("1340700"));
    let vmm2 = y.measure("VMM2").unwrap();
    assert_eq!(vmm2.margin, d("2234500"));
    assert_eq!(
        vmm2.kept.round_dp(2),
        d("1737696.17"),
        "2.333 / 3 of £2,234,500"
    );
    assert_eq!(y.total_weight, d("100"));
    assert_eq!(y.unassessed, Decimal::ZERO);
    // The same scores lose more where contract management weighs more.
    let before = compute(&prev, None);
    assert!(y.lost > before.lost, "{} vs {}", y.lost, before.lost);
}

fn month(s: &str) -> Month {
    s.parse().unwrap()
}

#[test]
fn rpl_from_monthly_figures_where_loaded_else_annual() {
    let mut ry = year("RY23/24");
    let north = &mut ry.measure_mut("SDM1").unwrap().parts[0];
    north.performance = None;
    // Three months of CSPN first-time connectivity and two of CH1.3 loaded;
    // the other metrics fall back to their annual figures.
    let mut data = Dataset::default();
    for (m, measure, level) in [
        ("2023-04", "PM1.1", "96"),
        ("2023-05", "PM1.1", "97"),
        ("2024-03", "PM1.1", "98"),
        ("2023-04", "CH1.3", "99.5"),
        ("2023-09", "CH1.3", "99.7"),
        // Outside the year: ignored.
        ("2024-04", "PM1.1", "10"),
    ] {
        data = data.with_input(
            month(m),
            measure,
            Provider::Cspn,
            Input::Level { level: d(level) },
        );
    }
    let results = evaluate(&data, Settings::default());
    let y = compute(&ry, Some(&results));
    let p = &y.measure("SDM1").unwrap().parts[0];
    assert_eq!(p.source, Source::Metrics);
    // mean(100 annual, 99.6 from 2 months, 97 from 3 months, 100 annual)
    assert_eq!(p.performance, Some(d("99.15")));
    use dcc_perf::engine::margin::MetricSource::*;
    let sources: Vec<_> = p.metrics.iter().map(|m| m.source).collect();
    assert_eq!(sources, [Annual, Monthly(2), Monthly(3), Annual, Missing]);
    let steps = p.explanation.steps.join("\n");
    assert!(
        steps.contains("RPL = mean(100.00, 99.6, 97, 100.00) = 99.15"),
        "{steps}"
    );

    // With neither months nor an annual figure the part is not assessed, and
    // its margin is counted apart rather than as kept or lost.
    let mut bare = ry.clone();
    for m in &mut bare.measure_mut("SDM1").unwrap().parts[0].metrics {
        m.annual = None;
    }
    let y = compute(&bare, None);
    let sdm1 = y.measure("SDM1").unwrap();
    assert_eq!(sdm1.parts[0].source, Source::Missing);
    assert_eq!(sdm1.unassessed.round_dp(2), d("695333.33"));
    assert_eq!(sdm1.kept + sdm1.lost + sdm1.unassessed, sdm1.margin);
    assert_eq!(sdm1.share_kept, None);
}

#[test]
fn what_would_it_take() {
    let sdm1 = Scale::Levels {
        tpl: d("99"),
        mpl: d("96"),
    };
    let score = Scale::Score { max: d("3") };
    let points = LossCurve::Points {
        points: vec![CurvePoint {
            at: d("50"),
            kept: d("20"),
        }],
    };
    // (scale, curve, share to keep, RPL or score needed)
    let cases: Vec<(Scale, &LossCurve, &str, &str)> = vec![
        (score, &LossCurve::Linear, "90", "2.7"),
        (score, &LossCurve::Linear, "100", "3"),
        (sdm1, &LossCurve::Linear, "90", "98.7"),
        (sdm1, &LossCurve::Linear, "50", "97.5"),
        (sdm1, &LossCurve::Linear, "100", "99"),
        (sdm1, &LossCurve::Step, "10", "99"),
        (sdm1, &points, "20", "97.5"),
        (sdm1, &points, "60", "98.25"),
        (sdm1, &points, "10", "96.75"),
    ];
    for (scale, curve, share, rpl) in cases {
        let n = needed(scale, curve, d(share));
        assert_eq!(
            n.performance.normalize(),
            d(rpl),
            "{scale:?} {curve:?} {share}%"
        );
        // Going forwards again keeps at least the share asked for.
        let (kept, _) = share_at(scale, curve, n.performance);
        assert!(kept >= d(share), "{kept} < {share}");
    }
    // A tenth of a point: SDM1 North's third of £2,086,000 over a 3-point band.
    let third = d("2086000") / d("3");
    let w = worth(sdm1, &LossCurve::Linear, third, Some(d("97.5")));
    assert_eq!(w.in_band.unwrap().round_dp(2), d("23177.78"));
    assert_eq!(w.up.round_dp(2), d("23177.78"));
    assert_eq!(w.down.round_dp(2), d("23177.78"));
    // Above TPL a tenth either way changes nothing until it drops below.
    let w = worth(sdm1, &LossCurve::Linear, third, Some(d("99.30")));
    assert_eq!((w.up, w.down), (Decimal::ZERO, Decimal::ZERO));
    // VMM1: £1,341,000 over a score of 3.
    let w = worth(score, &LossCurve::Linear, d("1341000"), Some(d("2.416")));
    assert_eq!(w.in_band, Some(d("44700")));
    assert!(
        w.text.contains("each 0.1 of score is worth £44,700"),
        "{}",
        w.text
    );
}

/// Figures a file states are not checked for size: the checks against them
/// must not overflow (found reading the code for panics).
#[test]
fn extreme_stated_figures_do_not_panic() {
    let mut ry = year("RY23/24");
    let min = Decimal::MIN;
    for m in &mut ry.measures {
        if let Some(r) = &mut m.reported {
            (r.kept, r.lost) = (Some(min), Some(Decimal::MAX));
        }
        for p in &mut m.parts {
            for x in &mut p.metrics {
                x.annual = Some(min);
            }
        }
    }
    let y = compute(&ry, None);
    assert!(y.checks.iter().any(|c| c.agreement == Agreement::Differs));
}

/// A scenario's baseline is computed as soon as it opens, so its OPR years
/// are checked like the work's (an unchecked curve point panicked the page;
/// found in review), and a curve point far out of range cannot panic either.
#[test]
fn a_baseline_with_bad_opr_years_is_refused() {
    use dcc_perf::engine::opr::{CurvePoint, LossCurve};
    use dcc_perf::engine::scheme::CreditScheme;
    use dcc_perf::io::scenario::{read, Baseline, Scenario};
    let mut bad = regime::sample();
    bad.years[1].curve = LossCurve::Points {
        points: vec![CurvePoint {
            at: Decimal::MIN,
            kept: d("10"),
        }],
    };
    // Computing it directly does not panic.
    let y = compute(
        &with_performance(bad.years[1].clone(), "SDM1", 0, "97.5"),
        None,
    );
    assert!(y.lost > Decimal::ZERO);
    let baseline = Baseline {
        data: dcc_perf::io::sample(),
        scheme: CreditScheme::default(),
        regime: bad,
    };
    let text = Scenario::new(dcc_perf::io::sample(), Default::default(), None)
        .with_scheme(CreditScheme::default(), Some(baseline))
        .to_json();
    let import = read("s.json", &text);
    assert!(!import.is_clean());
    assert!(
        import
            .errors
            .iter()
            .any(|e| e.file == "s.json, baseline" && e.to_string().contains("curve points")),
        "{:?}",
        import.errors
    );
}

#[test]
fn a_figure_printed_to_one_decimal_says_one_place() {
    // SDM2's non-regional RPL typed to one decimal: the check's note says
    // "1 place", not "1 places".
    let y = with_performance(year("RY23/24"), "SDM2", 0, "99.8");
    let m = compute(&y, None);
    let sdm2 = m
        .checks
        .iter()
        .find(|c| c.what.starts_with("SDM2") && c.what.contains("RPL entered vs its metrics"))
        .expect("SDM2's RPL is checked against its metrics");
    assert!(
        sdm2.note.contains("printing to 1 place ") || sdm2.note.contains("printed to 1 place"),
        "{}",
        sdm2.note
    );
    assert!(!m.checks.iter().any(|c| c.note.contains("1 places")));
    assert!(dcc_perf::engine::ComparisonRule::Rounded(1)
        .describe()
        .contains("to 1 decimal place,"));
}
