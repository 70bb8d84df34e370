//! Results: each observation's service level, status, change, restatement,
//! streak, headroom and explanation; and each derived CPM.

use super::series::{charted, Layout};
use crate::engine::catalogue::{Basis, Catalogue, Direction, MeasureDef, Provider, Unit};
use crate::engine::format::{decimal, exact};
use crate::engine::headroom::Headroom;
use crate::engine::level::{self, ServiceLevel};
use crate::engine::observation::{Dataset, IncidentCount, Input, Observation};
use crate::engine::period::{Cadence, Month};
use crate::engine::rule::{ComparisonRule, Compliance};
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;

/// Settings that change outcomes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    /// How levels are compared with targets. Default: unrounded.
    #[serde(default)]
    pub rule: ComparisonRule,
}

/// The same level under another rule, where that changes the status.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RuleFlip {
    pub rule: ComparisonRule,
    pub status: Compliance,
}

/// An earlier report gave this period a different figure.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Restatement {
    pub original: ServiceLevel,
    pub original_display: String,
    pub original_report: Option<Month>,
    pub restated_report: Option<Month>,
}

/// The computed level against the level the report printed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ReportedCheck {
    pub reported: Decimal,
    pub decimals: u32,
    /// The computed level rounded half away from zero to the reported decimals.
    pub computed_rounded: Decimal,
    pub agrees: bool,
    /// It disagrees, but truncating (not rounding) gives the reported figure.
    pub matches_truncation: bool,
}

/// Everything known about one measure of one provider in one period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MeasureResult {
    pub period: Month,
    pub period_label: String,
    pub measure: String,
    pub provider: Provider,
    pub name: String,
    pub area: String,
    pub cadence: Cadence,
    pub unit: Unit,
    pub direction: Direction,
    pub kpi: bool,
    pub feeds: Option<String>,
    pub target: Option<Decimal>,
    pub minimum: Option<Decimal>,
    pub level: ServiceLevel,
    /// The level as shown: enough decimals that the shown figure never
    /// appears to meet a target it misses.
    pub display: String,
    pub status: Compliance,
    /// Present when the other rule (unrounded vs two decimals) gives another status.
    pub flip: Option<RuleFlip>,
    pub previous: Option<Previous>,
    /// Current minus previous, in percentage points (or count units).
    pub change: Option<Decimal>,
    pub restatement: Option<Restatement>,
    /// Consecutive periods (this one included) below target, within the loaded data.
    pub streak: u32,
    /// Whether the period before the streak is loaded and met target, so the
    /// streak is its whole length; `false`: it is at least `streak` long.
    pub streak_exact: bool,
    pub headroom: Option<Headroom>,
    pub reported_check: Option<ReportedCheck>,
    /// A percentage outside 0–100 (PM12.2 yields such values by its formula).
    pub out_of_range: bool,
    /// The figure is approximate: the documents say "about".
    pub approximate: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Previous {
    pub period: Month,
    pub level: ServiceLevel,
    pub display: String,
    pub restated: bool,
}

/// All results for a dataset under one set of settings.
///
/// Rows are shared (`Rc`), so the results after an edit reuse every row
/// the edit does not touch ([`Results::after`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Results {
    pub settings: Settings,
    /// Sorted by catalogue order, then period.
    pub rows: Vec<Rc<MeasureResult>>,
    /// Observations the engine could not use, in words.
    pub warnings: Vec<String>,
    /// Where each key's and each series' rows are. Shared: an edit worked
    /// out where it reaches ([`Results::after`]) keeps every row in its place.
    #[serde(skip)]
    pub(super) layout: Rc<Layout>,
    /// See [`Results::charted`]; worked out again only when an edit gives a
    /// row a number or takes one away.
    #[serde(skip)]
    pub(super) charted: Rc<Vec<usize>>,
}

