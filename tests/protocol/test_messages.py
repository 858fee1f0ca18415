"""Messages back to the notifier: only the municipality's genuine message for this notification is shown."""

from __future__ import annotations

import struct
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from protocol.messages import (
    HPKE_INFO_LABEL,
    SIGNATURE_LABEL,
    SUITE,
    Acknowledgement,
    MessageInvalid,
    Orientation,
    new_message_id,
    open_message,
    seal_message,
)
from protocol.replies import ReplyKey
from tests.protocol.forge import jcs

MUNICIPALITY = Ed25519PrivateKey.generate()
KEY_ID = "kommune-101-besked-2026"
TRUSTED = {KEY_ID: MUNICIPALITY.public_key().public_bytes_raw()}
NOW = datetime(2026, 12, 7, 9, 30, tzinfo=UTC)


def _acknowledgement(notification_id: str) -> Acknowledgement:
    return Acknowledgement(
        notification_id,
        new_message_id(),
        NOW,
        NOW - timedelta(days=1),
        NOW,
        "Børne- og Familierådgivningen, Team Øst",
        "SAG 2026/0042-Æ",
    )


def _sealed(reply: ReplyKey, notification_id: str) -> bytes:
    return seal_message(
        _acknowledgement(notification_id),
        signing_key=MUNICIPALITY,
        signing_key_id=KEY_ID,
        reply_key=reply.public(),
    )


def _refused(data: bytes, reply: ReplyKey, notification_id: str, message_id: str) -> None:
    with pytest.raises(MessageInvalid) as caught:
        open_message(data, reply_key=reply, notification_id=notification_id, trusted_signing_keys=TRUSTED)
    assert caught.value.message_id == message_id, str(caught.value)


def test_the_notifier_reads_the_acknowledgement_and_the_orientation_as_sent() -> None:
    reply, nid = ReplyKey.generate(), str(uuid.uuid4())
    acknowledgement = _acknowledgement(nid)
    orientation = Orientation(nid, new_message_id(), NOW, NOW, "investigation", "Børnerådgivningen", "SAG-7")
    for message in (acknowledgement, orientation):
        data = seal_message(
            message, signing_key=MUNICIPALITY, signing_key_id=KEY_ID, reply_key=reply.public()
        )
        assert (
            open_message(data, reply_key=reply, notification_id=nid, trusted_signing_keys=TRUSTED) == message
        )
        assert "Børne".encode() not in data and nid.encode() not in data  # nothing in clear


def test_a_message_signed_by_anyone_else_under_the_municipalitys_key_id_is_refused_as_forged() -> None:
    reply, nid = ReplyKey.generate(), str(uuid.uuid4())
    forged = seal_message(
        _acknowledgement(nid),
        signing_key=Ed25519PrivateKey.generate(),
        signing_key_id=KEY_ID,
        reply_key=reply.public(),
    )
    _refused(forged, reply, nid, "message.forged")


def test_a_message_signed_with_a_key_the_directory_does_not_list_is_refused() -> None:
    reply, nid = ReplyKey.generate(), str(uuid.uuid4())
    data = seal_message(
        _acknowledgement(nid),
        signing_key=MUNICIPALITY,
        signing_key_id="some-other-key",
        reply_key=reply.public(),
    )
    _refused(data, reply, nid, "message.unknown_signer")


def test_a_genuine_message_for_another_notification_is_refused_as_foreign() -> None:
    reply, nid = ReplyKey.generate(), str(uuid.uuid4())
    _refused(_sealed(reply, nid), reply, str(uuid.uuid4()), "message.foreign")


def test_a_genuine_message_decrypted_and_re_encrypted_to_another_reply_key_is_refused_as_foreign() -> None:
    first, second = ReplyKey.generate(), ReplyKey.generate()
    nid = str(uuid.uuid4())
    data = _sealed(first, nid)
    # Whoever could read the first message (its notifier) re-encrypts the signed plaintext to the second key.
    plaintext = SUITE.decrypt(data[9:], first.hpke_key(), info=HPKE_INFO_LABEL + first.mailbox_id.encode())
    moved = data[:9] + SUITE.encrypt(
        plaintext, second.public().hpke_key(), info=HPKE_INFO_LABEL + second.mailbox_id.encode()
    )
    _refused(moved, second, nid, "message.foreign")


def test_a_message_for_another_reply_key_or_damaged_in_transit_does_not_decrypt() -> None:
    reply, nid = ReplyKey.generate(), str(uuid.uuid4())
    data = _sealed(reply, nid)
    _refused(data, ReplyKey.generate(), nid, "message.undecryptable")
    for position in (9, 500, len(data) - 1):
        damaged = bytearray(data)
        damaged[position] ^= 0x01
        _refused(bytes(damaged), reply, nid, "message.undecryptable")


