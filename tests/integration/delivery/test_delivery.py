"""A finalised notification reaches the municipality exactly once, whatever the network does."""

from __future__ import annotations

import subprocess
import sys
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx
import pytest

from desktop.store.notifications import NotificationState
from desktop.store.vault import Vault
from intake.server import BackgroundIntake
from protocol.envelope import seal
from protocol.receipts import Receipt

if TYPE_CHECKING:
    from tests.integration.delivery.conftest import IntakeKeys, TlsMaterial

MARKER = "Fiktiv Ærø-Østergård, CPR 010199-4321".encode()


def _state(vault: Vault, notification_id: str) -> Any:
    return vault.notifications.get_summary(notification_id)


def test_finalised_notification_is_receipted_and_the_caseworker_can_read_it(
    vault: Vault,
    intake: BackgroundIntake,
    queue_notification: Any,
    make_sender: Any,
    intake_keys: IntakeKeys,
    tmp_path: Path,
) -> None:
    notification_id = queue_notification()
    report = make_sender(intake.url).run_once()

    assert report.receipted == [notification_id]
    summary = _state(vault, notification_id)
    assert summary.state is NotificationState.RECEIPTED
    assert summary.reference == f"DEMO-{summary.receipted_at.year}-000001"
    assert summary.acknowledgement_due is not None
    receipt_json, _ = vault.outbox.get_receipt(notification_id)  # type: ignore[misc]
    assert Receipt.from_json(receipt_json).notification_id == notification_id

    # The caseworker decrypts with the command a municipality runs.
    key_file = tmp_path / "recipient.key.json"
    import base64
    import json

    key_file.write_text(
        json.dumps(
            {
                "key_id": intake_keys.recipient.key_id,
                "private_key": base64.b64encode(intake_keys.recipient.private_bytes).decode(),
            }
        )
    )
    out = tmp_path / "opened"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "intake.cli",
            "decrypt",
            notification_id,
            "--db",
            intake.store.target,
            "--key",
            str(key_file),
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert (out / "notification.json").read_bytes() == vault.notifications.get_document(notification_id)
    assert (out / "notification.pdf").read_bytes() == vault.notifications.get_pdf(notification_id)
    assert "sender signature: valid" in done.stdout


@pytest.mark.parametrize(
    "fault",
    [
        "refused",
        "wrong_certificate",
        "wrong_host",
        "expired_certificate",
        "timeout_after_body",
        "server_error",
        "too_large",
        "reset_after_body",
        "invalid_receipt_signature",
    ],
)
def test_network_fault_leaves_the_notification_queued_with_a_reason_and_it_is_stored_once_after_retry(
    fault: str,
    vault: Vault,
    intake: BackgroundIntake,
    queue_notification: Any,
    make_sender: Any,
    fault_server: Any,
    status_server: Any,
    tls: TlsMaterial,
    refused_url: str,
) -> None:
    notification_id = queue_notification()
    expected_reason = {
        "refused": "delivery.connection_refused",
        "wrong_certificate": "delivery.certificate_wrong",
        "wrong_host": "delivery.certificate_wrong",
        "expired_certificate": "delivery.certificate_expired",
        "timeout_after_body": "delivery.timeout",
        "server_error": "delivery.server_error",
        "too_large": "delivery.too_large",
        "reset_after_body": "delivery.connection_reset",
        "invalid_receipt_signature": "receipt.invalid_signature",
    }[fault]
    sender_args: dict[str, Any] = {}
    if fault == "refused":
        url = refused_url
    elif fault == "wrong_certificate":
        from intake.tls import CertificateAuthority

        url = fault_server("reset", cert=CertificateAuthority("Someone else").issue_server()).url
    elif fault == "wrong_host":
        url = fault_server("reset", cert=tls.ca.issue_server("intake.example.org")).url
    elif fault == "expired_certificate":
        url = fault_server("reset", cert=tls.ca.issue_expired()).url
    elif fault == "timeout_after_body":
        url = fault_server("silent", upstream=intake.url).url
        sender_args["timeout"] = 1.0
    elif fault == "server_error":
        url = status_server(500)
    elif fault == "too_large":
        url = status_server(413)
    elif fault == "reset_after_body":
        url = fault_server("reset", upstream=intake.url).url
    else:
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
        from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

        url = intake.url
        sender_args["receipt_key"] = (
            Ed25519PrivateKey.generate().public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        )

    report = make_sender(url, **sender_args).run_once()

    summary = _state(vault, notification_id)
    assert report.retrying == {notification_id: expected_reason}
    assert summary.state is NotificationState.QUEUED
    assert summary.last_error == expected_reason
    assert summary.reference is None and summary.receipted_at is None
    assert vault.outbox.get_receipt(notification_id) is None
    assert vault.outbox.due(summary.updated_at) == []  # backed off, not hammering

    # The network heals; the user presses "send now".
    vault.outbox.retry_now()
    report = make_sender(intake.url).run_once()
    assert report.receipted == [notification_id]
    assert _state(vault, notification_id).state is NotificationState.RECEIPTED
    assert intake.store.count(notification_id) == 1


