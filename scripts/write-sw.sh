#!/usr/bin/env bash
# Writes DIR/sw.js, the service worker (see start.js's keepOffline): every
# file of the build in DIR kept on the first visit, under a name that
# changes with any of them, so a new build is a new version. The page itself
# is kept as ./ and index.html. Run by scripts/link-app.sh on Trunk's staging
# directory.
#   bash scripts/write-sw.sh DIR
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR="${1:?usage: write-sw.sh DIR}"
files="$(cd "$DIR" && find . -type f ! -name sw.js | sed 's|^\./||' | LC_ALL=C sort)"
version="$(cd "$DIR" && printf '%s\n' "$files" | xargs sha256sum | sha256sum | cut -c1-16)"
{
  echo "// Written by scripts/write-sw.sh for this build: keeps the app's own files"
  echo "// in the browser on the first visit, so that afterwards it opens and"
  echo "// computes with no network; a new build is a new version (see start.js)."
  echo "const VERSION = '$version';"
  echo "const FILES = ['./',"
  printf '%s\n' "$files" | sed "s|.*|  './&',|"
  echo "];"
  cat "$ROOT/scripts/sw-body.js"
} >"$DIR/sw.js"
echo "write-sw: sw.js keeps $(printf '%s\n' "$files" | wc -l) files as dcc-perf-$version"
