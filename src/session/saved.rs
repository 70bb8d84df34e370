//! The work kept between visits: what is saved ([`State::saved_work`]), how
//! saved text opens ([`open`]), and a tab's side of another tab saving over
//! the work it opened (the `storage` event; [`Action::SavedElsewhere`] and
//! what follows it). Plain Rust: `ui::storage` only moves the text in and
//! out of the browser's storage.
//!
//! [`Action::SavedElsewhere`]: super::state::Action::SavedElsewhere

use super::state::State;
use crate::io::scenario::{self, SavedScenario};
use crate::io::Scenario;
use std::rc::Rc;

/// Saved work read from its text (a scenario file, any version, migrated),
/// or the first thing wrong with it, in words.
pub fn open(text: &str) -> Result<Scenario, String> {
    let import = scenario::read("saved work", text);
    if !import.is_clean() {
        let first = import.errors.first().map(ToString::to_string);
        return Err(first.unwrap_or_default());
    }
    let settings = import.settings.unwrap_or_default();
    // Saved before OPR years were kept: the sample's years.
    let regime = import.regime.unwrap_or_else(crate::io::regime::sample);
    Ok(Scenario::new(import.dataset, settings, import.month)
        .with_scheme(
            import.scheme.unwrap_or_default(),
            import.baseline.map(|b| *b),
        )
        .with_regime(regime, import.saved))
}

impl State {
    /// The work as it is saved: data, settings and month, scheme, OPR
    /// years, named scenarios and, where it differs, the baseline.
    pub fn saved_work(&self) -> Scenario {
        let (now, base) = (&self.work, &self.baseline);
        let baseline = (base != now).then(|| scenario::Baseline {
            data: (*base.data).clone(),
            scheme: (*base.scheme).clone(),
            regime: (*base.regime).clone(),
        });
        let named = self.scenarios.iter().map(|s| (**s).clone()).collect();
        Scenario::new((*now.data).clone(), self.settings, self.show.month)
            .with_scheme((*now.scheme).clone(), baseline)
            .with_regime((*now.regime).clone(), named)
    }

    /// The state on `saved` work once it is read (only while it is awaited:
    /// it replaces everything, undo history included).
    pub(super) fn restored(
        &self,
        saved: Option<Box<Scenario>>,
        notice: Option<String>,
    ) -> Option<State> {
        if !self.restoring {
            return None;
        }
        let mut next = State::new(saved.map(|b| *b), notice);
        // Another tab saved while this was read: what was read may be
        // older than what is saved now.
        next.elsewhere = self.elsewhere;
        // It holds this tab's work besides the other's: saved at once.
        next.save_on_open = self.keeping;
        Some(next)
    }

    /// This tab's work is to be kept in the work the other tab saved, which
    /// is read again ([`keep_here`]).
    pub(super) fn keep_here(&mut self) {
        self.keeping = true;
        self.restoring = true;
        self.elsewhere = false;
    }

    /// The current work as a named scenario.
    pub fn saved_as(&self, name: String) -> SavedScenario {
        SavedScenario {
            name,
            settings: self.settings,
            work: self.work.clone(),
        }
    }

    /// The saved work could not be read (`why`: its reader did not
    /// arrive, or its store): it stays as it is, saved. While this tab's work was to be
    /// kept in it, this tab's work is as it was, and still not saved over
    /// the other tab's: reloading would lose it, so the notice does not
    /// say to.
    pub(super) fn restore_failed(&mut self, why: String) {
        if self.restoring && self.keeping {
            self.restoring = false;
            self.keeping = false;
            self.elsewhere = true;
            self.notice = Some(format!(
                "This tab's work is not kept as a scenario yet, and is still not saved: {why}. \
                 Choose \u{201c}Keep this tab's work as a scenario in it\u{201d} again, or save a scenario file first \
                 (reloading would open the other tab's work instead)."
            ));
        } else {
            self.notice = Some(format!(
                "Your saved work could not be opened: {why}. It is still kept in this browser; reload the page to try again."
            ));
        }
    }
}

/// What a tab keeps in the work another tab saved: its work, its what-if
/// baseline where that differs from its work (the other tab's work has a
/// baseline of its own), and its named scenarios.
#[derive(Clone, Debug)]
pub struct Keeping {
    pub here: SavedScenario,
    pub baseline: Option<SavedScenario>,
    pub mine: Vec<Rc<SavedScenario>>,
}

impl State {
    /// This tab's side of [`keep_here`], its scenarios named for `when`
    /// ("This tab's work, 03/12/2026, 14:05:09").
    pub fn keeping(&self, when: &str) -> Keeping {
        let baseline = (self.baseline != self.work).then(|| SavedScenario {
            name: format!("This tab's baseline, {when}"),
            settings: self.settings,
            work: self.baseline.clone(),
        });
        Keeping {
            here: self.saved_as(format!("This tab's work, {when}")),
            baseline,
            mine: self.scenarios.clone(),
        }
    }
}

/// The work another tab saved (`saved`, read with `notice`; `None`: there
/// was none that could be read, and the sample opens), with this tab's
/// kept in it as scenarios (`keeping`); and what to tell the user. Run in
/// the part of the app that reads the saved work, not on the first load.
pub fn keep_here(
    saved: Option<Scenario>,
    notice: Option<String>,
    keeping: Keeping,
) -> (Scenario, String) {
    let Keeping {
        here,
        baseline,
        mine,
    } = keeping;
    let found = saved.is_some();
    let mut saved =
        saved.unwrap_or_else(|| Scenario::new(crate::io::sample(), Default::default(), None));
    // This tab's named scenarios go with it; one named as one of the other
    // tab's but holding other work is renamed, not dropped.
    let mut renamed = Vec::new();
    for s in &mine {
        let theirs = saved.scenarios.iter().find(|x| x.name == s.name);
        match theirs {
            None => saved.scenarios.push((**s).clone()),
            Some(t) if t.work == s.work && t.settings == s.settings => {}
            Some(_) => {
                let taken = |n: &str| {
                    saved.scenarios.iter().any(|x| x.name == n) || mine.iter().any(|x| x.name == n)
                };
                let name = (1..)
                    .map(|i| match i {
                        1 => format!("{} (this tab)", s.name),
                        _ => format!("{} (this tab, {i})", s.name),
                    })
                    .find(|n| !taken(n))
                    .unwrap_or_default();
                renamed.push(format!("\u{201c}{name}\u{201d}"));
                saved.scenarios.push(SavedScenario {
                    name,
                    ..(**s).clone()
                });
            }
        }
    }
    let said = format!(
        "This tab's work is kept as scenario \"{}\"{} (Compare scenarios), with its named scenarios.{}",
        here.name,
        baseline
            .as_ref()
            .map(|b| format!(", its what-if baseline as \"{}\"", b.name))
            .unwrap_or_default(),
        match renamed.as_slice() {
            [] => String::new(),
            [one] => format!(" One is renamed {one}: the other tab has a different scenario of that name."),
            all => format!(
                " {} are renamed {}: the other tab has different scenarios of those names.",
                all.len(),
                all.join(", ")
            ),
        }
    );
    for kept in baseline.into_iter().chain([here]) {
        saved.scenarios.retain(|x| x.name != kept.name);
        saved.scenarios.push(kept);
    }
    let notice = match (found, notice) {
        (true, _) => format!("Opened the work the other tab saved. {said}"),
        (false, Some(why)) => format!("{why} {said}"),
        (false, None) => format!("No other saved work was found. {said}"),
    };
    (saved, notice)
}