def test_not_a_message_or_an_unknown_version_is_named() -> None:
    reply, nid = ReplyKey.generate(), str(uuid.uuid4())
    data = _sealed(reply, nid)
    _refused(b"", reply, nid, "message.malformed")
    _refused(b"UNDRTENV" + data[8:], reply, nid, "message.malformed")
    _refused(data[:8] + b"\x02" + data[9:], reply, nid, "message.unsupported_version")


def _signed_plaintext_message(reply: ReplyKey, body: bytes) -> bytes:
    plaintext = struct.pack(">I", len(body)) + body + MUNICIPALITY.sign(SIGNATURE_LABEL + body)
    return b"UNDRTMSG\x01" + SUITE.encrypt(
        plaintext, reply.public().hpke_key(), info=HPKE_INFO_LABEL + reply.mailbox_id.encode()
    )


def _body(reply: ReplyKey, nid: str, **changes: object) -> dict[str, object]:
    body: dict[str, object] = {
        "format": "underret-message",
        "version": 1,
        "kind": "orientation",
        "message_id": str(uuid.uuid4()),
        "notification_id": nid,
        "mailbox": reply.mailbox_id,
        "signing_key_id": KEY_ID,
        "sent_at": "2026-12-07T09:30:00Z",
        "orientation": {
            "decided_at": "2026-12-07T09:00:00Z",
            "outcome": "support",
            "unit": "Team Øst",
            "reference": "SAG-7",
        },
    }
    body.update(changes)
    return body


def test_a_correctly_signed_body_written_from_the_spec_opens() -> None:
    reply, nid = ReplyKey.generate(), str(uuid.uuid4())
    message = open_message(
        _signed_plaintext_message(reply, jcs(_body(reply, nid))),
        reply_key=reply,
        notification_id=nid,
        trusted_signing_keys=TRUSTED,
    )
    assert isinstance(message, Orientation) and message.outcome == "support" and message.unit == "Team Øst"


@pytest.mark.parametrize(
    "changes",
    [
        {"extra": 1},
        {"version": 2},
        {"version": True},
        {"kind": "acknowledgement"},
        {"message_id": str(uuid.uuid1())},
        {"sent_at": "2026-12-07T09:30:00+01:00"},
        {
            "orientation": {
                "decided_at": "2026-12-07T09:00:00Z",
                "outcome": "closed",
                "unit": "x",
                "reference": "y",
            }
        },
        {
            "orientation": {
                "decided_at": "2026-12-07T09:00:00Z",
                "outcome": "support",
                "unit": "a\nb",
                "reference": "y",
            }
        },
        {
            "orientation": {
                "decided_at": "2026-12-07T09:00:00Z",
                "outcome": "support",
                "unit": "",
                "reference": "y",
            }
        },
    ],
)
def test_a_signed_body_with_a_field_the_spec_does_not_allow_is_refused_as_malformed(
    changes: dict[str, object],
) -> None:
    reply, nid = ReplyKey.generate(), str(uuid.uuid4())
    _refused(
        _signed_plaintext_message(reply, jcs(_body(reply, nid, **changes))), reply, nid, "message.malformed"
    )


def test_a_signed_body_that_is_not_its_canonical_encoding_is_refused() -> None:
    reply, nid = ReplyKey.generate(), str(uuid.uuid4())
    spaced = jcs(_body(reply, nid)).replace(b'":', b'": ')
    _refused(_signed_plaintext_message(reply, spaced), reply, nid, "message.malformed")


def test_the_desk_cannot_seal_a_message_the_app_would_refuse() -> None:
    reply, nid = ReplyKey.generate(), str(uuid.uuid4())
    for message in (
        Acknowledgement(nid, new_message_id(), NOW, NOW, NOW, "Team\nØst", "SAG-1"),
        Acknowledgement(nid, new_message_id(), NOW, NOW, NOW, "Team Øst", "x" * 65),
        Acknowledgement(nid, new_message_id(), NOW.replace(tzinfo=None), NOW, NOW, "Team Øst", "SAG-1"),
        Orientation(nid, new_message_id(), NOW, NOW, "closed", "Team Øst", "SAG-1"),  # type: ignore[arg-type]
        Acknowledgement(str(uuid.uuid1()), new_message_id(), NOW, NOW, NOW, "Team Øst", "SAG-1"),
    ):
        with pytest.raises(MessageInvalid):
            seal_message(message, signing_key=MUNICIPALITY, signing_key_id=KEY_ID, reply_key=reply.public())
