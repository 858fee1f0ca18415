"""The intake's inbox API for desks and the notifier's fetch of messages: what travels, as JSON.

Shared by the desk (``desktop.desk.inbox_client``) and the intake (``intake.inbox``), so both
read and write exactly the same fields. Nothing here carries content: envelopes stay sealed,
and the shared status of a notification is ids, steps, times and a caseworker's initials.

Routes (all under TLS; the desk ones with ``Authorization: Bearer <desk credential>``):

* ``POST /v1/desk/enrol`` ``{"token", "name"}`` (a one-time token from IT) or ``{"certificate",
  "signature", "name", "time"}`` (a desk certificate issued by the municipality's desk CA, signing
  :func:`enrolment_message`) -> 201 ``{"desk_id", "credential", "receipt_public_key"}``.
* ``GET /v1/desk/seqs?after=SEQ`` -> ``{"seqs": [int], "more": bool}``: the numbers of the envelopes held.
  On PostgreSQL a lower number can commit after a higher one, so a desk asks from a little below what
  it holds and fetches the numbers it lacks.
* ``GET /v1/desk/envelopes?seqs=1,2,3`` (at most 200) or ``?after=SEQ&limit=N`` -> ``{"envelopes":
  [EnvelopeItem], "more": bool}``.
* ``GET /v1/desk/status?after=CURSOR`` -> ``{"status": [StatusRecord], "cursor": N, "more": bool}``
  (a page; the desk asks again from ``cursor`` while ``more``).
* ``POST /v1/desk/status`` ``{"notification_id", "step", "initials"}`` -> 201 (recorded), 200 (this
  desk had already recorded it), 409 ``intake.step_taken`` with the record that stands.
* ``POST /v1/desk/messages`` (``Message-Id`` and ``Mailbox-Id`` headers, the sealed message
  (``protocol.messages.seal_message``) as body) -> 201, 200 for the same bytes again, 409 for other
  bytes under the same id.
* ``GET /v1/mailboxes/<mailbox id>/messages?after=N``, signed with the reply key's mailbox key
  (``protocol.replies.sign_mailbox_request``) -> ``{"messages": [MailboxMessage], "cursor": N}``.
  The intake relays by mailbox id only: it never learns which notification a mailbox belongs to.
"""

from __future__ import annotations

import base64
import binascii
import re
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from protocol.errors import ProtocolError
from protocol.messages import MAX_MESSAGE_BYTES as _MESSAGE_LIMIT

STEPS = ("opened", "assessed", "acknowledged", "oriented", "handed_over")
#: A caseworker's initials: 1-6 letters (Danish letters included), nothing else. Check with
#: :func:`valid_initials` (``fullmatch``: ``$`` alone would let a trailing line break through).
INITIALS = re.compile(r"[A-Za-zÆØÅæøåÄÖÜäöüÉé]{1,6}")
#: The largest sealed message the intake relays: exactly what the notifier's app will open
#: (``protocol.messages``), so nothing waits in a mailbox that the app would refuse unread.
MAX_MESSAGE_BYTES = _MESSAGE_LIMIT
ENROL_LABEL = b"underret-desk-enrol-v1\x00"
#: How far a desk's clock may differ from the intake's when it enrols with a certificate.
MAX_CLOCK_SKEW = timedelta(minutes=10)


class InboxMessageInvalid(ProtocolError):  # noqa: N818 - the domain word
    """A desk-API or message-fetch document that does not have the agreed shape."""

    message_id = "inbox.malformed"


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(value: object) -> bytes:
    if not isinstance(value, str):
        raise InboxMessageInvalid("expected base64 text")
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise InboxMessageInvalid("bad base64") from exc


def _time(value: object) -> datetime:
    if not isinstance(value, str):
        raise InboxMessageInvalid("expected a time")
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError as exc:
        raise InboxMessageInvalid("bad time") from exc
    if parsed.tzinfo is None:
        raise InboxMessageInvalid("a time without a zone")
    return parsed.astimezone(UTC)


