"""Secure e-mail as a municipality's mail system needs it: login, signature, proxy, resends, readable text.

A real SMTP server (aiosmtpd) with STARTTLS and AUTH, a real HTTP proxy, real
certificates from a test CA; the signed mail is checked with ``openssl smime``.
"""

from __future__ import annotations

import email
import email.policy
import re
import shutil
import subprocess
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import pkcs7, pkcs12

from desktop.config.policy import Policy
from desktop.domain.packs import GuidelinePack, load_pack, shipped_packs
from desktop.outbox.mail import RESEND_HEADER
from desktop.outbox.sender import SETUP_BACKOFF_S, OutboxSender, SendReport
from desktop.outbox.target import intake_target, make_transport
from desktop.store.notifications import NotificationState
from desktop.store.vault import Vault
from tests.integration.mail.conftest import TEST_TIMEOUT, Mailbox, MailboxCa, SmtpServer
from tests.support.http_proxy import HttpProxy

SmtpStarter = Callable[..., SmtpServer]
PolicyFor = Callable[..., Policy]
LOGIN = ("skole-underret", "Kodeord med æøå og mellemrum")


def _national_pack() -> GuidelinePack:
    return load_pack(next(p for p in shipped_packs() if p.stem == "national"))


def _send(vault: Vault, policy: Policy, *, proxy: str | None = None) -> SendReport:
    target = intake_target(_national_pack(), policy)
    transport = make_transport(target, timeout=TEST_TIMEOUT, proxy=proxy)
    try:
        return OutboxSender(lambda: vault, transport, target.receipt_key).run_once()
    finally:
        transport.close()


def _inner(raw: bytes, mailbox: Mailbox) -> bytes:
    return pkcs7.pkcs7_decrypt_smime(raw, mailbox.certificate, mailbox.key, [])


