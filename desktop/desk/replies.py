"""Sealing the desk's messages back to a notifier with ``protocol.messages``.

The acknowledgement (*kvittering*) and the § 137 orientation are signed with the municipality's
message-signing key and encrypted to the reply key that came inside the notification's envelope
(format 2); the intake only relays them to the reply key's mailbox. The desk keeps the reply key
as the envelope carried it (its canonical JSON), so nothing is re-derived.
"""

from __future__ import annotations

import json
from datetime import datetime

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop.desk.service import SealedMessage
from protocol.canonical import canonical_json
from protocol.messages import OUTCOMES, Acknowledgement, Orientation, Outcome, new_message_id, seal_message
from protocol.replies import ReplyPublicKey


def reply_key_bytes(reply_key: ReplyPublicKey) -> bytes:
    """How the desk keeps a notification's reply key: the envelope's ``reply_key`` object, canonical JSON."""
    return canonical_json(reply_key.to_json_value())


def reply_key_from_bytes(data: bytes) -> ReplyPublicKey:
    """The reply key :func:`reply_key_bytes` kept (ValueError when it is not one)."""
    return ReplyPublicKey.from_json_value(json.loads(data))


class ProtocolSealer:
    """The desk's :class:`desktop.desk.service.MessageSealer` over ``protocol.messages``."""

    def acknowledgement(self, *, notification_id: str, reply_key: bytes, signing_key: tuple[str, bytes],
                        received_at: datetime, acknowledged_at: datetime, unit: str,
                        reference: str) -> SealedMessage:
        message = Acknowledgement(notification_id=notification_id, message_id=new_message_id(),
                                  sent_at=acknowledged_at, received_at=received_at,
                                  acknowledged_at=acknowledged_at, unit=unit, reference=reference)
        return self._seal(message, reply_key, signing_key)

    def orientation(self, *, notification_id: str, reply_key: bytes, signing_key: tuple[str, bytes],
                    decided_at: datetime, outcome: str, unit: str, reference: str) -> SealedMessage:
        if outcome not in OUTCOMES:
            raise ValueError("an orientation's outcome is investigation, support or no_action")
        checked: Outcome = outcome  # type: ignore[assignment]  # checked against OUTCOMES just above
        message = Orientation(notification_id=notification_id, message_id=new_message_id(),
                              sent_at=decided_at, decided_at=decided_at, outcome=checked, unit=unit,
                              reference=reference)
        return self._seal(message, reply_key, signing_key)

    @staticmethod
    def _seal(message: Acknowledgement | Orientation, reply_key: bytes,
              signing_key: tuple[str, bytes]) -> SealedMessage:
        public = reply_key_from_bytes(reply_key)
        key_id, seed = signing_key
        body = seal_message(message, signing_key=Ed25519PrivateKey.from_private_bytes(seed),
                            signing_key_id=key_id, reply_key=public)
        return SealedMessage(message.message_id, public.mailbox_id, body)
