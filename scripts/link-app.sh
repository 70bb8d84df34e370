#!/usr/bin/env bash
# Trunk's post_build hook (Trunk.toml): puts the preloads written by
# scripts/build-app.sh (target/app-split-head.html) in the built page, before
# its start.js, so the browser fetches the app's first module, its glue and
# the part loader together instead of one import after another. The page in
# the repository cannot name them: their folder is named by the build's hash.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
HEAD="$TARGET_DIR/app-split-head.html"
STAGING="${TRUNK_STAGING_DIR:?run by Trunk as a post_build hook}"
PAGE="$STAGING/index.html"
# The page's start.js tag, as Trunk wrote it (minified in release builds).
START_RE='(<script[^>]*app-split/start\.js[^>]*></script>)'

[[ -f "$HEAD" ]] || { echo "link-app: $HEAD not found (scripts/build-app.sh writes it)" >&2; exit 1; }
page="$(<"$PAGE")"
[[ "$page" =~ $START_RE ]] || { echo "link-app: $PAGE has no <script> for app-split/start.js" >&2; exit 1; }
start="${BASH_REMATCH[1]}"
head="$(<"$HEAD")"
head="${head#"${head%%[![:space:]]*}"}" # START's own indent comes first
printf '%s\n' "${page/"$start"/"$head"$'\n    '"$start"}" >"$PAGE"

# The service worker that keeps the build for offline use.
bash "$ROOT/scripts/write-sw.sh" "$STAGING"
