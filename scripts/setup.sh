#!/usr/bin/env bash
# Install (idempotently) everything the build and tests need:
#   - the wasm32-unknown-unknown Rust target
#   - trunk 0.21.x
#   - wasm-bindgen-cli at exactly the wasm-bindgen version in Cargo.lock
#   - wasm-split-cli (crate wasm_split_cli_support), which splits the app's wasm
#   - Debian packages: chromium, chromium-driver, fonts-dejavu-core
#   - the npm dev dependencies (playwright-core, which never downloads a browser;
#     axe-core, injected into the page by the accessibility test; binaryen's
#     wasm-opt and terser, which scripts/build-app.sh runs)
# Prints one line per item: "installed" or "present".
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

export PATH="$HOME/.cargo/bin:$PATH"
# playwright-core never downloads browsers, but make doubly sure nothing tries.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

say() { printf 'setup: %-28s %s\n' "$1" "$2"; }
die() { printf 'setup: ERROR: %s\n' "$*" >&2; exit 1; }

command -v cargo >/dev/null 2>&1 || die "cargo not found (install Rust via rustup first)"
command -v rustup >/dev/null 2>&1 || die "rustup not found (install Rust via rustup first)"

# --- wasm32 target -----------------------------------------------------------
if rustup target list --installed | grep -qx 'wasm32-unknown-unknown'; then
  say "wasm32-unknown-unknown" "present"
else
  rustup target add wasm32-unknown-unknown
  say "wasm32-unknown-unknown" "installed"
fi

# --- trunk 0.21.x ------------------------------------------------------------
# (Trunk 0.22 needs a newer rustc than we pin, so stay on 0.21.)
trunk_ver="$(trunk --version 2>/dev/null || true)"
if [[ "$trunk_ver" =~ ^trunk\ 0\.21\. ]]; then
  say "trunk" "present (${trunk_ver#trunk })"
else
  cargo install trunk --version '~0.21' --locked
  say "trunk" "installed ($(trunk --version))"
fi

# --- wasm-bindgen-cli matching Cargo.lock ------------------------------------
[[ -f Cargo.lock ]] || die "Cargo.lock not found in $ROOT"
wb_want="$(awk '
  /^\[\[package\]\]/ { inpkg = 1; name = ""; next }
  inpkg && /^name = / { name = $3; gsub(/"/, "", name); next }
  inpkg && /^version = / && name == "wasm-bindgen" { v = $3; gsub(/"/, "", v); print v; exit }
' Cargo.lock)"
[[ -n "$wb_want" ]] || die "could not find the wasm-bindgen version in Cargo.lock"
wb_have="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)"
if [[ "$wb_have" == "$wb_want" ]]; then
  say "wasm-bindgen-cli" "present ($wb_have)"
else
  if ! cargo install wasm-bindgen-cli --version "=$wb_want" --locked --force; then
    echo "setup: --locked install of wasm-bindgen-cli failed; retrying without --locked" >&2
    cargo install wasm-bindgen-cli --version "=$wb_want" --force
  fi
  say "wasm-bindgen-cli" "installed ($(wasm-bindgen --version | awk '{print $2}'))"
fi

# --- wasm-split-cli -------------------------------------------------------------
# Splits the app's wasm at its #[wasm_split] points (scripts/build-app.sh).
ws_want="0.2.4"
ws_have="$(cat "$HOME/.cargo/.wasm-split-cli-version" 2>/dev/null || true)"
if command -v wasm-split-cli >/dev/null 2>&1 && [[ "$ws_have" == "$ws_want" ]]; then
  say "wasm-split-cli" "present ($ws_have)"
else
  cargo install wasm_split_cli_support --version "=$ws_want" --features build-binary --locked --force
  echo "$ws_want" >"$HOME/.cargo/.wasm-split-cli-version"
  say "wasm-split-cli" "installed ($ws_want)"
fi

# --- Debian packages ---------------------------------------------------------
apt_pkgs=(chromium chromium-driver fonts-dejavu-core)
missing=()
# Node.js and npm run the browser tests; Debian's packages will do if absent.
if ! command -v npm >/dev/null 2>&1; then missing+=(nodejs npm); fi
for p in "${apt_pkgs[@]}"; do
  if dpkg -s "$p" 2>/dev/null | grep -q '^Status: install ok installed'; then
    say "$p" "present"
  else
    missing+=("$p")
  fi
done
if ((${#missing[@]})); then
  SUDO=()
  if [[ "$(id -u)" -ne 0 ]]; then
    command -v sudo >/dev/null 2>&1 || die "need root or sudo to install: ${missing[*]}"
    SUDO=(sudo)
  fi
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
  for p in "${missing[@]}"; do say "$p" "installed"; done
fi
[[ -x /usr/bin/chromium ]] || die "/usr/bin/chromium is missing after install"

# --- npm dev dependencies ----------------------------------------------------
command -v npm >/dev/null 2>&1 || die "npm not found (install Node.js 20+)"
stamp="node_modules/.dcc-perf-setup-stamp"
if [[ -f package-lock.json ]]; then
  lock_sum="$(sha256sum package.json package-lock.json | sha256sum | awk '{print $1}')"
else
  lock_sum="$(sha256sum package.json | awk '{print $1}')-nolock"
fi
if [[ -d node_modules/playwright-core && -f node_modules/axe-core/axe.min.js && -f "$stamp" && "$(cat "$stamp")" == "$lock_sum" ]]; then
  say "npm packages" "present"
else
  if [[ -f package-lock.json ]]; then
    npm ci --no-audit --no-fund
  else
    npm install --no-audit --no-fund
    lock_sum="$(sha256sum package.json package-lock.json | sha256sum | awk '{print $1}')"
  fi
  printf '%s\n' "$lock_sum" >"$stamp"
  say "npm packages" "installed"
fi
