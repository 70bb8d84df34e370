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
    let runs: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(10);
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{path}: {e}");
            return;
        }
    };
    let mut times = Vec::new();
    for _ in 0..runs {
        let t = Instant::now();
        let Ok(mut reader) = IncidentReader::new(&path, bytes.clone(), b',') else {
            eprintln!("{path}: not an incident list");
            return;
        };
        while !reader.step(usize::MAX) {}
        let import = reader.finish();
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        std::hint::black_box(import);
    }
    times.sort_by(|a, b| a.total_cmp(b));
    println!(
        "{} bytes: median {:.1} ms, best {:.1} ms over {runs} runs",
        bytes.len(),
        times[times.len() / 2],
        times[0]
    );
}
