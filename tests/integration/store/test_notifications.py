"""Notifications in the vault: drafts autosaved, finalised in one step, delivered, receipted, purged."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from desktop.store.errors import ContentPurged, NotADraft, NotFinalised, NotificationNotFound
from desktop.store.notifications import NotificationState, ReceiptedEntry
from desktop.store.profile_repo import UserProfile
from desktop.store.vault import Vault

if TYPE_CHECKING:  # fixture types; conftest.py is pytest's to import
    from tests.integration.store.conftest import SteppingClock

ANSWERS: dict[str, Any] = {
    "child.identity": {"name": "Emil", "birth_date": "2017-04-01"},
    "concern": "Emil kommer ofte uden madpakke og virker træt",
    "signals": ["hunger", "tired"],
    "told_parents": {"value": False, "why_not": "Frygt for vold i hjemmet"},
}


@pytest.fixture
def clocked_vault(vault_path: Path, vault_key: bytearray, clock: SteppingClock) -> Iterator[Vault]:
    vault = Vault.open(vault_path, vault_key, create=True, clock=clock)
    yield vault
    vault.close()


def _finalise(vault: Vault, draft_id: str, *, acute: bool = False, document: bytes = b'{"v":1}') -> None:
    vault.notifications.finalise(
        draft_id,
        document_json=document,
        pdf=b"%PDF-1.7 copy",
        envelope=b"sealed-envelope",
        municipality="0751",
        acute=acute,
        corrects=None,
    )


def test_draft_is_saved_with_its_page_and_reopened_where_the_user_left(
    clocked_vault: Vault, clock: SteppingClock
) -> None:
    draft_id = clocked_vault.notifications.create_draft({}, "child", "")
    uuid.UUID(draft_id, version=4)
    clock.advance(seconds=2)
    clocked_vault.notifications.save_draft(draft_id, ANSWERS, "signals", "E")
    draft = clocked_vault.notifications.get_draft(draft_id)
    assert draft.answers == ANSWERS
    assert draft.page == "signals"
    assert draft.child_initials == "E"
    assert draft.updated_at - draft.created_at == timedelta(seconds=2)
    assert draft.created_at.tzinfo is not None


def test_list_shows_newest_first_with_state_and_initials(clocked_vault: Vault, clock: SteppingClock) -> None:
    ids = []
    for initials in ("AA", "BB", "CC"):
        ids.append(clocked_vault.notifications.create_draft({}, "child", initials))
        clock.advance(minutes=1)
    _finalise(clocked_vault, ids[0], acute=True)
    summaries = clocked_vault.notifications.list_summaries()
    assert [s.child_initials for s in summaries] == ["CC", "BB", "AA"]
    oldest = summaries[-1]
    assert oldest.state is NotificationState.QUEUED
    assert oldest.acute is True
    assert oldest.municipality == "0751"
    assert oldest.finalised_at == clock.now


def test_finalised_notification_can_no_longer_be_edited_or_discarded(clocked_vault: Vault) -> None:
    draft_id = clocked_vault.notifications.create_draft(ANSWERS, "summary", "E")
    _finalise(clocked_vault, draft_id)
    with pytest.raises(NotADraft):
        clocked_vault.notifications.save_draft(draft_id, {}, "child", "")
    with pytest.raises(NotADraft):
        clocked_vault.notifications.discard_draft(draft_id)
    with pytest.raises(NotADraft):
        _finalise(clocked_vault, draft_id)
    assert clocked_vault.notifications.get_answers(draft_id) == ANSWERS
    assert clocked_vault.notifications.get_document(draft_id) == b'{"v":1}'
    assert clocked_vault.notifications.get_pdf(draft_id) == b"%PDF-1.7 copy"


def test_finalising_queues_the_envelope_and_audits_in_the_same_step(
    clocked_vault: Vault, clock: SteppingClock
) -> None:
    draft_id = clocked_vault.notifications.create_draft(ANSWERS, "summary", "E")
    _finalise(clocked_vault, draft_id)
    [item] = clocked_vault.outbox.due(clock.now)
    assert item.notification_id == draft_id
    assert item.envelope == b"sealed-envelope"
    assert item.state is NotificationState.QUEUED
    assert [e.event for e in clocked_vault.audit.entries_for(draft_id)] == [
        "draft.created",
        "notification.finalised",
    ]


def test_a_failed_finalise_leaves_the_draft_as_it_was(clocked_vault: Vault) -> None:
    draft_id = clocked_vault.notifications.create_draft(ANSWERS, "summary", "E")
    # An outbox row already there makes the insert fail inside the transaction.
    clocked_vault._connection.raw.execute(
        "INSERT INTO outbox (notification_id, envelope, next_attempt_at) VALUES (?, x'00', 'x')", (draft_id,)
    )
    with pytest.raises(Exception, match="UNIQUE"):
        _finalise(clocked_vault, draft_id)
    assert clocked_vault.notifications.get_summary(draft_id).state is NotificationState.DRAFT
    assert clocked_vault.notifications.get_draft(draft_id).answers == ANSWERS
    assert [e.event for e in clocked_vault.audit.entries_for(draft_id)] == ["draft.created"]


def test_documents_of_a_draft_are_not_there_yet(clocked_vault: Vault) -> None:
    draft_id = clocked_vault.notifications.create_draft({}, "child")
    with pytest.raises(NotFinalised):
        clocked_vault.notifications.get_pdf(draft_id)
    with pytest.raises(NotificationNotFound):
        clocked_vault.notifications.get_draft(str(uuid.uuid4()))


def test_discarded_draft_is_gone(clocked_vault: Vault) -> None:
    draft_id = clocked_vault.notifications.create_draft(ANSWERS, "child", "E")
    clocked_vault.notifications.discard_draft(draft_id)
    assert clocked_vault.notifications.list_summaries() == []
    with pytest.raises(NotificationNotFound):
        clocked_vault.notifications.get_draft(draft_id)
    assert clocked_vault._connection.query("SELECT count(*) FROM notification_content") == [(0,)]


def test_delivery_retries_then_receipt_is_kept(clocked_vault: Vault, clock: SteppingClock) -> None:
    outbox = clocked_vault.outbox
    draft_id = clocked_vault.notifications.create_draft(ANSWERS, "summary", "E")
    _finalise(clocked_vault, draft_id)
    assert outbox.waiting_count() == 1
    outbox.mark_sending(draft_id)
    later = clock.now + timedelta(minutes=5)
    outbox.record_failure(draft_id, "delivery.offline", next_attempt_at=later, permanent=False)
    assert outbox.due(clock.now) == []
    assert outbox.next_attempt_at() == later
    outbox.retry_now()
    [item] = outbox.due(clock.now)
    assert (item.attempts, item.last_error, item.state) == (1, "delivery.offline", NotificationState.QUEUED)
    outbox.mark_sending(draft_id)
    outbox.record_sent(draft_id, clock.now)
    assert outbox.waiting_count() == 0
    received = clock.now + timedelta(seconds=1)
    outbox.record_receipt(
        draft_id,
        receipt_json=b'{"reference":"K-1"}',
        signature=b"sig",
        reference="K-2026-0001",
        received_at=received,
        acknowledgement_due=date(2026, 3, 10),
    )
    summary = clocked_vault.notifications.get_summary(draft_id)
    assert summary.state is NotificationState.RECEIPTED
    assert summary.reference == "K-2026-0001"
    assert summary.receipted_at == received
    assert summary.acknowledgement_due == date(2026, 3, 10)
    assert summary.attempts == 2
    assert summary.last_error is None
    assert outbox.get_receipt(draft_id) == (b'{"reference":"K-1"}', b"sig")


def test_refused_delivery_is_failed_for_good(clocked_vault: Vault, clock: SteppingClock) -> None:
    draft_id = clocked_vault.notifications.create_draft(ANSWERS, "summary", "E")
    _finalise(clocked_vault, draft_id)
    clocked_vault.outbox.mark_sending(draft_id)
    clocked_vault.outbox.record_failure(draft_id, "delivery.rejected", next_attempt_at=None, permanent=True)
    assert clocked_vault.outbox.due(clock.now + timedelta(days=1)) == []
    assert clocked_vault.notifications.get_summary(draft_id).state is NotificationState.FAILED


def test_a_refused_notification_can_be_sent_again_once_and_it_is_audited(
    clocked_vault: Vault, clock: SteppingClock
) -> None:
    outbox = clocked_vault.outbox
    draft_id = clocked_vault.notifications.create_draft(ANSWERS, "summary", "E")
    _finalise(clocked_vault, draft_id)
    outbox.mark_sending(draft_id)
    outbox.record_failure(draft_id, "delivery.not_authorised", next_attempt_at=None, permanent=True)
    clock.advance(hours=3)  # IT fixes the cause

    assert outbox.send_again(draft_id) is True
    assert outbox.send_again(draft_id) is False  # a second press changes nothing

    summary = clocked_vault.notifications.get_summary(draft_id)
    assert (summary.state, summary.last_error, summary.attempts) == (NotificationState.QUEUED, None, 1)
    [item] = outbox.due(clock.now)
    assert (item.notification_id, item.envelope) == (draft_id, b"sealed-envelope")  # the same bytes, due now
    assert outbox.next_attempt_for(draft_id) == clock.now
    events = [(e.event, e.detail) for e in clocked_vault.audit.entries_for(draft_id)]
    assert events[-1] == ("delivery.send_again", "delivery.not_authorised")
    assert [e for e, _ in events].count("delivery.send_again") == 1


def test_only_a_refused_notification_can_be_sent_again(clocked_vault: Vault, clock: SteppingClock) -> None:
    outbox = clocked_vault.outbox
    draft = clocked_vault.notifications.create_draft(ANSWERS, "summary", "E")
    queued = clocked_vault.notifications.create_draft(ANSWERS, "summary", "E")
    _finalise(clocked_vault, queued)
    with pytest.raises(NotificationNotFound):
        outbox.send_again(draft)
    assert outbox.send_again(queued) is False
    outbox.mark_sending(queued)
    outbox.record_sent(queued, clock.now)
    assert outbox.send_again(queued) is False
    assert clocked_vault.notifications.get_summary(queued).state is NotificationState.SENT


def test_the_whole_queue_backs_off_together_with_the_reason_and_refused_ones_stay_refused(
    clocked_vault: Vault, clock: SteppingClock
) -> None:
    outbox = clocked_vault.outbox
    ids = [clocked_vault.notifications.create_draft(ANSWERS, "summary", "E") for _ in range(3)]
    for notification_id in ids:
        _finalise(clocked_vault, notification_id)
    outbox.mark_sending(ids[0])  # in flight when the pass gave up
    outbox.mark_sending(ids[2])
    outbox.record_failure(ids[2], "delivery.rejected", next_attempt_at=None, permanent=True)
    until = clock.now + timedelta(minutes=10)

    assert outbox.back_off_waiting(until, "delivery.intake_unreachable") == 2

    assert outbox.due(until - timedelta(seconds=1)) == []
    assert [i.notification_id for i in outbox.due(until)] == ids[:2]
    summaries = [clocked_vault.notifications.get_summary(i) for i in ids]
    assert [(s.state, s.last_error, s.attempts) for s in summaries] == [
        (NotificationState.QUEUED, "delivery.intake_unreachable", 1),
        (NotificationState.QUEUED, "delivery.intake_unreachable", 0),
        (NotificationState.FAILED, "delivery.rejected", 1),
    ]
    assert outbox.next_attempt_for(ids[1]) == until
    assert outbox.next_attempt_for(ids[2]) is None
    assert ("delivery.backed_off", "delivery.intake_unreachable waiting=2") in [
        (e.event, e.detail) for e in clocked_vault.audit.entries()]


def test_sending_interrupted_by_a_crash_is_due_again(clocked_vault: Vault, clock: SteppingClock) -> None:
    draft_id = clocked_vault.notifications.create_draft(ANSWERS, "summary", "E")
    _finalise(clocked_vault, draft_id)
    clocked_vault.outbox.mark_sending(draft_id)
    assert [i.state for i in clocked_vault.outbox.due(clock.now)] == [NotificationState.SENDING]


def test_acute_notifications_are_sent_first(clocked_vault: Vault, clock: SteppingClock) -> None:
    calm = clocked_vault.notifications.create_draft({}, "summary")
    acute = clocked_vault.notifications.create_draft({}, "summary")
    _finalise(clocked_vault, calm)
    clock.advance(seconds=1)
    _finalise(clocked_vault, acute, acute=True)
    assert [i.notification_id for i in clocked_vault.outbox.due(clock.now)] == [acute, calm]


def test_the_sender_lists_due_items_without_their_envelopes_and_reads_each_when_sending(
    clocked_vault: Vault, clock: SteppingClock
) -> None:
    calm = clocked_vault.notifications.create_draft({}, "summary")
    acute = clocked_vault.notifications.create_draft({}, "summary")
    _finalise(clocked_vault, calm)
    clock.advance(seconds=1)
    _finalise(clocked_vault, acute, acute=True)
    outbox = clocked_vault.outbox
    full = outbox.due(clock.now)
    light = outbox.due_entries(clock.now)
    assert [e.notification_id for e in light] == [i.notification_id for i in full] == [acute, calm]
    assert [(e.attempts, e.state, e.acute) for e in light] == [(i.attempts, i.state, i.acute) for i in full]
    assert [outbox.envelope(e.notification_id) for e in light] == [i.envelope for i in full]
    with pytest.raises(NotificationNotFound):
        outbox.envelope(str(uuid.uuid4()))


def test_content_is_purged_after_retention_keeping_a_minimal_record(
    clocked_vault: Vault, clock: SteppingClock
) -> None:
    draft_id = clocked_vault.notifications.create_draft(ANSWERS, "summary", "E")
    document = b'{"concern":"Emil"}'
    _finalise(clocked_vault, draft_id, document=document)
    clocked_vault.outbox.record_sent(draft_id, clock.now)
    clocked_vault.outbox.record_receipt(
        draft_id,
        receipt_json=b"{}",
        signature=b"s",
        reference="K-7",
        received_at=clock.now,
        acknowledgement_due=date(2026, 3, 10),
    )
    # Retention asks for receipts up to its cutoff and gets each one's receipt time and deadline.
    assert clocked_vault.notifications.receipted_at_or_before(clock.now - timedelta(microseconds=1)) == []
    assert clocked_vault.notifications.receipted_at_or_before(clock.now) == [
        ReceiptedEntry(draft_id, clock.now, date(2026, 3, 10))]
    clocked_vault.notifications.purge_content(draft_id)
    summary = clocked_vault.notifications.get_summary(draft_id)
    assert summary.state is NotificationState.PURGED
    assert (summary.reference, summary.municipality, summary.child_initials) == ("K-7", "0751", "")
    assert clocked_vault.notifications.content_hash(draft_id) == hashlib.sha256(document).hexdigest()
    assert clocked_vault.outbox.get_receipt(draft_id) == (b"{}", b"s")
    with pytest.raises(ContentPurged):
        clocked_vault.notifications.get_document(draft_id)
    with pytest.raises(ContentPurged):
        clocked_vault.notifications.get_answers(draft_id)
    assert clocked_vault.audit.entries(limit=1)[0].event == "notification.purged"
    with pytest.raises(NotFinalised):
        clocked_vault.notifications.purge_content(clocked_vault.notifications.create_draft({}, "x"))


def test_user_profile_is_remembered_for_the_next_notification(vault_path: Path, vault_key: bytearray) -> None:
    me = UserProfile(
        name="Lise Hansen",
        role="Pædagog",
        workplace="Børnehuset Solsikken",
        work_address="Skolevej 1",
        phone="12345678",
        email="lise@example.dk",
    )
    with Vault.open(vault_path, vault_key, create=True) as vault:
        assert vault.profile.get() == UserProfile()
        vault.profile.save(me)
        seed = vault.profile.sender_key_seed()
        assert len(seed) == 32
    with Vault.open(vault_path, vault_key) as vault:
        assert vault.profile.get() == me
        assert vault.profile.sender_key_seed() == seed


def test_crash_leaves_a_marker_so_the_open_draft_can_be_offered_again(
    vault_path: Path, vault_key: bytearray
) -> None:
    now = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    with Vault.open(vault_path, vault_key, create=True) as vault:
        first = vault.profile.begin_session(now)
        assert (first.previous_clean, first.open_draft_id) == (True, None)
        draft_id = vault.notifications.create_draft(ANSWERS, "signals", "E")
        vault.profile.note_open_draft(draft_id)
        # no end_session: the app crashed
    with Vault.open(vault_path, vault_key) as vault:
        after_crash = vault.profile.begin_session(now)
        assert (after_crash.previous_clean, after_crash.open_draft_id) == (False, draft_id)
        vault.profile.end_session()
    with Vault.open(vault_path, vault_key) as vault:
        assert vault.profile.begin_session(now).previous_clean is True


def test_audit_log_records_events_and_ids_never_content(clocked_vault: Vault) -> None:
    draft_id = clocked_vault.notifications.create_draft(ANSWERS, "summary", "E")
    clocked_vault.notifications.save_draft(draft_id, ANSWERS, "summary", "E")
    _finalise(clocked_vault, draft_id)
    rows = clocked_vault._connection.query("SELECT event, coalesce(notification_id, ''), detail FROM audit")
    text = repr(rows)
    assert "Emil" not in text and "madpakke" not in text
    with pytest.raises(ValueError):
        clocked_vault.audit.record("Emil was hungry")


def test_ten_thousand_notifications_are_listed(
    vault_path: Path, vault_key: bytearray, clock: SteppingClock
) -> None:
    with Vault.open(vault_path, vault_key, create=True, clock=clock) as vault:
        connection = vault._connection.raw
        connection.execute("BEGIN")
        for i in range(10_000):
            created = f"2026-01-01T00:00:00.{i:06d}+00:00"
            connection.execute(
                "INSERT INTO notification (id, state, child_initials, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?)",
                (str(uuid.uuid4()), "draft", f"{i % 100:02d}", created, created),
            )
        connection.execute("COMMIT")
        summaries = vault.notifications.list_summaries()
        assert len(summaries) == 10_000
        assert summaries[0].created_at > summaries[-1].created_at
        plan = " ".join(
            str(r)
            for r in vault._connection.query(
                "EXPLAIN QUERY PLAN SELECT id FROM notification ORDER BY created_at DESC, id DESC"
            )
        )
        assert "notification_newest_first" in plan
