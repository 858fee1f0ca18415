"""While a notification window opens, nothing in it takes the focus until its first page is built.

The window is shown before its first page is complete (so it opens without a freeze). Activating it then
gave the focus to the first button there was ('Barn i fare? Hvem skal jeg ringe til'), and a moment later
the page's first field took it ('Ja'): a screen reader starts saying both. While the window waits for the
page, its widgets take no focus (nothing changes on screen); the page, once built, takes it first.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget


class FocusHold:
    """The focus policies of a window's widgets, held at ``NoFocus`` until :meth:`release`."""

    def __init__(self, window: QWidget) -> None:
        self._held = [(widget, widget.focusPolicy()) for widget in window.findChildren(QWidget)
                      if widget.focusPolicy() != Qt.FocusPolicy.NoFocus]
        for widget, _policy in self._held:
            widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def release(self) -> None:
        """Every widget takes the focus as before (called once; the widgets may be gone meanwhile)."""
        held, self._held = self._held, []
        for widget, policy in held:
            try:
                widget.setFocusPolicy(policy)
            except RuntimeError:  # deleted meanwhile (a page rebuilt)
                continue
