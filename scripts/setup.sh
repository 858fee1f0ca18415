#!/usr/bin/env bash
# Create .venv, install Underret with its development tools, compile translations.
# Idempotent: a second run only checks what is already there. Missing system packages (Qt's
# libraries, dbus-daemon for the session-lock tests) are installed with apt-get where there is one.
#   scripts/setup.sh --print-system-packages   only print what would be installed, one per line
set -euo pipefail
cd "$(dirname "$0")/.."

QT_PACKAGES=(libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libglib2.0-0 libdbus-1-3
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 libxcb-randr0
  libxcb-render-util0 libxcb-image0 libx11-xcb1)

missing_system_packages() {
  # The Debian packages to install, one per line (none: nothing is missing).
  # ldconfig's listing is read whole into a variable and searched there: `ldconfig -p | grep -q`
  # under pipefail fails whenever grep stops reading early and ldconfig dies of SIGPIPE, and then
  # apt ran for nothing (about 1 start in 15).
  local listing lib
  # ldconfig lives in /sbin, which a normal user's PATH on Debian does not include: without it every
  # library looked missing and each start ran `sudo apt-get install` again.
  local ldconfig
  ldconfig=$(command -v ldconfig || echo /sbin/ldconfig)
  listing=$("$ldconfig" -p 2>/dev/null || true)
  # Qt's xcb/offscreen plugins load these at run time; a minimal Debian lacks them.
  for lib in libEGL.so.1 libxkbcommon.so.0 libfontconfig.so.1 libglib-2.0.so.0 libdbus-1.so.3 libGL.so.1; do
    if [[ "$listing" != *"$lib"* ]]; then
      printf '%s\n' "${QT_PACKAGES[@]}"
      break
    fi
  done
  # The session-lock tests run a real D-Bus bus (dbus-run-session).
  command -v dbus-run-session >/dev/null 2>&1 || echo dbus-daemon
  return 0
}

mapfile -t MISSING < <(missing_system_packages)
if [ "${1:-}" = "--print-system-packages" ]; then
  [ ${#MISSING[@]} -eq 0 ] || printf '%s\n' "${MISSING[@]}"
  exit 0
fi
if [ ${#MISSING[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1; then
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    echo "Installing missing system packages (apt-get): ${MISSING[*]}"
    $SUDO apt-get update -qq
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      "${MISSING[@]}" >/dev/null
  else
    echo "Please install with your system's package manager: ${MISSING[*]}" >&2
  fi
fi

PY="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
stamp=.venv/.installed-$(sha256sum pyproject.toml | cut -c1-16)
if [ ! -f "$stamp" ]; then
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e ".[dev]"
  rm -f .venv/.installed-*
  touch "$stamp"
fi
.venv/bin/python scripts/i18n.py compile
