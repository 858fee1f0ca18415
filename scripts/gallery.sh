#!/usr/bin/env bash
# Render every window, dialog and wizard page with demo data, offscreen on a 1366x768 screen, in
# Danish and English, light and dark, 100 % and 150 % font, as PNG files with an index.html:
#     scripts/gallery.sh OUT [--languages da,en] [--themes light,dark,high-contrast] [--scales 100,150] [--only SCENE,...]
#                            [--screen-reader]
# OUT/report.json lists text that is elided or clipped. Adding a window: tests/gallery/scenes.py.
# --screen-reader also writes OUT/screen-reader/*.txt: the accessibility tree of every window and wizard page of
# a demo case as a screen reader reads it over AT-SPI (the walk of tests/a11y/test_screen_reader_walk.py; needs
# Xvfb, at-spi2-core, python3-pyatspi and xdotool), linked from index.html.
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: scripts/gallery.sh OUT [options]" >&2; exit 2; }
out=$(realpath -m "$1"); shift
cd "$(dirname "$0")/.."
bash scripts/setup.sh >/dev/null
args=()
screen_reader=0
for arg in "$@"; do
  if [ "$arg" = "--screen-reader" ]; then screen_reader=1; else args+=("$arg"); fi
done
if [ "$screen_reader" = 1 ]; then
  mkdir -p "$out/screen-reader"
  # The trees are written before anything is asserted: a failing check still leaves them for reading.
  UNDERRET_ATSPI_TREES="$out/screen-reader" .venv/bin/python -m pytest -q -o timeout=300 \
    tests/a11y/test_screen_reader_walk.py || echo "gallery: the screen-reader test failed; trees are in $out/screen-reader" >&2
fi
exec .venv/bin/python -m tests.gallery.render "$out" "${args[@]}"
