"""A notification's whole way and back, with real parts: notifier apps -> intake (TLS) -> desks -> kvittering.

Real vaults (SQLCipher) for the notifiers and the desks, the real intake over TLS on 127.0.0.1 from a
test CA, the app's real delivery pass and message fetcher, and the desk's real services.
"""

from __future__ import annotations

import logging
import re
import sqlite3
import uuid
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop.desk.service import StepTaken
from desktop.desk.store.handling import Assessment, Step
from desktop.outbox.replies import ACKNOWLEDGED_EVENT
from intake.server import BackgroundIntake
from protocol import messages as message_format
from protocol.messages import Acknowledgement, new_message_id, seal_message
from protocol.replies import ReplyKey
from tests.integration.desk.conftest import CHILD, OTHER, desk_for
from tests.support.desk import MARKER
from tests.support.roundtrip import DeskApp, Municipality, NotifierApp, document_for


def _file(app: NotifierApp, who: tuple[str, str, date], *, acute: bool = False) -> str:
    name, cpr, birth = who
    return app.file(document_for(str(uuid.uuid4()), name=name, cpr=cpr, birth=birth, acute=acute,
                                 observation=f"Set i dag. {MARKER}"))


def test_filed_notifications_reach_the_desk_and_its_kvittering_reaches_each_notifier(
        tmp_path: Path, municipality: Municipality, intake: BackgroundIntake,
        notifiers: list[NotifierApp]) -> None:
    first = _file(notifiers[0], CHILD)
    second = _file(notifiers[1], CHILD, acute=True)
    third = _file(notifiers[1], OTHER)
    for app in notifiers:
        assert app.deliver().receipted
    desk = desk_for(tmp_path, municipality, intake, "MK")
    try:
        result = desk.service.sync()
        assert (result.new, result.unopened) == (3, 0)
        rows = desk.service.inbox()
        assert rows[0].notification_id == second  # acute and unassessed first
        detail = desk.service.detail(second)
        assert detail.history.ordinal_in_window == 2
        assert [link.notification_id for link in detail.history.same_child] == [first]
        assert detail.facts.child_name == "Ida Ærø"
        for nid in (first, second, third):
            desk.service.assess(nid, Assessment.NO_IMMEDIATE_DANGER, "Ingen akut fare.")
            desk.service.acknowledge(nid)
        desk.service.orient(third, "support")
        assert all(desk.service.vault.handling.get(n).done(Step.ACKNOWLEDGED) for n in (first, second, third))
    finally:
        desk.close()
    for app in notifiers:
        app.deliver()
    [ack] = notifiers[0].messages(first)
    assert (ack.kind, ack.unit) == ("acknowledgement", "Ærø Kommune, Børn og Familie")
    assert ack.reference.startswith("DEMO-")
    assert [e.event for e in notifiers[0].vault.audit.entries_for(first)].count(ACKNOWLEDGED_EVENT) == 1
    kinds = [(m.kind, m.outcome) for m in notifiers[1].messages(third)]
    assert kinds == [("acknowledgement", None), ("orientation", "support")]
    assert [m.kind for m in notifiers[1].messages(second)] == ["acknowledgement"]


def _scan(path: Path, needles: list[bytes]) -> list[bytes]:
    data = b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*"))
    return [needle for needle in needles if needle in data]


def test_two_desks_handle_each_notification_once_and_the_intake_holds_no_personal_data(
        tmp_path: Path, municipality: Municipality, intake: BackgroundIntake,
        notifiers: list[NotifierApp]) -> None:
    nid = _file(notifiers[0], CHILD)
    notifiers[0].deliver()
    one = desk_for(tmp_path, municipality, intake, "MK")
    two = desk_for(tmp_path, municipality, intake, "LB")
    try:
        one.service.sync()
        two.service.sync()
        one.service.assess(nid, Assessment.ACUTE_MEASURES, f"Politiet kontaktet. {MARKER}")
        with pytest.raises(StepTaken) as taken:
            two.service.assess(nid, Assessment.NO_IMMEDIATE_DANGER, "")
        assert taken.value.details["initials"] == "MK"
        one.service.acknowledge(nid)
        with pytest.raises(StepTaken):
            two.service.acknowledge(nid)
        two.service.sync()
        handling = two.service.vault.handling.get(nid)
        assert handling.done(Step.ASSESSED).by == "MK"  # type: ignore[union-attr]
        assert handling.done(Step.ACKNOWLEDGED).by == "MK"  # type: ignore[union-attr]
    finally:
        one.close()
        two.close()
    notifiers[0].deliver()
    assert len(notifiers[0].messages(nid)) == 1  # one kvittering, not two
    database = tmp_path / "intake.sqlite"
    with sqlite3.connect(database) as connection:
        status = connection.execute("SELECT notification_id, step, initials FROM desk_status").fetchall()
        relayed = connection.execute("SELECT COUNT(*) FROM relay_messages").fetchone()[0]
    assert sorted((step, initials) for _, step, initials in status) == [("acknowledged", "MK"), ("assessed",
                                                                                                 "MK")]
    assert relayed == 1
    name, cpr, _ = CHILD
    needles = [MARKER.encode(), name.encode(), cpr.encode(), f"{cpr[:6]}-{cpr[6:]}".encode(), b"Politiet",
               "Ærøskøbing".encode(), "Mette Kjær".encode()]
    assert _scan(database, needles) == []