def test_intake_refusal_marks_the_notification_failed_with_the_reason(
    vault: Vault,
    intake: BackgroundIntake,
    queue_notification: Any,
    make_sender: Any,
) -> None:
    # An envelope sealed under another id is refused by the intake (400): retrying cannot help. The
    # intake names its reason and the person is told that one, not only "refused".
    notification_id = queue_notification(envelope_id=str(uuid.uuid4()))
    report = make_sender(intake.url).run_once()
    summary = _state(vault, notification_id)
    assert report.failed == {notification_id: "intake.key_mismatch"}
    assert summary.state is NotificationState.FAILED
    assert summary.last_error == "intake.key_mismatch"
    assert vault.outbox.waiting_count() == 0
    assert intake.store.count() == 0


@pytest.mark.parametrize("path", ["/", "/v1", "/v1/", "/v1/envelopes"])
def test_an_intake_address_given_with_the_api_path_delivers(
    path: str,
    vault: Vault,
    intake: BackgroundIntake,
    queue_notification: Any,
    make_sender: Any,
) -> None:
    # IT may copy the whole API address (intake/README.md: POST /v1/envelopes) into intake_endpoint.
    notification_id = queue_notification()
    report = make_sender(intake.url + path).run_once()
    assert report.receipted == [notification_id]
    assert intake.store.count() == 1


def test_a_wrong_intake_address_keeps_the_notification_waiting_until_it_is_fixed(
    vault: Vault,
    intake: BackgroundIntake,
    queue_notification: Any,
    make_sender: Any,
) -> None:
    # A path where no intake answers (404) is this PC's set-up, not the municipality refusing it: the
    # notification waits with "the settings for sending are not right" and goes once IT fixes the address.
    notification_id = queue_notification()
    make_sender(intake.url + "/api/v1/notifications").run_once()
    summary = _state(vault, notification_id)
    assert (summary.state, summary.last_error) == (NotificationState.QUEUED, "delivery.misconfigured")
    assert intake.store.count() == 0
    vault.outbox.retry_now()
    report = make_sender(intake.url).run_once()
    assert report.receipted == [notification_id]


def test_same_notification_with_other_bytes_is_refused_as_a_conflict_and_the_reason_is_kept(
    vault: Vault,
    intake: BackgroundIntake,
    queue_notification: Any,
    make_sender: Any,
    intake_keys: IntakeKeys,
    tls: TlsMaterial,
) -> None:
    import ssl

    notification_id = queue_notification()
    other = seal(
        notification_id=notification_id,
        form_version="1.0",
        files={"notification.json": b"{}"},
        recipients=[intake_keys.recipient.public()],
        sender_seed=bytes(32),
    )
    with httpx.Client(verify=ssl.create_default_context(cadata=tls.ca.cert_pem.decode())) as client:
        first = client.post(
            intake.url + "/v1/envelopes", content=other, headers={"Idempotency-Key": notification_id}
        )
    assert first.status_code == 201

    report = make_sender(intake.url).run_once()

    summary = _state(vault, notification_id)
    assert report.failed == {notification_id: "intake.conflict"}
    assert summary.state is NotificationState.FAILED
    assert summary.last_error == "intake.conflict"
    assert intake.store.find(notification_id).envelope == other  # type: ignore[union-attr]


@pytest.mark.parametrize("pin_kind", ["public_key", "whole_certificate"])
def test_pinned_certificate_without_a_ca_delivers(
    pin_kind: str,
    vault: Vault,
    intake: BackgroundIntake,
    queue_notification: Any,
    make_sender: Any,
    tls: TlsMaterial,
) -> None:
    notification_id = queue_notification()
    pin = tls.server.pin_sha256 if pin_kind == "public_key" else tls.server.certificate_sha256
    make_sender(intake.url, pin=pin).run_once()
    assert _state(vault, notification_id).state is NotificationState.RECEIPTED


