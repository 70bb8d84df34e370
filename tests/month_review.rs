//! The month on one page (engine::review), on the March 2021 sample and on
//! variants built here.

use dcc_perf::engine::claim::{Claim, Stated, StatedStatus};
use dcc_perf::engine::review::{review, Computed, FindingKind, MonthReview, Needed, Verdict};
use dcc_perf::engine::{credits, evaluate, margin, Dataset, Month, Provider, Settings};
use dcc_perf::engine::{scheme::CreditScheme, ComparisonRule};
use dcc_perf::io;
use rust_decimal::Decimal;

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn march() -> Month {
    Month::new(2021, 3).unwrap()
}

fn month_of(data: &Dataset, settings: Settings, month: Month) -> MonthReview {
    let results = evaluate(data, settings);
    let credits = credits::compute(&results, &CreditScheme::default());
    let regime = io::regime::sample();
    let margins = margin::compute_all(&regime, &results);
    review(
        &Computed {
            data,
            results: &results,
            credits: &credits,
            margins: &margins,
            regime: &regime,
        },
        month,
    )
}

fn claim(measure: &str, provider: Provider, stated: Stated) -> Claim {
    Claim {
        period: march(),
        measure: measure.into(),
        provider,
        stated,
        words: String::new(),
        line: None,
    }
}

#[test]
fn march_2021_scorecard_misses_and_money() {
    let r = month_of(&io::sample(), Settings::default(), march());
    assert_eq!(r.scorecard.len(), 8, "CPM1 to CPM8");
    let cpm1 = &r.scorecard[0];
    assert_eq!(
        (cpm1.measure.as_str(), cpm1.display.as_str()),
        ("CPM1", "92.75%")
    );
    // Only February and March 2021 have CPM1: the run is at least 2 months.
    assert!(!cpm1.run.exact);
    assert_eq!(cpm1.run.periods, 2);
    assert_eq!(
        cpm1.run.describe(),
        "at least 2 months (history loaded from February 2021)"
    );
    assert!(cpm1.trend.len() >= 2);
    let missed: Vec<String> = r
        .misses
        .iter()
        .map(|m| format!("{} {}", m.provider, m.measure))
        .collect();
    for want in ["DCC CPM1", "DSP PM2.7", "CSPN PM2", "CSPC CH1.3"] {
        assert!(missed.contains(&want.to_string()), "{want} in {missed:?}");
    }
    let ch13 = r.misses.iter().find(|m| m.measure == "CH1.3").unwrap();
    assert_eq!(ch13.shortfall, "3 more successes needed of 89,172");
    let pm2 = r
        .misses
        .iter()
        .find(|m| m.measure == "PM2" && m.provider == Provider::Cspn)
        .unwrap();
    assert_eq!(pm2.credit.as_ref().and_then(|c| c.money), Some(d("43198")));
    // Money: computed, with one line pending, and §15's stated total.
    assert_eq!((r.money.credits, r.money.pending), (d("50243"), 1));
    assert_eq!(r.money.stated.and_then(|a| a.money()), Some(d("50432")));
    assert!(r.money.opr.is_none());
    assert!(r
        .money
        .opr_note
        .as_deref()
        .unwrap()
        .contains("No OPR year loaded covers March 2021"));
    assert_eq!((r.completeness.loaded, r.completeness.expected), (116, 116));
    assert!(r.completeness.warning(march()).is_none());
}

#[test]
fn what_would_bring_cpm1_back() {
    let r = month_of(&io::sample(), Settings::default(), march());
    assert_eq!(r.recoveries.len(), 1);
    let x = &r.recoveries[0];
    assert_eq!(
        x.weakest.as_ref().map(|w| (w.0, w.1.as_str())),
        Some((Provider::Cspn, "PM2"))
    );
    assert_eq!(x.to_target, Some(Needed::Level { level: d("92.48") }));
    assert_eq!(x.to_minimum, Some(Needed::Level { level: d("59.48") }));
    assert!(
        x.words.starts_with(
            "CPM1 meets 99% only if its weakest component, CSPN PM2 (23.74%), reaches 92.48%"
        ),
        "{}",
        x.words
    );
    // Under the two-decimal rule the mean need only round to 99.00.
    let r2 = month_of(
        &io::sample(),
        Settings {
            rule: ComparisonRule::Rounded(2),
        },
        march(),
    );
    assert_eq!(
        r2.recoveries[0].to_target,
        Some(Needed::Level { level: d("92.42") })
    );
}

#[test]
fn a_cpm_out_of_reach_says_so() {
    // Every CPM1 component far below: even 100% for the weakest cannot help.
    let mut data = io::sample();
    for o in data.observations.iter_mut().filter(|o| o.period == march()) {
        if let dcc_perf::engine::Input::Level { level } = &mut o.input {
            if *level > d("50") && ["PM1.1", "PM1.4", "PM4.3"].contains(&o.measure.as_str()) {
                *level = d("50");
            }
        }
    }
    let r = month_of(&data, Settings::default(), march());
    let x = r.recoveries.iter().find(|x| x.cpm == "CPM1").unwrap();
    assert!(matches!(x.to_target, Some(Needed::Out { .. })), "{x:?}");
    assert!(x.words.contains("out of reach"), "{}", x.words);
}

