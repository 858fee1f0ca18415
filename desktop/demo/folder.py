"""The throwaway demo folder: created under the system temp folder, removed at exit or next start.

The folder is ``<tmp>/underret-demo-<pid>-<random>`` (``tempfile.gettempdir()``,
so ``TMPDIR`` is honoured) with a marker file holding the pid. When a demo
process dies without cleaning up (SIGKILL, power cut), the next start of
Underret removes every demo folder whose process is no longer alive. Only
folders whose name and marker both say "demo" are ever removed.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import stat
import sys
import tempfile
from pathlib import Path

log = logging.getLogger(__name__)

PREFIX = "underret-demo-"
MARKER = "underret-demo.pid"
_NAME = re.compile(r"^underret-demo-(\d+)-[0-9a-f]{16}$")


def temp_root() -> Path:
    """The system temp folder (``TMPDIR`` on Unix, ``TEMP`` on Windows), read now, not cached."""
    tempfile.tempdir = None  # gettempdir() caches; a changed TMPDIR must be seen
    return Path(tempfile.gettempdir())


def pid_alive(pid: int) -> bool:
    """Whether a process with ``pid`` exists (signal 0 checks without touching it)."""
    if pid <= 0:
        return False
    if sys.platform == "win32":  # pragma: no cover - Windows
        import ctypes

        kernel32 = ctypes.windll.kernel32
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        kernel32.CloseHandle(handle)
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process: alive
    return True


def create_demo_folder(root: Path | None = None) -> Path:
    """A new private folder for this process's demo data, with the pid marker inside."""
    base = root if root is not None else temp_root()
    pid = os.getpid()
    import secrets  # here: the sweep at every start needs none of it

    folder = base / f"{PREFIX}{pid}-{secrets.token_hex(8)}"
    folder.mkdir(mode=0o700)
    (folder / MARKER).write_text(f"{pid}\n", encoding="ascii")
    log.info("demo: folder created")
    return folder


def _marker_pid(folder: Path) -> int | None:
    try:
        text = (folder / MARKER).read_text(encoding="ascii").strip()
    except OSError:
        return None
    return int(text) if text.isdigit() else None


def remove_demo_folder(folder: Path) -> None:
    """Delete a demo folder and everything in it (read-only files included)."""

    def make_writable_and_retry(function: object, path: str, _exc: object) -> None:
        os.chmod(path, stat.S_IWUSR | stat.S_IRUSR | stat.S_IXUSR)
        if callable(function):
            function(path)

    if folder.is_symlink():
        folder.unlink()
        return
    if folder.exists():
        shutil.rmtree(folder, onerror=make_writable_and_retry)
        log.info("demo: folder removed")


def is_demo_folder(path: Path) -> bool:
    """A real directory named ``underret-demo-<pid>-<hex>`` (never a symlink)."""
    return bool(_NAME.match(path.name)) and path.is_dir() and not path.is_symlink()


def sweep_stale_demo_folders(root: Path | None = None) -> list[Path]:
    """Remove demo folders left behind by demo processes that are no longer running.

    A folder counts as stale when neither the pid in its name nor the pid in
    its marker belongs to a running process (the marker may be missing if the
    process died right after creating the folder). Returns what was removed.
    """
    base = root if root is not None else temp_root()
    removed: list[Path] = []
    try:
        candidates = list(base.glob(f"{PREFIX}*"))
    except OSError:
        return removed
    for folder in candidates:
        match = _NAME.match(folder.name)
        if match is None or not is_demo_folder(folder):
            continue
        pid = int(match.group(1))
        marker = _marker_pid(folder)
        if pid == os.getpid() or pid_alive(pid) or (marker is not None and pid_alive(marker)):
            continue
        try:
            remove_demo_folder(folder)
        except OSError as exc:
            log.warning("demo: could not remove a stale demo folder (%s)", type(exc).__name__)
            continue
        removed.append(folder)
    return removed