pub(super) type Key = (Month, &'static str, Provider);

impl Results {
    /// Results of these rows (in catalogue order, then period).
    pub fn new(settings: Settings, rows: Vec<Rc<MeasureResult>>, warnings: Vec<String>) -> Results {
        let layout = Layout::of(&rows);
        let charted = charted(&rows, &layout);
        Results {
            settings,
            rows,
            warnings,
            layout: Rc::new(layout),
            charted,
        }
    }

    /// Only the rows of periods up to `last`. (Rows are taken out by making
    /// results of those left, never by removing them from `rows`, which
    /// would leave where each row is pointing at others.)
    pub fn until(&self, last: Month) -> Results {
        self.keeping(|r| r.period <= last)
    }

    /// Results of the rows `keep` keeps, laid out again.
    fn keeping(&self, keep: impl Fn(&MeasureResult) -> bool) -> Results {
        let rows = self.rows.iter().filter(|r| keep(r)).cloned().collect();
        Results::new(self.settings, rows, self.warnings.clone())
    }

    /// Only the rows a monthly report for `view` shows ([`Results::for_month`]).
    pub fn only_month(&self, view: Month) -> Results {
        self.keeping(|r| r.cadence.shows_in(r.period, view))
    }

    pub fn get(&self, period: Month, measure: &str, provider: Provider) -> Option<&MeasureResult> {
        let code = Catalogue::builtin().get(measure, provider)?.code;
        self.position(&(period, code, provider))
            .map(|i| &*self.rows[i])
    }

    pub(super) fn position(&self, key: &Key) -> Option<usize> {
        self.layout.position(key)
    }

    /// The periods whose rows differ from `before`'s, when these results
    /// are `before` with some rows worked out again ([`Results::after`]):
    /// the same rows in the same places, each either shared or replaced.
    /// `None` when they are laid out afresh, and so not comparable row by row.
    pub fn changed_periods(&self, before: &Results) -> Option<Vec<Month>> {
        if !Rc::ptr_eq(&self.layout, &before.layout) || self.rows.len() != before.rows.len() {
            return None;
        }
        // An edit reaches a period or two: a short list, searched.
        let mut out: Vec<Month> = Vec::new();
        for (a, b) in self.rows.iter().zip(&before.rows) {
            if !Rc::ptr_eq(a, b) && !out.contains(&a.period) {
                out.push(a.period);
            }
        }
        Some(out)
    }

    /// Months that have any monthly result, newest first. (Kept from when
    /// the rows were set: an edit in place adds or removes no period.)
    pub fn months(&self) -> Vec<Month> {
        self.layout.months().to_vec()
    }
}

/// The effective observation for each key (latest report wins; among equals
/// the later entry wins, as an edit would) and what it restated.
pub(super) fn effective<'a>(
    cat: &Catalogue,
    data: &'a Dataset,
    warnings: &mut Vec<String>,
) -> BTreeMap<Key, (&'a Observation, Option<&'a Observation>)> {
    let mut groups: BTreeMap<Key, Vec<&Observation>> = BTreeMap::new();
    for o in &data.observations {
        match cat.get(&o.measure, o.provider) {
            Some(def) => groups
                .entry((o.period, def.code, o.provider))
                .or_default()
                .push(o),
            None => warnings.push(format!(
                "{} {} {}: not in the measure catalogue; ignored",
                o.period, o.provider, o.measure
            )),
        }
    }
    groups
        .into_iter()
        .filter_map(|(k, obs)| Some((k, latest_and_original(obs)?)))
        .collect()
}

/// Of one key's observations in entry order, the one that counts (latest
/// report wins; among equals the later entry, as an edit would) and the
/// earliest it restated, if it restated one.
fn latest_and_original(mut obs: Vec<&Observation>) -> Option<(&Observation, Option<&Observation>)> {
    crate::engine::order::sort_by_key(&mut obs, |o| o.reported_in); // stable: entry order kept among equals
    let latest = *obs.last()?;
    let original = obs
        .iter()
        .find(|o| o.reported_in < latest.reported_in && o.input != latest.input)
        .copied();
    Some((latest, original))
}

/// [`effective`] for one key: its observation that counts and what that
/// restated, found by one pass over the data.
pub(super) fn effective_of<'a>(
    data: &'a Dataset,
    period: Month,
    code: &str,
    provider: Provider,
) -> (Option<&'a Observation>, Option<&'a Observation>) {
    let obs: Vec<&Observation> = data
        .observations
        .iter()
        .filter(|o| o.period == period && o.provider == provider && o.measure == code)
        .map(|o| &**o)
        .collect();
    latest_and_original(obs).map_or((None, None), |(l, o)| (Some(l), o))
}

