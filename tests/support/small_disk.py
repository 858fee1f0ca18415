"""A really full disk for a test: a small tmpfs mounted on a folder, filled to the last byte.

:class:`SmallDisk` mounts a tmpfs of a few MiB (``mount -t tmpfs``; CI runs as root) on a folder the
test gives, so the vault can be made on it; :meth:`SmallDisk.fill` then writes a filler file until the
file system says ENOSPC, and :meth:`SmallDisk.free` removes it again. Every write SQLite tries after
``fill`` meets a real full disk (``SQLITE_FULL``).

Where mounting is not allowed (a container without the capability), :meth:`SmallDisk.fill` falls back
to SQLite's ``max_page_count`` on the open connections handed to it: a stand-in that makes SQLite
answer exactly what a full disk makes it answer (``SQLITE_FULL``), named as such. ``real`` says which
one a test got.
"""

from __future__ import annotations

import errno
import os
import subprocess
from pathlib import Path
from typing import Any


class SmallDisk:
    """Mount with :meth:`mount` (before anything is made in ``folder``); then ``fill``, ``free``,
    ``unmount``."""

    def __init__(self, folder: Path, size_mib: int = 4) -> None:
        self.folder = folder
        self.size_mib = size_mib
        self.real = False
        self._filler = folder / ".filler"
        self._limited: list[tuple[Any, int]] = []

    def mount(self) -> SmallDisk:
        self.folder.mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:
            done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={self.size_mib}m,mode=0700", "tmpfs",
                                   str(self.folder)], capture_output=True, check=False)
            self.real = done.returncode == 0
        return self

    def fill(self, *connections: Any) -> None:
        """Leave no free byte (or, without a tmpfs, no free page for SQLite on ``connections``)."""
        if not self.real:
            for connection in connections:
                pages = int(connection.execute("PRAGMA page_count").fetchone()[0])
                previous = int(connection.execute("PRAGMA max_page_count").fetchone()[0])
                connection.execute(f"PRAGMA max_page_count = {pages}")
                self._limited.append((connection, previous))
            return
        block = b"\0" * 65536
        with open(self._filler, "ab") as handle:
            try:
                while True:
                    handle.write(block)
                    handle.flush()
            except OSError as exc:
                if exc.errno != errno.ENOSPC:
                    raise
        # The last partial block may still fit in smaller writes.
        for size in (4096, 512, 1):
            try:
                with open(self._filler, "ab") as handle:
                    while True:
                        handle.write(b"\0" * size)
                        handle.flush()
            except OSError as exc:
                if exc.errno != errno.ENOSPC:
                    raise

    def free(self) -> None:
        """Give the space back."""
        self._filler.unlink(missing_ok=True)
        for connection, previous in self._limited:
            connection.execute(f"PRAGMA max_page_count = {previous}")
        self._limited.clear()

    def unmount(self) -> None:
        self._filler.unlink(missing_ok=True)
        if self.real:
            subprocess.run(["umount", "-l", str(self.folder)], capture_output=True, check=False)
            self.real = False
