//! How long reading the PMR's text takes natively: the whole March 2021
//! report and pages of it (`cargo run --release --example report_timing`).
fn main() {
    let text = include_str!("../tests/fixtures/reports/pmr-2021-03.txt");
    let lines: Vec<&str> = text.lines().collect();
    let page = format!(
        "DCC Performance Measurement Report\nMarch 2021\n{}",
        lines[2100..2180].join("\n")
    );
    for (what, t, n) in [
        ("whole report", text, 50u32),
        ("80 lines", page.as_str(), 2000),
    ] {
        let start = std::time::Instant::now();
        let mut figures = 0;
        for _ in 0..n {
            figures = dcc_perf::io::report::read("r.txt", t).figures.len();
        }
        let each = start.elapsed() / n;
        println!(
            "{what}: {} bytes, {figures} figures, {each:?} a read",
            t.len()
        );
    }
}
