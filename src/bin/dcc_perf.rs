//! `dcc-perf`: compute service levels from a dataset file and print the
//! results as JSON. With no file it uses the embedded March 2021 sample.
//!
//! ```text
//! dcc-perf [FILE] [--rule unrounded|2dp|3dp] [--month YYYY-MM] [--pretty]
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
    use dcc_perf::engine::{evaluate, ComparisonRule, Month, Settings};
    use dcc_perf::io;

    const USAGE: &str = "usage: dcc-perf [FILE] [--rule unrounded|2dp|3dp] [--month YYYY-MM] [--pretty]\n\
        Reads a dataset (long-form CSV or the app's JSON; see README) and prints the results as JSON.\n\
        With no FILE, uses the embedded March 2021 PMR sample.";

    struct Args {
        file: Option<String>,
        rule: ComparisonRule,
        month: Option<Month>,
        pretty: bool,
    }

    fn parse(args: Vec<String>) -> Result<Args, String> {
        let mut out = Args {
            file: None,
            rule: ComparisonRule::default(),
            month: None,
            pretty: false,
        };
        let mut it = args.into_iter();
        while let Some(a) = it.next() {
            match a.as_str() {
                "-h" | "--help" => return Err(String::new()),
                "--pretty" => out.pretty = true,
                "--rule" => out.rule = it.next().ok_or("--rule needs a value")?.parse()?,
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
        let data = match &args.file {
            None => io::sample(),
            Some(path) => {
                let bytes = match std::fs::read(path) {
                    Ok(b) => b,
                    Err(e) => {
                        eprintln!("dcc-perf: {path}: {e}");
                        return 2;
                    }
                };
                match io::read_dataset(path, &bytes) {
                    Ok(d) => d,
                    Err(errors) => {
                        for e in &errors {
                            eprintln!("{e}");
                        }
                        eprintln!("dcc-perf: {} error(s); nothing computed", errors.len());
                        return 2;
                    }
                }
            }
        };
        let mut results = evaluate(&data, Settings { rule: args.rule });
        if let Some(m) = args.month {
            results.rows = results.for_month(m).into_iter().cloned().collect();
        }
        println!("{}", io::results_json(&results, args.pretty));
        0
    }
}
