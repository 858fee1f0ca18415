"""Window sizes that suit the screen, and are remembered.

A window opens at the size the person last gave it (``window-sizes.ini`` in the
user's data folder: sizes only, never content) or else at a share of the
screen's free area, capped so it is not huge on a large screen, and never smaller
than its own contents need. On a 1366×768 office screen that is most of the screen.
"""

from __future__ import annotations

import contextlib
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from desktop import paths

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings

_FILE = "window-sizes.ini"

#: Where sizes are remembered; ``None`` = the user's data folder. Demo mode points it into its
#: throwaway folder, so a course leaves nothing behind in the trainee's own folders.
_folder: Path | None = None
#: False once that throwaway folder is gone: a window closing later must not make it again.
_remembering = True


def remember_in(folder: Path | None) -> None:
    """Remember window sizes in ``folder`` from now on (``None``: the user's data folder)."""
    global _folder, _remembering
    _folder, _remembering = folder, True


def stop_remembering() -> None:
    """Remember no more sizes in this process (demo mode, when its folder is removed)."""
    global _remembering
    _remembering = False


def _path() -> Path:
    return (_folder if _folder is not None else paths.user_data_dir()) / _FILE


def _store(*, writing: bool = False) -> QSettings:
    from PySide6.QtCore import QSettings  # its Python class is made at first use: ~2.5 M instructions

    path = _path()
    if writing:
        _private_file(path)
    return QSettings(str(path), QSettings.Format.IniFormat)


def _private_file(path: Path) -> None:
    """The file made 0600 (its folder 0700 when made here) before QSettings writes it: QSettings keeps an
    existing file's permissions, a new one would get the umask's 0644 like nothing else Underret writes."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    if os.name != "posix":
        return  # Windows: the user's own app-data folder, as the profiles
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o600)
    try:
        os.fchmod(descriptor, 0o600)  # one left by an older version may be 0644
    finally:
        os.close(descriptor)


def _remembered(key: str) -> QSize | None:
    try:
        text = _path().read_text("utf-8", errors="replace")
    except OSError:  # none yet (nothing remembered), or unreadable: the suited size
        return None
    quick = _read_size(text, key)
    if quick is not None:
        return quick if quick.isValid() else None
    try:
        value = _store().value(f"size/{key}")
    except (OSError, RuntimeError):
        return None
    if isinstance(value, QSize) and value.isValid():
        return value
    return None


def _read_size(text: str, key: str) -> QSize | None:
    """``key``'s size as QSettings writes it (``[size]`` then ``key=@Size(w h)``), read without
    QSettings: the main window is sized before its first paint, where making QSettings' Python class
    costs more than the rest of the sizing. ``QSize()`` (invalid) when ``key`` is not there; None
    when the file holds it in a way this does not know (QSettings reads it then)."""
    if not re.fullmatch(r"[a-z][a-z0-9-]*", key):
        return None
    section = ""
    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
        elif section == "size" and line.partition("=")[0].strip() == key:
            found = re.fullmatch(r"[^=]*=\s*@Size\((\d+) (\d+)\)", line)
            return QSize(int(found[1]), int(found[2])) if found else None
    return QSize()


def available_size(window: QWidget) -> QSize:
    """The free area of the screen the window is on (or the primary screen's)."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry().size() if screen is not None else QSize(1366, 728)


def suited_size(window: QWidget, share: float, cap: QSize) -> QSize:
    """``share`` of the free screen, at most ``cap``, at least what the window's contents need."""
    free = available_size(window)
    wanted = QSize(min(int(free.width() * share), cap.width()), min(int(free.height() * share), cap.height()))
    return wanted.expandedTo(window.minimumSizeHint()).boundedTo(free)


class _Remember(QObject):
    """Writes the window's size when it is hidden or closed (a size the person chose)."""

    def __init__(self, window: QWidget, key: str) -> None:
        super().__init__(window)
        self._key = key

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Close, QEvent.Type.Hide) and isinstance(watched, QWidget):
            remember_size(watched, self._key)
        return False


def remember_size(window: QWidget, key: str) -> None:
    """Remember ``window``'s size under ``key`` now (it is being hidden or closed)."""
    size = window.size()
    if _remembering and size.isValid() and not window.isMaximized() and not window.isMinimized():
        # A size not remembered is no reason to stop closing.
        with contextlib.suppress(OSError, RuntimeError):
            _store(writing=True).setValue(f"size/{key}", size)


def place(window: QWidget, key: str, *, share: float = 0.9, cap: tuple[int, int] = (1500, 1000),
          watch: bool = True) -> None:
    """Give ``window`` its remembered size or one that suits the screen, and remember it on close.

    ``watch=False``: the window calls :func:`remember_size` from its own ``hideEvent`` (closing hides
    too). Watching is a Python event filter, and each kind of event it is handed for the first time
    makes PySide build that event's Python class: ~6 M instructions for the events around the main
    window's first paint, where start-up is measured.
    """
    free = available_size(window)
    size = _remembered(key)
    if size is None:
        size = suited_size(window, share, QSize(*cap))
    window.resize(size.boundedTo(free))
    if watch:
        window.installEventFilter(_Remember(window, key))


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Resize ``window`` to ``width`` × ``height``, or less when the screen's free area is smaller
    (never below what its contents need)."""
    free = available_size(window)
    limit = QSize(int(free.width() * 0.96), int(free.height() * 0.96))
    window.resize(QSize(width, height).boundedTo(limit).expandedTo(window.minimumSizeHint()).boundedTo(free))
