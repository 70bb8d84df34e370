//! Results after an edit, computed only where the edit reaches
//! (`Results::after`), are exactly what evaluating everything gives: on
//! random edits, undos and additions over two years of figures.

use dcc_perf::engine::credits::{self, Credits};
use dcc_perf::engine::opr::Regime;
use dcc_perf::engine::scheme::{Adjustment, CreditScheme, Decision};
use dcc_perf::engine::work::{Outcome, Work};
use dcc_perf::engine::{
    evaluate, ComparisonRule, Dataset, Input, Month, NoValue, Provider, Results, Settings,
};
use dcc_perf::io;
use rust_decimal::Decimal;
use std::rc::Rc;

/// A small deterministic generator, so a failure repeats.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// Two years of figures: the sample's months moved back a month at a time,
/// so runs below target cross many periods.
fn two_years() -> Dataset {
    let sample = io::sample();
    let mut data = Dataset::default();
    for back in 0..12 {
        for o in &sample.observations {
            let mut o = dcc_perf::engine::Observation::clone(o);
            o.period = o.period.minus(2 * back);
            o.reported_in = o.reported_in.map(|m| m.minus(2 * back));
            data.observations.push(o.into());
        }
    }
    data.normalised()
}

/// A random new input for one of the data's figures.
fn edit(rng: &mut Lcg, data: &Dataset) -> Dataset {
    let o = &data.observations[rng.below(data.observations.len() as u64) as usize];
    let input = match rng.below(4) {
        0 => Input::Level {
            level: Decimal::new(9_000 + rng.below(1_001) as i64, 2),
        },
        1 => Input::Status {
            status: NoValue::NoEvents,
        },
        _ => {
            let total = 1 + rng.below(1_000);
            Input::Counts {
                successes: rng.below(total + 1),
                total,
            }
        }
    };
    data.with_input(o.period, &o.measure, o.provider, input)
}

/// The first of DSP PM1.1's figures.
fn dsp_pm1_1(data: &Dataset) -> &dcc_perf::engine::Observation {
    data.observations
        .iter()
        .find(|o| o.measure == "PM1.1" && o.provider == dcc_perf::engine::Provider::Dsp)
        .unwrap()
}

fn check(after: &Results, data: &Dataset, step: usize) {
    let whole = evaluate(data, after.settings);
    assert_eq!(after.rows.len(), whole.rows.len(), "step {step}: row count");
    for (a, w) in after.rows.iter().zip(&whole.rows) {
        assert_eq!(
            a, w,
            "step {step}: {} {} {}",
            a.period, a.provider, a.measure
        );
    }
    assert_eq!(after, &whole, "step {step}");
}

/// How many rows of `after` were computed again rather than shared with `before`.
fn fresh(after: &Results, before: &Results) -> usize {
    after
        .rows
        .iter()
        .zip(&before.rows)
        .filter(|(a, b)| !std::rc::Rc::ptr_eq(a, b))
        .count()
}

#[test]
fn edits_and_undos_give_what_evaluating_everything_gives() {
    let mut rng = Lcg(14);
    let mut data = two_years();
    let mut results = evaluate(&data, Settings::default());
    let mut history = Vec::new();
    for step in 0..120 {
        let next = if !history.is_empty() && rng.below(4) == 0 {
            history.pop().unwrap() // undo
        } else {
            history.push(data.clone());
            edit(&mut rng, &data)
        };
        let after = results.after(&data, &next);
        // Worked out where the edit reaches, not evaluated whole.
        let fresh = fresh(&after, &results);
        assert!(fresh < 100, "step {step}: {fresh} rows computed again");
        (results, data) = (after, next);
        check(&results, &data, step);
    }
}

#[test]
fn a_new_figure_a_removed_one_and_a_big_change_are_evaluated_whole() {
    let data = two_years();
    let results = evaluate(&data, Settings::default());
    // A period not loaded before: new rows.
    let later = Month::new(2021, 4).unwrap();
    let added = data.with_input(
        later,
        "PM2",
        dcc_perf::engine::Provider::Cspn,
        Input::Level {
            level: Decimal::from(95),
        },
    );
    check(&results.after(&data, &added), &added, 0);
    // The added figure taken away again.
    check(
        &evaluate(&added, Settings::default()).after(&added, &data),
        &data,
        1,
    );
    // Every figure of one month gone at once.
    let mut fewer = data.clone();
    let march = Month::new(2021, 3).unwrap();
    fewer.observations.retain(|o| o.period != march);
    check(&results.after(&data, &fewer), &fewer, 2);
    // Nothing changed: the same rows, shared.
    let same = results.after(&data, &data.clone());
    assert!(same
        .rows
        .iter()
        .zip(&results.rows)
        .all(|(a, b)| std::rc::Rc::ptr_eq(a, b)));
}

