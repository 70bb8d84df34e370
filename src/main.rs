//! The browser app's entry point, built for wasm32 by Trunk (see README).

#[cfg(target_arch = "wasm32")]
fn main() {
    dcc_perf::ui::run();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("dcc-perf-app is the browser app: build and serve it with `bash scripts/serve.sh` (see README).");
    eprintln!("For the command line use `cargo run --bin dcc-perf -- --help`.");
}
