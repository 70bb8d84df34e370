//! The soak: long runs of random actions (edits good and bad, undo and redo,
//! imports good and bad, scenarios, what-ifs, reloads) through the session,
//! natively; and the replay of the browser's run (`tests/browser/soak.test.mjs`),
//! whose steps, given in the terms the page offers them, must leave the
//! same saved work here as there.

use dcc_perf::engine::catalogue::Basis;
use dcc_perf::engine::scheme::{MoneyRounding, PointRounding};
use dcc_perf::engine::{Catalogue, MeasureKey, Month, Provider};
use dcc_perf::io::edit::parse_input;
use dcc_perf::io::{self, sheet::Choices};
use dcc_perf::session::saved;
use dcc_perf::session::state::{Action, State};
use serde::{Deserialize, Serialize};

/// One thing done on the page, as the browser test logs it.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(tag = "do", rename_all = "kebab-case")]
pub enum Step {
    /// A figure typed into a row's edit box and Enter pressed.
    Edit {
        period: String,
        measure: String,
        provider: String,
        text: String,
    },
    Undo,
    Redo,
    /// The month chosen in the levels table.
    Month {
        month: String,
    },
    /// A file chosen, then one of the preview's buttons: `add`, `replace`
    /// or `close` (the only one an import with errors has).
    Import {
        name: String,
        text: String,
        then: String,
    },
    SaveScenario {
        name: String,
    },
    OpenScenario {
        name: String,
    },
    DeleteScenario {
        name: String,
    },
    /// The scheme's point or money rounding chosen (its option's value).
    PointRounding {
        value: String,
    },
    MoneyRounding {
        value: String,
    },
    SchemeReset,
    SetBaseline,
    /// The page reloaded: the saved work opens, the undo history is gone.
    Reload,
}

/// The state after `step`, as the page leaves it.
pub fn apply(state: &State, step: &Step) -> State {
    let act = |s: &State, a: Action| s.reduced(a).unwrap_or_else(|| s.clone());
    match step {
        Step::Edit {
            period,
            measure,
            provider,
            text,
        } => {
            let period: Month = period.parse().expect("a month");
            let provider = Provider::parse(provider).expect("a provider");
            let def = Catalogue::builtin()
                .get(measure, provider)
                .expect("a measure of the catalogue");
            let current = state
                .work
                .data
                .current(period, measure, provider)
                .map(|o| o.input.clone());
            // A figure the measure cannot take is refused: nothing changes.
            match parse_input(def, text, current.as_ref()) {
                Ok(input) => act(
                    state,
                    Action::Edit(MeasureKey::new(period, measure, provider), input),
                ),
                Err(_) => state.clone(),
            }
        }
        Step::Undo => act(state, Action::Undo),
        Step::Redo => act(state, Action::Redo),
        Step::Month { month } => act(state, Action::SetMonth(month.parse().expect("a month"))),
        Step::Import { name, text, then } => {
            let import = io::read_with(name, text.as_bytes(), &Choices::default());
            let clean = import.is_clean();
            let checked = act(state, Action::Checked(import, None));
            let last = match then.as_str() {
                "add" => Action::Accept { replace: false },
                "replace" => Action::Accept { replace: true },
                _ => Action::Cancel,
            };
            assert!(
                clean || then == "close",
                "the page accepted {name}, which does not read clean here:\n{text}"
            );
            act(&checked, last)
        }
        Step::SaveScenario { name } => act(state, Action::SaveScenario(name.clone())),
        Step::OpenScenario { name } => act(state, Action::OpenScenario(name.clone())),
        Step::DeleteScenario { name } => act(state, Action::DeleteScenario(name.clone())),
        Step::PointRounding { value } | Step::MoneyRounding { value } => {
            // The option's value is the rounding's name, as the editor writes it.
            let mut scheme = (*state.work.scheme).clone();
            match step {
                Step::PointRounding { .. } => {
                    scheme.point_rounding = option(&PointRounding::ALL, value)
                }
                _ => scheme.money_rounding = option(&MoneyRounding::ALL, value),
            }
            act(state, Action::SetScheme(scheme, "Rounding changed".into()))
        }
        Step::SchemeReset => act(
            state,
            Action::SetScheme(Default::default(), "Scheme reset".into()),
        ),
        Step::SetBaseline => act(state, Action::SetBaseline),
        Step::Reload => reopened(state),
    }
}

/// The choice among `all` whose option value (its name) is `value`.
fn option<T: Copy + std::fmt::Debug>(all: &[T], value: &str) -> T {
    *all.iter()
        .find(|r| format!("{r:?}") == value)
        .unwrap_or_else(|| panic!("no option {value}"))
}

/// The saved work's text, as the page keeps it.
pub fn saved_text(state: &State) -> String {
    state.saved_work().to_compact_json()
}

