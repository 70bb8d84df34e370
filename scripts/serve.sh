#!/usr/bin/env bash
# Build and serve the app locally (release build, no network access).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"

bash scripts/setup.sh

PORT="${PORT:-8080}"
echo
echo "Serving dcc-perf at http://127.0.0.1:${PORT}/  (Ctrl-C to stop)"
echo
# --no-autoreload: Trunk's reload script is inline, which the page's
# Content-Security-Policy refuses (a console error on every load).
exec trunk serve --offline --release --no-autoreload --address 127.0.0.1 --port "$PORT"
