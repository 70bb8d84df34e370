//! The session (`dcc_perf::session`): undo and redo, imports merged or
//! replaced, scenarios, the baseline and claims, natively, with no browser.

use crate::helpers::{d, march};
use dcc_perf::engine::claim::{Claim, Stated};
use dcc_perf::engine::{Input, MeasureKey, Provider};
use dcc_perf::io::{self, sheet::Choices};
use dcc_perf::session::saved;
use dcc_perf::session::state::{Action, Side, State, View};
use std::rc::Rc;

/// The state after `action`, which must change it.
fn after(s: &State, action: Action) -> State {
    s.reduced(action).expect("the action changes the state")
}

fn level(s: &State, measure: &str, provider: Provider) -> Option<Input> {
    s.work
        .data
        .current(march(), measure, provider)
        .map(|o| o.input.clone())
}

fn edit(s: &State, v: &str) -> State {
    after(
        s,
        Action::Edit(
            MeasureKey::new(march(), "PM2.4", Provider::Dsp),
            Input::Level { level: d(v) },
        ),
    )
}

fn import(csv: &str) -> io::Import {
    io::read_with("figures.csv", csv.as_bytes(), &Choices::default())
}

const HEADER: &str = "period,measure,provider,category,value,successes,total,reported_in,note\n";

#[test]
fn opens_on_the_sample_and_the_month_view() {
    let s = State::new(None, None);
    assert_eq!(s.show.view, View::Month);
    assert_eq!(*s.work.data, io::sample());
    assert!(s.past.is_empty() && s.future.is_empty());
    assert_eq!(s.baseline, s.work.clone());
}

#[test]
fn an_edit_is_undone_and_redone() {
    let s0 = State::new(None, None);
    let before = level(&s0, "PM2.4", Provider::Dsp);
    let s1 = edit(&s0, "97.5");
    assert_eq!(
        level(&s1, "PM2.4", Provider::Dsp),
        Some(Input::Level { level: d("97.5") })
    );
    assert!(s1.notice.as_deref().unwrap().contains("Undo restores it"));
    let s2 = after(&s1, Action::Undo);
    assert_eq!(level(&s2, "PM2.4", Provider::Dsp), before);
    // Undo brings back the very same data, not a copy.
    assert!(Rc::ptr_eq(&s2.work.data, &s0.work.data));
    let s3 = after(&s2, Action::Redo);
    assert_eq!(
        level(&s3, "PM2.4", Provider::Dsp),
        Some(Input::Level { level: d("97.5") })
    );
    // Nothing to undo or redo: no new state.
    assert!(s0.reduced(Action::Undo).is_none());
    assert!(s3.reduced(Action::Redo).is_none());
}

#[test]
fn undo_keeps_the_last_hundred_changes() {
    let mut s = State::new(None, None);
    for i in 0..120 {
        s = edit(&s, if i % 2 == 0 { "97.5" } else { "98.5" });
    }
    assert_eq!(s.past.len(), 100);
}

#[test]
fn an_import_waits_for_accept_then_merges_or_replaces() {
    let s0 = State::new(None, None);
    let csv = format!("{HEADER}2021-03,PM2.4,DSP,,97.25,,,2021-03,\n");
    let s1 = after(&s0, Action::Checked(import(&csv), None));
    assert!(s1.pending.is_some());
    // Nothing changes until it is accepted.
    assert!(Rc::ptr_eq(&s1.work.data, &s0.work.data));
    let merged = after(&s1, Action::Accept { replace: false });
    assert!(merged.pending.is_none());
    assert_eq!(
        level(&merged, "PM2.4", Provider::Dsp),
        Some(Input::Level { level: d("97.25") })
    );
    assert!(
        level(&merged, "CPM1", Provider::Dcc).is_some(),
        "merging keeps the rest"
    );
    let replaced = after(&s1, Action::Accept { replace: true });
    assert_eq!(
        replaced.work.data.observations.len(),
        1,
        "replacing keeps only the import's figures"
    );
    assert_eq!(
        after(&replaced, Action::Undo).work.data.observations,
        s0.work.data.observations
    );
    // Cancel drops it.
    assert!(after(&s1, Action::Cancel).pending.is_none());
}

