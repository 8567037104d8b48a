#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test (unit, loopback integration, moto, AWS CLI, tmux end-to-end).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
swift build --build-tests
log=$(mktemp)
trap 'rm -f "$log"' EXIT
# The run writes to a file rather than a pipe, so a stray child holding the pipe cannot keep the
# script waiting; a hung test is killed after 40 minutes instead of eating the CI budget.
timeout --kill-after=30 2400 swift test --skip-build >"$log" 2>&1 &
runner=$!
tail -n +1 -f --pid="$runner" "$log"
set +e
wait "$runner"
status=$?
set -e
[ "$status" -eq 124 ] && echo "tests: killed after 40 minutes (a test hung)"
# XCTest reports first (this package has no XCTest cases); restate Swift Testing's count last.
count=$(grep -Eo 'Test run with [0-9]+ tests?' "$log" | tail -1 | grep -Eo '[0-9]+' || true)
if [ "$status" -eq 0 ] && [ -n "$count" ]; then
    echo "tests: $count passed, 0 failed"
fi
exit "$status"
