#!/usr/bin/env bash
# Set up a virtual environment and run the main job: validate every bundled example.
# Exit 0: no errors; 1: the examples hold errors (the real notices do: that is the point); 2: unloadable.
set -uo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv || exit 2
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e . || exit 2
.venv/bin/rectmodel validate examples/*.json examples/*.xlsx
validated=$?
# 对账: the round's ledger against the report written after it (the report drops a problem and claims one done).
.venv/bin/rectmodel reconcile examples/round-ledger.xlsx examples/round-report.txt
reconciled=$?
exit $(( validated > reconciled ? validated : reconciled ))