#[test]
fn an_import_with_errors_is_never_accepted() {
    let s0 = State::new(None, None);
    let bad = format!("{HEADER}2021-03,PM2.4,DSP,,ninety,,,2021-03,\n");
    let s1 = after(&s0, Action::Checked(import(&bad), None));
    assert!(!s1.pending.as_ref().unwrap().import.is_clean());
    assert!(s1.reduced(Action::Accept { replace: false }).is_none());
}

#[test]
fn scenarios_are_saved_opened_and_deleted() {
    let s0 = State::new(None, None);
    let saved = after(&s0, Action::SaveScenario("  as published ".into()));
    assert_eq!(saved.scenarios.len(), 1);
    assert_eq!(saved.scenarios[0].name, "as published");
    let edited = edit(&saved, "90");
    let opened = after(&edited, Action::OpenScenario("as published".into()));
    assert_eq!(opened.work.data.observations, s0.work.data.observations);
    assert_eq!(
        level(&after(&opened, Action::Undo), "PM2.4", Provider::Dsp),
        Some(Input::Level { level: d("90") }),
        "undo brings back the work before the scenario was opened"
    );
    let compared = after(
        &opened,
        Action::SetCompare(Side::Named("as published".into()), Side::Current),
    );
    let deleted = after(&compared, Action::DeleteScenario("as published".into()));
    assert!(deleted.scenarios.is_empty());
    assert_eq!(
        deleted.show.compare.0,
        Side::Baseline,
        "a deleted scenario leaves the comparison"
    );
    let unnamed = after(&s0, Action::SaveScenario("   ".into()));
    assert!(unnamed.scenarios.is_empty());
    assert_eq!(unnamed.notice.as_deref(), Some("A scenario needs a name."));
}

#[test]
fn the_baseline_is_set_from_the_work() {
    let s0 = State::new(None, None);
    let s1 = edit(&s0, "97.5");
    assert_ne!(s1.baseline, s1.work.clone());
    let s2 = after(&s1, Action::SetBaseline);
    assert_eq!(s2.baseline, s2.work.clone());
}

#[test]
fn a_claim_added_by_hand_is_undone() {
    let s0 = State::new(None, None);
    let claim = Claim {
        period: march(),
        measure: "PM2".into(),
        provider: Provider::Cspn,
        stated: Stated::Level { level: d("41.5") },
        words: "Added by hand".into(),
        line: None,
    };
    let s1 = after(&s0, Action::AddClaim(claim.clone()));
    assert!(s1.work.data.claims.contains(&claim));
    assert_eq!(s1.work.data.claims.len(), s0.work.data.claims.len() + 1);
    let s2 = after(&s1, Action::RemoveClaim(claim.clone()));
    assert!(!s2.work.data.claims.contains(&claim));
    assert!(after(&s2, Action::Undo).work.data.claims.contains(&claim));
}

#[test]
fn reset_to_the_sample_is_undone() {
    let s0 = State::new(None, None);
    let empty = after(
        &after(
            &s0,
            Action::Checked(
                import(&format!("{HEADER}2021-03,PM2.4,DSP,,97.25,,,2021-03,\n")),
                None,
            ),
        ),
        Action::Accept { replace: true },
    );
    let reset = after(&empty, Action::ResetToSample);
    assert_eq!(*reset.work.data, io::sample());
    assert_eq!(after(&reset, Action::Undo).work.data.observations.len(), 1);
}

#[test]
fn undo_changes_the_work_not_what_is_shown() {
    let s0 = State::new(None, None);
    let s1 = after(&edit(&s0, "97.5"), Action::SetView(View::Credits));
    let s2 = after(&s1, Action::Undo);
    assert_eq!(s2.show.view, View::Credits, "undo leaves the view on show");
    assert_eq!(s2.show, s1.show);
    assert!(Rc::ptr_eq(&s2.work.data, &s0.work.data));
}

