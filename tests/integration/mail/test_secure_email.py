"""Secure e-mail through the real outbox to a real SMTP server over TLS on 127.0.0.1.

Each test finalises a notification in a real vault, lets the real sender
deliver it by secure e-mail (S/MIME to the municipality's mailbox, over
STARTTLS or implicit TLS verified against a test CA), and checks what the
server received and what the vault recorded.
"""

from __future__ import annotations

import base64
import email
import email.policy
from collections.abc import Callable
from datetime import UTC, datetime
from email.message import EmailMessage

import pytest
from cryptography.hazmat.primitives.serialization import pkcs7

from desktop.config.policy import Policy
from desktop.domain.building import build_document
from desktop.domain.deadlines import acknowledgement_due
from desktop.domain.forms import load_form
from desktop.domain.packs import GuidelinePack, Municipality, load_pack, national_pack, shipped_packs
from desktop.outbox.finalise import finalise_and_queue
from desktop.outbox.mail import NOTIFICATION_HEADER, REFERENCE_HEADER
from desktop.outbox.sender import OutboxSender, SendReport
from desktop.outbox.target import intake_target, make_transport
from desktop.store.notifications import NotificationState
from desktop.store.vault import Vault
from protocol.envelope import RecipientPrivateKey, open_envelope
from tests.integration.mail.conftest import (
    CHILD_NAME,
    CPR,
    MAILBOX,
    NOTIFIER,
    SENDER,
    TEST_TIMEOUT,
    Mailbox,
    SmtpServer,
    TlsMaterial,
)
from tests.support.answers import FICTITIOUS_CPR, complete_answers_for

SmtpStarter = Callable[..., SmtpServer]
PolicyFor = Callable[..., Policy]


def _national_pack() -> GuidelinePack:
    return load_pack(next(p for p in shipped_packs() if p.stem == "national"))


def _send(vault: Vault, policy: Policy) -> SendReport:
    """One pass of the real sender with the transport the policy chooses."""
    target = intake_target(_national_pack(), policy)
    transport = make_transport(target, timeout=TEST_TIMEOUT)
    try:
        return OutboxSender(lambda: vault, transport, target.receipt_key).run_once()
    finally:
        transport.close()  # not sender.close(): the vault belongs to the fixture


