"""Retention: purge the content of delivered notifications after the policy's period.

What is kept is the minimal record a notifier needs to show they notified:
reference, dates, municipality, the signed receipt (if one came), the
acknowledgement deadline and the content hash. Each purge is written to the
vault's audit log by the store; this job adds one audit entry per run.

Delivered means one of two things:

* RECEIPTED (HTTPS intake): the period counts from the municipality's signed receipt.
* SENT (secure e-mail; no signed receipt ever comes): the period counts from
  when the mail server accepted the mail, but the content is never purged
  before the municipality's acknowledgement deadline has passed: until then
  the notifier may need the copy to phone the municipality.

A notification still waiting or refused (FAILED) keeps its content.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.store.outbox import SentEntry
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

    Receipted: receipt older than ``retention_days``. Sent by secure e-mail:
    sent more than ``retention_days`` ago and its acknowledgement deadline passed.
    """
    if retention_days < 0:
        raise ValueError("retention_days must not be negative")
    receipted = vault.notifications.due_for_purge(now, retention_days)
    sent = [
        entry.notification_id
        for entry in vault.outbox.sent_at_or_before(now - timedelta(days=retention_days))
        if _deadline_passed(entry, now)
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


def _deadline_passed(entry: SentEntry, now: datetime) -> bool:
    """The acknowledgement deadline of a sent notification is over (the day after it, in Danish time)."""
    # Imported here: holidays and zoneinfo are not needed unless a sent notification is due.
    from desktop.domain.deadlines import DANISH_TIME, acknowledgement_due, is_overdue

    # A SENT row without a stored deadline (sent before deadlines were kept) gets the one its
    # sending time gives, never none: it must neither be purged early nor kept for ever.
    due = entry.acknowledgement_due or acknowledgement_due(entry.sent_at)
    return is_overdue(due, now.astimezone(DANISH_TIME).date())