/// Computes every result.
pub fn evaluate(data: &Dataset, settings: Settings) -> Results {
    let cat = Catalogue::builtin();
    let mut warnings = Vec::new();
    let eff = effective(cat, data, &mut warnings);

    // Levels of observed (non-derived) measures first: derived CPMs need them.
    // The flag marks a derived CPM actually formed from its components.
    let mut base: HashMap<Key, (ServiceLevel, bool)> = HashMap::new();
    for (&key, (obs, _)) in &eff {
        let Some(def) = cat.get(key.1, key.2) else {
            continue;
        };
        if def.basis != Basis::Derived {
            base.insert(key, (own_level(def, obs), false));
        }
    }
    // Derived CPMs for every month with a component or the CPM itself.
    for def in cat.measures().iter().filter(|m| m.basis == Basis::Derived) {
        let comps = cat.components_of(def.code);
        let mut months: Vec<Month> = eff
            .keys()
            .filter(|(_, code, p)| {
                (*code == def.code && *p == def.provider)
                    || comps.iter().any(|c| c.code == *code && c.provider == *p)
            })
            .map(|k| k.0)
            .collect();
        months.dedup();
        for m in months {
            let parts = |c: &MeasureDef| base.get(&(m, c.code, c.provider)).map(|b| b.0);
            let own = eff.get(&(m, def.code, def.provider)).map(|(o, _)| *o);
            let (l, loaded) = cpm_level(def, &comps, parts, own);
            base.insert((m, def.code, def.provider), (l, loaded));
        }
    }

    let mut rows: Vec<Rc<MeasureResult>> = Vec::with_capacity(base.len());
    let mut built: HashMap<Key, usize> = HashMap::with_capacity(base.len());
    let mut keys: Vec<Key> = base.keys().copied().collect();
    crate::engine::order::sort(&mut keys); // chronological, so the previous period is always done first
    for key in keys {
        let Some(def) = cat.get(key.1, key.2) else {
            continue;
        };
        let (level, from_components) = base[&key];
        let (obs, original) = eff.get(&key).map_or((None, None), |(o, r)| (Some(*o), *r));
        let input = Inputs {
            level,
            obs,
            original,
            from_components,
        };
        let prev = built
            .get(&(def.cadence.previous(key.0), key.1, key.2))
            .map(|&i| &*rows[i]);
        let row = build(def, key.0, input, prev, settings.rule);
        built.insert(key, rows.len());
        rows.push(Rc::new(row));
    }
    // Catalogue order, then period: the order index is looked up once a row.
    let order: HashMap<(&str, Provider), usize> = cat
        .measures()
        .iter()
        .enumerate()
        .map(|(i, m)| ((m.code, m.provider), i))
        .collect();
    crate::engine::order::sort_by_cached_key(&mut rows, |r| {
        (
            order.get(&(r.measure.as_str(), r.provider)).copied(),
            r.period,
        )
    });
    Results::new(settings, rows, warnings)
}

/// A non-derived measure's level, or a derived CPM's own printed figure.
pub(super) fn own_level(def: &MeasureDef, obs: &Observation) -> ServiceLevel {
    level::from_input(&obs.input, def.unit == Unit::Percent).0
}

/// A derived CPM's level from its components' levels (`parts`), or its own
/// figure where none of them is loaded; and whether it was formed from them.
pub(super) fn cpm_level(
    def: &MeasureDef,
    comps: &[&MeasureDef],
    parts: impl Fn(&MeasureDef) -> Option<ServiceLevel>,
    own: Option<&Observation>,
) -> (ServiceLevel, bool) {
    let parts: Vec<(String, Option<ServiceLevel>)> =
        comps.iter().map(|c| (String::new(), parts(c))).collect();
    let loaded = parts.iter().any(|p| p.1.is_some());
    match own {
        // Only the CPM's own figure is loaded: use it as given.
        Some(o) if !loaded => (level::from_input(&o.input, true).0, false),
        _ => (level::derived(def.code, &parts).0, loaded),
    }
}

/// What one row is built from.
pub(super) struct Inputs<'a> {
    pub level: ServiceLevel,
    pub obs: Option<&'a Observation>,
    pub original: Option<&'a Observation>,
    /// A derived CPM formed from components (so its own figure is "reported").
    pub from_components: bool,
}

