"""One pass over the outbox: send what is due, keep what the municipality confirms.

Pure Python (no Qt): the Qt worker runs it on its own thread. For every due
item: mark it SENDING (committed before any byte leaves, so a crash leaves a
trace that is retried), POST the sealed bytes, verify the signed receipt, and
record it with its acknowledgement deadline. A passing failure puts the item
back in the queue with a backed-off time; a refusal by the intake marks it
FAILED with the reason. Nothing is ever marked delivered without a receipt
that verifies.
"""

from __future__ import annotations

import logging
import random
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Protocol

from desktop.outbox.retry import backoff_seconds

if TYPE_CHECKING:
    from desktop.outbox.transport import DeliveryResult
    from desktop.store.vault import Vault

log = logging.getLogger(__name__)

#: Called as (notification_id, state, reason_id) whenever an item changes state.
StateListener = Callable[[str, str, str | None], None]


class Transport(Protocol):
    """Anything that can deliver an envelope and return the intake's receipt."""

    def deliver(self, notification_id: str, envelope: bytes) -> DeliveryResult:
        """POST once; raise TransientDeliveryError or DeliveryRejected on failure."""
        ...

    def close(self) -> None:
        """Release connections."""
        ...


@dataclass
class SendReport:
    """What one pass did."""

    attempted: int = 0
    receipted: list[str] = field(default_factory=list)
    retrying: dict[str, str] = field(default_factory=dict)  # id -> reason id
    failed: dict[str, str] = field(default_factory=dict)  # id -> reason id (permanent)
    waiting: int = 0
    next_attempt_at: datetime | None = None


class OutboxSender:
    """Delivers due outbox items through ``transport`` and records receipts in the vault.

    ``open_vault`` is called on first use, on the thread that runs the sender
    (a vault connection belongs to one thread); :meth:`close` closes it.
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
    ) -> None:
        self._open_vault = open_vault
        self._vault: Vault | None = None
        self._transport = transport
        self._receipt_key = municipality_receipt_key
        self._clock = clock or (lambda: datetime.now(UTC))
        self._rng = rng or random.SystemRandom()
        self.on_state = on_state
        self._stop = threading.Event()
        # None: the domain's working-day rule, imported on first receipt (holidays is slow to import)
        self._acknowledgement_due = acknowledgement_due

    @property
    def vault(self) -> Vault:
        """The sender's own vault connection (opened on first use)."""
        if self._vault is None:
            self._vault = self._open_vault()
        return self._vault

    def request_stop(self) -> None:
        """End the pass in progress after its current attempt, and send nothing more (any thread)."""
        self._stop.set()

    def close(self) -> None:
        """Close the transport's connections and the sender's vault (on the thread that used it)."""
        self._transport.close()
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
        """Send every item that is due now; return what happened and when the next one is due."""
        outbox = self.vault.outbox
        report = SendReport()
        # Ids first, each envelope only when its turn comes: memory stays flat however long the queue.
        for item in outbox.due_entries(self._clock()):
            if self._stop.is_set():
                break
            report.attempted += 1
            self._send_one(item.notification_id, outbox.envelope(item.notification_id), item.attempts + 1,
                           report)
        report.waiting = outbox.waiting_count()
        report.next_attempt_at = outbox.next_attempt_at()
        return report

    def _send_one(self, notification_id: str, envelope: bytes, attempt: int, report: SendReport) -> None:
        # imported here, not at module level: httpx and cryptography would slow the app's start-up
        from desktop.outbox.envelope import envelope_sha256
        from desktop.outbox.receipts import ReceiptInvalid, verify_receipt
        from desktop.outbox.transport import DeliveryRejected, TransientDeliveryError

        outbox = self.vault.outbox
        outbox.mark_sending(notification_id)
        self._emit(notification_id, "sending", None)
        try:
            result = self._transport.deliver(notification_id, envelope)
            receipt = verify_receipt(
                result.receipt_json,
                result.signature,
                self._receipt_key,
                notification_id=notification_id,
                envelope_sha256=envelope_sha256(envelope),
            )
        except DeliveryRejected as exc:
            log.warning("outbox: %s refused by the intake (%s)", notification_id, exc.message_id)
            outbox.record_failure(notification_id, exc.message_id, next_attempt_at=None, permanent=True)
            report.failed[notification_id] = exc.message_id
            self._emit(notification_id, "failed", exc.message_id)
            return
        except (TransientDeliveryError, ReceiptInvalid) as exc:
            wait = backoff_seconds(attempt, self._rng)
            log.info("outbox: %s not delivered (%s); retry in %.0f s", notification_id, exc.message_id, wait)
            outbox.record_failure(
                notification_id,
                exc.message_id,
                next_attempt_at=self._clock() + timedelta(seconds=wait),
                permanent=False,
            )
            report.retrying[notification_id] = exc.message_id
            self._emit(notification_id, "queued", exc.message_id)
            return
        outbox.record_receipt(
            notification_id,
            receipt_json=result.receipt_json,
            signature=result.signature,
            reference=receipt.reference,
            received_at=receipt.received_at,
            acknowledgement_due=self._due_date(receipt.received_at),
        )
        log.info("outbox: %s receipted as %s", notification_id, receipt.reference)
        report.receipted.append(notification_id)
        self._emit(notification_id, "receipted", None)
