"""Runs :class:`~desktop.config.pack_updates.PackUpdater` at start and then daily, off the GUI thread.

QtCore only (no widgets). The composition root creates one, connects
:attr:`PackUpdateSchedule.updated` to reload the pack for new notifications
and calls :meth:`PackUpdateSchedule.start`::

    schedule = PackUpdateSchedule(policy, parent=app)
    schedule.updated.connect(lambda status: services.reload_pack())
    schedule.start()

A timer looks every hour whether a check is due (the last one is older than a
day, as recorded in the status file), so a PC that sleeps overnight still
checks once a day. Network and disk work runs on a worker thread; the signals
arrive on the thread that owns the schedule. The thread first imports what the
check needs through :func:`desktop.background_imports.import_modules` (so it
never races another worker's imports into a partially initialised module), and
:meth:`PackUpdateSchedule.stop` waits a moment for a running check, so none is
cut off, and none reports to a schedule that is gone, when the app quits.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import UTC, datetime

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal

from desktop.background_imports import import_modules
from desktop.config.pack_updates import PackUpdater, PackUpdateStatus, SignedUpdater, UpdateOutcome
from desktop.config.policy import Policy
from desktop.errors import UnderretError

log = logging.getLogger(__name__)

#: How often the timer asks whether a daily check is due.
POLL_MILLISECONDS = 60 * 60 * 1000
#: What a check imports: everything on its path, before it starts (see the module docstring); the
#: kind's own parser's modules (``DocumentKind.modules``) come with them.
CHECK_MODULES = ("json", "yaml", "pydantic", "desktop.config.signed_updates",
                 "cryptography.exceptions", "cryptography.hazmat.primitives.asymmetric.ed25519",
                 "desktop.eventlog")
#: How long :meth:`PackUpdateSchedule.stop` waits for a check that is running.
STOP_WAIT_SECONDS = 5.0


class PackUpdateSchedule(QObject):
    """Start-up and daily guideline-pack update checks."""

    #: Every finished check (any outcome), for a status line or ``doctor``-like views.
    checked = Signal(object)
    #: A new pack was installed: reload it for notifications started from now on.
    updated = Signal(object)
    #: Internal: carries a worker thread's result to the schedule's own thread.
    _finished = Signal(object)

    def __init__(self, policy: Policy, parent: QObject | None = None, *,
                 updater: SignedUpdater | None = None,
                 clock: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        super().__init__(parent)
        self._updater = updater or PackUpdater(policy)
        self._clock = clock
        self._busy = threading.Lock()
        self._thread: threading.Thread | None = None
        self._stopped = False
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MILLISECONDS)
        self._timer.timeout.connect(self.check_if_due)
        self._finished.connect(self._report)

    def start(self) -> None:
        """Check now (in the background) and then whenever a daily check is due."""
        if self._updater.policy.pack_source is None:
            return  # nothing to fetch: no timer, no thread
        self._timer.start()
        self._run()

    def stop(self, wait_seconds: float = STOP_WAIT_SECONDS) -> None:
        """Stop the timer; a check already running gets ``wait_seconds`` to finish (it reports nothing
        more). The app calls this when it quits."""
        self._timer.stop()
        self._stopped = True
        thread = self._thread
        if thread is not None and thread.is_alive():
            thread.join(wait_seconds)

    def check_now(self) -> None:
        """Start a check now, due or not (none starts while one is running)."""
        if self._updater.policy.pack_source is not None:
            self._run()

    def check_if_due(self) -> None:
        """Start a check when the last one is older than a day."""
        if self._updater.due(self._clock()):
            self._run()

    def _run(self) -> None:
        if self._stopped or not self._busy.acquire(blocking=False):
            return  # one check at a time, none after stop()
        self._thread = threading.Thread(target=self._work, name="pack-update", daemon=True)
        self._thread.start()

    def _work(self) -> None:
        try:
            modules = CHECK_MODULES + self._updater.kind.modules + (
                ("httpx",) if str(self._updater.policy.pack_source).startswith("https://") else ())
            import_modules(*modules)
            status: PackUpdateStatus | UnderretError | OSError = self._updater.check(self._clock())
        except (UnderretError, OSError) as exc:
            # e.g. the data folder is read-only: reported, and the last good pack stays.
            log.warning("pack update check failed: %s", type(exc).__name__)
            status = exc
        finally:
            self._busy.release()
        if self._stopped or not shiboken6.isValid(self):
            return  # the app is quitting: nobody to tell
        try:
            self._finished.emit(status)
        except RuntimeError:  # deleted between the check above and here
            return

    def _report(self, status: object) -> None:
        if isinstance(status, PackUpdateStatus):
            self.checked.emit(status)
            if status.outcome is UpdateOutcome.UPDATED:
                self.updated.emit(status)
