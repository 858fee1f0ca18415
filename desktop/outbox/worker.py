"""The outbox worker: sends queued notifications on its own thread while the app runs.

Qt (QtCore/QtNetwork only). ``OutboxWorker`` lives on the GUI thread and is
what the UI talks to; the sending itself (``OutboxSender.run_once``, with its
own vault connection and blocking network calls) runs in a ``QThread``. A pass
runs at start-up, on ``send_now()``, when the network comes back
(``QNetworkInformation`` reachability, where the platform has a backend), and
on a single-shot timer set to the earliest ``next_attempt_at`` of the queue
(the backoff chosen by the sender). ``try_now()`` runs a pass without
touching the backoff (call it right after finalising).

Signals (all delivered on the GUI thread):

* ``itemStateChanged(id, state, reason_id)``: ``state`` is ``"sending"``,
  ``"queued"`` (will retry; ``reason_id`` says why), ``"failed"`` (refused by
  the intake; ``reason_id`` says why) or ``"receipted"``; ``reason_id`` is
  ``""`` when there is none.
* ``stateChanged(id)``: the same moment, id only (for views that re-read the row).
* ``waitingCountChanged(int)``: how many notifications wait (badge).
* ``errorOccurred(message_id)``: a pass could not run (e.g. the vault could not
  be opened); the worker tries again later.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot
from PySide6.QtNetwork import QNetworkInformation

from desktop.errors import UnderretError
from desktop.outbox.sender import OutboxSender

log = logging.getLogger(__name__)

#: After a pass that could not run at all, try again after this long.
ERROR_RETRY_MS = 60_000
#: Longest single timer wait; the timer is simply re-armed after it.
MAX_TIMER_MS = 3_600_000

# Threads that outlived stop()'s wait: kept referenced so Qt never destroys a running thread.
_still_running: set[QThread] = set()


class _Engine(QObject):
    """Runs on the worker thread; owns the sender (and through it, the thread's vault connection)."""

    itemStateChanged = Signal(str, str, str)  # noqa: N815 - Qt signal naming, as in the contract
    waitingCountChanged = Signal(int)  # noqa: N815 - Qt signal naming, as in the contract
    errorOccurred = Signal(str)  # noqa: N815 - Qt signal naming, as in the contract

    def __init__(self, sender: OutboxSender) -> None:
        super().__init__()
        self._sender = sender
        self._timer: QTimer | None = None
        self._last_waiting: int | None = None
        sender.on_state = self._report_state

    def _report_state(self, notification_id: str, state: str, reason: str | None) -> None:
        self.itemStateChanged.emit(notification_id, state, reason or "")

    @Slot()
    def begin(self) -> None:
        # The timer must be created on this thread to fire here.
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.run_pass)
        self.run_pass()

    @Slot()
    def run_pass(self) -> None:
        if self._timer is None:
            return
        self._timer.stop()
        try:
            report = self._sender.run_once()
        except UnderretError as exc:
            log.warning("outbox: pass could not run (%s)", exc.message_id)
            self.errorOccurred.emit(exc.message_id)
            self._timer.start(ERROR_RETRY_MS)
            return
        if report.waiting != self._last_waiting:
            self._last_waiting = report.waiting
            self.waitingCountChanged.emit(report.waiting)
        if report.next_attempt_at is not None:
            delay = (report.next_attempt_at - datetime.now(UTC)).total_seconds() * 1000
            self._timer.start(int(min(max(delay, 0), MAX_TIMER_MS)))

    @Slot()
    def send_now(self) -> None:
        if self._timer is None:
            return
        try:
            self._sender.vault.outbox.retry_now()
        except UnderretError as exc:
            self.errorOccurred.emit(exc.message_id)
            return
        self.run_pass()

    @Slot()
    def shutdown(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self._sender.close()
        thread = QThread.currentThread()
        if thread is not None:
            thread.quit()


class OutboxWorker(QObject):
    """The UI's handle on background sending: ``start()``, ``send_now()``, ``stop()`` and signals."""

    itemStateChanged = Signal(str, str, str)  # noqa: N815 - Qt signal naming, as in the contract
    stateChanged = Signal(str)  # noqa: N815 - Qt signal naming, as in the contract
    waitingCountChanged = Signal(int)  # noqa: N815 - Qt signal naming, as in the contract
    errorOccurred = Signal(str)  # noqa: N815 - Qt signal naming, as in the contract

    _begin_requested = Signal()
    _pass_requested = Signal()
    _send_now_requested = Signal()
    _shutdown_requested = Signal()

    def __init__(
        self, sender: OutboxSender, parent: QObject | None = None, *, watch_network: bool = True
    ) -> None:
        super().__init__(parent)
        self._thread = QThread()
        self._thread.setObjectName("underret-outbox")
        self._sender = sender
        self._engine = _Engine(sender)
        self._engine.moveToThread(self._thread)
        self._engine.itemStateChanged.connect(self._forward_state)
        self._engine.waitingCountChanged.connect(self.waitingCountChanged)
        self._engine.errorOccurred.connect(self.errorOccurred)
        self._begin_requested.connect(self._engine.begin)
        self._pass_requested.connect(self._engine.run_pass)
        self._send_now_requested.connect(self._engine.send_now)
        self._shutdown_requested.connect(self._engine.shutdown)
        self._running = False
        self._watch_network = watch_network
        self._network: QNetworkInformation | None = None

    @Slot(str, str, str)
    def _forward_state(self, notification_id: str, state: str, reason: str) -> None:
        self.itemStateChanged.emit(notification_id, state, reason)
        self.stateChanged.emit(notification_id)

    @property
    def running(self) -> bool:
        """Whether the worker thread is running."""
        return self._running

    @Slot()
    def start(self) -> None:
        """Start the thread and try at once (start-up pass)."""
        if self._running:
            return
        self._running = True
        self._thread.start()
        self._begin_requested.emit()
        if self._watch_network:
            self._watch_reachability()

    @Slot()
    def try_now(self) -> None:
        """Send what is due now, keeping the backoff of failing items (e.g. just after finalising)."""
        if self._running:
            self._pass_requested.emit()

    @Slot()
    def send_now(self) -> None:
        """The user's "send now": every waiting item is due immediately."""
        if self._running:
            self._send_now_requested.emit()

    @Slot()
    def stop(self, timeout_ms: int = 35_000) -> bool:
        """Stop after the attempt in progress (if any); True if the thread ended in time.

        The pass in progress ends after its current attempt (bounded by the
        transport's timeout), so the default wait covers one attempt. If the
        thread is still busy when the wait ends, it is kept alive until it
        finishes. An interrupted attempt is safe: the item stays SENDING and is
        resent with the same Idempotency-Key next time.
        """
        if not self._running:
            return True
        self._running = False
        if self._network is not None:
            self._network.reachabilityChanged.disconnect(self._on_reachability)
        self._sender.request_stop()
        self._shutdown_requested.emit()
        finished = bool(self._thread.wait(timeout_ms))
        if not finished:
            log.warning("outbox: worker busy after %d ms; it ends after the current attempt", timeout_ms)
            _still_running.add(self._thread)
            self._thread.finished.connect(lambda thread=self._thread: _still_running.discard(thread))
        return finished

    def _watch_reachability(self) -> None:
        if not QNetworkInformation.loadBackendByFeatures(QNetworkInformation.Feature.Reachability):
            log.info("outbox: no network-information backend; relying on timers and send now")
            return
        self._network = QNetworkInformation.instance()
        if self._network is not None:
            self._network.reachabilityChanged.connect(self._on_reachability)

    @Slot(QNetworkInformation.Reachability)
    def _on_reachability(self, reachability: QNetworkInformation.Reachability) -> None:
        if self._running and reachability == QNetworkInformation.Reachability.Online:
            log.info("outbox: network is back; trying every waiting item now")
            self._send_now_requested.emit()
