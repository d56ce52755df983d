#!/usr/bin/env bash
# Run the browser tests N times in a row while another full build keeps the CPU busy, to catch
# tests that read an intermediate state (issue: flaky browser tests). Not part of CI.
#   scripts/stress_browser.sh [N] [pytest args...]   (default: 10 runs of `-m browser`)
# Prints one line per run and a summary; exits non-zero when any run failed.
set -uo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
shift || true
args=("$@")
[ ${#args[@]} -gt 0 ] || args=(-m browser)
export NO_MKDOCS_2_WARNING=1
load_dir=$(mktemp -d)
# The load: full builds of the real site, one after another, into a folder of its own.
( while :; do .venv/bin/mkdocs build -q -d "$load_dir/site" >/dev/null 2>&1; done ) &
load_pid=$!
trap 'kill -- -$load_pid 2>/dev/null; kill $load_pid 2>/dev/null; pkill -P $load_pid 2>/dev/null; rm -rf "$load_dir"' EXIT
failed=0
for i in $(seq 1 "$runs"); do
  log="$load_dir/run-$i.log"
  if .venv/bin/python -m pytest -q -p no:cacheprovider "${args[@]}" >"$log" 2>&1; then
    echo "run $i: $(tail -n 1 "$log")"
  else
    failed=$((failed + 1))
    echo "run $i FAILED: $(tail -n 1 "$log")"
    grep -E '^(FAILED|ERROR) ' "$log" | sed 's/^/    /'
  fi
done
echo "stress: $((runs - failed)) of $runs runs passed under load"
[ "$failed" = 0 ]
