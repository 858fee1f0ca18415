"""Delivery in the running app: the outbox worker, finalising, retention, for the open profile.

:class:`DeliveryService` is created once by :func:`desktop.ui.delivery.install`.
After each unlock it starts an :class:`~desktop.outbox.worker.OutboxWorker`
whose sender opens its own vault connection on the worker thread
(``services.open_reader``) and delivers to the intake named by policy and pack
(policy wins, field by field: :func:`desktop.outbox.target.intake_target`).
The worker starts once the main window has shown its list (``START_AFTER_LIST_MS``
later, so the first paint does not share the processor with loading the outbox,
the network stack and the guideline pack), at the latest ``START_AT_LATEST_MS``
after unlock, and at once on "Send now" or a new finalised notification.
On lock and on quit the worker is stopped and joined; anything not yet sent
stays queued in the vault and goes out after the next unlock. The retention
purge runs when sending starts and then once a day, in the background.

Nothing heavy is imported here: the outbox, the network stack and the pack
models load when sending starts.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, Slot

from desktop.errors import UnderretError

if TYPE_CHECKING:
    from datetime import date, datetime

    from desktop.domain.document import NotificationDocument
    from desktop.outbox.retention import RetentionReport
    from desktop.outbox.sender import OutboxSender, Transport
    from desktop.outbox.target import IntakeTarget
    from desktop.outbox.worker import OutboxWorker
    from desktop.store.vault import Vault
    from desktop.ui.main_window import MainWindow
    from desktop.ui.services import Services

log = logging.getLogger(__name__)

#: How often the retention purge runs while the app stays open.
RETENTION_INTERVAL_MS = 24 * 3600 * 1000
#: How long locking waits for an attempt in progress before leaving the thread to finish on its own.
LOCK_STOP_MS = 2_000
#: How long quitting waits for an attempt in progress.
QUIT_STOP_MS = 10_000
#: Worker state changes arrive in bursts; the list is re-read at most once a second meanwhile ...
LIST_REFRESH_MS = 1_000
#: ... and, when re-reading it takes long (thousands of rows), at most this share of the GUI thread's
#: time goes to it: the window stays responsive and the sending lanes are not starved of the GIL.
LIST_REFRESH_SHARE = 0.2
#: Notifications in flight at once (each on its own connection): while the intake handles one, the
#: app verifies and records the previous. Two keep the load on a municipality's intake modest.
SENDING_LANES = 2
#: Sending starts this long after the main window has shown its list (the first paint comes first).
START_AFTER_LIST_MS = 300
#: ... or this long after unlock when no list has been shown by then (no window, or its list failed).
START_AT_LATEST_MS = 3_000

#: Builds the transport for a target (tests pass a shorter timeout through this).
TransportFactory = Callable[["IntakeTarget"], "Transport"]


def _today() -> date:
    """Today's date (the datetime module loads on first use, not at start-up)."""
    from datetime import date

    return date.today()


