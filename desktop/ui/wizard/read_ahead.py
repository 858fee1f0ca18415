"""Getting ready for the first notification window while the person looks at the list.

Opening the first window of a run used to import the wizard and its domain
modules (~100 ms, the CPR checker's tables among them) and parse the form on
the GUI thread. After the first unlock, and a short pause that leaves the list
of notifications to load first, this reads the form and the pack and imports
the pure-Python domain modules on a worker thread, then imports the wizard's
own (Qt) modules on the GUI thread, one module per turn of the event loop, so
no step holds the window for long. A window opened meanwhile simply does what
is left itself.
"""

from __future__ import annotations

import importlib
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.background_imports import import_modules
from desktop.errors import UnderretError
from desktop.ui.operations import gc_paused, run_in_background

if TYPE_CHECKING:
    from desktop.ui.services import Services

log = logging.getLogger(__name__)

#: After the unlock, the list of notifications loads first.
START_DELAY_MS = 1000
#: No Qt in these: safe to import on a worker thread.
DOMAIN_MODULES = ("desktop.domain.building", "desktop.domain.flow", "desktop.domain.validation",
                  "desktop.domain.document", "desktop.store.profile_repo",
                  # The review page's layout (theme.document_style imports it on the GUI thread).
                  "desktop.domain.preview", "desktop.documents.html")
#: The wizard's modules, each after those it imports (so each step imports one module).
UI_MODULES = tuple(f"desktop.ui.wizard.{name}" for name in (
    "dates", "base", "choices", "fields", "group_editor", "signal_checklist", "editors", "guidance", "page",
    "problems", "review", "finalising", "drafts", "draft_loading", "sending", "finalised_view", "discarding",
    "lock_handling", "page_set", "window"))


class ReadAhead(QObject):
    """Started once; ``finished`` when everything the first window needs is loaded."""

    finished = Signal()

    def __init__(self, services: Services, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._left = list(UI_MODULES)
        self.done = False

    def start(self, delay_ms: int = START_DELAY_MS) -> None:
        QTimer.singleShot(delay_ms, self, self._start_worker)

    def _start_worker(self) -> None:
        run_in_background(self, self._read, on_success=lambda _result: self._import_next(),
                          on_failure=self._failed)

    def _read(self) -> None:
        """On a worker thread: the domain modules, the form and the pack (both cached)."""
        # Thousands of new objects: a full collection started here would hold the GIL, and so
        # the window, for tens of milliseconds.
        with gc_paused():
            # One importing worker at a time (the pack update check imports pydantic too): two at
            # once can leave one with a partially initialised module. See desktop.background_imports.
            import_modules(*DOMAIN_MODULES)
            from desktop.ui.wizard.draft_loading import shipped_form

            shipped_form()
            self._services.pack()

    def _failed(self, error: Exception) -> None:
        # The window reads the form and pack again when it opens and reports a problem then.
        reason = error.message_id if isinstance(error, UnderretError) else type(error).__name__
        log.warning("reading ahead for the wizard failed: %s", reason)
        self._finish()

    def _import_next(self) -> None:
        if self._left:
            importlib.import_module(self._left.pop(0))
        if self._left:
            QTimer.singleShot(0, self, self._import_next)
        else:
            self._finish()

    def _finish(self) -> None:
        self.done = True
        self.finished.emit()
