//! Times the incident reader alone on a file in memory (no evaluation):
//! `cargo run --release --example incident_timing -- FILE [RUNS]`.
use dcc_perf::io::incidents::IncidentReader;
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: incident_timing FILE [RUNS]");
        return;
    };
    let runs: usize = args
        .next()
        .and_then(|r| r.parse().ok())
        .unwrap_or(10)
        .max(1);
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{path}: {e}");
            return;
        }
    };
    // The separator as the app finds it, from the first line.
    let delimiter = dcc_perf::io::sniff_delimiter(&String::from_utf8_lossy(
        bytes.split(|&b| b == b'\n').next().unwrap_or_default(),
    ));
    let mut times = Vec::new();
    for _ in 0..runs {
        let t = Instant::now();
        let Ok(mut reader) = IncidentReader::new(&path, bytes.clone(), delimiter) else {
            eprintln!("{path}: not an incident list");
            return;
        };
        while !reader.step(usize::MAX) {}
        let import = reader.finish();
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        std::hint::black_box(import);
    }
    times.sort_by(|a, b| a.total_cmp(b));
    let at = |i: usize| times.get(i).copied().unwrap_or(f64::NAN);
    println!(
        "{} bytes: median {:.1} ms, best {:.1} ms over {runs} runs",
        bytes.len(),
        at(times.len() / 2),
        at(0)
    );
}
