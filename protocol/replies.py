"""Reply keys: how the municipality writes back to a notifier without learning who the notifier is.

The app makes one reply key per notification (so two notifications from one
person cannot be linked by their reply keys) and keeps its 32-byte seed in the
vault. The public part travels *inside* the encrypted envelope (format 2), so
only the municipality learns it. From the seed come two keys (HKDF-SHA256):

* an X-Wing key the municipality encrypts its messages to (:mod:`protocol.messages`);
* an Ed25519 *mailbox key* that proves, when the app asks the intake for its
  messages, that it holds the reply key: the **mailbox id** is
  ``SHA-256("underret-mailbox-v1" 0x00 || mailbox public key)``, lower-case hex.

The intake relays messages by mailbox id only; it never sees the envelope's
reply key, the notification id of a mailbox, or the notifier's sender key.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, hpke
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from protocol.canonical import b64, strict_b64
from protocol.errors import MailboxRequestInvalid
from protocol.keys import (
    ED25519_PUBLIC_BYTES,
    RECIPIENT_PUBLIC_KEY_BYTES,
    xwing_private_key,
    xwing_public_bytes,
    xwing_public_key,
)

REPLY_SEED_BYTES = 32
KEM_SEED_INFO = b"underret-reply-v1 kem"
MAILBOX_SEED_INFO = b"underret-reply-v1 mailbox"
MAILBOX_LABEL = b"underret-mailbox-v1\x00"
MAILBOX_REQUEST_LABEL = b"underret-mailbox-request-v1\x00"
#: HTTP headers of a mailbox request (see forms/schema/messages.md).
KEY_HEADER = "Underret-Mailbox-Key"
TIME_HEADER = "Underret-Mailbox-Time"
SIGNATURE_HEADER = "Underret-Mailbox-Signature"
#: How far a request's time may be from the intake's clock (seconds), either way.
MAX_CLOCK_SKEW = 300
_MAILBOX_ID = re.compile(r"^[0-9a-f]{64}$")
_TIME = re.compile(r"^[1-9][0-9]{0,11}$")


def _derive(seed: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(seed)


def mailbox_id(mailbox_public_key: bytes) -> str:
    """The mailbox id of a reply key: lower-case hex of ``SHA-256(MAILBOX_LABEL || mailbox public key)``."""
    return hashlib.sha256(MAILBOX_LABEL + bytes(mailbox_public_key)).hexdigest()


def is_mailbox_id(text: object) -> bool:
    """Whether ``text`` has the form of a mailbox id (64 lower-case hex digits)."""
    return isinstance(text, str) and _MAILBOX_ID.fullmatch(text) is not None


@dataclass(frozen=True)
class ReplyPublicKey:
    """The public half of a reply key, as a format-2 envelope carries it (encrypted)."""

    kem_public_key: bytes  # X-Wing, 1216 bytes
    mailbox_public_key: bytes  # Ed25519, 32 bytes

    @property
    def mailbox_id(self) -> str:
        """Where the intake keeps messages for this reply key."""
        return mailbox_id(self.mailbox_public_key)

    def hpke_key(self) -> hpke.MLKEM768X25519PublicKey:
        """The key object messages are encrypted to."""
        return xwing_public_key(self.kem_public_key)

    def to_json_value(self) -> dict[str, str]:
        """The ``reply_key`` object of a format-2 envelope's inner header."""
        return {
            "kem": "MLKEM768-X25519",
            "public_key": b64(self.kem_public_key),
            "mailbox_alg": "Ed25519",
            "mailbox_public_key": b64(self.mailbox_public_key),
        }

    @classmethod
    def from_json_value(cls, value: Any) -> ReplyPublicKey:
        """Parse a ``reply_key`` object; ``ValueError`` unless it is exactly as specified."""
        if not isinstance(value, dict) or set(value) != {"kem", "public_key", "mailbox_alg",
                                                         "mailbox_public_key"}:
            raise ValueError("reply key has unexpected fields")
        if value["kem"] != "MLKEM768-X25519" or value["mailbox_alg"] != "Ed25519":
            raise ValueError("reply key names another algorithm")
        kem = strict_b64(value["public_key"], RECIPIENT_PUBLIC_KEY_BYTES)
        mailbox = strict_b64(value["mailbox_public_key"], ED25519_PUBLIC_BYTES)
        return cls(kem, mailbox)