#[test]
fn an_edit_shares_the_rows_it_does_not_touch() {
    let data = two_years();
    let results = evaluate(&data, Settings::default());
    let o = dsp_pm1_1(&data);
    let next = data.with_input(
        o.period,
        &o.measure,
        o.provider,
        Input::Level {
            level: Decimal::from(50),
        },
    );
    let after = results.after(&data, &next);
    check(&after, &next, 0);
    let fresh = fresh(&after, &results);
    // Its own row, the CPM it feeds, and what follows each in their run.
    assert!((1..=30).contains(&fresh), "{fresh} rows computed again");
}

#[test]
fn a_month_of_cpms_alone_taken_away_goes_with_its_rows() {
    let data = two_years();
    let results = evaluate(&data, Settings::default());
    // A later month with only two CPMs' printed figures, at the end as an
    // import adds them.
    let later = Month::new(2021, 5).unwrap();
    let mut more = data.clone();
    for cpm in ["CPM1", "CPM3"] {
        more.observations
            .push(std::sync::Arc::new(dcc_perf::engine::Observation {
                period: later,
                measure: cpm.into(),
                provider: dcc_perf::engine::Provider::Dcc,
                input: Input::Level {
                    level: Decimal::from(95),
                },
                reported: None,
                reported_in: None,
                note: None,
                approximate: false,
            }));
    }
    let with = results.after(&data, &more);
    check(&with, &more, 0);
    assert!(with.months().contains(&later));
    // Undone: the month and its CPM rows go, as evaluating whole gives.
    let without = with.after(&more, &data);
    check(&without, &data, 1);
    assert!(!without.months().contains(&later));
}

/// What a view asks of the results (one month's rows, one series, the
/// series a trend can be drawn of) is found by where the rows are; here it
/// is checked against walking every row, as it was found before.
fn check_layout(results: &Results, step: usize) {
    let mut months = results.months();
    months.extend([months[0].plus(1), months[months.len() - 1].minus(4)]);
    for view in &months {
        let view = *view;
        let walked: Vec<_> = results
            .rows
            .iter()
            .filter(|r| r.cadence.shows_in(r.period, view))
            .map(|r| &**r)
            .collect();
        assert_eq!(results.for_month(view), walked, "step {step}: {view}");
    }
    // A period's rows (what its credits are worked out from), one period,
    // several out of order and repeated, or none loaded.
    let sets = [
        vec![months[0]],
        vec![months[3], months[0], months[3], months[1].minus(2)],
        months.clone(),
        vec![months[0].plus(30)],
    ];
    for periods in sets {
        let walked: Vec<_> = results
            .rows
            .iter()
            .enumerate()
            .filter(|(_, r)| periods.contains(&r.period))
            .map(|(i, r)| (i, &**r))
            .collect();
        assert_eq!(
            results.rows_of(&periods),
            walked,
            "step {step}: {periods:?}"
        );
    }
    let mut charted = Vec::new();
    for (i, r) in results.rows.iter().enumerate() {
        let walked: Vec<_> = results
            .rows
            .iter()
            .filter(|x| x.measure == r.measure && x.provider == r.provider)
            .collect();
        let found: Vec<_> = results.series(&r.measure, r.provider).iter().collect();
        assert_eq!(found, walked, "step {step}: {} {}", r.provider, r.measure);
        let first_numbered = results.rows[..i].iter().all(|x| {
            x.measure != r.measure || x.provider != r.provider || x.level.number().is_none()
        });
        if r.level.number().is_some() && first_numbered {
            charted.push(i);
        }
    }
    assert_eq!(*results.charted(), charted, "step {step}: charted");
}

