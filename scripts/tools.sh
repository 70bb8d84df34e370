# Sourced by the build scripts: the repository as the working directory,
# the project's tools on PATH (npm's and cargo's), and `need WHO TOOL...`,
# which stops with what to run when a tool is missing.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"

# The styles: the first load's (the page's own, the month view's, print's),
# and the views' fetched later, in their old cascade order, then the
# month's and print's again (they came after the views' styles: print
# narrows what charts.css widens, for one). build-app.sh writes them as
# app.css and views.css; build-single-file.sh inlines both.
FIRST_LOAD_CSS=(styles/main.css styles/month.css styles/print.css)
VIEWS_CSS=(styles/compare.css styles/opr.css styles/charts.css styles/money-charts.css styles/trends.css
  styles/reports.css styles/month.css styles/print.css)

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
