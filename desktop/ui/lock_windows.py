"""What a lock does to the windows a shell does not own: dialogs ended, other windows closed, not hidden.

Shared by the app's shell and the desk's (``underret-desk``), issue 22. A hidden window
keeps its content in memory behind the lock, and a modal dialog hidden with its window keeps its own
event loop running: after unlock its restore step reached a deleted object, ``unlocked`` never came and
nothing in the background started again.
"""

from __future__ import annotations

import logging
import weakref
from collections.abc import Callable, Collection
from functools import partial

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from desktop.ui.session import SessionLock

log = logging.getLogger(__name__)


def end_dialogs(keep: Collection[QWidget | None]) -> None:
    """At the start of a lock: every open dialog not in ``keep`` is answered "cancel"
    (``done(Rejected)``, which also ends a modal one's own event loop or a file dialog), then closed."""
    for window in QApplication.topLevelWidgets():
        if window in keep or not isinstance(window, QDialog) or not window.isVisible():
            continue
        window.done(QDialog.DialogCode.Rejected.value)
        window.close()


def close_stragglers(session: SessionLock, keep: Collection[QWidget | None]) -> None:
    """Safety net at ``locked``: a window not in ``keep`` that did not close itself on ``locking`` is
    closed now. One that refuses is hidden and shown again after the same profile unlocks, if it still
    exists then (closed for good when another profile unlocks)."""
    for window in QApplication.topLevelWidgets():
        if window in keep or not window.isVisible():
            continue
        if window.windowType() not in (Qt.WindowType.Window, Qt.WindowType.Dialog):
            continue  # menus, tooltips and popups close by themselves
        log.warning("window %s did not close on lock; closed", type(window).__name__)
        if window.close() or not window.isVisible():
            continue
        log.warning("window %s refused to close on lock; hidden", type(window).__name__)
        window.hide()
        ref = weakref.ref(window)
        session.remember(partial(_call_if_alive, ref, QWidget.show),
                         discard=partial(_call_if_alive, ref, QWidget.close))


def _call_if_alive(ref: Callable[[], QWidget | None], method: Callable[[QWidget], object]) -> None:
    """Call ``method`` on the widget behind ``ref`` unless it, or its Qt object, is gone by now."""
    widget = ref()
    if widget is not None and shiboken6.isValid(widget):
        method(widget)


__all__ = ["close_stragglers", "end_dialogs"]
