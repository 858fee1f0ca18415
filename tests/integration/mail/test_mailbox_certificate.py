"""The mailbox certificate is checked before a mail is encrypted to it; a bad one keeps everything queued.

Real certificates from a test mailbox CA, a real revocation list served over
HTTP on 127.0.0.1, a real SMTP server: a certificate the municipality could not
open mail with is refused with its own reason, nothing reaches the server, and
the notification waits (this PC's set-up: IT puts it right).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from cryptography import x509

from desktop import eventlog
from desktop.config.policy import Policy
from desktop.domain.packs import GuidelinePack, load_pack, shipped_packs
from desktop.outbox.sender import SETUP_BACKOFF_S, OutboxSender, SendReport
from desktop.outbox.target import intake_target, make_transport
from desktop.store.notifications import NotificationState
from desktop.store.vault import Vault
from tests.integration.mail.conftest import TEST_TIMEOUT, CrlServer, MailboxCa, SmtpServer

SmtpStarter = Callable[..., SmtpServer]
PolicyFor = Callable[..., Policy]


def _national_pack() -> GuidelinePack:
    return load_pack(next(p for p in shipped_packs() if p.stem == "national"))


def _send(vault: Vault, policy: Policy, *, times: int = 1) -> SendReport:
    target = intake_target(_national_pack(), policy)
    transport = make_transport(target, timeout=TEST_TIMEOUT)
    try:
        sender = OutboxSender(lambda: vault, transport, target.receipt_key)
        report = sender.run_once()
        for _ in range(times - 1):
            vault.outbox.retry_now()
            report = sender.run_once()
        return report
    finally:
        transport.close()


def _bad_certificate(mailbox_ca: MailboxCa, kind: str) -> str:
    now = datetime.now(UTC)
    variants: dict[str, dict[str, Any]] = {
        "wrong_usage": {"encipherment": False, "eku": x509.oid.ExtendedKeyUsageOID.SERVER_AUTH},
        "wrong_address": {"address": "postkasse@en-anden-kommune.example"},
        "self_signed": {"self_signed": True},
        "not_yet_valid": {"not_before": now + timedelta(days=2), "not_after": now + timedelta(days=400)},
        "revoked": {},
    }
    mailbox, certificate = mailbox_ca.issue(f"bad-{kind}", **variants[kind])
    if kind == "revoked":
        mailbox_ca.revoked.add(certificate.serial_number)
    return str(mailbox.certificate_file)


@pytest.mark.parametrize(("kind", "reason"), [
    ("wrong_usage", "delivery.mail_certificate_wrong_usage"),
    ("wrong_address", "delivery.mail_certificate_wrong_address"),
    ("self_signed", "delivery.mail_certificate_untrusted"),
    ("not_yet_valid", "delivery.mail_certificate_not_yet_valid"),
    ("revoked", "delivery.mail_certificate_revoked"),
])
def test_a_mailbox_certificate_the_municipality_could_not_use_is_refused_with_its_reason_and_nothing_is_sent(
        kind: str, reason: str, vault: Vault, queue_notification: Callable[[], str], smtp_server: SmtpStarter,
        mail_policy: PolicyFor, mailbox_ca: MailboxCa) -> None:
    server = smtp_server("starttls")
    first, second = queue_notification(), queue_notification()
    now = datetime.now(UTC)

    bad = _bad_certificate(mailbox_ca, kind)
    eventlog.install()
    try:
        report = _send(vault, mail_policy(server, secure_email_certificate_file=bad))
    finally:
        eventlog.uninstall()
    # IT sees why in doctor's last problems, with the notification's id.
    assert [entry.text for entry in eventlog.recent_problems()] == [
        f"refused {reason}: notification={first}"]

    assert server.received == []
    assert report.retrying == {first: reason}
    assert report.failed == {}  # this PC's set-up: waiting, never refused
    for notification_id in (first, second):
        summary = vault.notifications.get_summary(notification_id)
        assert (summary.state, summary.last_error) == (NotificationState.QUEUED, reason)
        next_try = vault.outbox.next_attempt_for(notification_id)
        assert next_try is not None and next_try >= now + timedelta(seconds=SETUP_BACKOFF_S - 1)


def test_the_revocation_list_is_fetched_once_for_many_mails(
        vault: Vault, queue_notification: Callable[[], str], smtp_server: SmtpStarter, mail_policy: PolicyFor,
        crl_server: CrlServer) -> None:
    server = smtp_server("starttls")
    ids = [queue_notification() for _ in range(3)]
    before = crl_server.requests

    report = _send(vault, mail_policy(server))

    assert sorted(report.sent) == sorted(ids) and len(server.received) == 3
    assert crl_server.requests - before == 1  # the verdict is kept (the cache), not fetched per mail


def test_when_the_revocation_list_cannot_be_fetched_the_policy_decides_refuse_or_send_and_warn(
        vault: Vault, queue_notification: Callable[[], str], smtp_server: SmtpStarter, mail_policy: PolicyFor,
        crl_server: CrlServer) -> None:
    server = smtp_server("starttls")
    crl_server.down = True
    try:
        refused = queue_notification()
        report = _send(vault, mail_policy(server))  # not set: refuse
        assert report.retrying == {refused: "delivery.mail_revocation_unknown"}
        assert server.received == []

        vault.outbox.retry_now()
        eventlog.install()
        try:
            report = _send(vault, mail_policy(server, secure_email_revocation="warn"))
        finally:
            eventlog.uninstall()
    finally:
        crl_server.down = False
    assert report.sent == [refused] and len(server.received) == 1
    # Sent with a warning: doctor lists it, so IT knows the mailbox certificate went unchecked.
    assert "delivery.mail_revocation_unchecked" in [entry.message_id for entry in eventlog.recent_problems()]

    # Refused for want of the list is not remembered: once it can be fetched again, mail goes.
    second = queue_notification()
    target = intake_target(_national_pack(), mail_policy(server))
    transport = make_transport(target, timeout=TEST_TIMEOUT)
    sender = OutboxSender(lambda: vault, transport, target.receipt_key)
    try:
        crl_server.down = True
        try:
            assert sender.run_once().retrying == {second: "delivery.mail_revocation_unknown"}
        finally:
            crl_server.down = False
        vault.outbox.retry_now()
        assert sender.run_once().sent == [second]
    finally:
        transport.close()
    summary = vault.notifications.get_summary(refused)
    # Sent, and the person (and IT, in the audit and the log) are told it was not checked.
    warned = (NotificationState.SENT, "delivery.mail_revocation_unchecked")
    assert (summary.state, summary.last_error) == warned
    assert ("delivery.sent", "delivery.mail_revocation_unchecked") in [
        (e.event, e.detail) for e in vault.audit.entries_for(refused)]


@pytest.mark.parametrize("revoked", [False, True])
def test_a_mailbox_certificate_that_names_an_ocsp_responder_is_checked_there(
        revoked: bool, vault: Vault, queue_notification: Callable[[], str], smtp_server: SmtpStarter,
        mail_policy: PolicyFor, mailbox_ca: MailboxCa, crl_server: CrlServer) -> None:
    server = smtp_server("starttls")
    mailbox, certificate = mailbox_ca.issue(f"ocsp-{revoked}", crl=False, ocsp=True)
    if revoked:
        mailbox_ca.revoked.add(certificate.serial_number)
    notification_id = queue_notification()
    asked = crl_server.ocsp_requests

    report = _send(vault, mail_policy(server, secure_email_certificate_file=str(mailbox.certificate_file)))

    assert crl_server.ocsp_requests > asked  # the responder the certificate names was asked
    if revoked:
        assert report.retrying == {notification_id: "delivery.mail_certificate_revoked"}
        assert server.received == []
    else:
        assert report.sent == [notification_id]
