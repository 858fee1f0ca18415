#!/usr/bin/env bash
# The intake on its own: a clean venv (.venv-intake) with only the `underret-intake` distribution
# (packaging/intake/pyproject.toml) and its test dependencies runs tests/intake and tests/protocol,
# from outside the checkout, so nothing of the desktop app (the `desktop` package, Qt, SQLCipher,
# reportlab) can be imported. Called by scripts/check.sh; arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
venv=$root/.venv-intake
PY="${PYTHON:-python3}"

# Dependencies are installed once per version of the project file; the distribution itself is
# rebuilt from the current sources on every run.
stamp=$venv/.installed-$(sha256sum packaging/intake/pyproject.toml | cut -c1-16)
if [ ! -f "$stamp" ]; then
  rm -rf "$venv"
  "$PY" -m venv "$venv"
  "$venv/bin/python" -m pip install -q --upgrade pip
  "$venv/bin/python" -m pip install -q "$root/packaging/intake[test]"
  touch "$stamp"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Build from a copy as a fresh clone has it (no __pycache__ from the desktop's venv), not editable.
mkdir -p "$work/src/packaging"
cp -r packaging/intake "$work/src/packaging/"
cp -r intake protocol forms "$work/src/"
find "$work/src" -name __pycache__ -prune -exec rm -rf {} +
"$venv/bin/python" -m pip install -q --no-deps --force-reinstall "$work/src/packaging/intake"

# The tests import their own helpers as `tests.<folder>.<module>`: only the tests folder is made
# importable (a link in a folder of its own), never the checkout's root with `desktop` in it.
mkdir -p "$work/path"
ln -s "$root/tests" "$work/path/tests"
cd "$work"  # -P and this folder: the checkout is not on sys.path, only what was installed
"$venv/bin/python" -P - <<'PY'
import importlib.util
import sys

app_only = ["desktop", "PySide6", "sqlcipher3", "reportlab", "keyring"]
present = [name for name in app_only if importlib.util.find_spec(name) is not None]
if present:
    sys.exit(f"the intake venv can import what only the desktop app needs: {present}")
import intake.cli, intake.server, protocol.envelope, protocol.receipts  # noqa: E401,F401
print("intake venv: intake and protocol import; desktop, Qt, SQLCipher, reportlab are absent")
PY
PYTHONPATH="$work/path" "$venv/bin/python" -P -m pytest -q -c "$root/packaging/intake/pytest.ini" --rootdir "$root" \
  --confcutdir "$root/tests/intake" "$root/tests/intake" "$root/tests/protocol" "$@"
