"""What a secure e-mail looks like from outside, and what the person reads about it."""

from __future__ import annotations

import email
import email.policy
import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs7
from cryptography.x509.oid import NameOID

from desktop.outbox import mail
from desktop.outbox.mail import MailTarget, build_message
from desktop.store.notifications import NotificationState, NotificationSummary
from protocol.references import attachment_name, reference_of

NOTIFICATION_ID = "5f0c6a3e-4c1b-4a57-9f5e-0d6f1f1b8a11"
NOW = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)


@pytest.fixture(scope="module")
def mailbox() -> tuple[rsa.RSAPrivateKey, x509.Certificate]:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Kommune sikker mail")])
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(1).not_valid_before(NOW - timedelta(days=1))
            .not_valid_after(NOW + timedelta(days=9))
            .sign(key, hashes.SHA256()))
    return key, cert


def _target() -> MailTarget:
    return MailTarget(mailbox="sikkermail@kommune.dk", certificate_pem=b"", smtp_host="smtp.kommune.dk",
                      smtp_port=587, tls_mode="starttls", ca_pem=None, sender="underret@skole.kommune.dk")


def test_the_reference_and_file_name_come_from_the_notification_id_only() -> None:
    assert reference_of(NOTIFICATION_ID) == "5F0C6A3E"
    assert attachment_name(NOTIFICATION_ID) == "underretning-5F0C6A3E.underret"


def test_a_resent_mail_has_the_same_message_id_and_only_the_reference_in_clear(
        mailbox: tuple[rsa.RSAPrivateKey, x509.Certificate]) -> None:
    key, cert = mailbox
    first = build_message(_target(), cert, NOTIFICATION_ID, b"UNDRTENV sealed", NOW)
    again = build_message(_target(), cert, NOTIFICATION_ID, b"UNDRTENV sealed", NOW + timedelta(hours=1))
    outer, repeat = (email.message_from_bytes(m, policy=email.policy.default) for m in (first, again))
    assert outer["Message-ID"] == repeat["Message-ID"] == f"<{NOTIFICATION_ID}@skole.kommune.dk>"
    assert outer["Subject"] == "Underretning 5F0C6A3E"
    assert outer["X-Underret-Reference"] == "5F0C6A3E"
    assert outer.get_content_type() == "application/pkcs7-mime"
    assert outer.get_param("smime-type") == "enveloped-data"
    assert b"\r\n" in first and b"\n" not in first.replace(b"\r\n", b"")  # SMTP line ends throughout
    # The explanation and the envelope are only inside the S/MIME layer.
    assert b"underret-intake" not in first and b"UNDRTENV" not in first
    inner = pkcs7.pkcs7_decrypt_smime(first, cert, key, [])
    assert b"underret-intake decrypt" in inner


def test_every_reason_secure_email_records_has_words_for_the_person() -> None:
    from desktop.ui.delivery.messages import PERMANENT_REASONS, known_reasons

    source = Path(mail.__file__).read_text("utf-8")
    reasons = set(re.findall(r'"(delivery\.[a-z_]+)"', source))
    assert "delivery.mail_no_starttls" in reasons
    assert reasons <= known_reasons()
    refusals = {"delivery.mail_mailbox_refused", "delivery.mail_sender_refused", "delivery.mail_refused",
                "delivery.mail_too_large"}
    assert refusals <= PERMANENT_REASONS
    # What IT fixes on this PC (login, certificates) waits in the queue: not a refusal.
    waits = {"delivery.mail_deferred", "delivery.mail_no_starttls", "delivery.mail_not_authorised",
             "delivery.mail_login_needed", "delivery.mail_certificate_revoked"}
    assert not waits & PERMANENT_REASONS


def _summary(state: NotificationState, due: date | None) -> NotificationSummary:
    at = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)
    return NotificationSummary(id=NOTIFICATION_ID, state=state, child_initials="AB", created_at=at,
                               updated_at=at, finalised_at=at, sent_at=at, receipted_at=None,
                               reference="5F0C6A3E", last_error=None, attempts=1, municipality="Demo Kommune",
                               acute=False, acknowledgement_due=due, corrects=None)


def test_a_notification_sent_by_secure_email_reads_as_sent_and_is_chased_when_overdue() -> None:
    from desktop.ui.delivery.wording import StateWording

    today = date(2026, 11, 6)
    wording = StateWording(lambda: None, lambda: today, lambda: "en")
    waiting = _summary(NotificationState.SENT, date(2026, 11, 10))
    assert wording.text(waiting) == "Sent by secure e-mail"
    details = wording.details(waiting)
    assert details is not None
    assert "Reference number: 5F0C6A3E." in details.lines
    assert "Secure e-mail gives no automatic message of receipt." in details.lines
    assert any(line.startswith("The municipality must send you a receipt by 10 November 2026")
               for line in details.lines)
    assert not wording.overdue(waiting)

    late = _summary(NotificationState.SENT, date(2026, 11, 5))
    assert wording.overdue(late)
    assert wording.text(late) == "No receipt – phone the municipality"
    late_details = wording.details(late)
    assert late_details is not None and late_details.headline == (
        "Demo Kommune has not sent a receipt within six working days.")
    assert wording.overdue_among([waiting, late]) == [late]
    # Noted as acknowledged by the person: no longer chased.
    wording.acknowledged = lambda _id: True
    assert not wording.overdue(late)


def test_a_mailed_notification_whose_content_was_removed_still_reads_as_sent_by_secure_email() -> None:
    from desktop.ui.delivery.wording import StateWording

    wording = StateWording(lambda: None, lambda: date(2026, 12, 20), lambda: "en",
                           lambda _id: True)  # acknowledged: not chased
    purged = _summary(NotificationState.PURGED, date(2026, 11, 10))
    assert wording.text(purged) == "Receipt received"
    purged_details = wording.details(purged)
    assert purged_details is not None and purged_details.headline == "Sent to Demo Kommune by secure e-mail."
    unacknowledged = StateWording(lambda: None, lambda: date(2026, 11, 6), lambda: "en")
    assert unacknowledged.text(purged) == "Sent by secure e-mail – content removed"
    # Never acknowledged: chased, with the e-mail wording.
    chased = StateWording(lambda: None, lambda: date(2026, 12, 20), lambda: "en")
    assert chased.text(purged) == "No receipt – phone the municipality"
    received = purged._replace(receipted_at=datetime(2026, 11, 2, 10, 1, tzinfo=UTC))
    assert unacknowledged.text(received) == "Received – content removed"
