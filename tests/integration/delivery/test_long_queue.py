"""A long queue goes out quickly and still exactly once: several items per commit, two connections."""

from __future__ import annotations

from typing import Any

from desktop.store.notifications import NotificationState
from desktop.store.vault import Vault
from intake.server import BackgroundIntake

QUEUE = 24


def _events(vault: Vault, notification_id: str) -> list[str]:
    return [entry.event for entry in vault.audit.entries_for(notification_id)]


def test_a_long_queue_sent_over_two_connections_arrives_once_each_with_every_step_in_the_audit_log(
    vault: Vault, intake: BackgroundIntake, queue_notification: Any, make_sender: Any
) -> None:
    queued = [queue_notification() for _ in range(QUEUE)]
    states: list[tuple[str, str, str | None]] = []
    sender = make_sender(intake.url, lanes=2)
    sender.on_state = lambda *change: states.append(change)

    report = sender.run_once()

    assert sorted(report.receipted) == sorted(queued)
    assert report.attempted == QUEUE and report.waiting == 0
    for notification_id in queued:
        assert intake.store.count(notification_id) == 1
        summary = vault.notifications.get_summary(notification_id)
        assert summary.state is NotificationState.RECEIPTED and summary.reference
        assert summary.acknowledgement_due is not None
        events = _events(vault, notification_id)
        assert events[-3:] == ["notification.finalised", "delivery.attempt", "delivery.receipted"]
        assert events.count("delivery.attempt") == 1
        # Each item is reported sending, then received; nothing is reported twice.
        assert [s for i, s, _ in states if i == notification_id] == ["sending", "receipted"]


def test_items_marked_for_sending_when_the_person_locks_are_sent_exactly_once_after_the_next_unlock(
    vault: Vault, intake: BackgroundIntake, queue_notification: Any, make_sender: Any
) -> None:
    queued = [queue_notification() for _ in range(QUEUE)]
    first = make_sender(intake.url)
    received: list[str] = []

    def lock_after_three(notification_id: str, state: str, _reason: str | None) -> None:
        if state == "receipted":
            received.append(notification_id)
            if len(received) == 3:
                first.request_stop()  # what locking does while the queue is being sent

    first.on_state = lock_after_three
    stopped = first.run_once()

    assert 3 <= len(stopped.receipted) < QUEUE
    assert stopped.waiting == QUEUE - len(stopped.receipted)
    assert intake.store.count() == len(stopped.receipted)

    again = make_sender(intake.url).run_once()

    assert sorted(stopped.receipted + again.receipted) == sorted(queued)
    for notification_id in queued:
        assert intake.store.count(notification_id) == 1
        assert vault.notifications.get_summary(notification_id).state is NotificationState.RECEIPTED
