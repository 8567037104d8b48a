#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test (unit, loopback integration, moto, tmux end-to-end).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
swift build --build-tests
swift test --skip-build
