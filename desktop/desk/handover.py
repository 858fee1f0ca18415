"""Hand-over to the municipality's case system: the notification's files, written safely into a folder.

The caseworker chooses a folder that is new or empty; it is made private (0700), every file is
created new (never overwriting, never through a link) readable by the owner only (0600) and
synced, and a failure removes what this call wrote. This is the one place the desk writes a
notification's plaintext outside its vault, and only because the caseworker asked for it.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Mapping
from pathlib import Path

from desktop.errors import UnderretError

_NOT_WRITABLE = "desk.handover_not_writable"
_SAFE_NAME = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")


class HandOverRefused(UnderretError):  # noqa: N818 - what the caseworker is told
    """The chosen folder cannot take the hand-over (not empty, a link, not writable); nothing was written."""

    message_id = "desk.handover_refused"


def _prepare(folder: Path) -> None:
    try:
        info = os.lstat(folder)
    except FileNotFoundError:
        try:
            folder.mkdir(mode=0o700, parents=True)
        except OSError as exc:
            raise HandOverRefused("the folder cannot be made", message_id=_NOT_WRITABLE) from exc
        return
    if stat.S_ISLNK(info.st_mode) or not stat.S_ISDIR(info.st_mode):
        raise HandOverRefused("the chosen place is not a folder", message_id="desk.handover_not_folder")
    if any(folder.iterdir()):
        raise HandOverRefused("the folder is not empty", message_id="desk.handover_not_empty")
    os.chmod(folder, 0o700)


def write_files(folder: Path, files: Mapping[str, bytes]) -> list[Path]:
    """Write ``files`` (content-free names only) into ``folder``; returns the paths written."""
    for name in files:
        if not _SAFE_NAME.match(name):
            raise HandOverRefused("a file name is not plain", message_id="desk.handover_bad_name")
    _prepare(folder)
    written: list[Path] = []
    try:
        for name, data in files.items():
            path = folder / name
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
            descriptor = os.open(path, flags, 0o600)
            written.append(path)
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
    except OSError as exc:
        for path in written:
            path.unlink(missing_ok=True)
        raise HandOverRefused("the files could not be written", message_id=_NOT_WRITABLE) from exc
    return written
