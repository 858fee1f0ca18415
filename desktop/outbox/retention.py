"""Retention: purge the content of delivered notifications after the policy's period.

What is kept is the minimal record a notifier needs to show they notified:
reference, dates, municipality, the signed receipt (if one came), the
acknowledgement deadline and the content hash. Each purge is written to the
vault's audit log by the store; this job adds one audit entry per run.

Delivered means one of two things, and both follow one rule:

* RECEIPTED (HTTPS intake): the period counts from the intake's signed receipt.
* SENT (secure e-mail; no signed receipt ever comes): the period counts from
  when the mail server accepted the mail.

Either way the content goes only once the period has run AND the
municipality's acknowledgement deadline (its *kvittering*, 6 working days) has
passed, i.e. from the day after the due date in Danish time: until then the
notifier may need the copy to phone the municipality, and the app tells them
when to. A short ``retention_days`` therefore never removes the copy before
that. A row without a stored deadline gets the one its receipt or sending time
gives, never none: it is neither purged early nor kept for ever.

A notification still waiting or refused (FAILED) keeps its content.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.store.vault import Vault

log = logging.getLogger(__name__)

DEFAULT_RETENTION_DAYS = 30


@dataclass(frozen=True)
class RetentionReport:
    """Which notifications had their content purged in this run (receipted ones first, then sent ones)."""

    purged: tuple[str, ...]


def purge_expired(
    vault: Vault, now: datetime, retention_days: int = DEFAULT_RETENTION_DAYS
) -> RetentionReport:
    """Purge every delivered notification whose retention period has run (see the module's notes).

    Receipted: receipt older than ``retention_days``; sent by secure e-mail: sent
    more than ``retention_days`` ago; and for both, the acknowledgement deadline passed.
    """
    if retention_days < 0:
        raise ValueError("retention_days must not be negative")
    cutoff = now - timedelta(days=retention_days)
    receipted = [
        entry.notification_id
        for entry in vault.notifications.receipted_at_or_before(cutoff)
        if _deadline_passed(entry.receipted_at, entry.acknowledgement_due, now)
    ]
    sent = [
        entry.notification_id
        for entry in vault.outbox.sent_at_or_before(cutoff)
        if _deadline_passed(entry.sent_at, entry.acknowledgement_due, now)
    ]
    due = [*receipted, *sent]
    for notification_id in due:
        vault.notifications.purge_content(notification_id)
    if due:
        vault.audit.record(
            "retention.run", None, f"purged={len(due)} sent={len(sent)} days={retention_days}"
        )
        log.info("retention: purged content of %d receipted and %d sent notifications", len(receipted),
                 len(sent))
    return RetentionReport(tuple(due))


def _deadline_passed(delivered_at: datetime, stored_due: date | None, now: datetime) -> bool:
    """The acknowledgement deadline of a delivered notification is over (the day after it, in Danish time).

    ``delivered_at`` is the intake's signed receipt time, or for secure e-mail when the
    mail server accepted it; it gives the deadline of a row stored without one.
    """
    # Imported here: holidays and zoneinfo are not needed unless a delivered notification is due.
    from desktop.domain.deadlines import DANISH_TIME, acknowledgement_due, is_overdue

    # A row without a stored deadline (delivered before deadlines were kept) gets the one its delivery
    # time gives, never none: it must neither be purged early nor kept for ever.
    due = stored_due or acknowledgement_due(delivered_at)
    return is_overdue(due, now.astimezone(DANISH_TIME).date())
