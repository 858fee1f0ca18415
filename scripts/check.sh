#!/usr/bin/env bash
# Set up and run every check: ruff, mypy, the whole pytest suite offscreen, and the intake on its own
# (scripts/check_intake.sh: a clean venv with only the intake distribution runs its tests).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export QT_QPA_PLATFORM=offscreen
echo "== ruff"
.venv/bin/ruff check .
echo "== mypy"
.venv/bin/mypy
echo "== pytest"
.venv/bin/python -m pytest -q "$@"
echo "== intake on its own (clean venv, no desktop app)"
bash scripts/check_intake.sh
