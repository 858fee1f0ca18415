"""Start ``underret --demo`` for the AT-SPI test, with a small window into what the screen shows.

``python -m tests.support.atspi.app_main READ_FD WRITE_FD`` runs the demo exactly as ``underret --demo``
does, with one addition: on a line ``buttons`` on READ_FD it writes one JSON line to WRITE_FD listing
every visible button, check box and radio button as drawn (its window's title, its words and where it
is on the screen).
AT-SPI gives a button's accessible name but not the words drawn on it; the test matches the two by
position to check that each name starts with what a sighted person (or a voice-control user) sees.
"""

from __future__ import annotations

import json
import os
import sys
from typing import Any

from PySide6.QtCore import QSocketNotifier
from PySide6.QtWidgets import QAbstractButton, QApplication, QCheckBox, QRadioButton

from desktop.ui.accessible import shown_words


def visible_buttons() -> list[dict[str, Any]]:
    """Every button on a visible window that a person can see and reach (words and screen rectangle)."""
    found = []
    for window in QApplication.topLevelWidgets():
        if not window.isVisible():
            continue
        for button in window.findChildren(QAbstractButton):
            if button.window() is not window or not button.isVisible() or not button.text().strip():
                continue
            kind = "radio button" if isinstance(button, QRadioButton) else (
                "check box" if isinstance(button, QCheckBox) else "push button")
            corner = button.mapToGlobal(button.rect().topLeft())
            found.append({"window": window.windowTitle(), "role": kind, "shown": shown_words(button.text()),
                          "extents": [corner.x(), corner.y(), button.width(), button.height()]})
    return found


class Hook:
    """Answers the test's questions on a pipe while the demo runs."""

    def __init__(self, read_fd: int, write_fd: int) -> None:
        self._read_fd = read_fd
        self._write = os.fdopen(write_fd, "w", buffering=1, encoding="utf-8")
        self._buffer = b""
        self._notifier = QSocketNotifier(read_fd, QSocketNotifier.Type.Read)
        self._notifier.activated.connect(self._readable)

    def _readable(self) -> None:
        chunk = os.read(self._read_fd, 4096)
        if not chunk:
            self._notifier.setEnabled(False)
            return
        self._buffer += chunk
        while b"\n" in self._buffer:
            line, self._buffer = self._buffer.split(b"\n", 1)
            if line.strip() == b"buttons":
                self._write.write(json.dumps(visible_buttons(), ensure_ascii=False) + "\n")


def main(argv: list[str]) -> int:
    # The QApplication is made here so the hook can listen before the demo starts; the demo takes the
    # running instance (``QApplication.instance() or QApplication(...)``).
    app = QApplication(["underret"])
    hook = Hook(int(argv[0]), int(argv[1]))
    from desktop.cli import main as underret

    try:
        return underret(["--demo"])
    finally:
        del hook, app


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
