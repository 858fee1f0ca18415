"""The intake address and keys come from the pack, and central policy overrides them."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from desktop.config.policy import IntakeKey as PolicyIntakeKey
from desktop.config.policy import Policy, Transport
from desktop.domain.packs import GuidelinePack, Intake, IntakeKey, load_pack, shipped_packs
from desktop.outbox.target import (
    IntakeNotConfigured,
    IntakeTarget,
    RoutingTransport,
    intake_target,
    make_transport,
)
from desktop.outbox.transport import DeliveryConfigError
from intake.tls import CertificateAuthority
from protocol.envelope import RecipientKey, RecipientPrivateKey, open_envelope, seal

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


def test_nothing_is_sent_over_https_when_the_policy_allows_only_secure_email() -> None:
    pack = _pack(endpoint="https://intake.kommune.dk", pin_sha256="ab" * 32)
    with pytest.raises(IntakeNotConfigured) as info:
        intake_target(pack, Policy(allowed_transports=[Transport.SECURE_EMAIL]))
    # Secure e-mail is allowed but its mailbox is not named: that is what IT must set.
    assert info.value.details["setting"] == "secure_email_to"
    allowed = intake_target(pack, Policy(allowed_transports=[Transport.SECURE_EMAIL, Transport.HTTPS]))
    assert allowed.endpoint == "https://intake.kommune.dk"


def test_plain_http_is_refused_except_to_the_loopback_demo_intake() -> None:
    target = intake_target(_pack(endpoint="http://intake.kommune.dk"))
    with pytest.raises(DeliveryConfigError):
        make_transport(target)
    with pytest.raises(DeliveryConfigError):
        make_transport(target, demo=True)
    make_transport(intake_target(_pack(endpoint="http://127.0.0.1:8443")), demo=True).close()
    with pytest.raises(DeliveryConfigError):
        make_transport(intake_target(_pack(endpoint="http://127.0.0.1:8443")))


NEW_RECIPIENT = RecipientPrivateKey.generate("kommune-2027").public()


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def _pack_with_keys(*recipients: RecipientKey) -> GuidelinePack:
    pack = load_pack(next(p for p in shipped_packs() if p.stem == "national"))
    intake = Intake(
        endpoint="https://intake.kommune.dk",
        pin_sha256="ab" * 32,
        receipt_key=_b64(RECEIPT),
        keys=[IntakeKey(key_id=r.key_id, public_key=_b64(r.public_key)) for r in recipients],
    )
    return pack.model_copy(update={"intake": intake})


def test_notifications_are_sealed_to_both_keys_a_rotating_pack_lists() -> None:
    target = intake_target(_pack_with_keys(RECIPIENT, NEW_RECIPIENT))
    assert target.recipients == (RECIPIENT, NEW_RECIPIENT)


def test_a_pack_with_the_older_single_key_fields_seals_to_that_one_key() -> None:
    target = intake_target(_pack(endpoint="https://intake.kommune.dk", pin_sha256="ab" * 32))
    assert target.recipients == (RECIPIENT,)


def test_policy_intake_keys_replace_the_pack_keys_as_a_whole() -> None:
    newest = RecipientPrivateKey.generate("central-2028").public()
    policy = Policy(intake_keys=[
        PolicyIntakeKey(id=NEW_RECIPIENT.key_id, public_key=_b64(NEW_RECIPIENT.public_key)),
        PolicyIntakeKey(id=newest.key_id, public_key=_b64(newest.public_key)),
    ])
    target = intake_target(_pack_with_keys(RECIPIENT), policy)
    assert target.recipients == (NEW_RECIPIENT, newest)
    # A policy that does not manage the keys leaves the pack's keys in force.
    assert intake_target(_pack_with_keys(RECIPIENT), Policy(idle_lock_minutes=5)).recipients == (RECIPIENT,)


def test_a_pack_without_any_intake_key_is_reported_plainly() -> None:
    pack = _pack(endpoint="https://intake.kommune.dk", pin_sha256="ab" * 32)
    keyless = pack.model_copy(update={"intake": pack.intake.model_copy(update={"public_key": None})})
    with pytest.raises(IntakeNotConfigured) as info:
        intake_target(keyless)
    assert info.value.message_id == "delivery.not_configured"
    assert info.value.details["setting"] == "intake.keys"


def test_a_damaged_key_that_slipped_past_the_pack_check_names_where_it_is_set() -> None:
    # Demo mode fills the pack's key in with model_copy, which skips the pack's own checks.
    pack = _pack(endpoint="https://intake.kommune.dk", pin_sha256="ab" * 32)
    intake = pack.intake.model_copy(update={"public_key": _b64(b"short")})
    damaged = pack.model_copy(update={"intake": intake})
    with pytest.raises(IntakeNotConfigured) as info:
        intake_target(damaged)
    assert info.value.details["setting"] == "intake.public_key"


def test_seal_to_the_target_opens_with_either_key_alone() -> None:
    old_private = RecipientPrivateKey.generate("kommune-2026")
    new_private = RecipientPrivateKey.generate("kommune-2027")
    target = intake_target(_pack_with_keys(old_private.public(), new_private.public()))
    sealed = seal(
        notification_id="5f0c6a3e-4c1b-4a57-9f5e-0d6f1f1b8a11",
        form_version="1.0",
        files={"notification.json": b"{}"},
        recipients=list(target.recipients),
        sender_seed=bytes(32),
    )
    assert open_envelope(sealed, {"kommune-2027": new_private}).key_id == "kommune-2027"
    assert open_envelope(sealed, {"kommune-2026": old_private}).key_id == "kommune-2026"


def _target(recipient: RecipientKey, endpoint: str) -> IntakeTarget:
    return IntakeTarget(endpoint=endpoint, recipients=(recipient,), receipt_key=RECEIPT, ca_pem=None,
                        pin_sha256="0" * 64)


def _sealed_to(recipient: RecipientKey, format_version: int = 2) -> bytes:
    return seal(notification_id="5f0c6a3e-4c1b-4a57-9f5e-0d6f1f1b8a11", form_version="2.0.0",
                files={"notification.json": b"{}"}, recipients=[recipient], sender_seed=bytes(32),
                format_version=format_version)


def test_two_municipalities_whose_keys_share_an_id_each_get_only_their_own_notifications() -> None:
    # Found checking issue 14 from outside: routing compared key ids only, so a notification about a
    # child in the neighbour municipality went to the PC's own intake when both IT departments named
    # their key "kommune-2026" (the pack's example id) - the wrong municipality.
    own = RecipientPrivateKey.generate("kommune-2026").public()
    neighbour = RecipientPrivateKey.generate("kommune-2026").public()
    routing = RoutingTransport([_target(own, "https://own.example"),
                                _target(neighbour, "https://neighbour.example")], make_transport)
    target = routing.target_for(_sealed_to(neighbour))
    assert target is not None and target.endpoint == "https://neighbour.example"
    target = routing.target_for(_sealed_to(own))
    assert target is not None and target.endpoint == "https://own.example"
    # An old envelope names key ids only: with two intakes under that id it is not guessed, it waits.
    assert routing.target_for(_sealed_to(neighbour, format_version=1)) is None
    # Two entries for one shared intake are one place, not a choice.
    shared = RoutingTransport([_target(own, "https://own.example"), _target(own, "https://own.example")],
                              make_transport)
    assert shared.target_for(_sealed_to(own)) is not None
    # A key no intake holds any more (rotated away, municipality left the directory): it waits too.
    assert routing.target_for(_sealed_to(RecipientPrivateKey.generate("kommune-2026").public())) is None


def test_a_pc_that_may_only_send_by_secure_email_sends_nothing_over_https_to_another_municipality() -> None:
    # Found checking issue 14 from outside: the directory's intakes were used over HTTPS whatever the
    # policy allowed, so a PC IT had limited to secure e-mail sent a neighbour's notifications over HTTPS.
    from desktop.domain.directory import load_directory, shipped_directory_path
    from desktop.outbox.target import HTTPS, MunicipalityNotReachable, reachable_targets, route

    neighbour_intake = _pack(endpoint="https://nabolund.example", pin_sha256="ab" * 32).intake
    directory = load_directory(shipped_directory_path(demo=True))
    directory = directory.model_copy(update={"municipalities": [
        e.model_copy(update={"intake": neighbour_intake}) if e.code == "998" else e
        for e in directory.municipalities]})
    pack = _pack(endpoint="https://intake.kommune.dk", pin_sha256="ab" * 32)
    assert route("998", pack, None, directory).endpoint == "https://nabolund.example"  # HTTPS allowed
    mail_only = Policy(allowed_transports=[Transport.SECURE_EMAIL])
    with pytest.raises(MunicipalityNotReachable) as caught:
        route("998", pack, mail_only, directory)
    assert caught.value.message_id == "delivery.municipality_not_reachable_by_policy"
    assert caught.value.details["name"] == "Nabolund Kommune" and caught.value.details["number"]
    assert [t for t in reachable_targets(pack, mail_only, directory) if t.transport == HTTPS] == []
