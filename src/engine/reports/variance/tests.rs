//! The variance of July 2019 and variants built around it.

use super::*;

fn july() -> Month {
    Month::new(2019, 7).expect("a month")
}

fn totals(report: Report, actual: u64, forecast: u64, percent: &str) -> Variance {
    let m = VarianceMonth {
        report,
        period: july(),
        parties: Vec::new(),
        stated: Some(Stated {
            actual,
            forecast,
            percent: Some(percent.parse().expect("a decimal")),
            ..Stated::default()
        }),
        issued: None,
    };
    evaluate(&m, report.thresholds())
}

#[test]
fn july_2019_csr_both_percentages_and_the_implied_split() {
    let v = totals(Report::Csr, 4_077_703, 3_273_674, "112.8");
    assert_eq!(shown(v.percent_of_all), "124.6%");
    let ZeroForecast::Implied { low, high, about } = v.zero_forecast else {
        panic!("{:?}", v.zero_forecast)
    };
    // 4,077,703 − 1.128 × 3,273,674 = 384,998.7.
    assert_eq!(about, 384_999);
    assert!(low < about && about < high, "{low} {about} {high}");
    assert_eq!((low, high), (383_362, 386_635));
    assert_eq!(shown(v.percent_of_forecast_parties), "112.8%");
    assert!(
        v.why.contains("124.6%") && v.why.contains("384,999"),
        "{}",
        v.why
    );
    assert!(v.why.contains("not stated"), "{}", v.why);
}

#[test]
fn july_2019_sr_totals_agree_with_the_printed_percentage() {
    let v = totals(Report::Sr, 56_132_500, 117_465_410, "48");
    assert_eq!(shown(v.percent_of_all), "47.8%");
    // 48% printed whole: 47.5% to 48.5%, and the plain totals (47.8%)
    // fall inside, so no zero-forecast requests are needed (low is 0).
    let ZeroForecast::Implied { low, high, .. } = v.zero_forecast else {
        panic!("{:?}", v.zero_forecast)
    };
    assert_eq!(low, 0);
    assert_eq!(high, 336_430);
    assert!(v.why.contains("agrees with once rounded"), "{}", v.why);
}

#[test]
fn parties_give_exceptions_zero_forecasts_apart_and_checks() {
    let m = VarianceMonth {
        report: Report::Sr,
        period: july(),
        parties: vec![
            PartyFigures {
                party: "User 1".into(),
                actual: 90,
                forecast: 100,
            },
            PartyFigures {
                party: "User 2".into(),
                actual: 95,
                forecast: 100,
            },
            PartyFigures {
                party: "User 3".into(),
                actual: 110,
                forecast: 100,
            },
            PartyFigures {
                party: "User 4".into(),
                actual: 50,
                forecast: 0,
            },
        ],
        stated: Some(Stated {
            actual: 345,
            forecast: 300,
            percent: Some(Decimal::new(983, 1)),
            ..Stated::default()
        }),
        issued: None,
    };
    let v = evaluate(&m, Report::Sr.thresholds());
    let ex: Vec<(&str, Option<Exception>)> = v
        .parties
        .iter()
        .map(|p| (p.party.as_str(), p.exception))
        .collect();
    assert_eq!(
        ex,
        [
            ("User 1", Some(Exception::Under)),
            ("User 2", None),
            ("User 3", Some(Exception::Over)),
            ("User 4", None),
        ]
    );
    assert_eq!(v.parties[3].percent, None);
    assert_eq!(v.zero_forecast, ZeroForecast::Known { requests: 50 });
    assert_eq!(shown(v.percent_of_all), "115.0%");
    assert_eq!(shown(v.percent_of_forecast_parties), "98.3%");
    assert!(v.checks.iter().all(|c| c.agrees), "{:?}", v.checks);
    assert!(v.why.contains("50 requests"), "{}", v.why);
    // The CSR rule names only those at or above 110%.
    let csr = evaluate(&m, Report::Csr.thresholds());
    assert_eq!(
        csr.exceptions()
            .map(|p| p.party.as_str())
            .collect::<Vec<_>>(),
        ["User 3"]
    );
}