def _decrypt(raw: bytes, mailbox: Mailbox) -> EmailMessage:
    inner = pkcs7.pkcs7_decrypt_smime(raw, mailbox.certificate, mailbox.key, [])
    message = email.message_from_bytes(inner, policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    return message


def _sensitive_texts() -> list[bytes]:
    texts = [CHILD_NAME, CPR, CPR.replace("-", ""), NOTIFIER, "Østergård", "Sørensen"]
    return [t.encode(encoding) for t in texts for encoding in ("utf-8", "latin-1")]


def test_a_finalised_notification_reaches_the_secure_mailbox_as_the_same_sealed_envelope(
        vault: Vault, queue_notification: Callable[[], str], smtp_server: SmtpStarter,
        mail_policy: PolicyFor, mailbox: Mailbox, intake_key: RecipientPrivateKey) -> None:
    server = smtp_server("starttls")
    notification_id = queue_notification()
    sealed = vault.outbox.envelope(notification_id)

    report = _send(vault, mail_policy(server))

    assert report.sent == [notification_id] and not report.retrying and not report.failed
    assert len(server.received) == 1
    received = server.received[0]
    assert (received.mail_from, received.recipients) == (SENDER, [MAILBOX])
    outer = email.message_from_bytes(received.content, policy=email.policy.default)
    reference = notification_id.split("-")[0].upper()
    assert outer["Subject"] == f"Underretning {reference}"
    assert outer[REFERENCE_HEADER] == reference
    assert outer[NOTIFICATION_HEADER] == notification_id
    assert outer["Message-ID"] == f"<{notification_id}@skole.kommune.example>"
    assert outer.get_content_type() == "application/pkcs7-mime"

    inner = _decrypt(received.content, mailbox)
    attachments = [part for part in inner.iter_attachments()
                   if part.get_content_type() == "application/vnd.underret.envelope"]
    assert len(attachments) == 1
    assert attachments[0].get_filename() == f"underretning-{reference}.underret"
    attached = attachments[0].get_content()
    assert attached == sealed  # byte for byte: sealed once at finalisation, never re-encrypted
    opened = open_envelope(attached, {intake_key.key_id: intake_key})
    assert CPR.encode() in opened.files["notification.json"]
    assert opened.sender_signature_valid


def test_a_mail_the_server_accepted_is_sent_not_receipted_and_its_deadline_is_tracked(
        vault: Vault, queue_notification: Callable[[], str], smtp_server: SmtpStarter,
        mail_policy: PolicyFor) -> None:
    server = smtp_server("starttls")
    notification_id = queue_notification()

    _send(vault, mail_policy(server))

    summary = vault.notifications.get_summary(notification_id)
    assert summary.state is NotificationState.SENT
    assert summary.receipted_at is None
    assert vault.outbox.get_receipt(notification_id) is None
    assert summary.sent_at is not None
    assert summary.acknowledgement_due == acknowledgement_due(summary.sent_at)
    assert summary.reference == notification_id.split("-")[0].upper()
    assert vault.outbox.waiting_count() == 0
    # Nothing is resent on the next pass.
    assert _send(vault, mail_policy(server)).attempted == 0
    assert len(server.received) == 1


def test_the_mail_carries_no_cpr_number_child_or_notifier_name_anywhere_in_clear(
        vault: Vault, queue_notification: Callable[[], str], smtp_server: SmtpStarter,
        mail_policy: PolicyFor, mailbox: Mailbox) -> None:
    server = smtp_server("starttls")
    queue_notification()
    _send(vault, mail_policy(server))

    raw = server.received[0].content
    for text in _sensitive_texts():
        assert text not in raw
    # Inside the S/MIME layer too, the plain text and the headers of the parts say nothing about the case.
    inner = _decrypt(raw, mailbox)
    for part in inner.walk():
        if part.get_content_maintype() == "multipart":
            continue
        headers = "".join(f"{name}: {value}\n" for name, value in part.items()).encode()
        plain = part.get_content().encode() if part.get_content_maintype() == "text" else b""
        for text in _sensitive_texts():
            assert text not in headers and text not in plain


def test_implicit_tls_delivers_when_the_policy_says_tls(
        vault: Vault, queue_notification: Callable[[], str], smtp_server: SmtpStarter,
        mail_policy: PolicyFor) -> None:
    server = smtp_server("tls")
    notification_id = queue_notification()

    report = _send(vault, mail_policy(server))

    assert report.sent == [notification_id]
    assert len(server.received) == 1


def test_a_server_without_starttls_gets_nothing_and_the_item_stays_queued(
        vault: Vault, queue_notification: Callable[[], str], smtp_server: SmtpStarter,
        mail_policy: PolicyFor) -> None:
    server = smtp_server("none")
    notification_id = queue_notification()

    report = _send(vault, mail_policy(server))

    assert report.retrying == {notification_id: "delivery.mail_no_starttls"}
    assert server.received == []
    summary = vault.notifications.get_summary(notification_id)
    assert summary.state is NotificationState.QUEUED
    assert summary.last_error == "delivery.mail_no_starttls"


def test_a_server_whose_certificate_is_not_trusted_gets_nothing(
        vault: Vault, queue_notification: Callable[[], str], smtp_server: SmtpStarter,
        mail_policy: PolicyFor, tls: TlsMaterial) -> None:
    from intake.tls import CertificateAuthority

    stranger = CertificateAuthority("Someone else's CA").issue_server("127.0.0.1")
    notification_id = queue_notification()
    for mode in ("starttls", "tls"):
        server = smtp_server(mode, cert=stranger)
        report = _send(vault, mail_policy(server))
        assert report.retrying == {notification_id: "delivery.certificate_wrong"}, mode
        assert server.received == []
        vault.outbox.retry_now()
    assert vault.notifications.get_summary(notification_id).state is NotificationState.QUEUED


def test_a_server_certificate_for_another_host_name_gets_nothing(
        vault: Vault, queue_notification: Callable[[], str], smtp_server: SmtpStarter,
        mail_policy: PolicyFor, tls: TlsMaterial) -> None:
    server = smtp_server("starttls", cert=tls.ca.issue_server("smtp.other.example"))
    notification_id = queue_notification()

    report = _send(vault, mail_policy(server))

    assert report.retrying == {notification_id: "delivery.certificate_wrong"}
    assert server.received == []


def test_a_4xx_answer_is_tried_again_later(
        vault: Vault, queue_notification: Callable[[], str], smtp_server: SmtpStarter,
        mail_policy: PolicyFor) -> None:
    server = smtp_server("starttls", data_reply="451 4.3.0 Mail server temporarily rejected message")
    notification_id = queue_notification()

    report = _send(vault, mail_policy(server))

    assert report.retrying == {notification_id: "delivery.mail_deferred"}
    summary = vault.notifications.get_summary(notification_id)
    assert summary.state is NotificationState.QUEUED
    next_attempt = vault.outbox.next_attempt_at()
    assert next_attempt is not None and summary.updated_at < next_attempt
    # Not due yet: the next pass leaves it alone; once the server is well again it goes out.
    assert _send(vault, mail_policy(server)).attempted == 0
    server.handler.data_reply = None
    vault.outbox.retry_now()
    assert _send(vault, mail_policy(server)).sent == [notification_id]


def test_a_5xx_refusal_fails_the_item_naming_what_the_server_refused(
        vault: Vault, queue_notification: Callable[[], str], smtp_server: SmtpStarter,
        mail_policy: PolicyFor) -> None:
    refusals = {
        "delivery.mail_mailbox_refused": {"rcpt_reply": "550 5.1.1 No such mailbox"},
        "delivery.mail_refused": {"data_reply": "554 5.6.0 Message refused"},
        "delivery.mail_too_large": {"data_reply": "552 5.3.4 Message too big"},
    }
    for reason, reply in refusals.items():
        server = smtp_server("starttls", **reply)
        notification_id = queue_notification()
        report = _send(vault, mail_policy(server))
        assert report.failed == {notification_id: reason}
        summary = vault.notifications.get_summary(notification_id)
        assert (summary.state, summary.last_error) == (NotificationState.FAILED, reason)
        assert server.received == []


def test_nothing_leaves_when_nothing_listens_and_the_item_stays_queued(
        vault: Vault, queue_notification: Callable[[], str], smtp_server: SmtpStarter,
        mail_policy: PolicyFor) -> None:
    server = smtp_server("starttls")
    notification_id = queue_notification()
    closed_port = SmtpServer(port=1, handler=server.handler, tls_mode="starttls")

    report = _send(vault, mail_policy(closed_port))

    assert report.retrying == {notification_id: "delivery.connection_refused"}
    assert vault.notifications.get_summary(notification_id).state is NotificationState.QUEUED


def test_the_mail_on_the_server_is_encrypted_to_the_mailbox_certificate_alone(
        vault: Vault, queue_notification: Callable[[], str], smtp_server: SmtpStarter,
        mail_policy: PolicyFor, mailbox: Mailbox) -> None:
    """What reached the real SMTP server is S/MIME enveloped-data (AES-256) for exactly one recipient,
    the mailbox certificate the policy names; the sealed envelope it carries is not in it in clear, in
    any encoding; the mailbox's key opens it and another key does not."""
    from asn1crypto import cms
    from cryptography.hazmat.primitives.asymmetric import rsa

    server = smtp_server("starttls")
    notification_id = queue_notification()
    sealed = vault.outbox.envelope(notification_id)
    _send(vault, mail_policy(server))
    raw = server.received[0].content

    outer = email.message_from_bytes(raw, policy=email.policy.default)
    assert isinstance(outer, EmailMessage)
    assert outer.get_content_type() == "application/pkcs7-mime"
    assert outer.get_param("smime-type") == "enveloped-data"
    info = cms.ContentInfo.load(outer.get_payload(decode=True))
    assert info["content_type"].native == "enveloped_data"
    enveloped = info["content"]
    recipients = [recipient.chosen for recipient in enveloped["recipient_infos"]]
    assert len(recipients) == 1
    named = recipients[0]["rid"].chosen
    assert named["serial_number"].native == mailbox.certificate.serial_number
    assert named["issuer"].dump() == mailbox.certificate.issuer.public_bytes()
    content = enveloped["encrypted_content_info"]
    assert content["content_encryption_algorithm"]["algorithm"].native == "aes256_cbc"

    # The envelope's bytes are nowhere in the mail as sent: not raw, not as the lines of base64 the
    # inner message attaches them in.
    assert sealed[:64] not in raw
    encoded = base64.b64encode(sealed)
    for line in range(0, 76 * 4, 76):
        assert encoded[line:line + 76] not in raw
    assert _decrypt(raw, mailbox).get_body() is not None  # the mailbox's key opens it
    other_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    with pytest.raises(ValueError):
        pkcs7.pkcs7_decrypt_smime(raw, mailbox.certificate, other_key, [])


def test_a_notification_finalised_under_a_secure_email_policy_arrives_readable_and_nothing_in_clear(
        vault: Vault, vault_key: bytes, smtp_server: SmtpStarter, mail_policy: PolicyFor, mailbox: Mailbox,
        intake_key: RecipientPrivateKey) -> None:
    server = smtp_server("starttls")
    policy = mail_policy(server)
    answers = complete_answers_for()
    draft = vault.notifications.create_draft(answers, "review", "EH")
    now = datetime.now(UTC)
    document = build_document(load_form(), national_pack(), answers, notification_id=draft, created_at=now,
                              finalised_at=now, language="da")

    # The app's own finalise step: under a secure-e-mail-only policy it seals to the intake key and queues.
    # The policy's mailbox is the PC's own municipality's, where the child lives (Demo Kommune, 999).
    own = national_pack().model_copy(update={"municipality": Municipality(name="Demo Kommune", code="999")})
    finalise_and_queue(lambda: Vault.open(vault.path, vault_key), own, policy, draft, document)
    report = _send(vault, policy)

    assert report.sent == [draft]
    raw = server.received[0].content
    for text in (FICTITIOUS_CPR, FICTITIOUS_CPR.replace("-", ""), "Emma Louise Hansen", "Hansen",
                 "Lærer Demo", "laerer@demo-skole.invalid"):
        assert text.encode() not in raw
    attachment = next(part for part in _decrypt(raw, mailbox).iter_attachments()
                      if part.get_content_type() == "application/vnd.underret.envelope")
    opened = open_envelope(attachment.get_content(), {intake_key.key_id: intake_key})
    assert b"Emma Louise Hansen" in opened.files["notification.json"]
    assert opened.files["notification.pdf"].startswith(b"%PDF")


def test_a_server_with_an_expired_certificate_gets_nothing_and_says_so(
        vault: Vault, queue_notification: Callable[[], str], smtp_server: SmtpStarter,
        mail_policy: PolicyFor, tls: TlsMaterial) -> None:
    server = smtp_server("starttls", cert=tls.ca.issue_expired("127.0.0.1"))
    notification_id = queue_notification()

    report = _send(vault, mail_policy(server))

    assert report.retrying == {notification_id: "delivery.certificate_expired"}
    assert server.received == []


def test_a_server_that_never_answers_times_out_and_the_item_stays_queued(
        vault: Vault, queue_notification: Callable[[], str], mail_policy: PolicyFor,
        smtp_server: SmtpStarter) -> None:
    import socket

    notification_id = queue_notification()
    with socket.socket() as silent:  # accepts the connection (backlog) and never greets
        silent.bind(("127.0.0.1", 0))
        silent.listen(1)
        template = smtp_server("starttls")
        policy = mail_policy(SmtpServer(port=silent.getsockname()[1], handler=template.handler,
                                        tls_mode="starttls"))
        target = intake_target(_national_pack(), policy)
        transport = make_transport(target, timeout=0.5)
        try:
            report = OutboxSender(lambda: vault, transport, target.receipt_key).run_once()
        finally:
            transport.close()

    # It took the connection and never greeted: nothing of the mail left; the server is not reachable.
    assert report.retrying == {notification_id: "delivery.intake_unreachable"}
    assert vault.notifications.get_summary(notification_id).state is NotificationState.QUEUED


def test_a_mail_server_that_greets_one_byte_a_second_is_given_up_at_the_attempts_deadline(
        vault: Vault, queue_notification: Callable[[], str], mail_policy: PolicyFor,
        smtp_server: SmtpStarter) -> None:
    import socket
    import threading

    greeting = b"220 smtp.kommune.example ESMTP klar til at modtage post fra jer\r\n"
    sent: list[int] = []
    left = threading.Event()

    def trickle(listener: socket.socket) -> None:
        conn, _ = listener.accept()
        with conn:
            try:
                for index in range(len(greeting)):
                    conn.sendall(greeting[index:index + 1])
                    sent.append(index)
                    if left.wait(1.0):
                        return
            except OSError:
                left.set()

    notification_id = queue_notification()
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        server = threading.Thread(target=trickle, args=(listener,), daemon=True)
        server.start()
        template = smtp_server("starttls")
        policy = mail_policy(SmtpServer(port=listener.getsockname()[1], handler=template.handler,
                                        tls_mode="starttls"))
        target = intake_target(_national_pack(), policy)
        transport = make_transport(target, deadline=1.5)
        try:
            report = OutboxSender(lambda: vault, transport, target.receipt_key).run_once()
        finally:
            transport.close()
        assert left.wait(30)  # the app hung up ...
        server.join(10)
    assert len(sent) < len(greeting)  # ... long before the greeting was through (each byte kept it alive)
    assert report.retrying == {notification_id: "delivery.intake_unreachable"}
    assert vault.notifications.get_summary(notification_id).state is NotificationState.QUEUED
