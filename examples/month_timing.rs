//! How long the month view's work takes natively, step by step, on the
//! sample (`cargo run --release --example month_timing`) or a file
//! (`node scripts/gen-five-years.mjs > /tmp/five.csv; cargo run --release
//! --example month_timing /tmp/five.csv`): evaluating the results, credits,
//! the OPR years, and the review itself; then an edit (one figure changed,
//! the results worked out from the last ones, only where it reaches).

use dcc_perf::engine::review::{review, Computed};
use dcc_perf::engine::{credits, evaluate, margin, scheme::CreditScheme, Settings};
use dcc_perf::io;
use std::time::Instant;

fn main() {
    let runs = 20;
    let data = match std::env::args().nth(1) {
        Some(path) => {
            let bytes = std::fs::read(&path).unwrap_or_default();
            match io::read_dataset(&path, &bytes) {
                Ok(d) => d,
                Err(e) => {
                    return eprintln!("{path}: {} errors, the first: {:?}", e.len(), e.first())
                }
            }
        }
        None => io::sample(),
    };
    let regime = io::regime::sample();
    let mut t = [0f64; 4];
    for _ in 0..runs {
        let t0 = Instant::now();
        let results = evaluate(&data, Settings::default());
        let t1 = Instant::now();
        let credits = credits::compute(&results, &CreditScheme::default());
        let t2 = Instant::now();
        let margins = margin::compute_all(&regime, &results);
        let t3 = Instant::now();
        let month = results.months()[0];
        let r = review(
            &Computed {
                data: &data,
                results: &results,
                credits: &credits,
                margins: &margins,
                regime: &regime,
            },
            month,
        );
        let t4 = Instant::now();
        std::hint::black_box(r);
        for (i, (a, b)) in [(t0, t1), (t1, t2), (t2, t3), (t3, t4)].iter().enumerate() {
            t[i] += (*b - *a).as_secs_f64() * 1000.0 / runs as f64;
        }
    }
    // An edit: one figure changed, the results worked out from the last ones.
    let results = evaluate(&data, Settings::default());
    let pm24 = data.observations.iter().find(|o| o.measure == "PM2.4");
    let Some(o) = pm24.or(data.observations.first()) else {
        return println!("no figures: nothing to edit");
    };
    let (mut te, mut ta) = (0f64, 0f64);
    for i in 0..runs {
        let t0 = Instant::now();
        let level = rust_decimal::Decimal::new(9_000 + i as i64, 2);
        let next = data.with_input(
            o.period,
            &o.measure,
            o.provider,
            dcc_perf::engine::Input::Level { level },
        );
        let t1 = Instant::now();
        std::hint::black_box(results.after(&data, &next));
        let t2 = Instant::now();
        te += (t1 - t0).as_secs_f64() * 1000.0 / runs as f64;
        ta += (t2 - t1).as_secs_f64() * 1000.0 / runs as f64;
    }
    println!("an edit: the figures changed {te:.2} ms, the results after it {ta:.2} ms");
    println!(
        "mean of {runs}: evaluate {:.2} ms, credits {:.2} ms, OPR years {:.2} ms, review {:.2} ms",
        t[0], t[1], t[2], t[3]
    );
}
