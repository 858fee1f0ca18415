"""Retention: purge the content of receipted notifications after the policy's period.

What is kept is the minimal record a notifier needs to show they notified:
reference, dates, municipality, the signed receipt and the content hash.
Each purge is written to the vault's audit log by the store; this job adds
one audit entry per run. Only RECEIPTED notifications are ever purged: a
notification still waiting or refused keeps its content.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.store.vault import Vault

log = logging.getLogger(__name__)

DEFAULT_RETENTION_DAYS = 30


@dataclass(frozen=True)
class RetentionReport:
    """Which notifications had their content purged in this run."""

    purged: tuple[str, ...]


def purge_expired(
    vault: Vault, now: datetime, retention_days: int = DEFAULT_RETENTION_DAYS
) -> RetentionReport:
    """Purge every receipted notification whose receipt is older than ``retention_days``."""
    if retention_days < 0:
        raise ValueError("retention_days must not be negative")
    due = vault.notifications.due_for_purge(now, retention_days)
    for notification_id in due:
        vault.notifications.purge_content(notification_id)
    if due:
        vault.audit.record("retention.run", None, f"purged={len(due)} days={retention_days}")
        log.info("retention: purged content of %d receipted notifications", len(due))
    return RetentionReport(tuple(due))