/// The outcome the session holds is what evaluating its work gives.
fn outcome_is_the_works(s: &State) {
    let fresh = dcc_perf::engine::evaluate(&s.work.data, s.settings);
    assert_eq!(*s.outcome.results, fresh);
    let base = dcc_perf::engine::evaluate(&s.baseline.data, s.settings);
    assert_eq!(*s.base.results, base);
    // The outcome's credits carry figures, not words (see `Outcome::credits`).
    use dcc_perf::engine::credits::{by_period, periods, Credits};
    let scheme = &s.work.scheme;
    let each = by_period(&fresh, scheme, &periods(&fresh, scheme), false);
    assert_eq!(*s.outcome.credits(), Credits::joined(each.values()));
}

#[test]
fn the_outcome_follows_edits_undo_redo_rule_and_baseline() {
    let s0 = State::new(None, None);
    outcome_is_the_works(&s0);
    // The baseline is the work: one outcome, shared.
    assert!(Rc::ptr_eq(&s0.outcome, &s0.base));
    let s1 = edit(&s0, "97.5");
    outcome_is_the_works(&s1);
    assert_ne!(*s1.outcome.results, *s0.outcome.results);
    // The baseline stayed: its outcome is the one computed before.
    assert!(Rc::ptr_eq(&s1.base, &s0.base));
    let s2 = after(&s1, Action::Undo);
    outcome_is_the_works(&s2);
    let s3 = after(&s2, Action::Redo);
    outcome_is_the_works(&s3);
    let s4 = after(
        &s3,
        Action::SetRule(dcc_perf::engine::ComparisonRule::Rounded(2)),
    );
    outcome_is_the_works(&s4);
    let s5 = after(&s4, Action::SetBaseline);
    assert!(Rc::ptr_eq(&s5.outcome, &s5.base));
    let s6 = edit(&s5, "12");
    outcome_is_the_works(&s6);
    assert!(Rc::ptr_eq(&s6.base, &s5.outcome));
    // Not an action on the work: nothing is computed again.
    let s7 = after(&s6, Action::SetView(View::Trends));
    assert!(Rc::ptr_eq(&s7.outcome, &s6.outcome) && Rc::ptr_eq(&s7.base, &s6.base));
    // A saved scenario shares the work; opening it gives its outcome.
    let s8 = after(&s7, Action::SaveScenario("low".into()));
    assert!(s8.named("low").unwrap().work.same(&s8.work));
    let s9 = after(&s8, Action::ResetToSample);
    outcome_is_the_works(&s9);
    let s10 = after(&s9, Action::OpenScenario("low".into()));
    outcome_is_the_works(&s10);
    assert!(s10.work.same(&s8.work));
}

#[test]
fn saved_work_is_waited_for_then_replaces_the_whole_state() {
    let waiting = State::restoring();
    assert!(waiting.restoring);
    assert!(waiting.work.data.observations.is_empty());
    assert!(waiting.past.is_empty());
    // What was saved: the sample with one figure changed, on the levels page's month.
    let mut data = io::sample();
    data = data.with_input(
        march(),
        "PM2.4",
        Provider::Dsp,
        Input::Level { level: d("97.25") },
    );
    let saved = io::Scenario::new(data.clone(), Default::default(), Some(march()));
    let restored = after(
        &waiting,
        Action::Restored(Some(Box::new(saved)), Some("Restored.".into())),
    );
    assert!(!restored.restoring);
    assert_eq!(*restored.work.data, data);
    assert_eq!(restored.show.month, Some(march()));
    assert_eq!(restored.notice.as_deref(), Some("Restored."));
    assert!(
        restored.past.is_empty(),
        "reading saved work back is not an undoable change"
    );
    // Only while saved work is awaited.
    assert!(restored
        .reduced(Action::Restored(None, Some("again".into())))
        .is_none());
    // Saved work that could not be read: the sample, with the reason.
    let unread = after(&waiting, Action::Restored(None, Some("unreadable".into())));
    assert!(!unread.restoring);
    assert_eq!(*unread.work.data, io::sample());
    assert_eq!(unread.notice.as_deref(), Some("unreadable"));
}