def test_pinned_but_expired_certificate_is_refused(
    vault: Vault,
    queue_notification: Any,
    make_sender: Any,
    fault_server: Any,
    tls: TlsMaterial,
) -> None:
    notification_id = queue_notification()
    expired = tls.ca.issue_expired()
    server = fault_server("reset", cert=expired)
    report = make_sender(server.url, pin=expired.pin_sha256).run_once()
    assert report.retrying == {notification_id: "delivery.certificate_expired"}
    assert server.bodies_received == 0


def test_pin_of_another_certificate_is_refused_before_anything_is_sent(
    vault: Vault,
    intake: BackgroundIntake,
    queue_notification: Any,
    make_sender: Any,
) -> None:
    notification_id = queue_notification()
    report = make_sender(intake.url, pin="ab" * 32).run_once()
    assert report.retrying == {notification_id: "delivery.certificate_wrong"}
    assert intake.store.count() == 0


def test_several_waiting_notifications_are_each_stored_once(
    vault: Vault,
    intake: BackgroundIntake,
    queue_notification: Any,
    make_sender: Any,
    fault_server: Any,
) -> None:
    ids = [queue_notification() for _ in range(3)]
    flaky = fault_server("reset", upstream=intake.url)
    report = make_sender(flaky.url).run_once()
    # The first went (and the intake kept it) but the answer was lost: the queue waits, nothing more is sent.
    assert (flaky.bodies_received, report.attempted, report.backed_off) == (1, 1, "delivery.connection_reset")
    vault.outbox.retry_now()
    report = make_sender(intake.url).run_once()
    assert sorted(report.receipted) == sorted(ids)
    assert intake.store.count() == 3
    assert all(intake.store.count(i) == 1 for i in ids)


def test_no_plaintext_reaches_the_outbox_the_intake_database_or_temp_files(
    vault: Vault,
    intake: BackgroundIntake,
    queue_notification: Any,
    make_sender: Any,
    fault_server: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import tempfile

    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    monkeypatch.setenv("TMPDIR", str(temp))
    ids = [queue_notification() for _ in range(2)]
    envelopes = [item.envelope for item in vault.outbox.due(datetime.now(UTC) + timedelta(minutes=1))]
    assert len(envelopes) == 2 and all(MARKER not in e for e in envelopes)
    make_sender(fault_server("reset", upstream=intake.url).url).run_once()
    vault.outbox.retry_now()
    make_sender(intake.url).run_once()
    assert all(_state(vault, i).state is NotificationState.RECEIPTED for i in ids)
    vault.checkpoint()
    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert any(p.name.startswith("intake.sqlite") for p in files)
    assert any(p.name.startswith("vault.db") for p in files)
    for path in files:
        assert MARKER not in path.read_bytes(), path.name


@pytest.mark.parametrize(
    ("status", "state", "reason"),
    [
        (408, NotificationState.QUEUED, "delivery.server_busy"),
        (429, NotificationState.QUEUED, "delivery.server_busy"),
        (503, NotificationState.QUEUED, "delivery.server_error"),
        (302, NotificationState.QUEUED, "delivery.unexpected_answer"),
        # Not accepting this PC (not enrolled) is this PC's set-up: it waits for IT, it is not refused.
        (401, NotificationState.QUEUED, "delivery.not_authorised"),
        (403, NotificationState.QUEUED, "delivery.not_authorised"),
        # No intake at that address (a wrong intake_endpoint path): IT fixes the address, nothing is refused.
        (404, NotificationState.QUEUED, "delivery.misconfigured"),
        (405, NotificationState.QUEUED, "delivery.misconfigured"),
        (400, NotificationState.FAILED, "delivery.rejected"),
    ],
)
def test_each_server_answer_becomes_a_plain_reason_and_only_refusals_stop_retrying(
    status: int,
    state: NotificationState,
    reason: str,
    vault: Vault,
    queue_notification: Any,
    make_sender: Any,
    status_server: Any,
) -> None:
    notification_id = queue_notification()
    make_sender(status_server(status)).run_once()
    summary = _state(vault, notification_id)
    assert (summary.state, summary.last_error) == (state, reason)
    assert summary.reference is None