#[test]
fn a_month_a_series_and_the_charted_list_are_found_as_walking_finds_them() {
    let mut rng = Lcg(15);
    let mut data = two_years();
    let mut results = evaluate(&data, Settings::default());
    check_layout(&results, 0);
    for step in 1..40 {
        let next = edit(&mut rng, &data);
        results = results.after(&data, &next);
        data = next;
        check_layout(&results, step);
    }
}

#[test]
fn the_charted_list_changes_only_when_a_series_gains_or_loses_its_numbers() {
    // The sample: each series has a figure or two (the month and the one
    // before); taking all its numbers takes the series off the list.
    let data = io::sample();
    let results = evaluate(&data, Settings::default());
    let o = dsp_pm1_1(&data);
    let at = |r: &Results| {
        r.charted()
            .iter()
            .any(|&i| r.rows[i].measure == "PM1.1" && r.rows[i].provider == o.provider)
    };
    assert!(at(&results));
    // A new level: the same list, shared.
    let level = data.with_input(
        o.period,
        &o.measure,
        o.provider,
        Input::Level {
            level: Decimal::from(50),
        },
    );
    let after = results.after(&data, &level);
    assert!(std::rc::Rc::ptr_eq(&after.charted(), &results.charted()));
    // No number in any month: off the list; and back on when undone.
    let mut none = level.clone();
    let mut gone = after.clone();
    let periods: Vec<Month> = data
        .observations
        .iter()
        .filter(|x| x.measure == o.measure && x.provider == o.provider)
        .map(|x| x.period)
        .collect();
    for (step, period) in periods.into_iter().enumerate() {
        let status = Input::Status {
            status: NoValue::NoEvents,
        };
        let next = none.with_input(period, &o.measure, o.provider, status);
        gone = gone.after(&none, &next);
        none = next;
        check(&gone, &none, step);
    }
    assert!(!at(&gone));
    assert_eq!(gone.charted().len(), results.charted().len() - 1);
    let back = gone.after(&none, &level);
    check(&back, &level, 1);
    assert!(at(&back));
}

/// The default scheme with a decision about a month nothing is loaded for
/// (its line must show all the same).
fn scheme_with_unloaded_decision() -> (CreditScheme, Month) {
    let mut scheme = CreditScheme::default();
    let far = Month::new(2030, 1).unwrap();
    scheme.adjustments.push(Adjustment {
        period: far,
        provider: Provider::Dsp,
        measure: "PM1.1".into(),
        decision: Decision::Pending,
        reason: "a test".into(),
    });
    (scheme, far)
}

#[test]
fn credits_worked_out_period_by_period_and_joined_are_credits_computed_at_once() {
    let data = two_years();
    let (scheme, far) = scheme_with_unloaded_decision();
    let results = evaluate(&data, Settings::default());
    let periods = credits::periods(&results, &scheme);
    assert!(periods.contains(&far));
    assert!(periods.len() > 24, "{} periods", periods.len());
    let each = credits::by_period(&results, &scheme, &periods, true);
    let whole = credits::compute(&results, &scheme);
    assert!(whole.lines.len() >= 50, "{} lines", whole.lines.len());
    assert!(whole.lines.iter().any(|l| l.period == far));
    assert_eq!(Credits::joined(each.values()), whole);
    for (m, c) in &each {
        assert_eq!(&credits::compute_in(&results, &scheme, *m, true), c, "{m}");
        assert!(c.lines.iter().all(|l| l.period == *m), "{m}");
    }
}