#[test]
fn a_stated_total_that_is_not_the_parties_sum_is_flagged() {
    let m = VarianceMonth {
        report: Report::Csr,
        period: july(),
        parties: vec![PartyFigures {
            party: "A".into(),
            actual: 10,
            forecast: 8,
        }],
        stated: Some(Stated {
            actual: 11,
            forecast: 8,
            percent: Some(Decimal::new(125, 0)),
            ..Stated::default()
        }),
        issued: None,
    };
    let v = evaluate(
        &m,
        Thresholds {
            low: None,
            high: Some(Decimal::from(120)),
        },
    );
    let bad: Vec<&str> = v
        .checks
        .iter()
        .filter(|c| !c.agrees)
        .map(|c| c.what.as_str())
        .collect();
    assert_eq!(bad, ["Requests in total"]);
    assert_eq!(v.parties[0].exception, Some(Exception::Over));
}

#[test]
fn nothing_divides_by_zero_and_huge_figures_do_not_overflow() {
    let m = VarianceMonth {
        report: Report::Sr,
        period: july(),
        parties: vec![
            PartyFigures {
                party: "A".into(),
                actual: u64::MAX,
                forecast: 0,
            },
            PartyFigures {
                party: "B".into(),
                actual: u64::MAX,
                forecast: 1,
            },
        ],
        stated: Some(Stated {
            actual: 0,
            forecast: 0,
            percent: Some(Decimal::MAX),
            ..Stated::default()
        }),
        issued: None,
    };
    let v = evaluate(&m, Report::Sr.thresholds());
    assert_eq!(v.actual, u64::MAX);
    assert_eq!(v.parties[0].percent, None);
    assert_eq!(v.parties[1].exception, Some(Exception::Over));
    assert_eq!(v.zero_forecast, ZeroForecast::Known { requests: u64::MAX });
    let t = totals(Report::Csr, u64::MAX, 0, "0.5");
    assert_eq!(t.percent_of_all, None);
    let t = totals(Report::Csr, 1, u64::MAX, "79228162514264337593543950335");
    assert!(matches!(
        t.zero_forecast,
        ZeroForecast::Unknown | ZeroForecast::Implied { .. }
    ));
}

#[test]
fn a_printed_percentage_the_totals_cannot_give_is_said_to_be_so() {
    // 100 of 100 cannot print 120%, whatever was left out.
    let v = totals(Report::Csr, 100, 100, "120");
    assert_eq!(v.zero_forecast, ZeroForecast::Inconsistent);
    assert_eq!(v.percent_of_forecast_parties, None);
    assert!(v.why.contains("cannot come from them"), "{}", v.why);
    // 113 of 100 printed 112.8%: 112.75% to 112.85% needs 0.15 to 0.25
    // requests left out, and no whole number is in between.
    let v = totals(Report::Csr, 113, 100, "112.8");
    assert_eq!(v.zero_forecast, ZeroForecast::Inconsistent);
    // 113 of 100 printed 112%: 0.5 to 1.5 requests, so one.
    let v = totals(Report::Csr, 113, 100, "112");
    assert_eq!(
        v.zero_forecast,
        ZeroForecast::Implied {
            low: 1,
            high: 1,
            about: 1
        }
    );
    // The range's low end is open and its high end closed: 10 left out
    // of 1,135 gives 112.5%, printed 113%; 20 gives 111.5%, printed 112%.
    let v = totals(Report::Csr, 1135, 1000, "112");
    assert_eq!(
        v.zero_forecast,
        ZeroForecast::Implied {
            low: 11,
            high: 20,
            about: 15
        }
    );
}

#[test]
fn a_report_issued_after_its_tenth_working_day_is_late() {
    use super::super::due::england_and_wales;
    let holidays = england_and_wales();
    let mut m = VarianceMonth {
        report: Report::Csr,
        period: july(),
        parties: Vec::new(),
        stated: None,
        issued: Day::parse("2019-08-14"),
    };
    let t = timeliness(&m, &holidays).unwrap();
    assert_eq!(t.due.to_string(), "2019-08-14");
    assert!(t.on_time);
    m.issued = Day::parse("2019-08-15");
    assert!(!timeliness(&m, &holidays).unwrap().on_time);
    m.issued = None;
    assert_eq!(timeliness(&m, &holidays), None);
}

#[test]
fn thresholds_in_words() {
    assert_eq!(
        Report::Sr.thresholds().describe(),
        "at or below 90% or at or above 110% of forecast"
    );
    assert_eq!(
        Report::Csr.thresholds().describe(),
        "at or above 110% of forecast"
    );
    assert_eq!(Report::parse(" csr "), Some(Report::Csr));
    assert_eq!(Report::parse("x"), None);
}
