# Sourced by the build scripts: the repository as the working directory,
# the project's tools on PATH (npm's and cargo's), and `need WHO TOOL...`,
# which stops with what to run when a tool is missing.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"

need() {
  local who="$1" tool
  shift
  for tool in "$@"; do
    command -v "$tool" >/dev/null 2>&1 || {
      echo "$who: $tool not found: run bash scripts/setup.sh first" >&2
      exit 1
    }
  done
}
