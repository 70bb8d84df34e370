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
exec trunk serve --offline --release --address 127.0.0.1 --port "$PORT"
