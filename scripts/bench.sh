#!/usr/bin/env bash
# Builds the console and the benchmark in release mode and prints the table of figures.
#   scripts/bench.sh            quick figures (about a minute)
#   scripts/bench.sh --all      also idle CPU of `taskops demo` for 60 s in tmux, beside htop
# Other options go to the benchmark: --repeats N, --only render,screen,pty,calls,live,footprint,rss,simmem,throughput,idle
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
if [[ " $* " == *" --all "* ]] && ! command -v htop >/dev/null 2>&1; then
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq htop >/dev/null 2>&1 || echo "bench: htop not installed; the idle figure runs without its reference"
fi
if ! command -v wrk >/dev/null 2>&1; then
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq wrk >/dev/null 2>&1 || echo "bench: wrk not installed; throughput is measured with libcurl clients only"
fi
swift build -c release --product taskops
swift build -c release --product taskops-bench
exec .build/release/taskops-bench "$@"
