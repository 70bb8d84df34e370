//! Benchmark (prints figures, asserts nothing): how long the engine and each
//! chart take natively on a dataset, by default the five-year one that
//! `node scripts/gen-five-years.mjs` prints.
//!
//! ```text
//! node scripts/gen-five-years.mjs > /tmp/five.csv
//! cargo run --release --example chart_timing -- /tmp/five.csv
//! ```

use dcc_perf::chart::{cpm, heatmap, trend};
use dcc_perf::engine::{evaluate, Provider, Settings};
use std::time::Instant;

fn time<T>(what: &str, runs: u32, f: impl Fn() -> T) -> T {
    let mut out = f();
    let mut ms: Vec<f64> = Vec::new();
    for _ in 0..runs {
        let t = Instant::now();
        out = f();
        ms.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    ms.sort_by(|a, b| a.total_cmp(b));
    println!("{what}: median {:.2} ms over {runs} runs", ms[ms.len() / 2]);
    out
}

fn main() {
    let data = match std::env::args().nth(1) {
        Some(path) => {
            let bytes = std::fs::read(&path).unwrap_or_default();
            let import = dcc_perf::io::read(&path, &bytes);
            if !import.is_clean() {
                eprintln!("{path}: {} error(s)", import.errors.len());
                std::process::exit(2);
            }
            import.dataset
        }
        None => dcc_perf::io::sample(),
    };
    println!("{} observations", data.observations.len());
    let results = time("evaluate (all results)", 10, || {
        evaluate(&data, Settings::default())
    });
    println!(
        "{} months, {} result rows",
        results.months().len(),
        results.rows.len()
    );
    let t = time("trend chart (CSPN PM2)", 10, || {
        trend::trend(&results, "PM2", Provider::Cspn)
    });
    println!(
        "  trend SVG {} bytes, {} points",
        t.svg.len(),
        t.hotspots.len()
    );
    let c = time("CPM overview chart", 10, || cpm::cpm_overview(&results));
    println!(
        "  overview SVG {} bytes, {} points",
        c.svg.len(),
        c.hotspots.len()
    );
    let g = time("status grid chart", 10, || heatmap::status_grid(&results));
    println!(
        "  grid SVG {} bytes, {} points",
        g.svg.len(),
        g.hotspots.len()
    );
}