def _relay(desk: DeskApp, mailbox_id: str, body: bytes) -> None:
    client = desk.service._intake()  # the desk's own authenticated connection
    assert client is not None
    client.relay_message(new_message_id(), mailbox_id, body)


def test_a_forged_replayed_or_re_encrypted_kvittering_is_refused_and_logged(
        tmp_path: Path, municipality: Municipality, intake: BackgroundIntake, notifiers: list[NotifierApp],
        caplog: pytest.LogCaptureFixture) -> None:
    mine = _file(notifiers[0], CHILD)
    theirs = _file(notifiers[1], OTHER)
    for app in notifiers:
        app.deliver()
    desk = desk_for(tmp_path, municipality, intake, "MK")
    try:
        desk.service.sync()
        desk.service.acknowledge(mine)
        reply = ReplyKey(notifiers[0].vault.reply_keys.seed(mine) or b"")
        their_reply = ReplyKey(notifiers[1].vault.reply_keys.seed(theirs) or b"")
        now = datetime.now(UTC).replace(microsecond=0)
        forged = Acknowledgement(mine, new_message_id(), now, now, now, "Falsk Kommune", "X-1")
        trusted_id = next(iter(municipality.trusted_message_keys()))
        # Signed by a key that is not the municipality's, under its key id: forged.
        _relay(desk, reply.mailbox_id, seal_message(forged, signing_key=Ed25519PrivateKey.generate(),
                                                    signing_key_id=trusted_id, reply_key=reply.public()))
        # The genuine kvittering again, as it was relayed: a replay.
        with sqlite3.connect(tmp_path / "intake.sqlite") as connection:
            (genuine,) = connection.execute("SELECT body FROM relay_messages").fetchone()
        _relay(desk, reply.mailbox_id, genuine)
        # The genuine kvittering opened by someone holding this reply key and sealed to another's: foreign.
        info = message_format._info(reply.mailbox_id)
        plaintext = message_format.SUITE.decrypt(genuine[len(message_format.MAGIC) + 1:], reply.hpke_key(),
                                                 info=info)
        moved = message_format.SUITE.encrypt(plaintext, their_reply.public().hpke_key(),
                                             info=message_format._info(their_reply.mailbox_id))
        _relay(desk, their_reply.mailbox_id,
               message_format.MAGIC + bytes([message_format.MESSAGE_VERSION]) + moved)
    finally:
        desk.close()
    with caplog.at_level(logging.WARNING):
        notifiers[0].deliver()
        notifiers[1].deliver()
    assert [(m.kind, m.unit) for m in notifiers[0].messages(mine)] == [("acknowledgement",
                                                                        "Ærø Kommune, Børn og Familie")]
    assert notifiers[1].messages(theirs) == []
    refused = set(re.findall(r"refused (message\.[a-z_]+)", caplog.text))
    assert {"message.forged", "message.replayed", "message.foreign"} <= refused
    assert ACKNOWLEDGED_EVENT not in [e.event for e in notifiers[1].vault.audit.entries_for(theirs)]


def test_an_envelope_committed_after_a_higher_number_is_still_fetched(
        tmp_path: Path, municipality: Municipality, intake: BackgroundIntake,
        notifiers: list[NotifierApp]) -> None:
    """On PostgreSQL a lower envelope number can commit after a higher one: the desk must not skip it."""
    ids = [_file(notifiers[0], CHILD), _file(notifiers[0], OTHER), _file(notifiers[0], CHILD)]
    notifiers[0].deliver()
    database = tmp_path / "intake.sqlite"
    with sqlite3.connect(database) as connection:  # number 2 "not committed yet": taken out for now
        connection.execute("CREATE TABLE later AS SELECT * FROM envelopes WHERE seq = 2")
        connection.execute("DELETE FROM envelopes WHERE seq = 2")
    desk = desk_for(tmp_path, municipality, intake, "MK")
    try:
        assert desk.service.sync().new == 2
        with sqlite3.connect(database) as connection:  # ... and now it commits
            connection.execute("INSERT INTO envelopes SELECT * FROM later")
        assert desk.service.sync().new == 1
        assert {row.notification_id for row in desk.service.inbox()} == set(ids)
        assert desk.service.sync().new == 0
    finally:
        desk.close()
