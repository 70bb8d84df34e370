#!/usr/bin/env bash
# The one test command: native tests, release wasm build, browser tests.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"

section() { printf '\n==== %s ====\n\n' "$*"; }

section "1/4 setup (tools and dependencies)"
bash scripts/setup.sh

section "2/4 cargo test --locked (engine, io, CLI)"
cargo test --locked

section "3/4 trunk build --offline --release (dist/), and the single-file build"
trunk build --offline --release
[[ -f dist/index.html ]] || { echo "trunk build produced no dist/index.html" >&2; exit 1; }
# The single-file build, which the browser tests open from disk.
bash scripts/build-single-file.sh

section "4/4 browser tests (headless Chromium)"
# (node's test summary stays the last output, for tools that read it)
node --test tests/browser/
