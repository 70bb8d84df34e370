//! `dcc-perf`: compute service levels from a file and print the results as
//! JSON. It reads every format the app imports (long or wide tables with
//! commas, tabs or semicolons; incident lists; dataset JSON; scenario files)
//! through the same reader, so errors are reported the same way. With no
//! file it uses the embedded March 2021 sample.
//!
//! ```text
//! dcc-perf [FILE] [--rule unrounded|2dp|3dp] [--month YYYY-MM] [--pretty]
//!          [--output results|csv|credits|scenario]
//! ```
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
mod cli {
    use dcc_perf::engine::credit_table::reconcile;
    use dcc_perf::engine::credits::compute;
    use dcc_perf::engine::{evaluate, ComparisonRule, Month};
    use dcc_perf::io;

    const USAGE: &str =
        "usage: dcc-perf [FILE] [--rule unrounded|2dp|3dp] [--month YYYY-MM] [--pretty]\n\
        \x20               [--output results|csv|credits|scenario]\n\
        Reads figures in any format the app imports (long or wide CSV/TSV, an incident list,\n\
        dataset JSON or a scenario file; see README) and prints the results as JSON, or with\n\
        --output csv the dataset in the import format, --output credits the reported credits\n\
        in the credits format, or --output scenario a scenario file. Results include service\n\
        credits under the file's scheme (a scenario's) or the default March 2021 scheme.\n\
        With no FILE, uses the embedded March 2021 PMR sample.";

    #[derive(PartialEq)]
    enum Output {
        Results,
        Csv,
        Credits,
        Scenario,
    }

    struct Args {
        file: Option<String>,
        /// `None`: the file's own settings (a scenario), else the default.
        rule: Option<ComparisonRule>,
        month: Option<Month>,
        pretty: bool,
        output: Output,
    }

    fn parse(args: Vec<String>) -> Result<Args, String> {
        let mut out = Args {
            file: None,
            rule: None,
            month: None,
            pretty: false,
            output: Output::Results,
        };
        let mut it = args.into_iter();
        while let Some(a) = it.next() {
            match a.as_str() {
                "-h" | "--help" => return Err(String::new()),
                "--pretty" => out.pretty = true,
                "--rule" => out.rule = Some(it.next().ok_or("--rule needs a value")?.parse()?),
                "--output" => {
                    out.output = match it.next().as_deref() {
                        Some("results") => Output::Results,
                        Some("csv") => Output::Csv,
                        Some("scenario") => Output::Scenario,
                        Some("credits") => Output::Credits,
                        _ => return Err("--output needs results, csv, credits or scenario".into()),
                    }
                }
                "--month" => {
                    let m = it.next().ok_or("--month needs a value")?;
                    out.month = Some(
                        io::values::month(&m)
                            .ok_or(format!("--month: {}", io::values::PERIOD_EXPECTED))?,
                    );
                }
                s if s.starts_with('-') => return Err(format!("unknown option {s}")),
                _ if out.file.is_some() => return Err("only one FILE may be given".into()),
                _ => out.file = Some(a),
            }
        }
        Ok(out)
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
        let (data, saved, scheme) = match &args.file {
            None => (io::sample(), None, None),
            Some(path) => {
                let bytes = match std::fs::read(path) {
                    Ok(b) => b,
                    Err(e) => {
                        eprintln!("dcc-perf: {path}: {e}");
                        return 2;
                    }
                };
                let import = io::read(path, &bytes);
                for n in &import.notes {
                    eprintln!("{path}: {n}");
                }
                if !import.is_clean() {
                    for e in &import.errors {
                        eprintln!("{e}");
                    }
                    eprintln!(
                        "dcc-perf: {} error(s) in {} of {} rows; nothing computed",
                        import.errors.len(),
                        import.rejected,
                        import.rows
                    );
                    return 2;
                }
                (import.dataset, import.settings, import.scheme)
            }
        };
        let scheme = scheme.unwrap_or_default();
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
                let s = io::Scenario::new(data, settings, args.month).with_scheme(scheme, None);
                println!("{}", s.to_json());
                return 0;
            }
            Output::Results => {}
        }
        let mut results = evaluate(&data, settings);
        let credits = compute(&results, &scheme);
        let checks = reconcile(&credits, &data);
        let section = io::CreditsExport::new(&scheme, &credits, &checks, args.month);
        if let Some(m) = args.month {
            results.rows = results.for_month(m).into_iter().cloned().collect();
        }
        println!("{}", io::results_json(&results, Some(section), args.pretty));
        0
    }
}
