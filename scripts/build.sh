#!/usr/bin/env bash
# The single build command: the frozen one-folder bundle (PyInstaller), the .deb and the
# plain tarball, all in packaging/dist/. Compiles the translations first.
#   scripts/build.sh            build (reuses PyInstaller's cache in packaging/build)
#   scripts/build.sh --clean    build from scratch
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh                       # venv + dependencies + compiled translations
.venv/bin/python scripts/i18n.py compile    # again, in case setup was skipped or .ts changed
mkdir -p packaging/build
exec 9>packaging/build/.build.lock
flock 9                                     # one build at a time in this tree
CLEAN=()
[ "${1:-}" = "--clean" ] && CLEAN=(--clean)
start=$(date +%s)
.venv/bin/pyinstaller --noconfirm "${CLEAN[@]}" --log-level WARN \
  --distpath packaging/dist --workpath packaging/build packaging/underret.spec
frozen=$(date +%s)
bash packaging/linux/build-packages.sh
done_at=$(date +%s)
bundle_mb=$(du -sm --apparent-size packaging/dist/underret | cut -f1)
echo "bundle: packaging/dist/underret (${bundle_mb} MB); freeze $((frozen - start)) s, packages $((done_at - frozen)) s"