#[test]
fn an_answer_reads_the_pending_text_again_and_keeps_its_source() {
    // A sheet whose columns the reader cannot name by itself.
    let text = "thing\twho\tMar-21\nPM2.4\tDSP\t97.25%\n";
    let source = Rc::new(dcc_perf::session::state::Pasted {
        file: "pasted text".into(),
        bytes: text.as_bytes().to_vec(),
    });
    let first = io::read("pasted text", text.as_bytes());
    let s0 = State::new(None, None);
    let s1 = after(
        &s0,
        Action::CheckedText(
            first.clone(),
            None,
            Some(source.clone()),
            Choices::default(),
        ),
    );
    let pending = s1.pending.clone().expect("pending");
    let choices = Choices {
        columns: [
            ("thing".to_string(), io::sheet::Role::Measure),
            ("who".to_string(), io::sheet::Role::Provider),
        ]
        .into_iter()
        .collect(),
        ..Choices::default()
    };
    let again = pending
        .reread(None, &choices)
        .expect("read again from the text");
    assert_eq!(
        again,
        io::read_with("pasted text", text.as_bytes(), &choices)
    );
    assert_ne!(again, first, "the answers change what is read");
    assert_eq!(again.dataset.observations.len(), 1);
    let s2 = after(
        &s1,
        Action::Answered(pending.clone(), again.clone(), choices.clone()),
    );
    let p2 = s2.pending.as_ref().expect("still pending");
    assert_eq!(p2.import, again);
    assert_eq!(p2.choices, choices);
    assert!(Rc::ptr_eq(p2.source.as_ref().unwrap(), &source));
    // An answer to an import no longer pending changes nothing, nor one
    // with nothing pending.
    let s3 = after(&s1, Action::Checked(first, None));
    assert!(s3
        .reduced(Action::Answered(
            pending.clone(),
            again.clone(),
            choices.clone()
        ))
        .is_none());
    assert!(s0
        .reduced(Action::Answered(pending, again, choices))
        .is_none());
}

/// As the page keeps this tab's work (`told`) in the work another tab saved:
/// that work read and merged in the part that reads it, then opened.
fn keep_here(told: &State, keeping: &State, saved: Option<io::Scenario>) -> State {
    let (both, said) = saved::keep_here(saved, None, told.keeping("now"));
    after(keeping, Action::Restored(Some(Box::new(both)), Some(said)))
}

/// Another tab saves over the work this tab opened: this tab is told (and
/// its saves stop, in the page); keeping its work as a scenario reads the
/// other tab's work again and adds this tab's to it, to be saved at once.
#[test]
fn work_saved_in_another_tab_is_kept_with_this_tabs_as_a_scenario() {
    let here = edit(&State::new(None, None), "91");
    let here = after(&here, Action::SaveScenario("Mine".into()));
    // Told while the saved work is read: what is read may be older, so the
    // tab opens told.
    let reading = after(&State::restoring(), Action::SavedElsewhere);
    assert!(after(&reading, Action::Restored(None, None)).elsewhere);
    let told = after(&here, Action::SavedElsewhere);
    assert!(told.elsewhere && !here.elsewhere);
    // The other tab's saved work: the sample with DSP PM2.4 at 95.
    let theirs = edit(&State::new(None, None), "95");
    let saved = io::Scenario::new((*theirs.work.data).clone(), theirs.settings, None);
    let keeping = after(&told, Action::KeepHereAsScenario);
    assert!(keeping.restoring && keeping.keeping);
    let merged = keep_here(&told, &keeping, Some(saved));
    assert!(!merged.elsewhere && !merged.restoring && merged.save_on_open);
    assert_eq!(
        level(&merged, "PM2.4", Provider::Dsp),
        Some(Input::Level { level: d("95") })
    );
    let kept = merged
        .scenarios
        .iter()
        .find(|s| s.name == "This tab's work, now")
        .expect("kept");
    assert_eq!(
        kept.work
            .data
            .current(march(), "PM2.4", Provider::Dsp)
            .map(|o| o.input.clone()),
        Some(Input::Level { level: d("91") })
    );
    assert!(merged.notice.as_deref().is_some_and(|n| n
        .starts_with("Opened the work the other tab saved. This tab's work is kept as scenario")));
    // With this tab's named scenarios.
    assert!(merged.scenarios.iter().any(|s| s.name == "Mine"));
    // The saved work cannot be read again (its reader did not arrive): this
    // tab's work stays as it was, still not saved over the other's.
    let failed = after(&keeping, Action::RestoreFailed("did not arrive".into()));
    assert!(!failed.restoring && failed.elsewhere && !failed.keeping);
    assert_eq!(
        level(&failed, "PM2.4", Provider::Dsp),
        Some(Input::Level { level: d("91") })
    );
    let notice = failed.notice.clone().unwrap();
    assert!(notice.starts_with("This tab's work is not kept as a scenario yet, and is still not saved: did not arrive."), "{notice}");
    assert!(!notice.contains("reload the page"), "{notice}");
    // Opening the saved work fails the same way: it is kept, and a reload tries again.
    let opening = after(
        &State::restoring(),
        Action::RestoreFailed("did not arrive".into()),
    );
    assert!(opening.restoring);
    assert_eq!(opening.notice.as_deref(), Some("Your saved work could not be opened: did not arrive. It is still kept in this browser; reload the page to try again."));
    // A plain reopening saves nothing at once.
    let plain = after(&State::restoring(), Action::Restored(None, None));
    assert!(!plain.save_on_open);
}

