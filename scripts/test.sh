#!/usr/bin/env bash
# Set up a virtual environment (and the Debian packages the browser test needs) and run every check: lint, format,
# types, dead code, import contracts, tests.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
bash scripts/system-packages.sh # Chromium and Noto CJK for the browser test of the round report
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/mypy
.venv/bin/vulture # paths, whitelist and ignores in [tool.vulture]
.venv/bin/lint-imports # contracts in [tool.importlinter]
.venv/bin/python -m pytest "$@"
