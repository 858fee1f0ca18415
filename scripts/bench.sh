#!/usr/bin/env bash
# Set up and run the benchmarks; prints a table of ratios against baselines measured in the same run.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export QT_QPA_PLATFORM=offscreen
exec .venv/bin/python tests/benchmarks/run.py "$@"
