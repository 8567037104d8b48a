#!/usr/bin/env bash
# Installs what is missing, builds, and starts the demo console against the embedded simulator.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build -c release --product taskops
exec .build/release/taskops demo "$@"
