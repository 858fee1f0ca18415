"""``scripts/setup.sh`` decides about apt from what is installed, the same way every time.

The old check (``ldconfig -p | grep -q LIB`` under ``set -o pipefail``) failed whenever grep stopped
reading early and ldconfig died of SIGPIPE: then apt-get ran (as root in CI) although nothing was
missing. Here ``ldconfig`` is a stand-in printing a large listing (as on a desktop with thousands of
libraries) with every library Qt needs near the top, and ``apt-get``/``sudo`` are stand-ins that only
record being called: the real ones must not run from a test.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
QT_LIBS = ("libEGL.so.1", "libxkbcommon.so.0", "libfontconfig.so.1", "libglib-2.0.so.0", "libdbus-1.so.3",
           "libGL.so.1")


def _stand_ins(folder: Path, libs: tuple[str, ...], *, with_dbus: bool = True) -> Path:
    bin_dir = folder / "bin"
    bin_dir.mkdir(parents=True)
    listing = "".join(f"\t{lib} (libc6,x86-64) => /usr/lib/x86_64-linux-gnu/{lib}\n" for lib in libs)
    listing += "".join(f"\tlibfiller{n}.so.1 (libc6,x86-64) => /usr/lib/libfiller{n}.so.1\n"
                       for n in range(6000))
    header = f"{len(libs) + 6000} libs found in cache `/etc/ld.so.cache'\n"
    (folder / "listing.txt").write_text(header + listing)
    scripts = {"ldconfig": f'cat "{folder / "listing.txt"}"',
               "apt-get": f'echo "apt-get $*" >> "{folder / "calls.txt"}"',
               "sudo": f'echo "sudo $*" >> "{folder / "calls.txt"}"; "$@"'}
    if with_dbus:
        scripts["dbus-run-session"] = "exit 0"
    for name, body in scripts.items():
        path = bin_dir / name
        path.write_text(f"#!/bin/bash\n{body}\n")
        path.chmod(0o755)
    for tool in ("dirname", "cat", "id"):  # what the script needs before it decides
        (bin_dir / tool).symlink_to(subprocess.run(["which", tool], capture_output=True, text=True,
                                                   check=True).stdout.strip())
    return bin_dir


def _decide(bin_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PATH": str(bin_dir)}
    return subprocess.run(["/bin/bash", str(ROOT / "scripts" / "setup.sh"), "--print-system-packages"],
                          env=env, capture_output=True, text=True, timeout=120)


@pytest.mark.slow
def test_with_everything_installed_setup_never_asks_for_apt(tmp_path: Path) -> None:
    bin_dir = _stand_ins(tmp_path, QT_LIBS)
    for attempt in range(40):  # the old check misfired about 1 time in 15, nearly always with this listing
        done = _decide(bin_dir)
        assert done.returncode == 0, done.stderr
        assert done.stdout == "", f"attempt {attempt}: wants {done.stdout!r}"
        assert not (tmp_path / "calls.txt").exists(), (tmp_path / "calls.txt").read_text()


def test_a_missing_qt_library_asks_for_the_qt_packages(tmp_path: Path) -> None:
    done = _decide(_stand_ins(tmp_path, tuple(lib for lib in QT_LIBS if lib != "libGL.so.1")))
    assert done.returncode == 0, done.stderr
    wanted = done.stdout.split()
    assert "libgl1" in wanted and "libegl1" in wanted and "dbus-daemon" not in wanted


def test_a_missing_dbus_run_session_asks_for_dbus_daemon(tmp_path: Path) -> None:
    done = _decide(_stand_ins(tmp_path, QT_LIBS, with_dbus=False))
    assert done.stdout.split() == ["dbus-daemon"]


def test_a_users_path_without_sbin_decides_as_roots_does() -> None:
    """Debian's PATH for a normal user has no /sbin (where ldconfig lives): every library then looked
    missing and each `scripts/start.sh` ran `sudo apt-get install`. The decision must not depend on it."""
    def decide(path: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["/bin/bash", str(ROOT / "scripts" / "setup.sh"), "--print-system-packages"],
                              env={"PATH": path, "HOME": os.environ.get("HOME", "/tmp")},
                              capture_output=True, text=True, timeout=120)

    as_root = decide("/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")
    as_user = decide("/usr/local/bin:/usr/bin:/bin")
    assert as_root.returncode == as_user.returncode == 0, as_user.stderr
    assert as_user.stdout == as_root.stdout