/// The state a reload opens: the saved work, read back.
fn reopened(state: &State) -> State {
    let saved = saved::open(&saved_text(state)).expect("the saved work reads back");
    State::restoring()
        .reduced(Action::Restored(Some(Box::new(saved)), None))
        .expect("saved work awaited")
}

/// A small generator with a fixed seed (xorshift64*): the same run every time.
struct Dice(u64);

impl Dice {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) as usize % n.max(1)
    }

    fn pick<'a, T>(&mut self, from: &'a [T]) -> &'a T {
        &from[self.below(from.len())]
    }
}

/// Figures typed: good ones, and some a level cannot take.
const TYPED: [&str; 10] = [
    "97.5", "100", "0", "99.99", "88.125", "abc", "101", "-3", "", "N/A",
];

/// A random step for `state`, as a user of the page could take it.
fn random_step(state: &State, dice: &mut Dice) -> Step {
    let month = state
        .show
        .month
        .or_else(|| state.outcome.results.months().first().copied());
    match dice.below(100) {
        0..=34 => {
            let rows: Vec<_> = month
                .map(|m| state.outcome.results.for_month(m))
                .unwrap_or_default()
                .into_iter()
                .filter(|r| {
                    Catalogue::builtin()
                        .get(&r.measure, r.provider)
                        .is_some_and(|d| d.basis != Basis::Derived)
                })
                .collect();
            if rows.is_empty() {
                return Step::Undo;
            }
            let r = dice.pick(&rows);
            Step::Edit {
                period: r.period.to_string(),
                measure: r.measure.clone(),
                provider: r.provider.code().into(),
                text: (*dice.pick(&TYPED)).into(),
            }
        }
        35..=49 => Step::Undo,
        50..=59 => Step::Redo,
        60..=64 => {
            let months = state.outcome.results.months();
            match months.is_empty() {
                true => Step::Redo,
                false => Step::Month {
                    month: dice.pick(&months).to_string(),
                },
            }
        }
        65..=74 => {
            let (name, text) = import_file(dice);
            let clean = io::read_with(&name, text.as_bytes(), &Choices::default()).is_clean();
            // Replacing everything is rare: the figures would dwindle.
            let then = match (clean, dice.below(10)) {
                (false, _) => "close",
                (true, 0) => "replace",
                (true, _) => "add",
            };
            Step::Import {
                name,
                text,
                then: then.into(),
            }
        }
        75..=79 => Step::SaveScenario {
            name: (*dice.pick(&["Plan A", "Plan B", "Cautious"])).into(),
        },
        80..=84 => match state.scenarios.is_empty() {
            true => Step::SetBaseline,
            false => Step::OpenScenario {
                name: dice.pick(&state.scenarios).name.clone(),
            },
        },
        85 => match state.scenarios.is_empty() {
            true => Step::SchemeReset,
            false => Step::DeleteScenario {
                name: dice.pick(&state.scenarios).name.clone(),
            },
        },
        86..=89 => Step::PointRounding {
            value: format!("{:?}", dice.pick(&PointRounding::ALL)),
        },
        90..=92 => Step::MoneyRounding {
            value: format!("{:?}", dice.pick(&MoneyRounding::ALL)),
        },
        93 => Step::SchemeReset,
        94..=96 => Step::SetBaseline,
        _ => Step::Reload,
    }
}

/// A long table of a few figures, sometimes with a row that cannot be read.
fn import_file(dice: &mut Dice) -> (String, String) {
    let measures = [
        ("PM2.4", "DSP"),
        ("PM1.1", "DSP"),
        ("PM2.1", "CSPN"),
        ("PM2.3", "CSPS"),
        ("PM6", "DSP"),
    ];
    let months = ["2021-01", "2021-02", "2021-03", "2021-04"];
    let mut text = String::from("period,measure,provider,value\n");
    for _ in 0..1 + dice.below(4) {
        let (m, p) = dice.pick(&measures);
        let level = format!("{}.{}", 90 + dice.below(10), dice.below(100));
        text += &format!("{},{m},{p},{level}\n", dice.pick(&months));
    }
    if dice.below(3) == 0 {
        // Bad: a level above 100, or a measure that does not exist.
        text += *dice.pick(&["2021-03,PM2.4,DSP,140\n", "2021-03,PM99,DSP,95\n"]);
    }
    (format!("figures-{}.csv", dice.below(1000)), text)
}

/// Undo until there is nothing left to undo: the state then, and how many
/// steps it took.
fn walk_back(mut state: State) -> (State, usize) {
    let mut steps = 0;
    while let Some(next) = state.reduced(Action::Undo) {
        state = next;
        steps += 1;
    }
    (state, steps)
}