#[test]
fn credits_without_their_words_have_the_same_figures_and_a_line_is_explained_when_asked() {
    let data = two_years();
    let (mut scheme, _) = scheme_with_unloaded_decision();
    // A cap that bites, so that its step is in some explanations.
    for ps in &mut scheme.providers {
        ps.cap.points = Some(Decimal::new(15, 0));
    }
    let results = evaluate(&data, Settings::default());
    let periods = credits::periods(&results, &scheme);
    let worded = Credits::joined(credits::by_period(&results, &scheme, &periods, true).values());
    let bare = Credits::joined(credits::by_period(&results, &scheme, &periods, false).values());
    assert_eq!(worded.lines.len(), bare.lines.len());
    assert!(worded.lines.iter().any(|l| l.cap_effect.is_some()));
    let mut explained = 0;
    for (w, b) in worded.lines.iter().zip(&bare.lines) {
        let no_words = dcc_perf::engine::explain::Explanation::default();
        let figures =
            |l: &dcc_perf::engine::credits::CreditLine| dcc_perf::engine::credits::CreditLine {
                explanation: no_words.clone(),
                ..l.clone()
            };
        assert_eq!(
            figures(w),
            figures(b),
            "{} {} {}",
            w.period,
            w.provider,
            w.measure
        );
        assert!(b.explanation.steps.is_empty() && b.explanation.formula.is_empty());
        if w.state == dcc_perf::engine::credits::LineState::Accrued {
            assert!(
                !w.explanation.steps.is_empty(),
                "{} {}",
                w.provider,
                w.measure
            );
        }
        let asked = credits::explain_line(&results, &scheme, w.period, w.provider, &w.measure);
        assert_eq!(asked.as_ref(), Some(&w.explanation));
        explained += 1;
    }
    assert!(explained >= 50);
    assert_eq!(worded.totals, bare.totals);
}

#[test]
fn after_an_edit_only_the_periods_it_reaches_have_their_credits_worked_out_again() {
    let mut rng = Lcg(11);
    let settings = Settings::default();
    let (scheme, _) = scheme_with_unloaded_decision();
    let work = Work::new(two_years(), scheme, Regime::default());
    let mut outcome = Outcome::of(&work, settings);
    let (mut kept, mut redone) = (0, 0);
    for step in 0..150 {
        // Every period asked for, as the comparison and the exports do.
        let _ = outcome.credits();
        let next_work = outcome.work.with_data(edit(&mut rng, &outcome.work.data));
        let next = Outcome::of(&next_work, settings);
        let after = outcome.next(&next_work, settings);
        assert_eq!(*after.credits(), *next.credits(), "step {step}");
        let changed = after.results.changed_periods(&outcome.results);
        for m in credits::periods(&after.results, &after.work.scheme) {
            let same = Rc::ptr_eq(&after.credits_in(m), &outcome.credits_in(m));
            assert_eq!(
                *after.credits_in(m),
                *next.credits_in(m),
                "step {step}, {m}"
            );
            if let Some(changed) = &changed {
                assert_eq!(same, !changed.contains(&m), "step {step}, {m}");
                if same {
                    kept += 1;
                } else {
                    redone += 1;
                }
            }
        }
        outcome = after;
    }
    // Most edits reach one period or two of the twenty-odd.
    assert!(kept > 10 * redone, "kept {kept}, worked out again {redone}");
}

#[test]
fn a_changed_scheme_or_rule_works_every_period_out_again() {
    let settings = Settings::default();
    let work = Work::new(two_years(), CreditScheme::default(), Regime::default());
    let outcome = Outcome::of(&work, settings);
    let _ = outcome.credits();
    let mut scheme = (*work.scheme).clone();
    scheme.providers[0].money_per_point += Decimal::ONE;
    let dearer = Work {
        scheme: Rc::new(scheme),
        ..work.clone()
    };
    let other_rule = Settings {
        rule: match settings.rule {
            ComparisonRule::Unrounded => ComparisonRule::Rounded(1),
            _ => ComparisonRule::Unrounded,
        },
    };
    for (w, s) in [(&dearer, settings), (&work, other_rule)] {
        let after = outcome.next(w, s);
        let fresh = Outcome::of(w, s);
        assert_eq!(*after.credits(), *fresh.credits());
        for m in after.results.months() {
            assert!(
                !Rc::ptr_eq(&after.credits_in(m), &outcome.credits_in(m)),
                "{m}"
            );
        }
    }
    // The dearer scheme does change the money.
    let money =
        |o: &Outcome| -> Vec<Decimal> { o.credits().totals.iter().map(|t| t.money).collect() };
    assert_ne!(money(&Outcome::of(&dearer, settings)), money(&outcome));
}

#[test]
fn the_checks_of_reported_credits_need_only_the_reported_periods() {
    use dcc_perf::engine::credit_table::{reconcile, reported_periods};
    let data = io::sample();
    let scheme = CreditScheme::default();
    let results = evaluate(&data, Settings::default());
    let whole = reconcile(&credits::compute(&results, &scheme), &data);
    let periods = reported_periods(&data);
    assert!(periods.len() >= 12, "{periods:?}");
    let each = credits::by_period(&results, &scheme, &periods, false);
    let only = reconcile(&Credits::joined(each.values()), &data);
    assert!(whole.len() > 20, "{} checks", whole.len());
    assert!(whole.iter().any(|c| !c.agrees));
    assert_eq!(only, whole);
}

