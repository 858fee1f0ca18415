"""The outbox worker: sends queued notifications on its own thread while the app runs.

Qt (QtCore/QtNetwork only). ``OutboxWorker`` lives on the GUI thread and is
what the UI talks to; the sending itself (``OutboxSender.run_once``, with its
own vault connection and blocking network calls) runs in a ``QThread``. A pass
runs at start-up, on ``send_now()``, when the network comes back
(``QNetworkInformation`` reachability, where the platform has a backend), and
on a single-shot timer set to the earliest ``next_attempt_at`` of the queue
(the backoff chosen by the sender; the whole queue waits together when the
intake cannot be reached, or as long as its ``Retry-After`` says). Every pass
starts with one probe: against an intake that is gone, a pass costs one
attempt's deadline, however long the queue. ``try_now()`` runs a pass without
touching the backoff (call it right after finalising).

Signals (all delivered on the GUI thread):

* ``itemStateChanged(id, state, reason_id)``: ``state`` is ``"sending"``,
  ``"queued"`` (will retry; ``reason_id`` says why), ``"failed"`` (refused by
  the intake; ``reason_id`` says why), ``"receipted"`` or ``"sent"`` (accepted
  by secure e-mail, which gives no receipt); ``reason_id`` is ``""`` when there
  is none.
* ``stateChanged(id)``: the same moment, id only (for views that re-read the row).
  Changes that follow each other quickly (a long queue) are handed to the GUI
  thread together, at most ``STATE_BATCH_MS`` after the first, in order, and
  always before the pass's ``waitingCountChanged``.
* ``waitingCountChanged(int)``: how many notifications wait (badge).
* ``errorOccurred(message_id)``: a pass could not run (e.g. the vault could not
  be opened); the worker tries again later.
* ``messagesReceived(ids)``: the municipality's kvittering or § 137 orientation
  came for these notifications in the pass (``desktop.outbox.replies`` kept them).
"""

from __future__ import annotations

import logging
import threading
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
#: State changes that follow each other within this time reach the GUI thread together.
STATE_BATCH_MS = 50

# Threads that outlived stop()'s wait: kept referenced so Qt never destroys a running thread.
_still_running: set[QThread] = set()


class _StateQueue:
    """State changes on their way from the worker thread to the GUI thread, in order.

    Sending a thousand items makes two thousand state changes. One queued Qt
    event each kept the GUI thread (and through the GIL the sender) busy; the
    worker signals only when the queue was empty, and the GUI thread takes
    everything that arrived meanwhile at once.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._items: list[tuple[str, str, str]] = []

    def put(self, notification_id: str, state: str, reason: str) -> bool:
        """Add a change (worker thread); True when the GUI thread must be told (the queue was empty)."""
        with self._lock:
            self._items.append((notification_id, state, reason))
            return len(self._items) == 1

    def take(self) -> list[tuple[str, str, str]]:
        """Everything queued so far, oldest first (GUI thread)."""
        with self._lock:
            items, self._items = self._items, []
        return items


class _Engine(QObject):
    """Runs on the worker thread; owns the sender (and through it, the thread's vault connection)."""

    statesPending = Signal()  # noqa: N815 - Qt signal naming
    waitingCountChanged = Signal(int)  # noqa: N815 - Qt signal naming, as in the contract
    errorOccurred = Signal(str)  # noqa: N815 - Qt signal naming, as in the contract
    messagesReceived = Signal(list)  # noqa: N815 - Qt signal naming

    def __init__(self, sender: OutboxSender, states: _StateQueue) -> None:
        super().__init__()
        self._sender = sender
        self._states = states
        self._timer: QTimer | None = None
        self._last_waiting: int | None = None
        sender.on_state = self._report_state

    def _report_state(self, notification_id: str, state: str, reason: str | None) -> None:
        if self._states.put(notification_id, state, reason or ""):
            self.statesPending.emit()

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
        if report.messages:
            self.messagesReceived.emit(report.messages)
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
    messagesReceived = Signal(list)  # noqa: N815 - Qt signal naming

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
        self._states = _StateQueue()
        self._engine = _Engine(sender, self._states)
        self._engine.moveToThread(self._thread)
        self._engine.statesPending.connect(self._states_pending)
        self._engine.waitingCountChanged.connect(self._forward_waiting)
        self._engine.errorOccurred.connect(self._forward_error)
        self._engine.messagesReceived.connect(self.messagesReceived)
        # Changes arriving in a burst are handed on together, at most STATE_BATCH_MS after the first.
        self._state_timer = QTimer(self)
        self._state_timer.setSingleShot(True)
        self._state_timer.setInterval(STATE_BATCH_MS)
        self._state_timer.timeout.connect(self._forward_states)
        self._begin_requested.connect(self._engine.begin)
        self._pass_requested.connect(self._engine.run_pass)
        self._send_now_requested.connect(self._engine.send_now)
        self._shutdown_requested.connect(self._engine.shutdown)
        self._running = False
        self._watch_network = watch_network
        self._network: QNetworkInformation | None = None

    @Slot()
    def _states_pending(self) -> None:
        if not self._state_timer.isActive():
            self._state_timer.start()

    @Slot()
    def _forward_states(self) -> None:
        self._state_timer.stop()
        for notification_id, state, reason in self._states.take():
            self.itemStateChanged.emit(notification_id, state, reason)
            self.stateChanged.emit(notification_id)

    @Slot(int)
    def _forward_waiting(self, count: int) -> None:
        self._forward_states()  # the states of the pass come before its waiting count
        self.waitingCountChanged.emit(count)

    @Slot(str)
    def _forward_error(self, message_id: str) -> None:
        self._forward_states()
        self.errorOccurred.emit(message_id)

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
        """Stop now; True if the thread ended within ``timeout_ms``.

        The attempt in flight is ended at once (the sender asks the transport to shut
        its sockets), so the thread normally ends within milliseconds, even against a
        server that never answers. If it is still busy when the wait ends (e.g. a name
        lookup that cannot be interrupted), it is kept alive until it finishes. An
        ended attempt is safe: the item stays SENDING and is resent with the same
        Idempotency-Key next time.
        """
        if not self._running:
            return True
        self._running = False
        if self._network is not None:
            self._network.reachabilityChanged.disconnect(self._on_reachability)
        self._sender.request_stop()
        self._shutdown_requested.emit()
        finished = bool(self._thread.wait(timeout_ms))
        self._forward_states()  # what the last attempts changed, before this worker is let go
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
