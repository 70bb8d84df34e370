//! `dcc-perf`: compute service levels from a file and print the results as
//! JSON. It reads every format the app imports (long or wide tables with
//! commas, tabs or semicolons; incident lists; dataset JSON; scenario files)
//! through the same reader, so errors are reported the same way. With no
//! file it uses the embedded March 2021 sample.
//!
//! ```text
//! dcc-perf [FILE] [--rule unrounded|2dp|3dp] [--month YYYY-MM] [--pretty]
//!          [--output results|csv|credits|scenario|opr|month|variance|rdp|problems|exclusions|aged]
//!          [--csv]
//!          [--sheet NAME]
//! ```
//!
//! An .xlsx or .ods workbook is read sheet by sheet (`--sheet` names one;
//! by default the first that reads as figures, said on stderr when several
//! sheets hold data).
//!
//! A spreadsheet the reader has questions about is answered with
//! `--column ROLE=HEADER` (which column is which), `--provider TEXT=CODE`
//! (which provider a name means, `Telefonica=CSPS`) and `--fractions
//! percent|as-printed` (whether 0.991 is 99.1%), each as the app asks.
//!
//! Exit status: 0 success, 1 usage error, 2 the file could not be read or
//! had errors (each printed on stderr with its file, row, column and value).

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(cli::run(std::env::args().skip(1).collect()));
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod reports;

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use super::reports;
    use dcc_perf::engine::credit_table::reconcile;
    use dcc_perf::engine::credits::compute;
    use dcc_perf::engine::{evaluate, ComparisonRule, Month};
    use dcc_perf::io;

    const USAGE: &str =
        "usage: dcc-perf [FILE] [--rule unrounded|2dp|3dp] [--month YYYY-MM] [--pretty]\n\
        \x20               [--output results|csv|credits|scenario|opr|month|variance|rdp|problems|exclusions|aged]\n\
        \x20               [--csv]\n\
        \x20               [--sheet NAME]\n\
        Reads figures in any format the app imports (long or wide CSV/TSV, an incident list,\n\
        dataset JSON, a scenario file, or a sheet of an .xlsx/.ods workbook: --sheet NAME,\n\
        else the first sheet that reads as figures; see README) and prints the results as JSON, or with\n\
        --output csv the dataset in the import format, --output credits the reported credits\n\
        in the credits format, --output scenario a scenario file, or --output opr each OPR\n\
        year's margin kept and lost as a table, --output month the month on one page (the\n\
        latest, or --month's): CPMs, misses, money, what the report gets wrong, its claims; or with\n\
        --output variance the forecast variance (CSR, SR) of FILE read as a variance table\n\
        (with no FILE, July 2019's), --output rdp the RDP incidents and their carry-over of\n\
        FILE read as an RDP table (with no FILE, July 2019's and August 2021's), or --output\n\
        problems the problem records of FILE, a problems table or a report's text (with no\n\
        FILE, March 2021's Table 31), or --output exclusions the exclusion and exception lists of\n\
        FILE, an exclusions table or a report's text (with no FILE, March 2021's), each sum\n\
        checked and each odd count flagged, or --output aged the aged incident tables (Tables 9\n\
        and 10) of FILE, a table or a report's text (with no FILE, March 2021's): totals checked,\n\
        ages at the point of extract, the report's claims; with --csv these five print their table instead\n\
        (a converter from a report's text); see README. Results include service credits under the\n\
        file's scheme (a scenario's) or the default March 2021 scheme, and the OPR margin\n\
        for the file's OPR years (a scenario's) or the shipped RY22/23 to RY24/25.\n\
        With no FILE, uses the embedded March 2021 PMR sample.\n\
        A spreadsheet's questions are answered with --column ROLE=HEADER (repeatable; roles:\n\
        period, measure, provider, region, value, successes, total, category, target, minimum,\n\
        note, reported_in, excluded, ignore), --provider TEXT=CODE (e.g. Telefonica=CSPS) and\n\
        --fractions percent|as-printed.";

    #[derive(PartialEq)]
    enum Output {
        Results,
        Csv,
        Credits,
        Scenario,
        Opr,
        /// The month on one page, as text.
        Month,
        /// One of the other reports (forecast variance, RDP incidents,
        /// problem records, exclusions, aged incidents) from its own table
        /// or a report's text, as text or (`--csv`) its table.
        Report(reports::Kind),
    }

    struct Args {
        file: Option<String>,
        /// `None`: the file's own settings (a scenario), else the default.
        rule: Option<ComparisonRule>,
        month: Option<Month>,
        pretty: bool,
        /// The other reports as their table, not as text.
        csv: bool,
        output: Output,
        /// The workbook sheet to read.
        sheet: Option<String>,
        /// Answers to a spreadsheet's questions.
        choices: io::sheet::Choices,
    }

    fn parse(args: Vec<String>) -> Result<Args, String> {
        let mut out = Args {
            file: None,
            rule: None,
            month: None,
            pretty: false,
            csv: false,
            output: Output::Results,
            sheet: None,
            choices: io::sheet::Choices::default(),
        };
        let mut it = args.into_iter();
        while let Some(a) = it.next() {
            match a.as_str() {
                "-h" | "--help" => return Err(String::new()),
                "--pretty" => out.pretty = true,
                "--csv" => out.csv = true,
                "--rule" => out.rule = Some(it.next().ok_or("--rule needs a value")?.parse()?),
                "--output" => out.output = match it.next().as_deref() {
                    Some("results") => Output::Results,
                    Some("csv") => Output::Csv,
                    Some("scenario") => Output::Scenario,
                    Some("credits") => Output::Credits,
                    Some("opr") => Output::Opr,
                    Some("month") => Output::Month,
                    other => match other.and_then(reports::Kind::parse) {
                        Some(kind) => Output::Report(kind),
                        None => return Err(
                        "--output needs results, csv, credits, scenario, opr, month, variance, rdp, problems, exclusions or aged"
                            .into(),
                        ),
                    },
                },
                "--sheet" => out.sheet = Some(it.next().ok_or("--sheet needs a sheet name")?),
                "--month" => {
                    let m = it.next().ok_or("--month needs a value")?;
                    out.month = Some(
                        io::values::month(&m)
                            .ok_or(format!("--month: {}", io::values::PERIOD_EXPECTED))?,
                    );
                }
                "--column" | "--provider" | "--fractions" => {
                    let value = it.next().ok_or(format!("{a} needs a value"))?;
                    choose(&mut out.choices, &a, &value)?;
                }
                s if s.starts_with('-') => return Err(format!("unknown option {s}")),
                _ if out.file.is_some() => return Err("only one FILE may be given".into()),
                _ => out.file = Some(a),
            }
        }
        Ok(out)
    }

    /// One answer to a spreadsheet's questions, as an option gives it.
    fn choose(choices: &mut io::sheet::Choices, option: &str, value: &str) -> Result<(), String> {
        use dcc_perf::engine::Provider;
        use io::sheet::{Fractions, Role};
        if option == "--fractions" {
            choices.fractions = Some(match value {
                "percent" => Fractions::Percent,
                "as-printed" => Fractions::AsPrinted,
                _ => return Err("--fractions needs percent or as-printed".into()),
            });
            return Ok(());
        }
        let (left, right) = value.split_once('=').ok_or(format!(
            "{option} needs a value such as {}",
            if option == "--column" {
                "value=\"Achieved %\""
            } else {
                "Telefonica=CSPS"
            }
        ))?;
        if option == "--column" {
            let role = Role::parse(left).ok_or(format!(
                "{option}: {left:?} is no role; roles: {}",
                Role::ALL.map(Role::name).join(", ")
            ))?;
            choices.columns.insert(right.trim().to_string(), role);
        } else {
            let provider = Provider::parse(right).ok_or(format!(
                "{option}: {right:?} is no provider; one of {}",
                Provider::ALL.map(Provider::code).join(", ")
            ))?;
            choices.providers.insert(left.trim().to_string(), provider);
        }
        Ok(())
    }

    /// A spreadsheet's question, with the option that answers it.
    fn question(q: &io::sheet::Question) -> String {
        use io::sheet::Question;
        match q {
            Question::Columns {
                header_row,
                missing,
                columns,
            } => {
                let names: Vec<&str> = missing.iter().map(|r| r.name()).collect();
                let cols: Vec<String> = columns
                    .iter()
                    .map(|c| format!("{} {:?} ({})", c.letter, c.header, c.samples.join(", ")))
                    .collect();
                format!(
                    "which column is which? None found for {}; row {header_row} has {}. Answer with --column ROLE=HEADER",
                    names.join(", "),
                    cols.join("; ")
                )
            }
            Question::Provider { text, choices, rows } => {
                let codes: Vec<&str> = choices.iter().map(|p| p.code()).collect();
                format!(
                    "which provider is {text:?} ({} rows)? Answer with --provider {text:?}={}",
                    rows.len(),
                    codes.join("|")
                )
            }
            Question::Fractions { place, rows, .. } => format!(
                "the {} levels in {place} are all between 0 and 1: percentages held as fractions? Answer with --fractions percent (×100) or --fractions as-printed",
                rows.len()
            ),
        }
    }

    pub fn run(args: Vec<String>) -> i32 {
        let args = match parse(args) {
            Ok(a) => a,
            Err(msg) => {
                if msg.is_empty() {
                    println!("{USAGE}");
                    return 0;
                }
                eprintln!("dcc-perf: {msg}\n{USAGE}");
                return 1;
            }
        };
        if let Output::Report(kind) = args.output {
            // The other reports' tables have no rule, sheet or answers to questions.
            if args.rule.is_some()
                || args.sheet.is_some()
                || !args.choices.is_empty()
                || args.pretty
            {
                let name = kind.name();
                eprintln!("dcc-perf: --output {name} takes FILE, --month and --csv only\n{USAGE}");
                return 1;
            }
            return reports::run(kind, args.file.as_deref(), args.month, args.csv);
        }
        if args.csv {
            eprintln!(
                "dcc-perf: --csv goes with --output variance, rdp, problems, exclusions or aged\n{USAGE}"
            );
            return 1;
        }
        let (data, saved, scheme, regime) = match &args.file {
            None => (io::sample(), None, None, None),
            Some(path) => {
                let bytes = match std::fs::read(path) {
                    Ok(b) => b,
                    Err(e) => {
                        eprintln!("dcc-perf: {path}: {e}");
                        return 2;
                    }
                };
                let import = if io::workbook::is_workbook(path, &bytes) {
                    match read_workbook(path, &bytes, args.sheet.as_deref(), &args.choices) {
                        Ok(import) => import,
                        Err(code) => return code,
                    }
                } else if args.sheet.is_some() {
                    eprintln!(
                        "dcc-perf: --sheet applies to .xlsx and .ods workbooks; {path} is not one"
                    );
                    return 1;
                } else {
                    io::read_with(path, &bytes, &args.choices)
                };
                for n in &import.notes {
                    eprintln!("{path}: {n}");
                }
                for u in &import.unplaced {
                    eprintln!(
                        "{path}, line {}: could not read {:?}: {}",
                        u.line, u.text, u.why
                    );
                }
                if !import.is_clean() {
                    for e in &import.errors {
                        eprintln!("{e}");
                    }
                    for q in import.sheet.iter().flat_map(|s| &s.questions) {
                        eprintln!("{path}: {}", question(q));
                    }
                    eprintln!(
                        "dcc-perf: {} error(s) in {} of {} rows; nothing computed",
                        import.errors.len(),
                        import.rejected,
                        import.rows
                    );
                    return 2;
                }
                (
                    import.dataset,
                    import.settings,
                    import.scheme,
                    import.regime,
                )
            }
        };
        let scheme = scheme.unwrap_or_default();
        let regime = regime.unwrap_or_else(io::regime::sample);
        let mut settings = saved.unwrap_or_default();
        if let Some(rule) = args.rule {
            settings.rule = rule;
        }
        match args.output {
            Output::Csv => {
                print!("{}", io::write::dataset_csv(&data));
                return 0;
            }
            Output::Credits => {
                print!("{}", io::write::credits_csv(&data));
                return 0;
            }
            Output::Scenario => {
                let s = io::Scenario::new(data, settings, args.month)
                    .with_scheme(scheme, None)
                    .with_regime(regime, Vec::new());
                println!("{}", s.to_json());
                return 0;
            }
            Output::Results | Output::Opr | Output::Month | Output::Report(_) => {}
        }
        let mut results = evaluate(&data, settings);
        let opr = dcc_perf::engine::margin::compute_all(&regime, &results);
        if args.output == Output::Opr {
            print!("{}", opr_table(&opr));
            return 0;
        }
        let credits = compute(&results, &scheme);
        if args.output == Output::Month {
            let Some(month) = args.month.or_else(|| results.months().first().copied()) else {
                eprintln!("dcc-perf: no monthly figures to review");
                return 2;
            };
            let review = dcc_perf::engine::review::review(
                &dcc_perf::engine::review::Computed {
                    data: &data,
                    results: &results,
                    credits: &credits,
                    margins: &opr,
                    regime: &regime,
                },
                month,
            );
            print!("{}", io::review_text::month_text(&review));
            return 0;
        }
        let checks = reconcile(&credits, &data);
        let section = io::CreditsExport::new(&scheme, &credits, &checks, args.month);
        if let Some(m) = args.month {
            results = results.only_month(m);
        }
        println!(
            "{}",
            io::results_json(&results, &data, Some(section), &opr, args.pretty)
        );
        0
    }

    /// The chosen sheet of a workbook, read as figures; on failure the exit
    /// status, after saying why on stderr.
    #[cfg(feature = "workbook")]
    fn read_workbook(
        path: &str,
        bytes: &[u8],
        sheet: Option<&str>,
        choices: &io::sheet::Choices,
    ) -> Result<io::Import, i32> {
        use io::workbook::{default_sheet, has_data, read_sheet, sheets};
        let grids = sheets(path, bytes).map_err(|e| {
            eprintln!("{e}");
            2
        })?;
        let quoted = |i: &mut dyn Iterator<Item = &io::sheet::Grid>| {
            i.map(|g| format!("{:?}", g.name))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let all = quoted(&mut grids.iter());
        let chosen = match sheet {
            Some(name) => grids.iter().position(|g| g.name == name).ok_or_else(|| {
                eprintln!("dcc-perf: {path} has no sheet {name:?}; its sheets are {all}");
                2
            })?,
            None => {
                let Some(i) = default_sheet(path, &grids) else {
                    eprintln!(
                        "{path}: every sheet is empty ({all}); expected a header row and figures"
                    );
                    return Err(2);
                };
                let with_data = grids.iter().filter(|g| has_data(g)).count();
                if with_data > 1 {
                    eprintln!(
                        "{path}: {with_data} sheets hold data ({}); read {:?}; choose another with --sheet NAME",
                        quoted(&mut grids.iter().filter(|g| has_data(g))),
                        grids[i].name
                    );
                }
                i
            }
        };
        Ok(read_sheet(path, &grids[chosen], choices))
    }

    #[cfg(not(feature = "workbook"))]
    fn read_workbook(
        path: &str,
        _: &[u8],
        _: Option<&str>,
        _: &io::sheet::Choices,
    ) -> Result<io::Import, i32> {
        eprintln!("dcc-perf: {path}: this build reads no workbooks (built without the workbook feature); save the sheet as CSV");
        Err(2)
    }

    /// Each year as the submission's summary table: weight, performance,
    /// share kept, £m kept and lost, and the totals.
    fn opr_table(years: &[dcc_perf::engine::margin::YearMargin]) -> String {
        use dcc_perf::engine::margin::{millions, percent};
        use std::fmt::Write;
        let mut out = String::new();
        for y in years {
            let _ = writeln!(
                out,
                "{} ({} to {}), margin at risk £{}m",
                y.year,
                y.first.long_name(),
                y.last.long_name(),
                millions(y.margin_at_risk)
            );
            let _ = writeln!(
                out,
                "{:<6} {:>8} {:<64} {:>8} {:>10} {:>10}",
                "", "weight", "performance", "kept %", "kept £m", "lost £m"
            );
            for m in &y.measures {
                let one = m.parts.len() == 1;
                let perf: Vec<String> = m
                    .parts
                    .iter()
                    .map(|p| {
                        let v = match p.performance {
                            Some(v) => dcc_perf::engine::format::brief(v),
                            None if p.decided => "decided".into(),
                            None => "—".into(),
                        };
                        if one {
                            v
                        } else {
                            format!("{} {v}", p.label)
                        }
                    })
                    .collect();
                let amount = |v| {
                    if m.unassessed == m.margin && !m.margin.is_zero() {
                        "—".to_string()
                    } else {
                        millions(v)
                    }
                };
                let share = m.share_kept.map_or("—".into(), percent);
                let _ = writeln!(
                    out,
                    "{:<6} {:>8} {:<64} {:>8} {:>10} {:>10}",
                    m.code,
                    percent(m.weight),
                    perf.join(", "),
                    share,
                    amount(m.kept),
                    amount(m.lost)
                );
            }
            let _ = writeln!(
                out,
                "{:<6} {:>8} {:<64} {:>8} {:>10} {:>10}",
                "Total",
                percent(y.total_weight),
                if y.unassessed.is_zero() {
                    String::new()
                } else {
                    format!("£{}m not assessed", millions(y.unassessed))
                },
                "",
                millions(y.kept),
                millions(y.lost)
            );
            let differ = y
                .checks
                .iter()
                .filter(|c| c.agreement == dcc_perf::engine::margin::Agreement::Differs)
                .count();
            let _ = writeln!(
                out,
                "checks: {} of {} agree or differ only by rounding\n",
                y.checks.len() - differ,
                y.checks.len()
            );
        }
        out
    }
}
