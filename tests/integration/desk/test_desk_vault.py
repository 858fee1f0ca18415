"""The desk's own SQLCipher vault: made and unlocked like the app's, holding keys, notifications, handling."""

from __future__ import annotations

import base64
import json
import random
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from desktop.desk.deadlines import Deadlines, urgency_key
from desktop.desk.key_import import KeyFileRefused, import_key_file
from desktop.desk.linking import history
from desktop.desk.store import migrations as desk_migrations
from desktop.desk.store.handling import Assessment, Step
from desktop.desk.store.received import IncomingNotification
from desktop.desk.store.vault import DeskVault
from desktop.store.errors import WrongPassphrase
from desktop.store.keys import KeyProtection, ScryptParams, zero
from desktop.store.profiles import ProfileDirectory
from protocol.envelope import RecipientPrivateKey
from tests.support.desk import fictitious_cpr, received

T0 = datetime(2026, 11, 16, 9, 0, tzinfo=UTC)
FAST = ScryptParams(n=2**10)


def _incoming(seq: int, **kwargs: object) -> IncomingNotification:
    facts = received(**kwargs)  # type: ignore[arg-type]
    return IncomingNotification(facts, seq, {"notification.json": b"{}", "notification.pdf": b"%PDF"},
                                "kbh-2026", "AB12", "00" * 32)


def _key_file(folder: Path, key_id: str) -> tuple[Path, RecipientPrivateKey]:
    key = RecipientPrivateKey.generate(key_id)
    path = folder / f"{key_id}.key.json"
    path.write_text(json.dumps({"key_id": key_id,
                                "private_key": base64.b64encode(key.private_bytes).decode()}))
    return path, key


@pytest.fixture
def desk(tmp_path: Path) -> DeskVault:
    profiles = ProfileDirectory(tmp_path / "desk", scrypt=FAST, vault_type=DeskVault)
    info, key = profiles.create("Modtagelsen", KeyProtection.PASSPHRASE, "en lang sætning")
    try:
        return DeskVault.open(info.vault_path, key)
    finally:
        zero(key)


def test_a_desk_profile_is_made_and_unlocked_with_the_apps_own_key_mechanism(tmp_path: Path) -> None:
    profiles = ProfileDirectory(tmp_path / "desk", scrypt=FAST, vault_type=DeskVault)
    info, key = profiles.create("Modtagelsen", KeyProtection.PASSPHRASE, "en lang sætning")
    zero(key)
    with pytest.raises(WrongPassphrase):
        profiles.unlock(info.id, "forkert")
    key = profiles.unlock(info.id, "en lang sætning")
    with DeskVault.open(info.vault_path, key) as vault:
        assert vault.received.count() == 0
        assert vault.schema_version == desk_migrations.latest_version()
    zero(key)
    keyring_info, key = profiles.create("Vagten", KeyProtection.KEYRING, None)
    zero(key)
    key = profiles.unlock(keyring_info.id, None)
    DeskVault.open(keyring_info.vault_path, key).close()


def test_recipient_keys_of_several_ids_are_imported_once_and_a_taken_id_is_refused(
        desk: DeskVault, tmp_path: Path) -> None:
    old, old_key = _key_file(tmp_path, "kbh-2026")
    new, _ = _key_file(tmp_path, "kbh-2027")
    assert import_key_file(desk, old).new
    assert import_key_file(desk, new).new
    assert not import_key_file(desk, old).new  # the same file again changes nothing
    assert desk.keys.recipient_key_ids() == ["kbh-2026", "kbh-2027"]
    assert desk.keys.recipient_private_keys()["kbh-2026"] == old_key.private_bytes
    (tmp_path / "other").mkdir()
    impostor, _ = _key_file(tmp_path / "other", "kbh-2026")
    with pytest.raises(KeyFileRefused) as refused:
        import_key_file(desk, impostor)
    assert refused.value.message_id == "desk.key_id_taken"


def test_a_public_key_file_or_garbage_is_refused_by_name(desk: DeskVault, tmp_path: Path) -> None:
    public = tmp_path / "recipient.pub.json"
    public.write_text(json.dumps({"key_id": "x", "public_key": "AAAA"}))
    with pytest.raises(KeyFileRefused) as refused:
        import_key_file(desk, public)
    assert refused.value.message_id == "desk.key_file_public"
    garbage = tmp_path / "noise.json"
    garbage.write_bytes(b"\xff\x00not json")
    with pytest.raises(KeyFileRefused):
        import_key_file(desk, garbage)
    short = tmp_path / "short.key.json"
    short.write_text(json.dumps({"key_id": "x", "private_key": base64.b64encode(b"1234").decode()}))
    with pytest.raises(KeyFileRefused):
        import_key_file(desk, short)
    assert desk.keys.recipient_key_ids() == []


def test_the_message_signing_key_is_imported(desk: DeskVault, tmp_path: Path) -> None:
    path = tmp_path / "message-signing.key.json"
    path.write_text(json.dumps({"key_id": "kbh-msg-1", "seed": base64.b64encode(bytes(range(32))).decode()}))
    imported = import_key_file(desk, path)
    assert (imported.kind, imported.key_id) == ("signing", "kbh-msg-1")
    assert desk.keys.signing_key() == ("kbh-msg-1", bytes(range(32)))


