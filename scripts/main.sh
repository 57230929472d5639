#!/usr/bin/env bash
# Set up a virtual environment and run the main job: validate every bundled example, reconcile the bundled
# round, and write the round report of all of them to build/report.html.
# Exit 0: no errors; 1: the examples hold errors (the real notices do: that is the point); 2: unloadable.
set -uo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv || exit 2
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".[report]" || exit 2
.venv/bin/rectmodel validate examples/*.json examples/*.xlsx
validated=$?
# 对账: the round's ledger against the report written after it (the report drops a problem and claims one done).
.venv/bin/rectmodel reconcile examples/round-ledger.xlsx examples/round-report.txt
reconciled=$?
# The round report for leaders over every example (it says where it wrote it).
mkdir -p build
.venv/bin/rectmodel report examples/*.json examples/*.xlsx examples/round-report.txt -o build/report.html --force || exit 2
exit $(( validated > reconciled ? validated : reconciled ))
