//! Reads a report's text and prints what was read: `cargo run --example read_report -- FILE`.
fn main() {
    let path = std::env::args().nth(1).expect("a file");
    let bytes = std::fs::read(&path).expect("readable");
    let import = dcc_perf::io::read(&path, &bytes);
    for f in &import.figures {
        println!("{:>5} {:<28} {:<45} {}", f.line, f.place, f.subject, f.text);
    }
    for u in &import.unplaced {
        println!("UNPLACED line {}: {} — {}", u.line, u.text, u.why);
    }
    for e in &import.errors {
        println!("ERROR {e}");
    }
    for n in &import.notes {
        println!("NOTE {n}");
    }
    println!(
        "{} observations, {} credits",
        import.dataset.observations.len(),
        import.dataset.credits.len()
    );
}
