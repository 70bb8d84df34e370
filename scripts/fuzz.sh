#!/usr/bin/env bash
# Long run, not part of the tests: every cargo-fuzz target (or those named)
# on the nightly toolchain, one after another, one libFuzzer process at a
# time. Each target runs for SECONDS (default 300), or, with FUZZ_RUNS=N
# set, for N executions and no time limit. Seeds are in fuzz/seeds/<target>
# (from the fixtures, kept in the repo); what the fuzzer finds grows in
# fuzz/corpus/<target> (not kept; files there longer than the target's
# -max_len are deleted before the run, libFuzzer would only read their
# start). Prints per target its executions, the seconds taken, exec/s and
# whether it crashed; a crash leaves its input in fuzz/artifacts/<target>.
#   bash scripts/fuzz.sh [SECONDS] [TARGET...]
#   FUZZ_RUNS=10000000 bash scripts/fuzz.sh [TARGET...]
# FUZZ_MAX_LEN=N overrides every target's -max_len (defaults below).
# Exit status: 0 all clean, 1 a crash, 2 a target that did not build.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$PATH"
RUNS="${FUZZ_RUNS:-}"
SECS=""
if [[ -z "$RUNS" ]]; then
  SECS="${1:-300}"
  shift || true
elif [[ "${1:-}" =~ ^[0-9]+$ ]]; then
  shift # a SECONDS given as well: FUZZ_RUNS wins
fi

command -v cargo-fuzz >/dev/null 2>&1 || cargo install cargo-fuzz --locked
rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal

# No sanitizer: safe Rust needs none to find panics, and it runs several
# times faster without. No trace-compares instrumentation: it took most of
# the time of the table readers (the comparisons of every parsed field),
# and without it they run several times faster. cargo fuzz's default build
# (optimised, with debug assertions and overflow checks) is kept.
FLAGS=(-s none --no-trace-compares)

# -max_len: how long an input may grow. A run's cost grows with the input,
# so it is kept to what a reader needs: a table, a JSON file, a cell or a
# link is found wrong in a few lines; report text and anything pasted get
# a couple of pages; a workbook (a zip) must fit its seeds whole.
max_len() {
  case "$1" in
    report_text | paste) echo 8192 ;;
    workbook) echo 32768 ;;
    *) echo 4096 ;;
  esac
}

targets=("$@")
[[ ${#targets[@]} -gt 0 ]] || mapfile -t targets < <(cd fuzz && cargo +nightly fuzz list)

status=0
for t in "${targets[@]}"; do
  len="${FUZZ_MAX_LEN:-$(max_len "$t")}"
  log="$(mktemp)"
  if ! (cd fuzz && cargo +nightly fuzz build "${FLAGS[@]}" "$t") >"$log" 2>&1; then
    printf 'fuzz: %-14s did not build (see %s)\n' "$t" "$log"
    status=2
    continue
  fi
  mkdir -p "fuzz/corpus/$t"
  find "fuzz/corpus/$t" -type f -size +"$len"c -delete
  if [[ -n "$RUNS" ]]; then limit=(-runs="$RUNS"); else limit=(-max_total_time="$SECS"); fi
  start="$(date +%s)"
  if (cd fuzz && cargo +nightly fuzz run "${FLAGS[@]}" "$t" "corpus/$t" "seeds/$t" -- \
      "${limit[@]}" -max_len="$len" -print_final_stats=1) >>"$log" 2>&1; then
    result="no crash"
  else
    result="CRASH (see fuzz/artifacts/$t and $log)"
    status=1
  fi
  took=$(($(date +%s) - start))
  runs="$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' | tail -1 || true)"
  rate="?"
  [[ -z "$runs" ]] || rate=$((runs / (took > 0 ? took : 1)))
  printf 'fuzz: %-14s %12s executions in %6ss (%6s exec/s, -max_len=%s): %s\n' \
    "$t" "${runs:-?}" "$took" "$rate" "$len" "$result"
done
exit $status