class DeliveryService(QObject):
    """Owns the outbox worker of the unlocked profile and the finaliser the wizard calls.

    Signals (GUI thread): ``waitingCountChanged(int)`` from the worker,
    ``itemStateChanged(id, state, reason_id)``, ``problem(message_id)`` when a
    pass could not run or sending is not set up, ``startPending()`` after unlock
    while the start waits for the main window's list ("Send now" starts it at
    once), ``started()`` once the worker runs, ``purged(int)`` after a
    retention run that removed content, and ``messagesReceived(ids)`` when the
    municipality's kvittering or § 137 orientation came for these notifications.
    """

    waitingCountChanged = Signal(int)  # noqa: N815 - Qt signal naming
    itemStateChanged = Signal(str, str, str)  # noqa: N815 - Qt signal naming
    problem = Signal(str)
    purged = Signal(int)
    messagesReceived = Signal(list)  # noqa: N815 - Qt signal naming
    started = Signal()
    startPending = Signal()  # noqa: N815 - Qt signal naming
    _wake = Signal()

    def __init__(self, services: Services, *, transport_factory: TransportFactory | None = None,
                 today: Callable[[], date] | None = None, clock: Callable[[], datetime] | None = None,
                 watch_network: bool = True) -> None:
        super().__init__()
        self._services = services
        self._transport_factory = transport_factory
        self.today: Callable[[], date] = today or _today
        self._clock = clock
        self._watch_network = watch_network
        self.worker: OutboxWorker | None = None
        self._retired: list[OutboxWorker] = []
        self.waiting: int | None = None
        self.configuration_problem: str | None = None
        self._starting = False
        self._gc_frozen = False
        self._generation = 0
        #: Unlocked and waiting for the main window's list before starting (see START_AFTER_LIST_MS).
        self._start_pending = False
        self._windows: list[MainWindow] = []
        self._start_timer = QTimer(self)
        self._start_timer.setSingleShot(True)
        self._start_timer.timeout.connect(self._begin)
        self._retention = QTimer(self)
        self._retention.setInterval(RETENTION_INTERVAL_MS)
        self._retention.timeout.connect(self.run_retention)
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(LIST_REFRESH_MS)
        self._refresh.timeout.connect(self._refresh_list)
        #: When the list refresh in progress began (monotonic seconds), until a window has shown it.
        self._refresh_began: float | None = None
        self._wake.connect(self.send_now)
        services.session.unlocked.connect(self.start)
        services.session.locking.connect(self.stop)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

    # --- where to send -------------------------------------------------------------------------
    def target(self) -> IntakeTarget:
        """The municipality's intake from policy and pack; ``IntakeNotConfigured`` when incomplete."""
        from desktop.outbox.target import intake_target

        return intake_target(self._services.pack(), self._services.policy)

    def _transport(self, target: IntakeTarget) -> Transport:
        if self._transport_factory is not None:
            return self._transport_factory(target)
        from desktop.outbox.target import make_transport

        proxy = self._services.settings.value("proxy")
        return make_transport(target, proxy=str(proxy) if proxy else None)

    # --- the worker ----------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        """Whether a worker is sending for the open profile."""
        return self.worker is not None and self.worker.running

    @property
    def start_pending(self) -> bool:
        """Unlocked, and sending starts shortly (after the main window's list, or on "Send now")."""
        return self._start_pending

    def watch_window(self, window: MainWindow) -> None:
        """Start sending once ``window`` has shown its list (called for each new main window)."""
        self._windows.append(window)
        window.loaded.connect(self.list_shown)
        window.destroyed.connect(lambda *_: self._forget_window(window))

    def _forget_window(self, window: MainWindow) -> None:
        self._windows = [w for w in self._windows if w is not window]

    @Slot()
    def _refresh_list(self) -> None:
        """Ask the windows to re-read the list (after state changes), timing how long that takes."""
        import time

        self._refresh_began = time.monotonic()
        self._services.notifications_changed.emit()

    @Slot()
    def list_shown(self) -> None:
        """A main window has shown its list: sending starts shortly after, if it is waiting to.

        After a refresh this service asked for, the next one waits long enough that re-reading
        the list takes at most ``LIST_REFRESH_SHARE`` of the time (never less than a second).
        """
        if self._refresh_began is not None:
            import time

            took_ms = (time.monotonic() - self._refresh_began) * 1000
            self._refresh_began = None
            self._refresh.setInterval(max(LIST_REFRESH_MS, int(took_ms / LIST_REFRESH_SHARE)))
        if self._start_pending and (not self._start_timer.isActive()
                                    or self._start_timer.remainingTime() > START_AFTER_LIST_MS):
            self._start_timer.start(START_AFTER_LIST_MS)

    @Slot()
    def start(self) -> None:
        """After unlock: start sending once the main window has shown its list (or soon regardless)."""
        if self._services.vault is None or self.worker is not None or self._starting:
            return
        self._start_pending = True
        self.startPending.emit()
        shown = any(window.has_loaded and window.isVisible() for window in self._windows)
        self._start_timer.start(0 if shown else START_AT_LATEST_MS)

    @Slot()
    def _begin(self) -> None:
        """Start the worker and the retention purge now (the deferred part of :meth:`start`)."""
        self._start_timer.stop()
        if not self._start_pending:
            return
        self._start_pending = False
        if self._services.vault is None:
            return
        self.run_retention()
        self._retention.start()
        if self.worker is not None or self._starting:
            return
        # Starting and sending allocate steadily, so Python's full collection runs now and then, on
        # whichever thread allocates, holding the GIL while it walks every object the app has made
        # (60-70 ms with the list and Qt loaded): the window freezes for that long. Objects alive now
        # are long-lived (modules, widgets, the open list); freezing them leaves the collector only
        # what comes after. stop() unfreezes them; until then cyclic garbage existing now is not freed.
        if not self._gc_frozen:
            gc.freeze()
            self._gc_frozen = True
        self._starting = True
        self._generation += 1
        generation = self._generation
        from desktop.ui.operations import run_in_background

        # Reading the trust anchor and building the TLS client take a moment: not on the GUI thread.
        run_in_background(self, self._make_sender,
                          on_success=lambda sender: self._start_worker(generation, sender),
                          on_failure=self._not_configured)

    def _make_sender(self) -> OutboxSender:
        from desktop.outbox.sender import OutboxSender
        from desktop.outbox.target import RoutingTransport, reachable_targets

        services = self._services
        # Every intake a queued envelope may be sealed for: the PC's own and the directory's municipalities.
        targets = reachable_targets(services.pack(), services.policy, services.directory())
        if not targets:
            self.target()  # raises IntakeNotConfigured: why nothing can be sent
        own = next(iter(targets))

        def open_vault() -> Vault:
            # The worker's own connection only: synchronous=NORMAL saves two fsyncs per item sent, and a
            # state change lost to a power cut is harmless because a resend with the same
            # Idempotency-Key gets the original receipt (Vault.open explains). Drafts stay FULL.
            return services.open_reader(synchronous="NORMAL")

        # The municipality's kvittering and § 137 orientation, read on each pass (desktop.outbox.replies).
        from desktop.outbox.replies import DirectoryRoutes, ReplyFetcher

        replies = ReplyFetcher(DirectoryRoutes(services.pack(), services.policy, services.directory()))
        return OutboxSender(open_vault, RoutingTransport(targets, self._transport), own.receipt_key,
                            self._clock, lanes=SENDING_LANES, replies=replies)

    def _not_configured(self, error: Exception) -> None:
        self._starting = False
        if not isinstance(error, UnderretError):
            log.error("delivery: could not start", exc_info=error)
            error = UnderretError("delivery could not start", message_id="delivery.misconfigured")
        from desktop.eventlog import refused_safely

        refused_safely(error.message_id, "delivery.not_configured", notifications="queued")
        self.configuration_problem = error.message_id
        self.problem.emit(error.message_id)

    def _start_worker(self, generation: int, sender: OutboxSender) -> None:
        self._starting = False
        if generation != self._generation or self._services.vault is None or self.worker is not None:
            sender.close()  # locked (or restarted) meanwhile
            return
        self.configuration_problem = None
        from desktop.outbox.worker import OutboxWorker

        worker = OutboxWorker(sender, self, watch_network=self._watch_network)
        worker.itemStateChanged.connect(self._on_item_state)
        worker.waitingCountChanged.connect(self._on_waiting)
        worker.errorOccurred.connect(self.problem)
        worker.messagesReceived.connect(self.messagesReceived)
        self.worker = worker
        worker.start()
        log.info("delivery: worker started")
        self.started.emit()

    @Slot()
    def stop(self, timeout_ms: int = LOCK_STOP_MS) -> None:
        """Stop sending (on lock): the attempt in progress finishes; nothing queued is dropped."""
        self._retention.stop()
        self._start_timer.stop()
        self._start_pending = False
        self._generation += 1  # a start still being prepared is dropped
        if self._gc_frozen:
            gc.unfreeze()  # what was frozen when sending started may be collected again (see start)
            self._gc_frozen = False
        worker, self.worker = self.worker, None
        if worker is None:
            return
        if worker.stop(timeout_ms):
            worker.deleteLater()
        else:
            # Still waiting for an answer: the thread ends by itself once it has one.
            log.info("delivery: an attempt is still in progress; it finishes in the background")
            self._retired.append(worker)
        log.info("delivery: worker stopped")

    @Slot()
    def shutdown(self) -> None:
        """On quit: stop and join the worker (longer wait than on lock)."""
        self.stop(QUIT_STOP_MS)
        for worker in self._retired:
            worker.stop(QUIT_STOP_MS)
        self._retired.clear()

    @Slot()
    def send_now(self) -> None:
        """The person's "Send now": every waiting notification is tried at once."""
        if self._start_pending:
            self._begin()  # the worker's start-up pass tries everything due
        elif self.worker is not None:
            self.worker.send_now()

    def send_again(self, notification_id: str) -> bool:
        """Put a refused notification back in the queue and try it now (the person's "Send igen").

        Safe to press twice and exactly-once at the intake: the same envelope goes under the
        same id (the intake's Idempotency-Key); the store changes only a FAILED notification and
        records ``delivery.send_again`` in the vault's audit log. Returns False when nothing was
        changed (not refused, or the vault is locked). Emits ``itemStateChanged(id, "queued", "")``;
        the worker's pass follows at once when sending runs (else after unlock / "Send now").
        """
        vault = self._services.vault
        if vault is None:
            return False
        if not vault.outbox.send_again(notification_id):
            return False
        log.info("delivery: %s put back in the queue (send again)", notification_id)
        self._on_item_state(notification_id, "queued", "")
        if self.worker is not None:
            self.worker.try_now()  # the item is due now; the rest of the queue keeps its back-off
        elif self._start_pending:
            self._begin()
        return True

    def _on_item_state(self, notification_id: str, state: str, reason: str) -> None:
        self.itemStateChanged.emit(notification_id, state, reason)
        if not self._refresh.isActive():
            self._refresh.start()

    def _on_waiting(self, count: int) -> None:
        self.waiting = count
        self.waitingCountChanged.emit(count)

    # --- finalising (the wizard's ``services.finalise``) ---------------------------------------
    def finalise(self, draft_id: str, document: NotificationDocument) -> None:
        """Render the PDF, seal the envelope and queue it with the state change (worker thread)."""
        from desktop.outbox.finalise import finalise_and_queue  # the wizard's default runs the same step

        services = self._services
        finalise_and_queue(services.open_reader, services.pack(), services.policy, draft_id, document,
                           demo=services.demo, directory=services.directory())
        self._wake.emit()  # queued to the GUI thread: try to send it at once

    # --- retention -----------------------------------------------------------------------------
    def retention_days(self) -> int:
        from desktop.outbox.retention import DEFAULT_RETENTION_DAYS

        value = self._services.settings.value("retention_days")
        return int(value) if value is not None else DEFAULT_RETENTION_DAYS

    @Slot()
    def run_retention(self) -> None:
        """Purge the content of delivered notifications older than the retention period (background),
        receipted or sent by secure e-mail, once their acknowledgement deadline has passed too."""
        if self._services.vault is None:
            return
        services, days = self._services, self.retention_days()
        from datetime import UTC, datetime

        now = self._clock() if self._clock is not None else datetime.now(UTC)

        def purge() -> RetentionReport:
            from desktop.outbox.retention import purge_expired

            vault = services.open_reader()
            try:
                return purge_expired(vault, now, days)
            finally:
                vault.close()

        from desktop.ui.operations import run_in_background

        run_in_background(self, purge, on_success=self._purged, on_failure=self._retention_failed)

    def _purged(self, report: RetentionReport) -> None:
        if report.purged:
            self.purged.emit(len(report.purged))
            self._services.notifications_changed.emit()

    def _retention_failed(self, error: Exception) -> None:
        from desktop.store.errors import VaultLocked

        if isinstance(error, VaultLocked):
            return  # locked meanwhile; it runs again after the next unlock
        if isinstance(error, UnderretError):
            log.warning("retention: could not run (%s)", error.message_id)
            self.problem.emit(error.message_id)
        else:
            log.error("retention: failed", exc_info=error)
