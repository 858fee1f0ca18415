"""Messages back to the notifier: the municipality's acknowledgement and its § 137 orientation.

Specified in ``forms/schema/messages.md``. A message is signed by the
municipality's message-signing key (Ed25519; its public key is in the signed
municipality directory) and then encrypted with HPKE to the notification's
reply key (:mod:`protocol.replies`). The signed body names the notification id
and the mailbox id of the reply key it is for, so a message that is forged,
replayed for another notification, or decrypted and re-encrypted to another
reply key is refused, each with its own ``message_id``.
"""

from __future__ import annotations

import re
import struct
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hpke
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from protocol.canonical import canonical_json, parse_canonical
from protocol.errors import MessageInvalid
from protocol.manifest import KEY_ID
from protocol.replies import ReplyKey, ReplyPublicKey

__all__ = ["OUTCOMES", "Acknowledgement", "Message", "MessageInvalid", "Orientation", "new_message_id",
           "open_message", "seal_message"]

MAGIC = b"UNDRTMSG"
MESSAGE_VERSION = 1
FORMAT_NAME = "underret-message"
HPKE_INFO_LABEL = b"underret-message-v1 key\x00"
SIGNATURE_LABEL = b"underret-message-v1 signature\x00"
SUITE = hpke.Suite(hpke.KEM.MLKEM768_X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_256_GCM)
SIGNATURE_BYTES = 64
MAX_MESSAGE_BYTES = 64 * 1024
#: What a § 137 orientation can say: the notification led to an investigation (*børnefaglig
#: undersøgelse*), to support (*støtte*), or to no action (*ingen foranstaltning*).
OUTCOMES = ("investigation", "support", "no_action")
Outcome = Literal["investigation", "support", "no_action"]
_TIME_FORMAT = "%Y-%m-%dT%H:%M:%SZ"
_TIME = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$")
# Unit and reference are shown to the notifier as they are: printable text, no control characters.
_TEXT = re.compile(r"^[^\x00-\x1f\x7f-\x9f\u2028\u2029]+$")
_MAX_UNIT = 200
_MAX_REFERENCE = 64
_TOP_KEYS = {"format", "version", "kind", "message_id", "notification_id", "mailbox", "signing_key_id",
             "sent_at"}
_ACK_KEYS = {"received_at", "acknowledged_at", "unit", "reference"}
_ORIENTATION_KEYS = {"decided_at", "outcome", "unit", "reference"}
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")


@dataclass(frozen=True)
class Acknowledgement:
    """The municipality's *kvittering*: it received the notification, in this unit, under this reference."""

    notification_id: str
    message_id: str
    sent_at: datetime
    received_at: datetime
    acknowledged_at: datetime
    unit: str
    reference: str


@dataclass(frozen=True)
class Orientation:
    """The § 137 orientation: what the notification led to (investigation, support or no action)."""

    notification_id: str
    message_id: str
    sent_at: datetime
    decided_at: datetime
    outcome: Outcome
    unit: str
    reference: str


Message = Acknowledgement | Orientation


def new_message_id() -> str:
    """A fresh message id (a version-4 UUID): the app keeps the ids it has seen, so a repeat is shown once."""
    return str(uuid.uuid4())


def _time(value: datetime) -> str:
    if value.tzinfo is None:
        raise MessageInvalid("times in a message must carry a time zone")
    return value.astimezone(UTC).strftime(_TIME_FORMAT)


def _check_text(value: object, limit: int, what: str) -> str:
    if not (isinstance(value, str) and len(value) <= limit and _TEXT.fullmatch(value)):
        raise MessageInvalid(f"the {what} must be 1 to {limit} characters of printable text")
    return value


def _body(message: Message, mailbox: str, signing_key_id: str) -> dict[str, Any]:
    _check_text(message.unit, _MAX_UNIT, "unit")
    _check_text(message.reference, _MAX_REFERENCE, "reference")
    for value, what in ((message.notification_id, "notification id"), (message.message_id, "message id")):
        if not _UUID.fullmatch(value):
            raise MessageInvalid(f"the {what} must be a version-4 UUID")
    if not KEY_ID.fullmatch(signing_key_id):
        raise MessageInvalid("the signing key id must be a plain name")
    body: dict[str, Any] = {
        "format": FORMAT_NAME, "version": MESSAGE_VERSION, "message_id": message.message_id,
        "notification_id": message.notification_id, "mailbox": mailbox, "signing_key_id": signing_key_id,
        "sent_at": _time(message.sent_at),
    }
    if isinstance(message, Acknowledgement):
        body["kind"] = "acknowledgement"
        body["acknowledgement"] = {"received_at": _time(message.received_at),
                                   "acknowledged_at": _time(message.acknowledged_at),
                                   "unit": message.unit, "reference": message.reference}
    else:
        if message.outcome not in OUTCOMES:
            raise MessageInvalid("an orientation's outcome is investigation, support or no_action")
        body["kind"] = "orientation"
        body["orientation"] = {"decided_at": _time(message.decided_at), "outcome": message.outcome,
                               "unit": message.unit, "reference": message.reference}
    return body


def _info(mailbox: str) -> bytes:
    return HPKE_INFO_LABEL + mailbox.encode("ascii")