#[test]
fn a_partial_month_is_flagged() {
    let jan = Month::new(2021, 1).unwrap();
    let r = month_of(&io::sample(), Settings::default(), jan);
    assert!(r.completeness.partial());
    assert!(r.completeness.loaded < 20, "{}", r.completeness.loaded);
    let w = r.completeness.warning(jan).unwrap();
    assert!(w.starts_with("Partial month: only "), "{w}");
    assert!(w.contains("January 2021"));
}

#[test]
fn findings_name_what_the_report_gets_wrong() {
    let r = month_of(&io::sample(), Settings::default(), march());
    let kinds: Vec<FindingKind> = r.findings.iter().map(|f| f.kind).collect();
    assert!(kinds.contains(&FindingKind::PrintedLevel));
    assert!(kinds.contains(&FindingKind::Restatement));
    assert!(kinds.contains(&FindingKind::TotalOfParts));
    let printed = r
        .findings
        .iter()
        .find(|f| f.kind == FindingKind::PrintedLevel)
        .unwrap();
    assert_eq!(
        (printed.stated.as_str(), printed.computed.as_str()),
        ("99.896%", "99.897%")
    );
    let total = r
        .findings
        .iter()
        .find(|f| f.kind == FindingKind::TotalOfParts)
        .unwrap();
    assert_eq!(
        (total.stated.as_str(), total.computed.as_str()),
        ("£50,432", "£50,243")
    );
}

#[test]
fn claims_agree_differ_or_cannot_be_checked() {
    let mut data = io::sample();
    data.claims = vec![
        claim("CPM1", Provider::Dcc, Stated::Level { level: d("92.75") }),
        claim(
            "CPM1",
            Provider::Dcc,
            Stated::Status {
                status: StatedStatus::BelowMinimum,
            },
        ),
        claim("CPM1", Provider::Dcc, Stated::BelowTargetRun { months: 21 }),
        claim(
            "CPM1",
            Provider::Dcc,
            Stated::BelowTargetCount {
                below: 27,
                months: 28,
            },
        ),
        claim("PM2", Provider::Cspn, Stated::Level { level: d("23.48") }),
        claim(
            "CH1.3",
            Provider::Cspc,
            Stated::FailuresOverAllowed { over: 2 },
        ),
        claim(
            "CPM2",
            Provider::Dcc,
            Stated::Status {
                status: StatedStatus::MeetsTarget,
            },
        ),
        claim(
            "CPM2",
            Provider::Dcc,
            Stated::Status {
                status: StatedStatus::BelowTarget,
            },
        ),
    ];
    let r = month_of(&data, Settings::default(), march());
    let v: Vec<&Verdict> = r.claims.iter().map(|c| &c.verdict).collect();
    assert_eq!(v[0], &Verdict::Agrees);
    assert_eq!(v[1], &Verdict::Agrees);
    match v[2] {
        Verdict::CannotCheck { why } => {
            assert!(
                why.contains("only at least 2 months") || why.contains("only"),
                "{why}"
            );
            assert!(why.contains("February 2021"), "{why}");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        v[3],
        &Verdict::CannotCheck {
            why: "only 2 of the 28 months are loaded".into()
        }
    );
    assert_eq!(
        v[4],
        &Verdict::Differs {
            by: "-0.26 percentage points".into()
        }
    );
    assert_eq!(r.claims[4].computed, "23.74%");
    // Unrounded, 92 faulty is 3 over the 89 allowed; the report said 2.
    assert!(v[5].differs(), "{:?}", v[5]);
    assert!(
        r.claims[5].computed.contains("89 allowed"),
        "{}",
        r.claims[5].computed
    );
    assert_eq!(v[6], &Verdict::Agrees);
    assert!(v[7].differs());
    // Differing claims count among the findings.
    let claimed = r
        .findings
        .iter()
        .filter(|f| f.kind == FindingKind::Claim)
        .count();
    assert_eq!(claimed, 3);
}

#[test]
fn a_run_with_its_start_loaded_is_exact_and_checked() {
    // Build 24 months of CPM1's components: met in the first, missed after.
    let base = io::sample();
    let mut data = Dataset::default();
    let first = Month::new(2019, 4).unwrap();
    for i in 0..24u32 {
        let m = first.plus(i);
        for o in base.observations.iter().filter(|o| o.period == march()) {
            let mut o = o.clone();
            o.period = m;
            o.reported_in = None;
            if i == 0 && o.measure == "PM2" && o.provider == Provider::Cspn {
                o.input = dcc_perf::engine::Input::Level { level: d("100") };
            }
            data.observations.push(o);
        }
    }
    let last = first.plus(23);
    let mut c = claim("CPM1", Provider::Dcc, Stated::BelowTargetRun { months: 23 });
    c.period = last;
    let mut wrong = c.clone();
    wrong.stated = Stated::BelowTargetRun { months: 21 };
    data.claims = vec![c, wrong];
    let r = month_of(&data, Settings::default(), last);
    let cpm1 = &r.scorecard[0];
    assert!(cpm1.run.exact, "{:?}", cpm1.run);
    assert_eq!(cpm1.run.periods, 23);
    assert_eq!(cpm1.run.describe(), "23 months, since May 2019");
    assert_eq!(r.claims[0].verdict, Verdict::Agrees);
    assert_eq!(
        r.claims[1].verdict,
        Verdict::Differs {
            by: "2 months longer than stated".into()
        }
    );
    assert_eq!(cpm1.trend.len(), 24);
}