#[test]
fn a_what_if_on_one_providers_terms_works_out_only_that_providers_credits_again() {
    use dcc_perf::engine::scheme::PointRounding;
    let settings = Settings::default();
    let (scheme, _) = scheme_with_unloaded_decision();
    let work = Work::new(two_years(), scheme, Regime::default());
    let mut outcome = Outcome::of(&work, settings);
    let mut rng = Lcg(5);
    let mut kinds = [0; 4];
    for step in 0..80 {
        // Every period asked for, as the comparison does.
        let all = outcome.credits();
        let mut s = (*outcome.work.scheme).clone();
        let i = rng.below(s.providers.len() as u64) as usize;
        let kind = rng.below(4) as usize;
        kinds[kind] += 1;
        match kind {
            0 => s.providers[i].money_per_point += Decimal::ONE,
            1 => s.providers[i].repeat_multiplier = Decimal::new(10 + rng.below(15) as i64, 1),
            2 => {
                let l = &all.lines[rng.below(all.lines.len() as u64) as usize];
                s.adjustments.push(Adjustment {
                    period: l.period,
                    provider: l.provider,
                    measure: l.measure.clone(),
                    decision: Decision::Points {
                        points: Decimal::from(rng.below(40)),
                    },
                    reason: format!("step {step}"),
                });
            }
            _ => s.point_rounding = PointRounding::ALL[rng.below(4) as usize],
        }
        let changed = credits::providers_changed(&outcome.work.scheme, &s);
        match kind {
            0..=2 => assert!(
                changed.as_ref().is_some_and(|c| c.len() <= 1),
                "step {step}"
            ),
            _ => {
                assert!(changed.is_none() || s.point_rounding == outcome.work.scheme.point_rounding)
            }
        }
        let next_work = Work {
            scheme: Rc::new(s),
            ..outcome.work.clone()
        };
        let after = outcome.next(&next_work, settings);
        let fresh = Outcome::of(&next_work, settings);
        assert_eq!(
            *after.credits(),
            *fresh.credits(),
            "step {step}, kind {kind}"
        );
        outcome = after;
    }
    assert!(kinds.iter().all(|k| *k > 5), "{kinds:?}");
}

/// The month view reviews with the credits its report shows (the month's
/// and its quarterly rows' periods), not every period's: the same review.
#[test]
fn a_month_reviewed_with_the_credits_it_shows_is_reviewed_as_with_all() {
    use dcc_perf::engine::review::{review, Computed};
    // CSPN PM1.3, quarterly, below target in every quarter: a miss the
    // two months after its quarter still show, with its credit.
    let mut data = two_years();
    let quarters: Vec<Month> = (data.observations.iter())
        .filter(|o| o.measure == "PM1.3" && o.provider == Provider::Cspn)
        .map(|o| o.period)
        .collect();
    assert!(quarters.len() > 4);
    for q in quarters {
        let level = Input::Level {
            level: Decimal::from(90),
        };
        data = data.with_input(q, "PM1.3", Provider::Cspn, level);
    }
    let work = Work::new(data, CreditScheme::default(), io::regime::sample());
    let outcome = Outcome::of(&work, Settings::default());
    let all = credits::compute(&outcome.results, &work.scheme);
    let margins = outcome.margins();
    let mut earlier_credited = 0;
    for month in outcome.results.months() {
        let shown = outcome.credits_shown_in(month);
        let with = |credits: &Credits| {
            review(
                &Computed {
                    data: &work.data,
                    results: &outcome.results,
                    credits,
                    margins: &margins,
                    regime: &work.regime,
                },
                month,
            )
        };
        let (a, b) = (with(&shown), with(&all));
        assert_eq!(a, b, "{month}");
        earlier_credited += a
            .misses
            .iter()
            .filter(|m| m.period != month && m.credit.is_some())
            .count();
    }
    // Quarterly misses shown after their quarter, with their credit.
    assert!(earlier_credited > 0);
}
