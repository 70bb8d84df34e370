//! How long the month view's work takes natively, step by step, on the
//! sample (`cargo run --release --example month_timing`): evaluating the
//! results, credits, the OPR years, and the review itself.

use dcc_perf::engine::review::{review, Computed};
use dcc_perf::engine::{credits, evaluate, margin, scheme::CreditScheme, Settings};
use dcc_perf::io;
use std::time::Instant;

fn main() {
    let runs = 20;
    let data = io::sample();
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
    println!(
        "mean of {runs}: evaluate {:.2} ms, credits {:.2} ms, OPR years {:.2} ms, review {:.2} ms",
        t[0], t[1], t[2], t[3]
    );
}
