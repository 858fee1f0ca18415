"""The intake address and keys come from the pack, and central policy overrides them."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from desktop.config.policy import Policy
from desktop.domain.packs import GuidelinePack, Intake, load_pack, shipped_packs
from desktop.outbox.envelope import RecipientPrivateKey
from desktop.outbox.target import IntakeNotConfigured, intake_target, make_transport
from desktop.outbox.transport import DeliveryConfigError
from intake.tls import CertificateAuthority

RECIPIENT = RecipientPrivateKey.generate("kommune-2026").public()
RECEIPT = Ed25519PrivateKey.generate().public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def _pack(**intake: str) -> GuidelinePack:
    pack = load_pack(next(p for p in shipped_packs() if p.stem == "national"))
    fields = {
        "key_id": RECIPIENT.key_id,
        "public_key": base64.b64encode(RECIPIENT.public_key).decode(),
        "receipt_key": base64.b64encode(RECEIPT).decode(),
        **intake,
    }
    return pack.model_copy(update={"intake": Intake(**fields)})


def test_pack_alone_gives_endpoint_keys_and_pin() -> None:
    target = intake_target(_pack(endpoint="https://intake.kommune.dk", pin_sha256="ab" * 32))
    assert target.endpoint == "https://intake.kommune.dk"
    assert target.recipients[0].public_key == RECIPIENT.public_key
    assert target.receipt_key == RECEIPT
    assert target.pin_sha256 == "ab" * 32


def test_policy_overrides_the_pack(tmp_path: Path) -> None:
    ca_file = tmp_path / "ca.pem"
    ca_file.write_bytes(CertificateAuthority().cert_pem)
    policy = Policy(intake_endpoint="https://central.kommune.dk", intake_ca_pem_file=str(ca_file))
    target = intake_target(_pack(endpoint="https://intake.kommune.dk", pin_sha256="ab" * 32), policy)
    assert target.endpoint == "https://central.kommune.dk"
    assert target.ca_pem == ca_file.read_bytes()


def test_missing_address_or_trust_anchor_is_reported_plainly() -> None:
    with pytest.raises(IntakeNotConfigured) as info:
        intake_target(_pack())
    assert info.value.details["setting"] == "intake_endpoint"
    with pytest.raises(IntakeNotConfigured):
        intake_target(_pack(endpoint="https://intake.kommune.dk"))


def test_plain_http_is_refused_except_to_the_loopback_demo_intake() -> None:
    target = intake_target(_pack(endpoint="http://intake.kommune.dk"))
    with pytest.raises(DeliveryConfigError):
        make_transport(target)
    with pytest.raises(DeliveryConfigError):
        make_transport(target, demo=True)
    make_transport(intake_target(_pack(endpoint="http://127.0.0.1:8443")), demo=True).close()
    with pytest.raises(DeliveryConfigError):
        make_transport(intake_target(_pack(endpoint="http://127.0.0.1:8443")))