@dataclass(frozen=True)
class ReplyKey:
    """The private reply key of one notification: a 32-byte seed, kept in the notifier's vault."""

    seed: bytes

    def __post_init__(self) -> None:
        if len(self.seed) != REPLY_SEED_BYTES:
            raise ValueError("a reply key seed is 32 bytes")

    @classmethod
    def generate(cls) -> ReplyKey:
        """A fresh reply key for one notification."""
        return cls(os.urandom(REPLY_SEED_BYTES))

    @property
    def kem_seed(self) -> bytes:
        """The X-Wing seed messages are decrypted with: HKDF-SHA256(seed, info=KEM_SEED_INFO)."""
        return _derive(self.seed, KEM_SEED_INFO)

    def hpke_key(self) -> hpke.MLKEM768X25519PrivateKey:
        """The X-Wing key object messages are decrypted with."""
        return xwing_private_key(self.kem_seed)

    def mailbox_key(self) -> Ed25519PrivateKey:
        """The Ed25519 key that signs mailbox requests: HKDF-SHA256(seed, info=MAILBOX_SEED_INFO)."""
        return Ed25519PrivateKey.from_private_bytes(_derive(self.seed, MAILBOX_SEED_INFO))

    def public(self) -> ReplyPublicKey:
        """The public half, for the envelope."""
        return ReplyPublicKey(xwing_public_bytes(self.kem_seed),
                              self.mailbox_key().public_key().public_bytes_raw())

    @property
    def mailbox_id(self) -> str:
        """Where the intake keeps this notification's messages."""
        return self.public().mailbox_id


def _request_bytes(method: str, path: str, unix_time: str) -> bytes:
    return MAILBOX_REQUEST_LABEL + b"\x00".join(
        part.encode("ascii") for part in (method.upper(), path, unix_time))


def sign_mailbox_request(reply_key: ReplyKey, *, method: str, path: str, when: datetime) -> dict[str, str]:
    """The headers that prove a request for ``path`` comes from the holder of ``reply_key``.

    ``path`` is the request's path with its query, exactly as sent (for example
    ``/v1/mailboxes/<mailbox id>/messages?after=0``); ``when`` is now.
    """
    unix_time = str(int(when.timestamp()))
    key = reply_key.mailbox_key()
    return {
        KEY_HEADER: b64(key.public_key().public_bytes_raw()),
        TIME_HEADER: unix_time,
        SIGNATURE_HEADER: b64(key.sign(_request_bytes(method, path, unix_time))),
    }


def verify_mailbox_request(
    mailbox: str, headers: dict[str, str], *, method: str, path: str, now: datetime,
    max_skew: int = MAX_CLOCK_SKEW,
) -> None:
    """Check that a request for ``mailbox`` is signed by its mailbox key, recently (the intake's side).

    ``headers`` maps the three header names to their values (missing ones may
    be absent). Raises :class:`MailboxRequestInvalid` with its own id for each
    failure.
    """
    if not is_mailbox_id(mailbox):
        raise MailboxRequestInvalid("not a mailbox id")
    try:
        public = strict_b64(headers.get(KEY_HEADER), ED25519_PUBLIC_BYTES)
        signature = strict_b64(headers.get(SIGNATURE_HEADER), 64)
        unix_time = headers.get(TIME_HEADER)
        if not isinstance(unix_time, str) or not _TIME.fullmatch(unix_time):
            raise ValueError("time is not a plain number of seconds")
        path.encode("ascii")
    except (ValueError, UnicodeEncodeError) as exc:
        raise MailboxRequestInvalid("mailbox request headers are missing or malformed") from exc
    if mailbox_id(public) != mailbox:
        raise MailboxRequestInvalid("the key is not this mailbox's", message_id="mailbox.key_mismatch")
    try:
        Ed25519PublicKey.from_public_bytes(public).verify(signature, _request_bytes(method, path, unix_time))
    except InvalidSignature as exc:
        raise MailboxRequestInvalid("the mailbox request signature does not verify",
                                    message_id="mailbox.signature_invalid") from exc
    if abs(int(unix_time) - int(now.timestamp())) > max_skew:
        raise MailboxRequestInvalid("the mailbox request is too old or from the future",
                                    message_id="mailbox.stale")