def seal_message(
    message: Message, *, signing_key: Ed25519PrivateKey, signing_key_id: str, reply_key: ReplyPublicKey
) -> bytes:
    """Sign ``message`` with the municipality's message key, then encrypt it to the notification's reply key.

    ``reply_key`` is the one the notification's envelope carried
    (``OpenedEnvelope.reply_key``). The result is what the intake relays to
    the mailbox ``reply_key.mailbox_id``.
    """
    body = canonical_json(_body(message, reply_key.mailbox_id, signing_key_id))
    signature = signing_key.sign(SIGNATURE_LABEL + body)
    plaintext = struct.pack(">I", len(body)) + body + signature
    sealed = SUITE.encrypt(plaintext, reply_key.hpke_key(), info=_info(reply_key.mailbox_id))
    return MAGIC + bytes([MESSAGE_VERSION]) + sealed


def _parse_time(value: object) -> datetime:
    if not (isinstance(value, str) and _TIME.fullmatch(value)):
        raise ValueError("not a UTC time")
    return datetime.strptime(value, _TIME_FORMAT).replace(tzinfo=UTC)


def _object(value: object, keys: set[str]) -> dict[str, Any]:
    if not isinstance(value, dict) or set(value) != keys:
        raise ValueError("missing or unexpected fields")
    return value


def _message_from_body(body: dict[str, Any]) -> Message:
    """The message a checked body describes; ValueError when a field is not as specified."""
    kind = body.get("kind")
    if kind not in ("acknowledgement", "orientation"):
        raise ValueError("unknown kind")
    _object(body, _TOP_KEYS | {kind})
    if (body["format"] != FORMAT_NAME or type(body["version"]) is not int
            or body["version"] != MESSAGE_VERSION):
        raise ValueError("another format")
    message_id, notification_id = body["message_id"], body["notification_id"]
    if not (isinstance(message_id, str) and _UUID.fullmatch(message_id)
            and isinstance(notification_id, str) and _UUID.fullmatch(notification_id)):
        raise ValueError("ids are not version-4 UUIDs")
    sent_at = _parse_time(body["sent_at"])
    if kind == "acknowledgement":
        fields = _object(body[kind], _ACK_KEYS)
        return Acknowledgement(notification_id, message_id, sent_at, _parse_time(fields["received_at"]),
                               _parse_time(fields["acknowledged_at"]),
                               _check_text(fields["unit"], _MAX_UNIT, "unit"),
                               _check_text(fields["reference"], _MAX_REFERENCE, "reference"))
    fields = _object(body[kind], _ORIENTATION_KEYS)
    outcome = fields["outcome"]
    if outcome not in OUTCOMES:
        raise ValueError("unknown outcome")
    return Orientation(notification_id, message_id, sent_at, _parse_time(fields["decided_at"]), outcome,
                       _check_text(fields["unit"], _MAX_UNIT, "unit"),
                       _check_text(fields["reference"], _MAX_REFERENCE, "reference"))


def open_message(
    data: bytes, *, reply_key: ReplyKey, notification_id: str, trusted_signing_keys: Mapping[str, bytes]
) -> Message:
    """Decrypt, verify and check a message for the notification ``notification_id``.

    ``reply_key`` is the notification's private reply key; ``trusted_signing_keys``
    maps key ids to the raw 32-byte Ed25519 public keys of the municipality's
    message-signing keys (from the signed municipality directory). Raises
    :class:`MessageInvalid`: ``message.malformed``, ``message.unsupported_version``,
    ``message.undecryptable``, ``message.unknown_signer``, ``message.forged``,
    ``message.foreign``.
    """
    data = bytes(data)
    if len(data) > MAX_MESSAGE_BYTES or len(data) < len(MAGIC) + 1 or not data.startswith(MAGIC):
        raise MessageInvalid("not an Underret message")
    if data[len(MAGIC)] != MESSAGE_VERSION:
        raise MessageInvalid("unsupported message version", message_id="message.unsupported_version")
    mailbox = reply_key.mailbox_id
    try:
        plaintext = SUITE.decrypt(data[len(MAGIC) + 1 :], reply_key.hpke_key(), info=_info(mailbox))
    except (InvalidTag, ValueError) as exc:
        raise MessageInvalid("the message does not decrypt with this notification's reply key",
                             message_id="message.undecryptable") from exc
    if len(plaintext) < 4:
        raise MessageInvalid("the message is truncated")
    (length,) = struct.unpack_from(">I", plaintext, 0)
    if 4 + length + SIGNATURE_BYTES != len(plaintext):
        raise MessageInvalid("the message's lengths do not add up")
    body_bytes, signature = plaintext[4 : 4 + length], plaintext[4 + length :]
    body = parse_canonical(body_bytes, MessageInvalid("the message body is not canonical JSON"))
    key_id = body.get("signing_key_id")
    public = trusted_signing_keys.get(key_id) if isinstance(key_id, str) else None
    if public is None:
        raise MessageInvalid("the message is signed with a key the municipality directory does not list",
                             message_id="message.unknown_signer")
    try:
        Ed25519PublicKey.from_public_bytes(public).verify(signature, SIGNATURE_LABEL + body_bytes)
    except (InvalidSignature, ValueError) as exc:
        raise MessageInvalid("the message's signature does not verify", message_id="message.forged") from exc
    try:
        message = _message_from_body(body)
    except (ValueError, TypeError, KeyError, MessageInvalid) as exc:
        raise MessageInvalid("a signed message field is not as specified") from exc
    if body["mailbox"] != mailbox or message.notification_id != notification_id:
        raise MessageInvalid("the message is genuine but for another notification",
                             message_id="message.foreign")
    return message