/// One row from its inputs and the previous period's row. No text beyond
/// the shown figures: the explanation is built when it is opened
/// ([`Results::explain`]).
pub(super) fn build(
    def: &MeasureDef,
    period: Month,
    input: Inputs,
    prev: Option<&MeasureResult>,
    rule: ComparisonRule,
) -> MeasureResult {
    let Inputs {
        level,
        obs,
        original,
        from_components,
    } = input;
    let levels = def.levels_at(period);
    let (target, minimum) = (levels.map(|l| l.target), levels.and_then(|l| l.minimum));
    let assess = |r: ComparisonRule| match (level, target) {
        (ServiceLevel::Number(n), Some(t)) => Compliance::assess(n, t, minimum, def.direction, r),
        _ => Compliance::NotAssessed,
    };
    let status = assess(rule);
    let other = if rule == ComparisonRule::Unrounded {
        ComparisonRule::Rounded(2)
    } else {
        ComparisonRule::Unrounded
    };
    let flip = (assess(other) != status).then(|| RuleFlip {
        rule: other,
        status: assess(other),
    });
    let display = show(def, level, obs, target, minimum, status);

    // Headroom for counts against a percentage target.
    let counts = match obs.map(|o| &o.input) {
        Some(Input::Counts { successes, total }) => Some((*successes, *total)),
        Some(Input::Incidents { categories }) => Some(IncidentCount::totals(categories)),
        _ => None,
    };
    let headroom = match (counts, target, def.direction) {
        (Some((s, t)), Some(tg), Direction::HigherIsBetter) => Headroom::compute(s, t, tg, rule),
        _ => None,
    };

    // The report's printed figure: on a counts observation, or a derived CPM's own.
    let reported = obs.and_then(|o| match (&o.input, def.basis) {
        (Input::Level { level }, Basis::Derived) => Some(*level),
        (Input::Level { .. } | Input::Status { .. }, _) => None,
        _ => o.reported,
    });
    let reported_check = match (reported, level) {
        (Some(r), ServiceLevel::Number(c)) if def.basis != Basis::Derived || from_components => {
            Some(check(r, c))
        }
        _ => None,
    };

    let restatement = original.map(|o| {
        let (l, _) = level::from_input(&o.input, def.unit == Unit::Percent);
        Restatement {
            original: l,
            original_display: show(def, l, Some(o), target, minimum, Compliance::NotAssessed),
            original_report: o.reported_in,
            restated_report: obs.and_then(|o| o.reported_in),
        }
    });
    let out_of_range = def.unit == Unit::Percent
        && level
            .number()
            .is_some_and(|n| n > Decimal::ONE_HUNDRED || n < Decimal::ZERO);

    let mut row = MeasureResult {
        period,
        period_label: def.cadence.label(period),
        measure: def.code.into(),
        provider: def.provider,
        name: def.name.into(),
        area: def.area.into(),
        cadence: def.cadence,
        unit: def.unit,
        direction: def.direction,
        kpi: def.kpi,
        feeds: def.feeds.map(Into::into),
        target,
        minimum,
        level,
        display,
        status,
        flip,
        previous: None,
        change: None,
        restatement,
        streak: 0,
        streak_exact: true,
        headroom,
        reported_check,
        out_of_range,
        approximate: obs.is_some_and(|o| o.approximate),
    };
    row.follow(prev);
    row
}

impl MeasureResult {
    /// Sets what this row takes from the previous period's: the previous
    /// figure, the change and the run below target.
    pub(super) fn follow(&mut self, prev: Option<&MeasureResult>) {
        let prev_period = self.cadence.previous(self.period);
        let prev = prev.filter(|p| p.period == prev_period);
        self.change = match (self.level, prev.map(|p| p.level)) {
            (ServiceLevel::Number(a), Some(ServiceLevel::Number(b))) => a.checked_sub(b),
            _ => None,
        };
        let miss = self.status.is_miss();
        self.streak = match prev {
            Some(p) if miss && p.status.is_miss() => p.streak + 1,
            _ => u32::from(miss),
        };
        // A run is known whole only back to a loaded period that met target
        // (review::run says the same in words).
        self.streak_exact = match prev {
            _ if !miss => true,
            Some(p) if p.status.is_miss() => p.streak_exact,
            Some(p) => p.status == Compliance::MeetsTarget,
            None => false,
        };
        self.previous = prev.map(|p| Previous {
            period: prev_period,
            level: p.level,
            display: p.display.clone(),
            restated: p.restatement.is_some(),
        });
    }
}

fn check(reported: Decimal, computed: Decimal) -> ReportedCheck {
    let decimals = reported.scale();
    let computed_rounded =
        computed.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero);
    let agrees = computed_rounded == reported;
    let matches_truncation =
        !agrees && computed.round_dp_with_strategy(decimals, RoundingStrategy::ToZero) == reported;
    ReportedCheck {
        reported,
        decimals,
        computed_rounded,
        agrees,
        matches_truncation,
    }
}

/// The shown figure. A reported level is shown as given (at least two
/// decimals). A computed one gets two decimals, or more where two would
/// make a miss look like a pass, or a pass look like a miss (CH1.3: 99.897%).
/// A figure the documents only approximate reads as they say it: "about
/// 50%", never "50.00%" (which would claim a precision it lacks).
fn show(
    def: &MeasureDef,
    level: ServiceLevel,
    obs: Option<&Observation>,
    target: Option<Decimal>,
    minimum: Option<Decimal>,
    status: Compliance,
) -> String {
    let n = match level {
        ServiceLevel::Status(s) => return s.label().into(),
        ServiceLevel::Number(n) => n,
    };
    if obs.is_some_and(|o| o.approximate) {
        let unit = if def.unit == Unit::Percent { "%" } else { "" };
        return format!("about {}{unit}", exact(n));
    }
    if def.unit == Unit::Count {
        return exact(n);
    }
    let given =
        matches!(obs.map(|o| &o.input), Some(Input::Level { .. })) && def.basis != Basis::Derived;
    let mut dp = if given { n.scale().max(2) } else { 2 };
    if let (false, Some(t), false) = (given, target, status == Compliance::NotAssessed) {
        while dp < 6 {
            let shown = n.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero);
            if Compliance::assess(shown, t, minimum, def.direction, ComparisonRule::Unrounded)
                == status
            {
                break;
            }
            dp += 1;
        }
    }
    format!("{}%", decimal(n, dp))
}