#[test]
fn a_thousand_random_actions_keep_the_work_whole() {
    let mut dice = Dice(0x5EED_2026_1203);
    let mut state = State::new(None, None);
    // The work as it was after the last reload: undo walks back to it.
    let mut opened = state.work.clone();
    let mut kinds = std::collections::BTreeMap::<String, usize>::new();
    for _ in 0..1000 {
        let step = random_step(&state, &mut dice);
        let kind = serde_json::to_value(&step).unwrap()["do"]
            .as_str()
            .unwrap()
            .to_string();
        *kinds.entry(kind).or_default() += 1;
        let next = apply(&state, &step);
        if let Step::Reload = step {
            // What opens is what was saved, with no history.
            assert_eq!(saved_text(&next), saved_text(&state));
            assert!(next.past.is_empty() && next.future.is_empty());
            opened = next.work.clone();
        }
        // Undo keeps at most its last hundred changes.
        assert!(next.past.len() <= 100);
        state = next;
    }
    // Every kind of step was taken, many times over.
    assert_eq!(kinds.len(), 13, "{kinds:?}");
    assert!(kinds.values().all(|&n| n >= 10), "{kinds:?}");
    // The incremental outcome equals one computed from nothing.
    let fresh = dcc_perf::engine::work::Outcome::of(&state.work, state.settings);
    assert_eq!(state.outcome.results, fresh.results);
    // Undo walks back to the work as the last reload opened it (unless
    // more than the hundred kept changes were made since).
    assert!(state.work.data.observations.len() > 10);
    let depth = state.past.len();
    let (back, steps) = walk_back(state.clone());
    assert_eq!(steps, depth);
    if depth < 100 {
        assert_eq!(back.work, opened);
    }
    // And redo walks forward to where it was.
    let mut forward = back;
    while let Some(next) = forward.reduced(Action::Redo) {
        forward = next;
    }
    assert_eq!(forward.work, state.work);
}

/// Where the browser soak left its run, if this is its replay.
const SOAK_DIR: &str = "DCC_PERF_SOAK";

/// What the browser test wrote: its steps, the saved work at the end, how
/// many undos the page took to walk back, and the saved work then.
#[derive(Deserialize)]
struct BrowserRun {
    steps: Vec<Step>,
    saved: String,
    undone: usize,
    saved_after_undo: String,
}

/// Run by `tests/browser/soak.test.mjs` with `DCC_PERF_SOAK` set to the
/// directory of its run (`cargo test --test it soak:: -- --ignored`).
#[test]
#[ignore = "the browser soak test runs it, with its run's steps"]
fn the_browser_run_replays_natively() {
    let dir = std::env::var(SOAK_DIR).expect("DCC_PERF_SOAK names the browser run's directory");
    let run: BrowserRun = serde_json::from_str(
        &std::fs::read_to_string(std::path::Path::new(&dir).join("run.json"))
            .expect("the run's file"),
    )
    .expect("the run's JSON");
    assert!(!run.steps.is_empty(), "no steps");
    let state = run
        .steps
        .iter()
        .fold(State::new(None, None), |s, step| apply(&s, step));
    same_saved(&saved_text(&state), &run.saved, "after the run");
    let (back, steps) = walk_back(state);
    assert_eq!(run.undone, steps, "undo steps");
    same_saved(&saved_text(&back), &run.saved_after_undo, "after undo");
}

/// The native and the browser's saved work are the same; if not, where
/// they first differ.
fn same_saved(native: &str, browser: &str, when: &str) {
    if native == browser {
        return;
    }
    let (n, b): (serde_json::Value, serde_json::Value) = (
        serde_json::from_str(native).unwrap(),
        serde_json::from_str(browser).unwrap(),
    );
    let at = first_difference(&n, &b, "").unwrap_or_else(|| "(the same once parsed)".into());
    panic!("{when}, the saved work differs: {at}");
}

/// The path to the first place two JSON values differ, and what each holds there.
fn first_difference(a: &serde_json::Value, b: &serde_json::Value, path: &str) -> Option<String> {
    use serde_json::Value::{Array, Object};
    match (a, b) {
        (Object(x), Object(y)) => {
            let keys: std::collections::BTreeSet<_> = x.keys().chain(y.keys()).collect();
            keys.into_iter().find_map(|k| {
                let null = serde_json::Value::Null;
                let (p, q) = (x.get(k).unwrap_or(&null), y.get(k).unwrap_or(&null));
                first_difference(p, q, &format!("{path}.{k}"))
            })
        }
        (Array(x), Array(y)) if x.len() == y.len() => x
            .iter()
            .zip(y)
            .enumerate()
            .find_map(|(i, (p, q))| first_difference(p, q, &format!("{path}[{i}]"))),
        _ if a == b => None,
        _ => Some(format!(
            "at {path}: native {}, browser {}",
            short(a),
            short(b)
        )),
    }
}

fn short(v: &serde_json::Value) -> String {
    v.to_string().chars().take(300).collect()
}