def _text(data: dict[str, Any], name: str) -> str:
    value = data.get(name)
    if not isinstance(value, str):
        raise InboxMessageInvalid(f"{name} missing")
    return value


def valid_initials(value: object) -> bool:
    """A caseworker's initials as the shared status takes them (1-6 letters, nothing before or after)."""
    return isinstance(value, str) and INITIALS.fullmatch(value) is not None


def is_uuid(value: object) -> bool:
    """A canonical UUID string (what notification and message ids are)."""
    if not isinstance(value, str):
        return False
    try:
        return str(uuid.UUID(value)) == value
    except ValueError:
        return False


@dataclass(frozen=True)
class EnvelopeItem:
    """A stored envelope handed to a desk, with the receipt the intake signed for it."""

    seq: int
    notification_id: str
    envelope: bytes
    receipt_json: bytes
    receipt_signature: bytes

    def to_dict(self) -> dict[str, Any]:
        return {"seq": self.seq, "notification_id": self.notification_id, "envelope": _b64(self.envelope),
                "receipt": _b64(self.receipt_json), "receipt_signature": _b64(self.receipt_signature)}

    @classmethod
    def from_dict(cls, data: object) -> EnvelopeItem:
        if not isinstance(data, dict) or not isinstance(data.get("seq"), int):
            raise InboxMessageInvalid("not an envelope item")
        notification_id = _text(data, "notification_id")
        if not is_uuid(notification_id):
            raise InboxMessageInvalid("notification id is not a UUID")
        return cls(int(data["seq"]), notification_id, _unb64(data.get("envelope")),
                   _unb64(data.get("receipt")), _unb64(data.get("receipt_signature")))


@dataclass(frozen=True)
class StatusRecord:
    """One step of handling, as the intake keeps it: no content, only who (initials, desk) and when."""

    cursor: int
    notification_id: str
    step: str
    at: datetime
    initials: str
    desk_id: str

    def to_dict(self) -> dict[str, Any]:
        return {"cursor": self.cursor, "notification_id": self.notification_id, "step": self.step,
                "at": self.at.astimezone(UTC).isoformat(), "initials": self.initials, "desk_id": self.desk_id}

    @classmethod
    def from_dict(cls, data: object) -> StatusRecord:
        if not isinstance(data, dict) or not isinstance(data.get("cursor"), int):
            raise InboxMessageInvalid("not a status record")
        step = _text(data, "step")
        if step not in STEPS:
            raise InboxMessageInvalid("unknown step")
        return cls(int(data["cursor"]), _text(data, "notification_id"), step, _time(data.get("at")),
                   _text(data, "initials"), _text(data, "desk_id"))


@dataclass(frozen=True)
class MailboxMessage:
    """A sealed message waiting in a mailbox, as the notifier's app fetches it."""

    cursor: int
    message_id: str
    body: bytes

    def to_dict(self) -> dict[str, Any]:
        return {"cursor": self.cursor, "message_id": self.message_id, "body": _b64(self.body)}

    @classmethod
    def from_dict(cls, data: object) -> MailboxMessage:
        if not isinstance(data, dict) or not isinstance(data.get("cursor"), int):
            raise InboxMessageInvalid("not a mailbox message")
        message_id = _text(data, "message_id")
        if not is_uuid(message_id):
            raise InboxMessageInvalid("message id is not a UUID")
        body = _unb64(data.get("body"))
        if len(body) > MAX_MESSAGE_BYTES:
            raise InboxMessageInvalid("message too large")
        return cls(int(data["cursor"]), message_id, body)


def enrolment_message(name: str, when: str, certificate_der: bytes) -> bytes:
    """What a desk signs with its certificate's private key to enrol without a token."""
    return ENROL_LABEL + name.encode("utf-8") + b"\x00" + when.encode("ascii") + b"\x00" + certificate_der
