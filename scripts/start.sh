#!/usr/bin/env bash
# Set up and start Underret. Without arguments it starts demo mode; pass
# arguments to run the real application (e.g. `scripts/start.sh --profile NAME`).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
  echo "No display found (DISPLAY/WAYLAND_DISPLAY unset). Start it under a desktop session," >&2
  echo "or try: xvfb-run scripts/start.sh (Debian/Ubuntu: sudo apt-get install xvfb)" >&2
  exit 2
fi
if [ "$#" -eq 0 ]; then
  exec .venv/bin/underret --demo
fi
exec .venv/bin/underret "$@"
