"""Keeping a draft safe: every change reaches the vault within two seconds.

Edits restart a one-second single-shot timer; when it fires (or on a page
change, lock or close) the answers are written to the vault. Someone who
types without pausing would keep pushing that timer back, so a second timer,
started by the first unsaved edit and never restarted, saves after 1.2 s at
the latest. A save of a
typical draft takes about a millisecond in SQLCipher (measured in
``tests/benchmarks/bench_wizard.py``), so it runs on the GUI thread, with the
vault's one connection, instead of paying for a thread hop and a second
connection; the benchmark fails the 10 ms target if that stops being true.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.domain.building import child_initials
from desktop.store.vault import Vault

log = logging.getLogger(__name__)

#: Debounce before an edit is saved; with the save itself well under the 2 s promise.
SAVE_DELAY_MS = 1000
#: The longest an edit waits while the person keeps typing.
SAVE_DEADLINE_MS = 1200


class DraftKeeper(QObject):
    """Saves one notification's answers; ``saved(draft_id)`` after each write."""

    saved = Signal(str)
    failed = Signal(object)

    def __init__(self, vault: Callable[[], Vault], draft_id: str | None,
                 answers: Callable[[], dict[str, Any]], page: Callable[[], str],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self.draft_id = draft_id
        self._answers = answers
        self._page = page
        self._dirty = False
        #: Why the last save failed (None after a save that worked).
        self.last_error: BaseException | None = None
        #: Something was typed since the last save (not only a page change).
        self._typed = False
        self.last_save_ms = 0.0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.save_now)
        self._deadline = QTimer(self)
        self._deadline.setSingleShot(True)
        self._deadline.setInterval(SAVE_DEADLINE_MS)
        self._deadline.timeout.connect(self.save_now)

    @property
    def dirty(self) -> bool:
        """True while an edit (or the page the person is on) has not reached the vault yet."""
        return self._dirty

    @property
    def typed(self) -> bool:
        """True while something typed has not reached the vault yet (a page change alone is not typing)."""
        return self._typed

    def changed(self) -> None:
        """Something was typed: save after a pause, and within the deadline at the latest."""
        self._typed = True
        self.page_changed()

    def page_changed(self) -> None:
        """The person moved to another page (stored with the draft): saved by the same timers."""
        if not self._deadline.isActive():
            self._deadline.start()
        self._dirty = True
        self._timer.start()

    def save_now(self) -> bool:
        """Write now if anything changed (or the draft does not exist yet); False when it failed."""
        self._timer.stop()
        self._deadline.stop()
        if not self._dirty:
            return True
        answers = self._answers()
        started = time.perf_counter()
        try:
            vault = self._vault()
            if self.draft_id is None:
                self.draft_id = vault.notifications.create_draft(answers, self._page(),
                                                                 child_initials(answers))
                vault.profile.note_open_draft(self.draft_id)
                log.info("draft %s created", self.draft_id)
            else:
                vault.notifications.save_draft(self.draft_id, answers, self._page(), child_initials(answers))
        except Exception as error:  # reported to the window, which tells the person; never dropped
            log.warning("saving draft %s failed: %s", self.draft_id, type(error).__name__)
            self.last_error = error
            self.failed.emit(error)
            return False
        self.last_error = None
        self.last_save_ms = (time.perf_counter() - started) * 1000
        self._dirty = False
        self._typed = False
        self.saved.emit(self.draft_id)
        return True

    def stop(self) -> None:
        """No more saving (the window is closing after a final save, or the draft was discarded)."""
        self._timer.stop()
        self._deadline.stop()
        self._dirty = False
        self._typed = False