def test_the_inbox_lists_most_urgent_first_exactly_as_the_rule_says(desk: DeskVault) -> None:
    rng = random.Random(18)
    now = T0 + timedelta(days=3)
    items = [_incoming(i + 1, when=T0 + timedelta(hours=rng.randint(-200, 60)), acute=rng.random() < 0.3)
             for i in range(40)]
    desk.received.add_many(items)
    for item in items:
        nid = item.facts.notification_id
        if rng.random() < 0.6:
            desk.handling.mirror(nid, Step.ASSESSED, item.facts.received_at + timedelta(hours=2), "AB")
            if rng.random() < 0.5:
                desk.handling.mirror(nid, Step.ACKNOWLEDGED, item.facts.received_at + timedelta(days=1), "CD")
    listed = [row.notification_id for row in desk.received.list_inbox()]

    def rule(item: IncomingNotification) -> tuple[int, float, float, str]:
        handling = desk.handling.get(item.facts.notification_id)
        assessed, acknowledged = handling.done(Step.ASSESSED), handling.done(Step.ACKNOWLEDGED)
        deadlines = Deadlines(item.facts.received_at, assessed.at if assessed else None,
                              acknowledged.at if acknowledged else None)
        return (*urgency_key(deadlines, item.facts.acute), item.facts.notification_id)

    assert listed == [i.facts.notification_id for i in sorted(items, key=rule)]
    overdue = desk.handling.overdue_assessments(now)
    assert overdue and all(desk.handling.get(n).done(Step.ASSESSED) is None for n in overdue)


def test_a_notification_is_kept_once_and_the_first_record_of_a_step_stays(desk: DeskVault) -> None:
    item = _incoming(7, when=T0, name="Åse Ærø")
    assert desk.received.add_many([item]) == [item.facts.notification_id]
    assert desk.received.add_many([item]) == []
    assert desk.received.last_seq() == 7
    nid = item.facts.notification_id
    assert desk.handling.mirror(nid, Step.ASSESSED, T0 + timedelta(hours=1), "AB")
    assert not desk.handling.mirror(nid, Step.ASSESSED, T0 + timedelta(hours=2), "CD")
    desk.handling.record_assessment(nid, Assessment.NO_IMMEDIATE_DANGER, "Talt med skolen; ingen akut fare.")
    handling = desk.handling.get(nid)
    assert handling.done(Step.ASSESSED) is not None and handling.done(Step.ASSESSED).by == "AB"  # type: ignore[union-attr]
    assert handling.assessment_note == "Talt med skolen; ingen akut fare."
    assert desk.received.get(nid).child_name == "Åse Ærø"
    assert desk.received.file(nid, "notification.pdf") == b"%PDF"


def test_earlier_notifications_are_found_through_the_cpr_index(desk: DeskVault) -> None:
    child = fictitious_cpr(date(2019, 5, 6))
    mother = fictitious_cpr(date(1991, 2, 3))
    first = _incoming(1, when=T0, cpr=child, parents=(mother,))
    sibling = _incoming(2, when=T0 + timedelta(days=5), cpr=fictitious_cpr(date(2021, 8, 9)),
                        parents=(mother,))
    second = _incoming(3, when=T0 + timedelta(days=40), cpr=child)
    stranger = _incoming(4, when=T0, cpr=fictitious_cpr(date(2019, 5, 7)))
    desk.received.add_many([first, sibling, second, stranger])
    target = desk.received.get(second.facts.notification_id)
    candidates = desk.received.related_to(desk.received.get(first.facts.notification_id))
    assert {c.notification_id for c in candidates} == {sibling.facts.notification_id,
                                                       second.facts.notification_id}
    shown = history(target, desk.received.related_to(target))
    assert shown.ordinal_in_window == 2
    assert [link.notification_id for link in shown.same_child] == [first.facts.notification_id]


class _FirstSchema:
    """The desk vault's schema as its first release wrote it (version 1 only)."""

    @staticmethod
    def latest_version() -> int:
        return 1

    @staticmethod
    def apply_migration(connection: object, from_version: int) -> None:
        desk_migrations.apply_migration(connection, from_version)


class _FirstDeskVault(DeskVault):
    schema = _FirstSchema()  # type: ignore[assignment]


def test_a_desk_vault_of_the_first_version_opens_with_its_notifications_and_handling_kept(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    profiles = ProfileDirectory(tmp_path / "desk", scrypt=FAST, vault_type=_FirstDeskVault)
    info, key = profiles.create("Modtagelsen", KeyProtection.PASSPHRASE, "en lang sætning")
    item = _incoming(1, when=T0, cpr=fictitious_cpr(date(2018, 4, 2)))
    nid = item.facts.notification_id
    with monkeypatch.context() as first_release:  # what version 1 did on adding (no pending steps)
        first_release.setattr("desktop.desk.store.received.apply_pending", lambda *_: None)
        with _FirstDeskVault.open(info.vault_path, key) as old:
            assert old.schema_version == 1
            old.received.add_many([item])
            old.handling.mirror(nid, Step.ASSESSED, T0 + timedelta(hours=2), "MK")
    with DeskVault.open(info.vault_path, key) as vault:
        assert vault.schema_version == desk_migrations.latest_version()
        assert vault.handling.get(nid).done(Step.ASSESSED) is not None
        assert [row.notification_id for row in vault.received.list_inbox()] == [nid]
        later = str(uuid.uuid4())  # a step for one not held yet is kept aside, not lost
        assert vault.handling.mirror(later, Step.ACKNOWLEDGED, T0, "LB") is False
    zero(key)
