use dcc_perf::engine::credit_table::{reconcile, reported_periods};
use dcc_perf::engine::scheme::CreditScheme;
use dcc_perf::engine::work::{Outcome, Work};
use dcc_perf::engine::{Month, Provider, Settings};
use dcc_perf::io;
use std::collections::BTreeSet;
use std::time::Instant;

fn main() {
    let sample = io::sample();
    let five_text = std::fs::read("/tmp/five.csv").unwrap();
    let five = io::read_dataset("five.csv", &five_text).unwrap();
    let five = sample.replaced_by(&five);
    for (name, data) in [("sample", sample), ("five", five)] {
        let work = Work::new(
            data,
            CreditScheme::default(),
            dcc_perf::engine::opr::Regime::default(),
        );
        let out = Outcome::of(&work, Settings::default());
        let month: Month = *out.results.months().first().unwrap();
        let periods = reported_periods(&work.data);
        let _ = out.credits_over(&BTreeSet::from([month]));
        let _ = reconcile(&out.credits_over(&periods), &work.data);
        let mut prev = out;
        let t = Instant::now();
        let mut parts = [0f64; 4];
        let n = 200;
        for i in 0..n {
            let mut s = (*prev.work.scheme).clone();
            s.provider_mut(if i % 2 == 0 {
                Provider::Dsp
            } else {
                Provider::Cspn
            })
            .unwrap()
            .money_per_point = (150 + i).into();
            let w = Work {
                scheme: std::rc::Rc::new(s),
                ..prev.work.clone()
            };
            let t0 = Instant::now();
            let next = prev.next(&w, Settings::default());
            let t1 = Instant::now();
            let _ = next.credits_over(&BTreeSet::from([month]));
            let t2 = Instant::now();
            let all = next.credits_over(&periods);
            let t3 = Instant::now();
            let c = vec![dcc_perf::engine::credit_table::differences(&all, &w.data)];
            let t4 = Instant::now();
            parts[0] += (t1 - t0).as_secs_f64();
            parts[1] += (t2 - t1).as_secs_f64();
            parts[2] += (t3 - t2).as_secs_f64();
            parts[3] += (t4 - t3).as_secs_f64();
            assert!(!c.is_empty() || name == "sample");
            prev = next;
        }
        println!("{:?}", parts.map(|p| p * 1000.0 / n as f64));
        println!(
            "{name}: {} rows, {} reported periods, month {month}: {:.3} ms per what-if",
            prev.results.rows.len(),
            periods.len(),
            t.elapsed().as_secs_f64() * 1000.0 / n as f64
        );
    }
}
