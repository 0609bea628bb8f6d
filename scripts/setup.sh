#!/usr/bin/env bash
# Sets up .venv (CPU torch first, so no CUDA build is pulled) and builds data/.
# Idempotent: a second run with nothing changed returns in seconds.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian's packages (CI runs as root): Redis for the shared-state tests; Apertium's French-Spanish and
# Spanish-English pairs, the translation French text is also read through (recommender/translation.py).
DEBIAN_PACKAGES=(redis-server apertium apertium-fr-es apertium-eng-spa)
missing=()
for package in "${DEBIAN_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
    SUDO=$([ "$(id -u)" -eq 0 ] || echo sudo)
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
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
