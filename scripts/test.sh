#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test (unit, loopback integration, moto, AWS CLI, tmux end-to-end).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
swift build --build-tests
log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
swift test --skip-build 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
# XCTest reports first (this package has no XCTest cases); restate Swift Testing's count last.
count=$(grep -Eo 'Test run with [0-9]+ tests?' "$log" | tail -1 | grep -Eo '[0-9]+' || true)
if [ "$status" -eq 0 ] && [ -n "$count" ]; then
    echo "tests: $count passed, 0 failed"
fi
exit "$status"
