#!/usr/bin/env bash
# Installs what taskops needs to build and test, only what is missing.
set -euo pipefail
need_apt=()
packages=(libncursesw5-dev libcurl4-openssl-dev tmux)
# The tests also drive curl and openssl (a throwaway CA for the HTTP/2 test).
[ "${1:-}" = "--test" ] && packages+=(curl openssl)
for pkg in "${packages[@]}"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || need_apt+=("$pkg")
done
if [ ${#need_apt[@]} -gt 0 ]; then
    echo "setup: installing ${need_apt[*]}"
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi
if [ "${1:-}" = "--test" ]; then
    python3 -c 'import moto.server, flask_cors' 2>/dev/null || { echo "setup: installing moto[server]"; python3 -m pip install -q 'moto[server]'; }
    command -v aws >/dev/null 2>&1 || { echo "setup: installing awscli"; python3 -m pip install -q awscli; }
    python3 -c 'import hypercorn, h2' 2>/dev/null || { echo "setup: installing hypercorn (HTTP/2 test server)"; python3 -m pip install -q hypercorn; }
fi
command -v swift >/dev/null 2>&1 || { echo "setup: Swift 6 toolchain not found on PATH" >&2; exit 1; }
