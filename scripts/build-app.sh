#!/usr/bin/env bash
# Builds the browser app's wasm split in parts (run by Trunk as a pre_build
# hook, see Trunk.toml; or by hand).
#
# The first load carries the shell and the month view; every other view, the
# readers and writers and the saved work's writer are fetched when first
# needed. The split points are the `#[wasm_split]` functions in
# src/ui/views.rs, src/ui/io_part.rs and src/ui/storage.rs; wasm-split-cli
# cuts the linked module there,
# which it can do only before wasm-bindgen has run, so this is done here
# rather than by Trunk's own `rel="rust"` pipeline:
#
#   1. cargo links the app with its relocations kept (--emit-relocs), which
#      is how wasm-split-cli finds what each function and vtable refers to;
#   2. wasm-split-cli writes the main module, one module per split point and
#      one per set of split points sharing code, and __wasm_split.js, which
#      fetches them on demand;
#   3. wasm-bindgen writes the JS glue for the main module, keeping the
#      function table exported (--keep-lld-exports): the chunks share it;
#   4. wasm-opt shrinks every module, and terser the JS glue;
#   5. the first load's styles are joined into target/app.css, the views'
#      into views.css beside the parts.
#
# Output: target/app-split/ (copied into dist/app-split/ by index.html),
# holding start.js (the page's only script) and app-<hash>/ with the rest,
# named by its content so a new build is never mixed with a cached one.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/tools.sh"
need build-app wasm-split-cli wasm-bindgen wasm-opt terser

TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
LINKED="$TARGET_DIR/wasm32-unknown-unknown/release/dcc-perf-app.wasm"
WORK="$TARGET_DIR/app-split-work"
OUT="$TARGET_DIR/app-split"

# The relocations are asked of the app's final link only, so its
# dependencies are built once and shared with every other build.
cargo rustc --quiet --release --target wasm32-unknown-unknown --no-default-features \
  --features split --bin dcc-perf-app -- -C link-arg=--emit-relocs

rm -rf "$WORK"
mkdir -p "$WORK"
wasm-split-cli "$LINKED" "$WORK" --out-name dcc-perf-app
wasm-bindgen --target web --no-typescript --keep-lld-exports --out-dir "$WORK" --out-name dcc-perf-app "$WORK/dcc-perf-app.wasm"
rm "$WORK/dcc-perf-app.wasm"

# The same features as the rest of the build (index.html) enables.
WASM_OPT_FEATURES=(--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
  --enable-mutable-globals --enable-reference-types --enable-multivalue)
# --low-memory-unused: Rust puts the stack at the bottom of memory, growing
# down towards 0, so its lowest 1 KB is never used (the stack would have
# overflowed first); binaryen can then fold more address arithmetic.
# APP_WASM_NAMES=1 keeps the functions' names, for profiling in the browser
# (a bigger build: never shipped).
NAMES=()
[ "${APP_WASM_NAMES:-}" = 1 ] && NAMES=(-g)
for f in "$WORK"/*.wasm; do
  wasm-opt -Oz "${NAMES[@]}" --low-memory-unused --strip-producers --strip-target-features "${WASM_OPT_FEATURES[@]}" "$f" -o "$f.opt" 2>/dev/null
  mv "$f.opt" "$f"
done
# The glue is on the first load: minified (its exports keep their names,
# which __wasm_split.js and start.js import).
for f in "$WORK"/*.js; do
  terser "$f" --module --compress --mangle -o "$f.min"
  mv "$f.min" "$f"
done

# The first load's styles in one file (one request): the page's own, the
# month view's and print's, in that order (index.html links it).
cat "${FIRST_LOAD_CSS[@]}" >"$TARGET_DIR/app.css"

# The styles only the views fetched later use (see tools.sh for the order):
# view_styles.rs puts the file after app.css.
cat "${VIEWS_CSS[@]}" >"$WORK/views.css"

hash="$(cat "$WORK"/* | sha256sum | cut -c1-16)"
rm -rf "$OUT"
mkdir -p "$OUT/app-$hash"
mv "$WORK"/* "$OUT/app-$hash/"
terser scripts/offline.js --module --compress --mangle -o "$OUT/offline.js"
cp styles/offline.css "$OUT/offline.css"
cat >"$OUT/start.js" <<EOF
// Starts the app: written by scripts/build-app.sh for this build.
import init from './app-$hash/dcc-perf-app.js';

// Where the views' styles are (src/ui/widgets/view_styles.rs).
document.documentElement.dataset.viewStyles = new URL('./app-$hash/views.css', import.meta.url).href;

init().then(() => {
  // Started (the app has taken the page's body, and with it the help shown
  // should it never start).
  document.getElementById('boot-help')?.remove();
  // The app's files kept for offline use (offline.js): at the user's first
  // touch of the page or ten seconds after it opened, whichever is first
  // (as the saved work's writer is fetched), so none of it is on the first load.
  let asked = false;
  const later = () => {
    if (asked) return;
    asked = true;
    import('./offline.js').then((m) => m.keepOffline()).catch(() => {});
  };
  for (const e of ['pointerdown', 'keydown']) window.addEventListener(e, later, { once: true });
  setTimeout(later, 10000);
}).catch((e) => notStarted(e, ' Reload the page to try again.'));
EOF
cat scripts/not-started.js >>"$OUT/start.js"
# Minified: it is on the first load (its comments are in this script).
terser "$OUT/start.js" --module --compress --mangle -o "$OUT/start.min.js"
mv "$OUT/start.min.js" "$OUT/start.js"
# What the page's head needs to fetch the first load at once rather than
# one import after another (scripts/link-app.sh puts it in the built page).
cat >"$TARGET_DIR/app-split-head.html" <<EOF
    <link rel="modulepreload" href="app-split/app-$hash/dcc-perf-app.js" />
    <link rel="modulepreload" href="app-split/app-$hash/__wasm_split.js" />
    <link rel="preload" href="app-split/app-$hash/dcc-perf-app_bg.wasm" as="fetch" type="application/wasm" crossorigin="anonymous" />
EOF
echo "build-app: $(ls "$OUT/app-$hash" | wc -l) files in target/app-split/app-$hash ($(stat -c %s "$OUT/app-$hash/dcc-perf-app_bg.wasm") bytes in the first load's wasm)"
