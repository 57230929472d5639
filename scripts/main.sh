#!/usr/bin/env bash
# Set up a virtual environment and run the main job: check every bundled example.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e .
for f in examples/*.json; do
  .venv/bin/rectmodel stats "$f"
done
