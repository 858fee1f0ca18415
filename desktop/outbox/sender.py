"""One pass over the outbox: send what is due, keep what the municipality confirms.

Pure Python (no Qt): the Qt worker runs it on its own thread. For every due
item: mark it SENDING (committed before any byte leaves, so a crash leaves a
trace that is retried), POST the sealed bytes, verify the signed receipt, and
record it with its acknowledgement deadline. A passing failure puts the item
back in the queue with a backed-off time; a refusal by the intake marks it
FAILED with the reason. Nothing is ever marked delivered without a receipt
that verifies. While the intake answers quickly, SENDING marks and outcomes
are committed for several items at a time (see ``OutboxSender._lane``); an
outcome lost to a crash leaves its item SENDING, and the resend with the same
Idempotency-Key gets the original receipt.

Every pass starts with one probe: the first due item alone. If the way to
the municipality is broken (no network, the intake unreachable, TLS, a slow
answer, a server error, this PC not set up), the pass ends there and the whole
queue waits together (one back-off for all, the server's ``Retry-After`` when
it gave one, at least ``SETUP_BACKOFF_S`` for causes only IT can fix), each
item showing the reason. If the probe goes, the rest follows on all lanes; two
such failures in a row there end the pass the same way. A thousand waiting
notifications thus cost one attempt against a black hole, not a thousand.
An attempt ended by the app (lock, quit) records nothing: its item is sent
again next time under the same Idempotency-Key.

Secure e-mail gives no signed receipt: a message its server accepted is
recorded SENT (never RECEIPTED), with the same acknowledgement deadline, so
the person is told to phone when the municipality does not confirm in time.
A crash between the server's acceptance and that record resends the mail
with the same Message-ID (the municipality sees a duplicate, not a loss).
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from functools import partial
from itertools import islice
from typing import TYPE_CHECKING, Protocol

from desktop.errors import UnderretError
from desktop.outbox.breaker import BREAKER_FAILURES, SETUP_BACKOFF_S, Breaker
from desktop.outbox.retry import backoff_seconds

__all__ = ["BREAKER_FAILURES", "SETUP_BACKOFF_S", "OutboxSender", "SendReport", "StateListener", "Transport"]

if TYPE_CHECKING:
    from desktop.outbox.failures import TransientDeliveryError
    from desktop.outbox.replies import ReplyFetcher
    from desktop.outbox.transport import DeliveryResult
    from desktop.store.outbox import DueEntry
    from desktop.store.vault import Vault

log = logging.getLogger(__name__)

#: While the intake answers quickly, this many items are marked SENDING in one transaction.
MARK_AHEAD = 16
#: An answer within this time counts as quick.
QUICK_ANSWER_S = 0.25
#: Outcomes of quick attempts are committed (and reported) at least this often.
RECORD_EVERY_S = 0.1

#: Called as (notification_id, state, reason_id) whenever an item changes state.
StateListener = Callable[[str, str, str | None], None]


class Transport(Protocol):
    """Anything that can deliver an envelope: the HTTPS intake (with its receipt) or secure e-mail."""

    def deliver(self, notification_id: str, envelope: bytes, *, attempt: int = 1) -> DeliveryResult:
        """Send once (``attempt``: the how-manieth); raise TransientDeliveryError or DeliveryRejected."""
        ...

    def close(self) -> None:
        """Release connections."""
        ...


@dataclass
class SendReport:
    """What one pass did."""

    attempted: int = 0
    receipted: list[str] = field(default_factory=list)
    sent: list[str] = field(default_factory=list)  # accepted without a receipt (secure e-mail)
    retrying: dict[str, str] = field(default_factory=dict)  # id -> reason id
    failed: dict[str, str] = field(default_factory=dict)  # id -> reason id (permanent)
    waiting: int = 0
    next_attempt_at: datetime | None = None
    #: The reason the whole queue waits after this pass (None: it did not have to).
    backed_off: str | None = None
    #: Notifications the municipality sent a verified message about in this pass (kvittering, § 137).
    messages: list[str] = field(default_factory=list)


class OutboxSender:
    """Delivers due outbox items through ``transport`` and records receipts in the vault.

    ``open_vault`` is called on first use, on the thread that runs the sender;
    :meth:`close` closes it. With ``lanes`` > 1 a pass sends that many items at
    a time, each lane on its own thread and (through the transport's pool) its
    own connection, sharing the one vault connection under a lock: the client's
    work on one item then overlaps the intake's work on another. The transport
    must be usable from several threads (``HttpsIntakeTransport`` is).
    """

    def __init__(
        self,
        open_vault: Callable[[], Vault],
        transport: Transport,
        municipality_receipt_key: bytes,
        clock: Callable[[], datetime] | None = None,
        *,
        rng: random.Random | None = None,
        on_state: StateListener | None = None,
        acknowledgement_due: Callable[[datetime], date] | None = None,
        lanes: int = 1,
        replies: ReplyFetcher | None = None,
    ) -> None:
        if lanes < 1:
            raise ValueError("at least one lane")
        self._open_vault = open_vault
        self._lanes = lanes
        #: The way (intake) each waiting envelope goes, once known (see _same_way_as).
        self._ways: dict[str, object] = {}
        # Guards the vault connection (and the queue of due items) when lanes > 1.
        self._lock = threading.RLock()
        self._vault: Vault | None = None
        self._transport = transport
        self._receipt_key = municipality_receipt_key
        self._clock = clock or (lambda: datetime.now(UTC))
        self._rng = rng or random.SystemRandom()
        self.on_state = on_state
        self._stop = threading.Event()
        #: Passes in a row that ended with the whole queue backing off (for the growing wait).
        self._queue_failures = 0
        # None: the domain's working-day rule, imported on first receipt (holidays is slow to import)
        self._acknowledgement_due = acknowledgement_due
        #: Reads the municipality's messages back at the end of each pass (desktop.outbox.replies).
        self._replies = replies

    @property
    def vault(self) -> Vault:
        """The sender's own vault connection (opened on first use)."""
        if self._vault is None:
            self._vault = self._open_vault()
        return self._vault

    def request_stop(self) -> None:
        """End the pass in progress now, and send nothing more (any thread; lock and quit).

        The attempts in flight are ended at once (their sockets shut) where the
        transport can (``abort``); their items stay SENDING and go again next time
        under the same Idempotency-Key, which makes that safe.
        """
        self._stop.set()
        abort = getattr(self._transport, "abort", None)
        if abort is not None:
            abort()
        if self._replies is not None:
            self._replies.abort()  # a mailbox read in flight ends too

    def close(self) -> None:
        """Close the transport's connections and the sender's vault (on the thread that used it)."""
        self._transport.close()
        if self._replies is not None:
            self._replies.close()
        if self._vault is not None:
            self._vault.close()
            self._vault = None

    def _due_date(self, received_at: datetime) -> date:
        if self._acknowledgement_due is None:
            from desktop.domain.deadlines import acknowledgement_due

            self._acknowledgement_due = acknowledgement_due
        return self._acknowledgement_due(received_at)

    def _emit(self, notification_id: str, state: str, reason: str | None) -> None:
        if self.on_state is not None:
            self.on_state(notification_id, state, reason)

    def run_once(self) -> SendReport:
        """Send every item that is due now; return what happened and when the next one is due.

        The first due item goes alone (the probe); the rest only if the way to the
        municipality works (see the module's notes).
        """
        outbox = self.vault.outbox
        report = SendReport()
        breaker = Breaker()
        # Ids first, each envelope only when its turn comes: memory stays flat however long the queue.
        entries = iter(outbox.due_entries(self._clock()))
        probe = next(entries, None)
        if probe is not None:
            self._lane(iter([probe]), report, breaker)
            if not (breaker.open.is_set() or self._stop.is_set()):
                breaker.limit = BREAKER_FAILURES
                self._send_rest(entries, report, breaker)
        if breaker.tripped is not None and not self._stop.is_set():
            self._back_off(breaker.tripped, report, breaker.tripped_by)
        elif report.receipted or report.sent or report.failed:
            self._queue_failures = 0
        with self._lock:
            report.waiting = outbox.waiting_count()
            report.next_attempt_at = outbox.next_attempt_at()
        # Not when the way to the municipality is broken (the queue just backed off): the messages wait
        # for the next pass rather than making this one wait for a second intake that does not answer.
        if self._replies is not None and not self._stop.is_set() and breaker.tripped is None:
            with self._lock:
                try:
                    found = self._replies.run(self.vault)
                    report.messages = list(dict.fromkeys(found.acknowledged + found.oriented))
                except UnderretError as exc:  # reading messages never stops delivery
                    log.warning("outbox: messages from the municipality not read (%s)", exc.message_id)
        return report

    def _send_rest(self, entries: Iterator[DueEntry], report: SendReport, breaker: Breaker) -> None:
        if self._lanes == 1:
            self._lane(entries, report, breaker)
            return
        with ThreadPoolExecutor(self._lanes, thread_name_prefix="underret-outbox-lane") as pool:
            others: list[Future[object]] = [
                pool.submit(self._lane, entries, report, breaker) for _ in range(self._lanes - 1)]
            if self._acknowledgement_due is None:
                # The working-day rule imports the holidays package (~0.2 s): load it beside the
                # first attempts, which do not need it (outcomes are recorded a little later).
                others.append(pool.submit(self._due_date, self._clock()))
            self._lane(entries, report, breaker)
            for other in others:
                other.result()  # a lane's error is the pass's error

    def _back_off(self, cause: TransientDeliveryError, report: SendReport, tripped_by: str | None = None,
                  ) -> None:
        """The way to the municipality is broken: what goes that way waits the same time, with the reason.

        With one way (one intake, or secure e-mail) that is the whole queue. When the transport sends to
        several intakes (``way_of``: the routing transport), only the notifications going the way that
        failed wait; the others stay due, so the next pass (at once) sends them.
        """
        self._queue_failures += 1
        if cause.retry_after is not None:
            wait = cause.retry_after  # the server's own word (already capped)
        else:
            wait = backoff_seconds(self._queue_failures, self._rng)
        if cause.setup:
            wait = max(wait, SETUP_BACKOFF_S)
        until = self._clock() + timedelta(seconds=wait)
        with self._lock:
            only = self._same_way_as(tripped_by) if tripped_by is not None else None
            waiting = self.vault.outbox.back_off_waiting(until, cause.message_id, only=only)
        report.backed_off = cause.message_id
        log.info("outbox: the queue waits %.0f s (%s; %d waiting)", wait, cause.message_id, waiting)

    def _same_way_as(self, notification_id: str) -> list[str] | None:
        """The waiting notifications that go the same way as ``notification_id``; None when that is all of
        them (or the transport has one way only). Reads each waiting envelope's clear header."""
        way_of = getattr(self._transport, "way_of", None)
        if way_of is None:
            return None
        from protocol.errors import EnvelopeError

        outbox = self.vault.outbox

        def way_for(waiting_id: str) -> object:
            # An envelope's way never changes: each is read once per sender, not at every back-off.
            if waiting_id not in self._ways:
                try:
                    self._ways[waiting_id] = way_of(outbox.envelope(waiting_id))
                except (UnderretError, EnvelopeError):
                    self._ways[waiting_id] = None
            return self._ways[waiting_id]

        way = way_for(notification_id)
        if way is None:
            return None
        same: list[str] = []
        others = False
        for entry in outbox.due_entries(self._clock() + timedelta(days=365 * 100)):  # every waiting one
            theirs = way_for(entry.notification_id)
            if theirs is None:  # no way (its municipality is gone): it waits too
                theirs = way
            if theirs == way:
                same.append(entry.notification_id)
            else:
                others = True
        return same if others else None

    def _lane(self, entries: Iterator[DueEntry], report: SendReport, breaker: Breaker) -> None:
        """Send items from ``entries`` one after the other until none is left (or a stop is requested).

        Every item is marked SENDING in a committed transaction before its POST.
        While the intake answers quickly, the lane marks up to ``MARK_AHEAD`` items
        in one transaction and records the outcomes of those attempts together in
        the next one (at least every ``RECORD_EVERY_S``): a few commits for a long
        queue instead of two per item. When answers are slow, it marks and records
        one item at a time. An outcome is reported only once it is committed. Items
        marked but not yet tried when a stop comes stay SENDING and are sent
        first next time, as after a crash (the Idempotency-Key makes that safe).
        The vault work of all lanes runs under one lock (one connection); only the
        network wait and the receipt check run side by side.
        """
        outbox = self.vault.outbox
        marked: deque[DueEntry] = deque()
        outcomes: list[_Outcome] = []
        quick = False  # the last attempt was answered quickly: mark ahead
        last_record = time.monotonic()
        try:
            while not (self._stop.is_set() or breaker.open.is_set()):
                if not marked:
                    for outcome in outcomes:
                        outcome.prepare()  # outside the lock: the other lanes go on meanwhile
                    with self._lock:
                        chunk = list(islice(entries, MARK_AHEAD if quick else 1))
                        if not chunk:
                            break
                        # if this commit fails, the outcomes' items stay SENDING and are resent
                        recorded, outcomes = outcomes, []
                        with outbox.batch():
                            for done in recorded:
                                done.record()
                            for item in chunk:
                                outbox.mark_sending(item.notification_id)
                        self._report(recorded)
                        for item in chunk:
                            self._emit(item.notification_id, "sending", None)
                    last_record = time.monotonic()
                    marked.extend(chunk)
                item = marked.popleft()
                with self._lock:
                    report.attempted += 1
                    envelope = outbox.envelope(item.notification_id)
                began = time.monotonic()
                ended = self._attempt(item.notification_id, envelope, item.attempts + 1, report, breaker)
                if ended is not None:
                    outcomes.append(ended)
                now = time.monotonic()
                quick = now - began < QUICK_ANSWER_S
                if not quick or now - last_record >= RECORD_EVERY_S:
                    recorded, outcomes = outcomes, []
                    self._record(recorded)
                    last_record = now
        finally:
            self._record(outcomes)
            if marked and not self._stop.is_set():
                # Marked SENDING but not tried: the pass ended (the queue backs off and says why).
                reason = breaker.tripped.message_id if breaker.tripped is not None else None
                for item in marked:
                    self._emit(item.notification_id, "queued", reason)

    def _record(self, outcomes: list[_Outcome]) -> None:
        """Commit ``outcomes`` in one transaction, then report them."""
        if not outcomes:
            return
        for outcome in outcomes:
            outcome.prepare()  # outside the lock: the other lanes go on meanwhile
        outbox = self.vault.outbox
        with self._lock:
            with outbox.batch():
                for outcome in outcomes:
                    outcome.record()
            self._report(outcomes)

    def _report(self, outcomes: list[_Outcome]) -> None:
        for outcome in outcomes:
            self._emit(outcome.notification_id, outcome.state, outcome.reason)

    def _attempt(self, notification_id: str, envelope: bytes, attempt: int, report: SendReport,
                 breaker: Breaker) -> _Outcome | None:
        """POST one envelope (already marked SENDING) and verify the answer; what to record (not yet).

        None when the app ended the attempt: nothing is recorded, the item stays SENDING.
        """
        # imported here, not at module level: httpx and cryptography would slow the app's start-up
        from desktop.outbox.failures import (
            REFUSED_FALLBACK,
            AttemptInterrupted,
            DeliveryConfigError,
            DeliveryRejected,
            TransientDeliveryError,
        )
        from protocol.envelope import envelope_sha256
        from protocol.receipts import ReceiptInvalid, verify_receipt

        outbox = self.vault.outbox
        try:
            result = self._transport.deliver(notification_id, envelope, attempt=attempt)
            if not result.receipted:
                breaker.went()
                return self._sent(notification_id, result, report)
            try:
                receipt = verify_receipt(
                    result.receipt_json,
                    result.signature,
                    result.receipt_key or self._receipt_key,
                    notification_id=notification_id,
                    envelope_sha256=envelope_sha256(envelope),
                )
            except ReceiptInvalid as exc:
                raise TransientDeliveryError(str(exc), message_id=exc.message_id) from exc
        except AttemptInterrupted:
            log.info("outbox: %s attempt ended by the app; it goes again next time", notification_id)
            return None
        except DeliveryRejected as exc:
            breaker.went()
            from desktop.eventlog import refused_safely

            refused_safely(exc.message_id, REFUSED_FALLBACK, notification=notification_id,
                           status=exc.status or "-")
            report.failed[notification_id] = exc.message_id
            return _Outcome(notification_id, "failed", exc.message_id, partial(
                outbox.record_failure, notification_id, exc.message_id, next_attempt_at=None, permanent=True))
        except DeliveryConfigError as exc:
            # A transport that cannot take this one envelope (e.g. no intake for its keys any more):
            # it waits with the reason; it says nothing about the way to the municipality.
            return self._retry(notification_id, TransientDeliveryError(
                str(exc), message_id=exc.message_id, scope="item"), attempt, report, breaker)
        except TransientDeliveryError as exc:
            return self._retry(notification_id, exc, attempt, report, breaker)
        breaker.went()
        log.info("outbox: %s receipted as %s", notification_id, receipt.reference)
        report.receipted.append(notification_id)
        due: list[date] = []

        def prepare() -> None:  # the deadline, computed when the receipt is recorded, not before
            if not due:
                due.append(self._due_date(receipt.received_at))

        def record() -> None:
            prepare()
            outbox.record_receipt(notification_id, receipt_json=result.receipt_json,
                                  signature=result.signature, reference=receipt.reference,
                                  received_at=receipt.received_at, acknowledgement_due=due[0])

        return _Outcome(notification_id, "receipted", None, record, prepare)

    def _retry(self, notification_id: str, exc: TransientDeliveryError, attempt: int, report: SendReport,
               breaker: Breaker) -> _Outcome:
        """Not delivered this time: QUEUED again after a backed-off wait, with the reason."""
        breaker.failed(exc, notification_id)
        outbox = self.vault.outbox
        wait = backoff_seconds(attempt, self._rng)
        log.info("outbox: %s not delivered (%s); retry in %.0f s", notification_id, exc.message_id, wait)
        if exc.setup:  # this PC's set-up (login, certificates, proxy, enrolment): IT must act
            from desktop.eventlog import refused_safely
            from desktop.outbox.failures import SET_UP_FALLBACK

            refused_safely(exc.message_id, SET_UP_FALLBACK, notification=notification_id)
        report.retrying[notification_id] = exc.message_id
        return _Outcome(notification_id, "queued", exc.message_id, partial(
            outbox.record_failure, notification_id, exc.message_id,
            next_attempt_at=self._clock() + timedelta(seconds=wait), permanent=False))

    def _sent(self, notification_id: str, result: DeliveryResult, report: SendReport) -> _Outcome:
        """Handed over without a signed receipt (secure e-mail): SENT, with the acknowledgement deadline.

        The municipality's 6 working days count from when its server accepted the
        message; the person still phones when no acknowledgement comes.
        """
        outbox = self.vault.outbox
        accepted_at = result.accepted_at or self._clock()
        log.info("outbox: %s sent without a receipt (%s)", notification_id, result.reference or "-")
        report.sent.append(notification_id)
        due: list[date] = []

        def prepare() -> None:
            if not due:
                due.append(self._due_date(accepted_at))

        def record() -> None:
            prepare()
            outbox.record_sent(notification_id, accepted_at, reference=result.reference,
                               acknowledgement_due=due[0], warning=result.warning)

        return _Outcome(notification_id, "sent", result.warning, record, prepare)


@dataclass(frozen=True)
class _Outcome:
    """How one attempt ended, and the vault change that records it (run inside a transaction)."""

    notification_id: str
    state: str
    reason: str | None
    record: Callable[[], None]
    #: Work ``record`` needs that may be slow the first time (the receipt's deadline), done beforehand.
    prepare: Callable[[], None] = lambda: None
