//! `--output variance|rdp|problems|exclusions|aged`: the other reports the
//! Operations Group reviews, each from its own table (problem records,
//! exclusions and aged incidents from a report's text too; see README), worked out and
//! printed as text, or with `--csv` as the report's table (a converter).
//! With no FILE, the shipped sample.

use dcc_perf::engine::reports::due::england_and_wales;
use dcc_perf::engine::reports::{problems, rdp, variance};
use dcc_perf::engine::Month;
use dcc_perf::io;
use dcc_perf::io::error::ImportError;

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Kind {
    Variance,
    Rdp,
    Problems,
    Exclusions,
    Aged,
}

impl Kind {
    pub fn parse(s: &str) -> Option<Kind> {
        match s {
            "variance" => Some(Kind::Variance),
            "rdp" => Some(Kind::Rdp),
            "problems" => Some(Kind::Problems),
            "exclusions" => Some(Kind::Exclusions),
            "aged" => Some(Kind::Aged),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Kind::Variance => "variance",
            Kind::Rdp => "rdp",
            Kind::Problems => "problems",
            Kind::Exclusions => "exclusions",
            Kind::Aged => "aged",
        }
    }
}

/// Prints the report of `file` (the sample without one), or its errors.
/// Exit status as for the rest of the CLI: 0, or 2 when the file could not
/// be read or had errors.
pub fn run(kind: Kind, file: Option<&str>, month: Option<Month>, csv: bool) -> i32 {
    // A problem record summary is one report's, by the reports it lists.
    if kind == Kind::Problems && month.is_some() {
        eprintln!("dcc-perf: --output problems takes no --month (the summary is one report's)");
        return 1;
    }
    let text = match file.map(std::fs::read) {
        None => None,
        Some(Ok(bytes)) => Some(String::from_utf8_lossy(&bytes).into_owned()),
        Some(Err(e)) => {
            eprintln!("dcc-perf: cannot read {}: {e}", file.unwrap_or_default());
            return 2;
        }
    };
    let path = file.unwrap_or_default();
    let shown = |m: Month| month.is_none_or(|x| x == m);
    let printed = match kind {
        Kind::Variance => text
            .map_or(Ok(io::variance_csv::sample()), |t| {
                io::variance_csv::read(path, &t)
            })
            .map(|months| {
                let months: Vec<_> = months.into_iter().filter(|m| shown(m.period)).collect();
                if csv {
                    return io::variance_csv::write(&months);
                }
                let holidays = england_and_wales();
                let mut out = String::new();
                for m in &months {
                    let on_time = variance::timeliness(m, &holidays);
                    let v = variance::evaluate(m, m.report.thresholds());
                    out.push_str(&io::variance_text(&v, on_time));
                }
                out
            }),
        Kind::Rdp => text
            .map_or(Ok(io::rdp_csv::sample()), |t| io::rdp_csv::read(path, &t))
            .map(|months| {
                if csv {
                    let kept: Vec<_> = months.into_iter().filter(|m| shown(m.period)).collect();
                    return io::rdp_csv::write(&kept);
                }
                let all = rdp::evaluate(&months);
                let kept: Vec<_> = all.into_iter().filter(|b| shown(b.period)).collect();
                io::rdp_text(&kept)
            }),
        Kind::Problems => {
            // A report's text gives the table too; a table is read as one.
            text.map_or(Ok(io::problems_csv::sample()), |t| {
                io::problems_csv::read_any(path, &t)
            })
            .map(|p| match csv {
                true => io::problems_csv::write(&p),
                false => io::problems_text(&p, &problems::evaluate(&p)),
            })
        }
        Kind::Exclusions => {
            // A report's text gives its lists too; a table is read as one.
            text.as_ref()
                .map_or(Ok(io::exclusions_csv::sample()), |t| {
                    io::exclusions_csv::read_any(path, t)
                })
                .map(|lists| {
                    lists
                        .into_iter()
                        .filter(|l| l.period.is_none_or(shown))
                        .collect::<Vec<_>>()
                })
                .map(|lists| match csv {
                    true => io::exclusions_csv::write(&lists),
                    false => {
                        // The levels and events beside them: a report's text
                        // gives its figures too; with no FILE, the sample's.
                        let (data, none) = match text {
                            None => (io::sample(), String::new()),
                            Some(t) => match io::read_dataset(path, t.as_bytes()) {
                                Ok(d) if !d.observations.is_empty() => (d, String::new()),
                                // An exclusions table has no levels or events.
                                _ => (
                                    Default::default(),
                                    format!("{path} gives no service-level figures (a report's text does), so the shares below are unknown.\n"),
                                ),
                            },
                        };
                        let results = dcc_perf::engine::evaluate(&data, Default::default());
                        let shares: Vec<_> = lists
                            .iter()
                            .map(|l| dcc_perf::engine::reports::excluded::share(l, &data, &results))
                            .collect();
                        format!(
                            "{}\n{none}{}",
                            io::exclusions_text(&lists),
                            io::excluded_text(&shares)
                        )
                    }
                })
        }
        Kind::Aged => {
            // A report's text gives its Tables 9 and 10; a table is read as one.
            text.map_or(Ok(io::aged_csv::sample()), |t| {
                io::aged_csv::read_any(path, &t)
            })
            .map(|tables| {
                tables
                    .into_iter()
                    .filter(|t| shown(t.report))
                    .collect::<Vec<_>>()
            })
            .map(|tables| match csv {
                true => io::aged_csv::write(&tables),
                false => io::aged_text(&tables),
            })
        }
    };
    match printed {
        Ok(text) => {
            print!("{text}");
            0
        }
        Err(errors) => {
            report_errors(&errors);
            2
        }
    }
}

fn report_errors(errors: &[ImportError]) {
    for e in errors {
        eprintln!("{e}");
    }
    eprintln!("dcc-perf: {} error(s); nothing computed", errors.len());
}
