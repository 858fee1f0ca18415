#!/usr/bin/env bash
# Render every window, dialog and wizard page with demo data, offscreen on a 1366x768 screen, in
# Danish and English, light and dark, 100 % and 150 % font, as PNG files with an index.html:
#     scripts/gallery.sh OUT [--languages da,en] [--themes light,dark,high-contrast] [--scales 100,150] [--only SCENE,...]
# OUT/report.json lists text that is elided or clipped. Adding a window: tests/gallery/scenes.py.
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: scripts/gallery.sh OUT [options]" >&2; exit 2; }
out=$(realpath -m "$1"); shift
cd "$(dirname "$0")/.."
bash scripts/setup.sh >/dev/null
exec .venv/bin/python -m tests.gallery.render "$out" "$@"
