"""Fuzzing the message reader: only MessageInvalid, and only the municipality's genuine message opens."""

from __future__ import annotations

import struct
import uuid
from datetime import UTC, datetime
from typing import Any

import rfc8785
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import given
from hypothesis import strategies as st

from protocol.errors import MailboxRequestInvalid
from protocol.messages import (
    HPKE_INFO_LABEL,
    SIGNATURE_LABEL,
    SUITE,
    Acknowledgement,
    MessageInvalid,
    open_message,
    seal_message,
)
from protocol.replies import ReplyKey, sign_mailbox_request, verify_mailbox_request
from tests.fuzz.budget import count, examples
from tests.fuzz.json_mutations import mutated_json

MUNICIPALITY = Ed25519PrivateKey.generate()
TRUSTED = {"k": MUNICIPALITY.public_key().public_bytes_raw()}
REPLY = ReplyKey.generate()
NID = str(uuid.uuid4())
NOW = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)
GENUINE = seal_message(
    Acknowledgement(NID, str(uuid.uuid4()), NOW, NOW, NOW, "Team Øst", "SAG-1"),
    signing_key=MUNICIPALITY,
    signing_key_id="k",
    reply_key=REPLY.public(),
)


def _open(data: bytes) -> None:
    try:
        message = open_message(data, reply_key=REPLY, notification_id=NID, trusted_signing_keys=TRUSTED)
    except MessageInvalid:
        return
    assert data == GENUINE and message.unit == "Team Øst"


@examples(smoke=40, full=8_000)
@given(st.binary(max_size=2048), st.sampled_from([b"", b"UNDRTMSG", b"UNDRTMSG\x01"]))
def test_arbitrary_bytes_are_refused_with_message_invalid(tail: bytes, head: bytes) -> None:
    count()
    _open(head + tail)


@examples(smoke=40, full=8_000)
@given(st.integers(0, len(GENUINE) - 1), st.integers(1, 255), st.integers(0, len(GENUINE)))
def test_a_genuine_message_changed_or_cut_is_refused(position: int, xor: int, cut: int) -> None:
    count()
    damaged = bytearray(GENUINE)
    damaged[position] ^= xor
    _open(bytes(damaged))
    _open(GENUINE[:cut])


_BODY_FIELDS = [
    "format",
    "version",
    "kind",
    "message_id",
    "notification_id",
    "mailbox",
    "signing_key_id",
    "sent_at",
    "acknowledgement",
    "orientation",
    "extra",
]


def _base_body() -> dict[str, Any]:
    return {
        "format": "underret-message",
        "version": 1,
        "kind": "acknowledgement",
        "message_id": str(uuid.uuid4()),
        "notification_id": NID,
        "mailbox": REPLY.mailbox_id,
        "signing_key_id": "k",
        "sent_at": "2026-12-07T09:00:00Z",
        "acknowledgement": {
            "received_at": "2026-12-07T08:00:00Z",
            "acknowledged_at": "2026-12-07T09:00:00Z",
            "unit": "Team Øst",
            "reference": "SAG-1",
        },
    }


@examples(smoke=60, full=12_000)
@given(st.data(), st.binary(max_size=8))
def test_signed_and_encrypted_bodies_that_are_nearly_right_are_refused_unless_well_formed(
    data: st.DataObject,
    trailer: bytes,
) -> None:
    body_value = data.draw(mutated_json(_base_body()))
    try:
        body = rfc8785.dumps(body_value)
    except (rfc8785.CanonicalizationError, ValueError, TypeError, UnicodeEncodeError):
        return
    plaintext = struct.pack(">I", len(body)) + body + MUNICIPALITY.sign(SIGNATURE_LABEL + body) + trailer
    sealed = b"UNDRTMSG\x01" + SUITE.encrypt(
        plaintext, REPLY.public().hpke_key(), info=HPKE_INFO_LABEL + REPLY.mailbox_id.encode()
    )
    count()
    try:
        message = open_message(sealed, reply_key=REPLY, notification_id=NID, trusted_signing_keys=TRUSTED)
    except MessageInvalid:
        return
    assert not trailer and message.notification_id == NID


@examples(smoke=40, full=6_000)
@given(
    st.dictionaries(
        st.sampled_from(["Underret-Mailbox-Key", "Underret-Mailbox-Time", "Underret-Mailbox-Signature", "X"]),
        st.text(max_size=100),
        max_size=4,
    ),
    st.text(max_size=80),
    st.sampled_from(["GET", "get", "POST", ""]),
)
def test_mailbox_requests_with_arbitrary_headers_are_refused_with_their_own_error(
    headers: dict[str, str],
    path: str,
    method: str,
) -> None:
    count()
    genuine = sign_mailbox_request(REPLY, method="GET", path="/p", when=NOW)
    for candidate in (headers, genuine | headers):
        try:
            verify_mailbox_request(REPLY.mailbox_id, candidate, method=method, path=path, now=NOW)
        except MailboxRequestInvalid:
            continue
        assert candidate == genuine and method.upper() == "GET" and path == "/p"
