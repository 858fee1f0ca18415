"""Where a notification goes and whom to trust: the intake settings from policy and pack.

Policy (set centrally by municipal IT) overrides the guideline pack, field by
field. The result is everything the outbox needs: the endpoint, the recipient
key(s) to seal to, the receipt key, and the TLS trust anchor (CA or pin).

The recipient keys are the policy's ``intake_keys`` when set, else the pack's
intake keys (``intake.keys``, or an older pack's one ``key_id``/``public_key``).
A notification is sealed to every one of them, so while a municipality
rotates keys (two keys listed) the intake can open it with either.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.errors import UnderretError

if TYPE_CHECKING:
    from desktop.config.policy import Policy
    from desktop.domain.packs import GuidelinePack
    from desktop.outbox.envelope import RecipientKey
    from desktop.outbox.transport import HttpsIntakeTransport


class IntakeNotConfigured(UnderretError):  # noqa: N818 - reads as the situation the user is in
    """Neither policy nor pack says where to deliver, or a key is missing or unreadable."""

    message_id = "delivery.not_configured"


@dataclass(frozen=True)
class IntakeTarget:
    """The municipality's intake as the outbox sees it."""

    endpoint: str
    recipients: tuple[RecipientKey, ...]
    receipt_key: bytes
    ca_pem: bytes | None
    pin_sha256: str | None


def _decode(value: str, what: str, length: int | None = None) -> bytes:
    try:
        data = base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise IntakeNotConfigured(f"{what} is not base64", setting=what) from exc
    if length is not None and len(data) != length:
        raise IntakeNotConfigured(f"{what} has the wrong length", setting=what)
    return data


def intake_target(pack: GuidelinePack, policy: Policy | None = None) -> IntakeTarget:
    """Combine policy and pack into one target; IntakeNotConfigured if something essential is missing."""
    allowed = policy.allowed_transports if policy is not None else None
    if allowed is not None and "https" not in allowed:
        # The only transport built so far is the HTTPS intake: when IT has not allowed it, nothing may
        # leave this PC (secure e-mail is planned); items stay queued and the reason is shown.
        raise IntakeNotConfigured("the policy does not allow delivery over HTTPS",
                                  setting="allowed_transports")
    intake = pack.intake
    endpoint = (policy.intake_endpoint if policy else None) or intake.endpoint
    receipt = (policy.receipt_public_key if policy else None) or intake.receipt_key
    if not endpoint:
        raise IntakeNotConfigured("no intake address", setting="intake_endpoint")
    keys = recipient_key_sources(pack, policy)
    if not keys:
        raise IntakeNotConfigured("the pack carries no intake key", setting="intake.keys")
    if not receipt:
        raise IntakeNotConfigured("no receipt key", setting="receipt_public_key")
    ca_pem: bytes | None = None
    if policy is not None and policy.intake_ca_pem_file:
        try:
            ca_pem = Path(policy.intake_ca_pem_file).read_bytes()
        except OSError as exc:
            raise IntakeNotConfigured("CA file unreadable", setting="intake_ca_pem_file") from exc
    elif intake.ca_pem:
        ca_pem = intake.ca_pem.encode("ascii")
    pin = (policy.intake_pin_sha256 if policy else None) or intake.pin_sha256
    if endpoint.startswith("https://") and ca_pem is None and pin is None:
        raise IntakeNotConfigured("no CA certificate and no pin for the intake", setting="intake_ca_pem_file")
    # here: cryptography is slow to import at start-up
    from desktop.outbox.envelope import RECIPIENT_PUBLIC_KEY_BYTES, RecipientKey

    recipients = tuple(
        RecipientKey(key_id, _decode(public_key, setting, RECIPIENT_PUBLIC_KEY_BYTES))
        for key_id, public_key, setting in keys
    )

    return IntakeTarget(
        endpoint=endpoint,
        recipients=recipients,
        receipt_key=_decode(receipt, "receipt_public_key", 32),
        ca_pem=ca_pem,
        pin_sha256=pin,
    )


def recipient_key_sources(pack: GuidelinePack, policy: Policy | None = None) -> list[tuple[str, str, str]]:
    """The intake keys in force as (key id, base64 public key, where it is set); empty if none.

    The policy's ``intake_keys`` replace the pack's keys as a whole: a
    municipality that manages its keys centrally must not also seal to a key
    an old pack still names.
    """
    if policy is not None and policy.intake_keys:
        return [(key.id, key.public_key, f"intake_keys.{n}") for n, key in enumerate(policy.intake_keys)]
    intake = pack.intake
    if intake.keys is None:  # an older pack's single key_id / public_key
        return [(key.key_id, key.public_key, "intake.public_key") for key in intake.recipient_keys()]
    return [(key.key_id, key.public_key, f"intake.keys.{n}") for n, key in enumerate(intake.keys)]


def make_transport(
    target: IntakeTarget, *, demo: bool = False, proxy: str | None = None, timeout: float = 30.0
) -> HttpsIntakeTransport:
    """The HTTPS transport for ``target``; plain HTTP only to 127.0.0.1 in demo mode."""
    from desktop.outbox.transport import HttpsIntakeTransport  # here: httpx is slow to import at start-up

    return HttpsIntakeTransport(
        target.endpoint,
        ca_pem=target.ca_pem,
        pin_sha256=target.pin_sha256,
        allow_loopback_http=demo,
        timeout=timeout,
        proxy=proxy,
    )
