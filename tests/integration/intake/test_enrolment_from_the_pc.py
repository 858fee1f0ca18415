"""A PC registers its sender key with the policy's enrolment token before its first delivery.

The intake runs as a municipality runs it (enrolled senders only); the PC's real HTTPS transport,
made from an intake target that carries the policy's ``intake_enrolment_token``, delivers over real
TLS on 127.0.0.1. Without the token the intake refuses the PC, and the notification stays queued as
a set-up problem IT must fix (never marked failed).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from desktop import eventlog
from desktop.config.policy import PolicyInvalid, policy_from_mapping
from desktop.outbox.failures import TransientDeliveryError
from desktop.outbox.target import IntakeTarget, make_transport
from intake import keys
from intake.server import BackgroundIntake
from intake.settings import IntakeSettings
from intake.tls import CertificateAuthority
from protocol.envelope import seal, sender_public_key
from protocol.keys import RecipientKey

Running = tuple[BackgroundIntake, str, bytes, RecipientKey]


@pytest.fixture
def intake(tmp_path: Path) -> Iterator[Running]:
    key_files = keys.generate(tmp_path / "keys", "kommune-2026")
    ca = CertificateAuthority("enrolment test CA")
    cert, key = ca.issue_server("127.0.0.1").write(tmp_path / "tls", "server")
    signing = keys.load_receipt_signing_key(key_files.receipt_private)
    server = BackgroundIntake(tmp_path / "intake.sqlite", signing, cert_file=cert, key_file=key,
                              settings=IntakeSettings(reference_prefix="KOM", min_free_bytes=0)).start()
    token, _ = server.store.create_token("skoler", datetime.now(UTC))
    recipient = keys.load_recipient_private(key_files.recipient_private).public()
    try:
        yield server, token, ca.cert_pem, recipient
    finally:
        server.stop()


def _target(server: BackgroundIntake, ca_pem: bytes, recipient: RecipientKey, token: str | None,
            ) -> IntakeTarget:
    return IntakeTarget(endpoint=server.url, recipients=(recipient,), receipt_key=b"", ca_pem=ca_pem,
                        pin_sha256=None, enrolment_token=token)


def _sealed(recipient: RecipientKey, seed: bytes) -> tuple[str, bytes]:
    nid = str(uuid.uuid4())
    return nid, seal(notification_id=nid, form_version="2.0", files={"notification.json": b"{}"},
                     recipients=[recipient], sender_seed=seed)


def test_a_pc_with_the_policy_token_registers_once_and_its_notifications_are_receipted(
        intake: Running) -> None:
    server, token, ca_pem, recipient = intake
    seed = os.urandom(32)
    transport = make_transport(_target(server, ca_pem, recipient, token))
    try:
        for _ in range(3):
            result = transport.deliver(*_sealed(recipient, seed))
            assert result.status == 201
    finally:
        transport.close()
    [sender] = server.store.senders()
    assert sender.public_key == sender_public_key(seed) and sender.active
    metrics = server.app.state.metrics.exposition()[0].decode()
    assert 'underret_intake_requests_total{route="/v1/senders",status="201"} 1.0' in metrics


def test_without_the_token_the_notification_stays_queued_as_it_s_set_up(intake: Running) -> None:
    server, _, ca_pem, recipient = intake
    transport = make_transport(_target(server, ca_pem, recipient, None))
    try:
        with pytest.raises(TransientDeliveryError) as refused:
            transport.deliver(*_sealed(recipient, os.urandom(32)))
    finally:
        transport.close()
    assert refused.value.setup and refused.value.message_id == "delivery.not_authorised"
    assert server.store.count() == 0


def test_a_wrong_token_is_not_enrolled_and_the_notification_stays_queued(intake: Running) -> None:
    server, _, ca_pem, recipient = intake
    wrong = "ut1-" + "x" * 32
    eventlog.install()
    try:
        transport = make_transport(_target(server, ca_pem, recipient, wrong))
        try:
            with pytest.raises(TransientDeliveryError) as refused:
                transport.deliver(*_sealed(recipient, os.urandom(32)))
        finally:
            transport.close()
    finally:
        eventlog.uninstall()
    assert refused.value.setup
    assert server.store.senders() == [] and server.store.count() == 0
    # IT sees it in doctor's last problems: the refusal with the intake's own reason, never the token.
    [entry] = [e for e in eventlog.recent_problems() if e.message_id == "delivery.enrolment_refused"]
    assert "status=403" in entry.text and "reason=intake.enrolment_token_invalid" in entry.text
    assert wrong not in eventlog.log_file().read_text("utf-8")


def test_the_policy_carries_the_token_and_refuses_one_that_is_not_a_token(tmp_path: Path) -> None:
    policy = policy_from_mapping({"intake_enrolment_token": "ut1-" + "A" * 32}, "policy.json")
    assert policy.intake_enrolment_token == "ut1-" + "A" * 32
    with pytest.raises(PolicyInvalid):
        policy_from_mapping({"intake_enrolment_token": "the token IT mailed me"}, "policy.json")
