#!/usr/bin/env bash
# Long run, not part of the tests: every cargo-fuzz target for SECONDS each
# (default 300), on the nightly toolchain. Seeds are in fuzz/seeds/<target>
# (from the fixtures, kept in the repo); what the fuzzer finds grows in
# fuzz/corpus/<target> (not kept). Prints each target's executions and
# whether it crashed; a crash leaves its input in fuzz/artifacts/<target>.
#   bash scripts/fuzz.sh [SECONDS] [TARGET...]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$PATH"
SECS="${1:-300}"
shift || true

command -v cargo-fuzz >/dev/null 2>&1 || cargo install cargo-fuzz --locked
rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal

targets=("$@")
[[ ${#targets[@]} -gt 0 ]] || mapfile -t targets < <(cargo +nightly fuzz list)

status=0
for t in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$t"
  log="$(mktemp)"
  # -max_len: several pages of report text, and small workbooks.
  # No sanitizer: safe Rust needs none to find panics, and it runs several
  # times faster without.
  if cargo +nightly fuzz run -s none "$t" "fuzz/corpus/$t" "fuzz/seeds/$t" -- \
      -max_total_time="$SECS" -max_len=16384 -print_final_stats=1 >"$log" 2>&1; then
    result="no crash"
  else
    result="CRASH (see fuzz/artifacts/$t and $log)"
    status=1
  fi
  runs="$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' | tail -1)"
  printf 'fuzz: %-14s %12s executions in %ss: %s\n' "$t" "${runs:-?}" "$SECS" "$result"
done
exit $status
