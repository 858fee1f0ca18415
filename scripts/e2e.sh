#!/usr/bin/env bash
# End to end (issue 18): an intake process, two desks and headless notifier apps; 20 notifications there
# and back, one summary line per step; exits non-zero on any failure. CI runs it from tests/e2e.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh >/dev/null
export QT_QPA_PLATFORM=offscreen
exec .venv/bin/python tests/e2e/run_e2e.py "$@"
