#!/usr/bin/env bash
# Writes the calculator as one self-contained HTML file, for machines where
# nothing can be installed or served: the app's wasm (unsplit, without the
# workbook reader, which needs a worker of its own), its JS glue and every
# style inside the page, which opens from disk (file://) with no server and
# no network. Its Content-Security-Policy allows only its own script and
# styles, by their hashes.
#
#   bash scripts/build-single-file.sh [OUT]      (default target/single-file/dcc-perf.html)
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/tools.sh"
need build-single-file wasm-bindgen wasm-opt terser openssl base64

TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
OUT="${1:-$TARGET_DIR/single-file/dcc-perf.html}"
WORK="$TARGET_DIR/single-file-work"
rm -rf "$WORK"
mkdir -p "$WORK" "$(dirname "$OUT")"

# Unsplit (no `split` feature): one module holds every view.
cargo build --quiet --release --target wasm32-unknown-unknown --no-default-features --bin dcc-perf-app
wasm-bindgen --target web --no-typescript --out-dir "$WORK" --out-name app \
  "$TARGET_DIR/wasm32-unknown-unknown/release/dcc-perf-app.wasm"
wasm-opt -Oz --strip-producers --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue "$WORK/app_bg.wasm" -o "$WORK/app_bg.wasm"

# (Into variables first: a failure there stops the script under set -e,
# where inside an argument it would not.)
wasm64="$(base64 -w0 "$WORK/app_bg.wasm")"
[[ -n "$wasm64" ]] || { echo "build-single-file: the wasm did not encode" >&2; exit 1; }

# The script: the glue (a module: its exports are harmless), then the wasm
# from base64, handed to the glue's init.
{
  cat "$WORK/app.js"
  printf '\nconst appWasmBytes = Uint8Array.from(atob("%s"), (c) => c.charCodeAt(0));\n' "$wasm64"
  cat scripts/not-started.js
  echo "__wbg_init({ module_or_path: appWasmBytes }).catch((e) => notStarted(e, ''));"
} >"$WORK/script.js"
terser "$WORK/script.js" --module --compress --mangle -o "$WORK/script.min.js"

# Every style, in the order the served app has them: the first load's,
# then the views' (which end with the month's and print's again).
cat "${FIRST_LOAD_CSS[@]}" "${VIEWS_CSS[@]}" >"$WORK/styles.css"

# Inlined, a closing tag in the text would end its element early.
if grep -qi '</script' "$WORK/script.min.js" || grep -qi '</style' "$WORK/styles.css"; then
  echo "build-single-file: the script or the styles contain a closing tag; they cannot be inlined" >&2
  exit 1
fi

hash() {
  local h
  h="$(openssl dgst -sha256 -binary "$1" | base64 -w0)"
  [[ ${#h} -eq 44 ]] || { echo "build-single-file: no SHA-256 of $1" >&2; exit 1; }
  printf "'sha256-%s'" "$h"
}
# What the browser hashes is the element's text exactly as written below.
script_hash="$(hash "$WORK/script.min.js")"
style_hash="$(hash "$WORK/styles.css")"
policy="default-src 'none'; script-src $script_hash 'wasm-unsafe-eval'; style-src $style_hash; img-src data: blob:; connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'"

{
  printf '<!doctype html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8" />\n'
  printf '<meta name="viewport" content="width=device-width, initial-scale=1" />\n'
  printf '<meta http-equiv="Content-Security-Policy" content="%s" />\n' "$policy"
  printf '<title>DCC service performance calculator</title>\n<link rel="icon" href="data:," />\n'
  printf '<style>'
  cat "$WORK/styles.css"
  printf '</style>\n<script type="module">'
  cat "$WORK/script.min.js"
  printf '</script>\n</head>\n<body>\n'
  printf '<noscript>This calculator runs in your browser and needs JavaScript and WebAssembly enabled.</noscript>\n'
  printf '</body>\n</html>\n'
} >"$OUT"
echo "build-single-file: $OUT ($(stat -c %s "$OUT") bytes; open it from disk, no server needed)"