#[test]
fn a_scheme_or_opr_year_with_a_bad_figure_is_refused_and_nothing_is_undone() {
    let s0 = State::new(None, None);
    let mut scheme = (*s0.work.scheme).clone();
    scheme.providers[0].money_per_point = d("-1");
    let s1 = after(
        &s0,
        Action::SetScheme(scheme, "Money per point changed".into()),
    );
    assert_eq!(s1.work, s0.work);
    assert!(s1.past.is_empty());
    let notice = s1.notice.clone().unwrap();
    assert!(notice.starts_with("Scheme not changed: "), "{notice}");
    assert!(
        notice.contains("money per point is -1; it must not be negative"),
        "{notice}"
    );

    let mut regime = (*s0.work.regime).clone();
    regime.years[0].margin_at_risk = d("-5");
    let s2 = after(&s0, Action::SetRegime(regime, "Margin changed".into()));
    assert_eq!(s2.work, s0.work);
    assert!(s2.past.is_empty());
    let notice = s2.notice.clone().unwrap();
    assert!(notice.starts_with("OPR years not changed: "), "{notice}");
    assert!(
        notice.contains("the margin at risk is negative"),
        "{notice}"
    );

    // A good change is a what-if undo takes back.
    let mut scheme = (*s0.work.scheme).clone();
    scheme.providers[0].money_per_point = d("200");
    let s3 = after(
        &s0,
        Action::SetScheme(scheme, "Money per point changed".into()),
    );
    assert_eq!(
        s3.notice.as_deref(),
        Some("Money per point changed. Undo restores the scheme before.")
    );
    assert_eq!(after(&s3, Action::Undo).work, s0.work);
    let mut regime = (*s0.work.regime).clone();
    regime.years[0].margin_at_risk = d("1000");
    let s4 = after(&s0, Action::SetRegime(regime, "Margin changed".into()));
    assert_eq!(
        s4.notice.as_deref(),
        Some("Margin changed. Undo restores the OPR years before.")
    );
    assert_ne!(s4.work, s0.work);
}

#[test]
fn a_figure_typed_over_an_approximate_one_is_exact() {
    let s0 = State::new(None, None);
    // One of the sample's figures read as "about" (printed with a `~`).
    let o = s0
        .work
        .data
        .observations
        .iter()
        .find(|o| o.approximate)
        .expect("the sample has an approximate figure")
        .clone();
    let s1 = after(
        &s0,
        Action::Edit(
            MeasureKey::new(o.period, &o.measure, o.provider),
            Input::Level { level: d("97.5") },
        ),
    );
    let now = s1
        .work
        .data
        .current(o.period, &o.measure, o.provider)
        .unwrap();
    assert_eq!(now.input, Input::Level { level: d("97.5") });
    assert!(!now.approximate, "typed figures are exact");
    assert_eq!(now.reported, None);
    let r = s1
        .outcome
        .results
        .get(o.period, &o.measure, o.provider)
        .unwrap();
    assert!(!r.display.contains("about"), "{}", r.display);
}