def _text_of(inner: bytes) -> str:
    message = email.message_from_bytes(inner, policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    if message.get_content_type() == "multipart/signed":
        signed = message.get_payload(0)
        assert isinstance(signed, EmailMessage)
        message = signed
    body = message.get_body(("plain",))
    assert body is not None
    return str(body.get_content())


def _password_file(tmp_path: Path, password: str) -> str:
    path = tmp_path / "smtp-password.txt"
    path.write_text(password + "\n", "utf-8")
    return str(path)


def test_a_server_that_wants_a_login_keeps_the_notification_queued_with_the_message_for_it(
        vault: Vault, queue_notification: Callable[[], str], smtp_server: SmtpStarter,
        mail_policy: PolicyFor) -> None:
    server = smtp_server("starttls", login=LOGIN)
    notification_id = queue_notification()
    now = datetime.now(UTC)

    report = _send(vault, mail_policy(server))  # no smtp_username: the server answers 530

    assert report.retrying == {notification_id: "delivery.mail_login_needed"}
    assert report.failed == {}
    summary = vault.notifications.get_summary(notification_id)
    assert (summary.state, summary.last_error) == (NotificationState.QUEUED, "delivery.mail_login_needed")
    next_try = vault.outbox.next_attempt_for(notification_id)
    assert next_try is not None and next_try >= now + timedelta(seconds=SETUP_BACKOFF_S - 1)
    assert server.received == []


def test_with_the_login_from_a_password_file_the_mail_goes_and_a_wrong_password_waits_for_it(
        vault: Vault, queue_notification: Callable[[], str], smtp_server: SmtpStarter,
        mail_policy: PolicyFor, tmp_path: Path) -> None:
    server = smtp_server("starttls", login=LOGIN)
    notification_id = queue_notification()
    wrong = mail_policy(server, smtp_username=LOGIN[0],
                        smtp_password_file=_password_file(tmp_path, "forkert"))

    report = _send(vault, wrong)

    assert report.retrying == {notification_id: "delivery.mail_login_needed"}  # 535: IT must set it up
    assert server.handler.logins == [("PLAIN", False)]
    vault.outbox.retry_now()
    right = mail_policy(server, smtp_username=LOGIN[0], smtp_password_file=_password_file(tmp_path, LOGIN[1]))
    assert _send(vault, right).sent == [notification_id]
    assert server.handler.logins[-1] == ("PLAIN", True)
    assert len(server.received) == 1


def test_the_login_password_can_come_from_the_os_keyring(
        vault: Vault, queue_notification: Callable[[], str], smtp_server: SmtpStarter,
        mail_policy: PolicyFor) -> None:
    import keyring

    keyring.set_password("underret-smtp", LOGIN[0], LOGIN[1])
    server = smtp_server("starttls", login=LOGIN)
    notification_id = queue_notification()

    assert _send(vault, mail_policy(server, smtp_username=LOGIN[0])).sent == [notification_id]
    assert server.handler.logins == [("PLAIN", True)]


@pytest.fixture
def organisation(mailbox_ca: MailboxCa, tmp_path: Path) -> tuple[Path, Path]:
    """The school's organisation certificate as IT hands it out: a PKCS#12 file and its password file."""
    signer, certificate = mailbox_ca.issue("organisation", address="underret@skole.kommune.example",
                                           encipherment=False, signing=True)
    p12 = pkcs12.serialize_key_and_certificates(
        b"skole", signer.key, certificate, [mailbox_ca.certificate],
        serialization.BestAvailableEncryption(b"p12-kodeord"))
    p12_file = tmp_path / "organisation.p12"
    p12_file.write_bytes(p12)
    password_file = tmp_path / "organisation.pw"
    password_file.write_text("p12-kodeord\n", "utf-8")
    return p12_file, password_file


@pytest.mark.skipif(shutil.which("openssl") is None, reason="needs the openssl command")
def test_a_signed_mail_verifies_with_openssl_against_the_ca(
        vault: Vault, queue_notification: Callable[[], str], smtp_server: SmtpStarter,
        mail_policy: PolicyFor, mailbox: Mailbox, mailbox_ca: MailboxCa, organisation: tuple[Path, Path],
        tmp_path: Path) -> None:
    server = smtp_server("starttls")
    notification_id = queue_notification()
    p12_file, password_file = organisation
    policy = mail_policy(server, secure_email_signing_p12_file=str(p12_file),
                         secure_email_signing_password_file=str(password_file))

    assert _send(vault, policy).sent == [notification_id]

    inner = _inner(server.received[0].content, mailbox)
    signed = tmp_path / "signed.eml"
    signed.write_bytes(inner)
    verified = subprocess.run(["openssl", "smime", "-verify", "-in", str(signed), "-CAfile",
                               str(mailbox_ca.ca_file)], capture_output=True, timeout=60, check=False)
    assert verified.returncode == 0, verified.stderr.decode()
    assert b"Verification successful" in verified.stderr
    assert b"underret-intake decrypt" in verified.stdout  # what was signed is the mail's own content
    assert "signeret med organisationens certifikat" in _text_of(inner)

    # The same mail changed by one byte does not verify.
    tampered = tmp_path / "tampered.eml"
    tampered.write_bytes(inner.replace(b"Denne sikre mail", b"Denne falske mail", 1))
    refused = subprocess.run(["openssl", "smime", "-verify", "-in", str(tampered), "-CAfile",
                              str(mailbox_ca.ca_file)], capture_output=True, timeout=60, check=False)
    assert refused.returncode != 0


def test_an_unsigned_mail_says_inside_that_the_signed_envelope_protects_it(
        vault: Vault, queue_notification: Callable[[], str], smtp_server: SmtpStarter,
        mail_policy: PolicyFor, mailbox: Mailbox) -> None:
    server = smtp_server("starttls")
    queue_notification()
    _send(vault, mail_policy(server))
    text = _text_of(_inner(server.received[0].content, mailbox))
    assert "ikke signeret med S/MIME: det er den vedhæftede fil, der beskytter underretningen" in text
    assert "not signed with S/MIME: the attached file is what protects the notification" in text


def test_the_mail_text_flows_without_hard_breaks_in_the_middle_of_a_sentence(
        vault: Vault, queue_notification: Callable[[], str], smtp_server: SmtpStarter,
        mail_policy: PolicyFor, mailbox: Mailbox) -> None:
    server = smtp_server("starttls")
    queue_notification()
    _send(vault, mail_policy(server))
    inner = _inner(server.received[0].content, mailbox)
    text = _text_of(inner)
    for line in text.splitlines():
        stripped = line.strip()
        # Every line is a whole paragraph, a heading, a command, or empty: none stops mid-sentence.
        whole = stripped.endswith((".", ":", ">")) or stripped.startswith("Underretning ")
        assert not stripped or whole, line
    assert "kan kun åbnes af kommunen. Gem filen, og åbn den med kommunens Underret-modtagelse" in text
    # On the wire the lines stay short (quoted-printable soft breaks), as mail needs.
    assert all(len(line) <= 78 for line in inner.split(b"\r\n")[:60])


def test_mail_goes_through_the_policys_http_proxy_by_connect(
        vault: Vault, queue_notification: Callable[[], str], smtp_server: SmtpStarter,
        mail_policy: PolicyFor, proxy: HttpProxy) -> None:
    server = smtp_server("starttls")
    notification_id = queue_notification()

    assert _send(vault, mail_policy(server), proxy=proxy.url).sent == [notification_id]

    assert proxy.tunnels == [f"127.0.0.1:{server.port}"]
    assert len(server.received) == 1
    assert any(url.endswith("/mailbox-ca.crl") for url in proxy.forwarded)  # revocation through it too


def test_a_proxy_that_does_not_let_mail_through_keeps_it_queued_for_it(
        vault: Vault, queue_notification: Callable[[], str], smtp_server: SmtpStarter,
        mail_policy: PolicyFor) -> None:
    server = smtp_server("starttls")
    notification_id = queue_notification()
    strict = HttpProxy(allow_ports={443})
    try:
        report = _send(vault, mail_policy(server), proxy=strict.url)
    finally:
        strict.close()
    assert report.retrying == {notification_id: "delivery.proxy_failed"}
    assert strict.refused == [f"127.0.0.1:{server.port}"] and server.received == []


def test_a_resend_after_a_crash_following_the_servers_250_carries_the_same_message_id_and_says_it_is_one(
        vault: Vault, queue_notification: Callable[[], str], smtp_server: SmtpStarter,
        mail_policy: PolicyFor) -> None:
    server = smtp_server("starttls")
    notification_id = queue_notification()
    policy = mail_policy(server)
    target = intake_target(_national_pack(), policy)
    transport = make_transport(target, timeout=TEST_TIMEOUT)
    # The first attempt: marked SENDING, the server says 250 ... and the app dies before recording it.
    vault.outbox.mark_sending(notification_id)
    transport.deliver(notification_id, vault.outbox.envelope(notification_id), attempt=1)
    assert vault.notifications.get_summary(notification_id).state is NotificationState.SENDING

    # At the next start the item is still SENDING: it goes again.
    assert _send(vault, policy).sent == [notification_id]

    first, second = (email.message_from_bytes(r.content) for r in server.received)
    assert first["Message-ID"] == second["Message-ID"] == f"<{notification_id}@skole.kommune.example>"
    assert first[RESEND_HEADER] is None
    assert second[RESEND_HEADER] == "2"
    assert re.fullmatch(r"<[0-9a-f-]{36}@[a-z.]+>", second["Message-ID"])
