#!/usr/bin/env bash
# Writes DIR/sw.js, the service worker (see offline.js's keepOffline): every
# file of the build in DIR kept on the first visit, under a name that
# changes with any of them, so a new build is a new version. The page itself
# is kept as ./ and index.html. Run by scripts/link-app.sh on Trunk's staging
# directory.
#   bash scripts/write-sw.sh DIR
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR="${1:?usage: write-sw.sh DIR}"
# Any file name but one with a line break (none in a build) is kept as
# written: spaces and quotes too.
mapfile -d '' -t files < <(cd "$DIR" && find . -type f ! -name sw.js -printf '%P\0' | LC_ALL=C sort -z)
for f in "${files[@]}"; do
  [[ "$f" != *$'\n'* ]] || { echo "write-sw: a file name with a line break: $f" >&2; exit 1; }
done
version="$(cd "$DIR" && sha256sum -- "${files[@]}" | sha256sum | cut -c1-16)"
{
  echo "// Written by scripts/write-sw.sh for this build: keeps the app's own files"
  echo "// in the browser on the first visit, so that afterwards it opens and"
  echo "// computes with no network; a new build is a new version (see start.js)."
  echo "const VERSION = '$version';"
  echo "const FILES = ['./',"
  for f in "${files[@]}"; do
    f="${f//\\/\\\\}"
    printf "  './%s',\n" "${f//\'/\\\'}"
  done
  echo "];"
  cat "$ROOT/scripts/sw-body.js"
} >"$DIR/sw.js"
echo "write-sw: sw.js keeps ${#files[@]} files as dcc-perf-$version"