/// Keeping this tab's work in the other's: a scenario of this tab's named
/// as one of the other tab's is renamed if it holds other work, and left
/// out if it holds the same.
#[test]
fn this_tabs_scenarios_named_as_the_other_tabs_are_renamed_not_dropped() {
    let here = edit(&State::new(None, None), "91");
    let here = after(&here, Action::SaveScenario("Plan".into()));
    let here = after(&here, Action::SaveScenario("Same".into()));
    let here = after(&here, Action::SaveScenario("Plan (this tab)".into()));
    // The other tab: "Same" holds the same work as this tab's, "Plan" other work.
    let other = after(&State::new(None, None), Action::SaveScenario("Plan".into()));
    let other = edit(&other, "91");
    let other = after(&other, Action::SaveScenario("Same".into()));
    let saved = other.saved_work();
    let told = after(&here, Action::SavedElsewhere);
    let keeping = after(&told, Action::KeepHereAsScenario);
    let merged = keep_here(&told, &keeping, Some(saved));
    let names: Vec<&str> = merged.scenarios.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Plan",
            "Same",
            "Plan (this tab, 2)",
            "Plan (this tab)",
            // Its what-if baseline (the sample) differs from its work.
            "This tab's baseline, now",
            "This tab's work, now"
        ]
    );
    // The other tab's "Plan" is as it saved it; this tab's is renamed.
    let plan = |n: &str| {
        level(&State::new(None, None), "PM2.4", Provider::Dsp)
            != merged
                .named(n)
                .unwrap()
                .work
                .data
                .current(march(), "PM2.4", Provider::Dsp)
                .map(|o| o.input.clone())
    };
    assert!(!plan("Plan"), "the other tab's Plan is the sample");
    assert!(plan("Plan (this tab, 2)"), "this tab's Plan holds 91");
    let notice = merged.notice.clone().unwrap();
    assert!(notice.ends_with("One is renamed \u{201c}Plan (this tab, 2)\u{201d}: the other tab has a different scenario of that name."), "{notice}");
    // No other saved work (or none that reads): this tab's work is kept
    // in the sample's, and the notice says why.
    let alone = saved::Keeping {
        mine: vec![],
        baseline: None,
        ..told.keeping("then")
    };
    let (both, said) = saved::keep_here(None, None, alone.clone());
    assert_eq!(both.data, io::sample());
    assert!(both.scenarios == vec![alone.here.clone()]);
    assert!(
        said.starts_with(
            "No other saved work was found. This tab's work is kept as scenario \"This tab's work, then\" (Compare"
        ),
        "{said}"
    );
    let (_, said) = saved::keep_here(None, Some("It could not be read.".into()), alone);
    assert!(
        said.starts_with("It could not be read. This tab's work"),
        "{said}"
    );
}

/// Keeping this tab's work in the other's keeps its what-if baseline too,
/// where it differs from the work (the other tab's work has its own).
#[test]
fn this_tabs_baseline_is_kept_as_a_scenario_where_it_differs() {
    let based = after(&edit(&State::new(None, None), "91"), Action::SetBaseline);
    let here = edit(&based, "93");
    let told = after(&here, Action::SavedElsewhere);
    let keeping = after(&told, Action::KeepHereAsScenario);
    let theirs = io::Scenario::new(io::sample(), Default::default(), None);
    let merged = keep_here(&told, &keeping, Some(theirs));
    let dsp = |name: &str| {
        merged
            .named(name)
            .and_then(|s| s.work.data.current(march(), "PM2.4", Provider::Dsp))
            .map(|o| o.input.clone())
    };
    assert_eq!(
        dsp("This tab's work, now"),
        Some(Input::Level { level: d("93") })
    );
    assert_eq!(
        dsp("This tab's baseline, now"),
        Some(Input::Level { level: d("91") })
    );
    let notice = merged.notice.clone().unwrap();
    assert!(notice.contains("This tab's work is kept as scenario \"This tab's work, now\", its what-if baseline as \"This tab's baseline, now\" (Compare scenarios)"), "{notice}");
    // The other tab's work keeps its own baseline (here, none).
    assert_eq!(merged.baseline, merged.work);
    // No baseline of its own (it is the work): no scenario for it.
    let plain = after(&edit(&State::new(None, None), "91"), Action::SetBaseline);
    assert!(plain.keeping("now").baseline.is_none());
}
