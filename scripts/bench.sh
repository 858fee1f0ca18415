#!/usr/bin/env bash
# Set up and run the benchmarks; prints a table of ratios against baselines measured in the same run.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export QT_QPA_PLATFORM=offscreen
# An installed Underret ships compiled modules; let Python cache them so start-up is measured as deployed.
unset PYTHONDONTWRITEBYTECODE
exec .venv/bin/python tests/benchmarks/run.py "$@"
