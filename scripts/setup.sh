#!/usr/bin/env bash
# Sets up .venv (CPU torch first, so no CUDA build is pulled) and builds data/.
# Idempotent: a second run with nothing changed returns in seconds.
set -euo pipefail
cd "$(dirname "$0")/.."

# Redis for the shared-state tests (Debian's package; CI runs as root).
if ! command -v redis-server >/dev/null 2>&1; then
    SUDO=$([ "$(id -u)" -eq 0 ] || echo sudo)
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq redis-server
fi

PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
    "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
if ! .venv/bin/python -c "import torch" 2>/dev/null; then
    .venv/bin/pip install --quiet "torch==2.13.0"
fi
.venv/bin/pip install --quiet -e ".[build,test]"   # the running bot alone needs only `pip install .`
.venv/bin/python -m recommender build
