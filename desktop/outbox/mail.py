"""Secure e-mail (*sikker mail*) delivery: the sealed envelope in an S/MIME-encrypted mail over verified TLS.

The mail carries the SAME envelope bytes the outbox holds (HPKE, sealed once
at finalisation) as an attachment (``application/vnd.underret.envelope``,
named after the notification's printed reference, never a name or a CPR
number), and the whole mail body is in turn encrypted with S/MIME (CMS
enveloped-data, AES-256) to the municipality's mailbox certificate. Only the
subject ("Underretning <reference>"), the addresses, the Message-ID and the
reference headers travel in clear; none of them carries content. Everything
is built in memory.

SMTP runs over TLS 1.2 or newer with the server's certificate verified (the
policy's CA file, else the system's trust store) and its host name checked:
either STARTTLS, refused when the server does not offer it, or implicit TLS
(SMTPS). Nothing is ever sent on a plain connection.

There is no signed receipt by e-mail: a message the server accepted is
"sent" (``DeliveryResult.receipted`` is False), never "receipted". Failures
become the outbox's classes: connection trouble, timeouts and 4xx replies are
:class:`TransientDeliveryError` (retried); 5xx refusals are
:class:`DeliveryRejected` naming what was refused.
"""

from __future__ import annotations

import logging
import smtplib
import ssl
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import EmailMessage
from email.mime.application import MIMEApplication
from email.policy import SMTP as SMTP_POLICY
from email.utils import format_datetime
from typing import Literal

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.ciphers import algorithms
from cryptography.hazmat.primitives.serialization import pkcs7

from desktop.outbox.transport import (
    CONTENT_TYPE,
    DeliveryConfigError,
    DeliveryRejected,
    DeliveryResult,
    TransientDeliveryError,
)
from protocol.references import attachment_name, reference_of

log = logging.getLogger(__name__)

#: Headers the municipality matches a mail by (the reference printed on the copy, and the envelope's id).
REFERENCE_HEADER = "X-Underret-Reference"
NOTIFICATION_HEADER = "X-Underret-Notification-Id"
#: SMTP's answer to an accepted message (what ``DeliveryResult.status`` holds for a mail).
ACCEPTED = 250

TlsMode = Literal["starttls", "tls"]
DEFAULT_PORTS: dict[str, int] = {"starttls": 587, "tls": 465}

# Fixed text, the same for every notification: what the attachment is and how to open it, nothing else.
BODY_TEXT = """\
Underretning {reference}

Denne sikre mail indeholder en underretning sendt med Underret. Den vedhæftede fil
({file_name}) er krypteret til kommunens modtagenøgle og kan kun åbnes af kommunen.
Gem filen, og åbn den med kommunens Underret-modtagelse (underret-intake):

    underret-intake decrypt --file {file_name} --key recipient.key.json --out <mappe>

Kommandoen kontrollerer afsenderens signatur, før den åbner filen, og gemmer
underretningen (notification.json og notification.pdf) i den mappe, du angiver.
Bekræft venligst modtagelsen over for afsenderen inden for 6 arbejdsdage med
referencen ovenfor.

This secure e-mail holds a notification of concern sent with Underret. The attached
file ({file_name}) is encrypted to the municipality's intake key and only the
municipality can open it. Save the file and open it with the municipality's Underret
intake (underret-intake):

    underret-intake decrypt --file {file_name} --key recipient.key.json --out <folder>

The command checks the sender's signature before it opens the file, and saves the
notification (notification.json and notification.pdf) in the folder you name.
Please acknowledge receipt to the sender within 6 working days, quoting the
reference above.
"""


@dataclass(frozen=True)
class MailTarget:
    """The municipality's secure mailbox and the SMTP server that reaches it (from policy)."""

    mailbox: str
    certificate_pem: bytes
    smtp_host: str
    smtp_port: int
    tls_mode: TlsMode
    ca_pem: bytes | None
    sender: str


def mailbox_certificate(pem: bytes) -> x509.Certificate:
    """The mailbox certificate in ``pem``; ``DeliveryConfigError`` unless it is an RSA certificate.

    S/MIME enveloped-data here uses RSA key transport (what organisation
    certificates carry and what ``cryptography`` can encrypt to).
    """
    try:
        certificate = x509.load_pem_x509_certificate(pem)
    except ValueError as exc:
        raise DeliveryConfigError("the mailbox certificate is not a PEM certificate",
                                  message_id="delivery.mail_certificate_unusable") from exc
    if not isinstance(certificate.public_key(), rsa.RSAPublicKey):
        raise DeliveryConfigError("the mailbox certificate has no RSA key",
                                  message_id="delivery.mail_certificate_unusable")
    return certificate


def build_message(target: MailTarget, certificate: x509.Certificate, notification_id: str,
                  envelope: bytes, now: datetime) -> bytes:
    """The whole mail as sent (CRLF line ends): clear headers around the S/MIME-encrypted body."""
    reference = reference_of(notification_id)
    file_name = attachment_name(notification_id)
    inner = EmailMessage(policy=SMTP_POLICY)
    inner.set_content(BODY_TEXT.format(reference=reference, file_name=file_name), charset="utf-8")
    maintype, subtype = CONTENT_TYPE.split("/", 1)
    inner.add_attachment(envelope, maintype=maintype, subtype=subtype, filename=file_name)
    encrypted = (
        pkcs7.PKCS7EnvelopeBuilder()
        .set_data(inner.as_bytes())
        .add_recipient(certificate)
        .set_content_encryption_algorithm(algorithms.AES256)
        # Binary: the inner entity is already canonical MIME (CRLF); it is encrypted byte for byte.
        .encrypt(serialization.Encoding.DER, [pkcs7.PKCS7Options.Binary])
    )
    outer = MIMEApplication(encrypted, "pkcs7-mime", policy=SMTP_POLICY)
    outer.set_param("smime-type", "enveloped-data")
    outer.set_param("name", "smime.p7m")
    outer.add_header("Content-Disposition", "attachment", filename="smime.p7m")
    outer["From"] = target.sender
    outer["To"] = target.mailbox
    outer["Subject"] = f"Underretning {reference}"
    outer["Date"] = format_datetime(now)
    # The same id on every resend: the municipality's mail system can recognise a repeat.
    outer["Message-ID"] = f"<{notification_id}@{target.sender.rpartition('@')[2]}>"
    outer[REFERENCE_HEADER] = reference
    outer[NOTIFICATION_HEADER] = notification_id
    return outer.as_bytes(policy=SMTP_POLICY)


def tls_context(ca_pem: bytes | None) -> ssl.SSLContext:
    """Verified TLS 1.2+ with host name check: against ``ca_pem`` when given, else the system's store."""
    context = ssl.create_default_context(cadata=ca_pem.decode("ascii") if ca_pem else None)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.check_hostname = True
    context.verify_mode = ssl.CERT_REQUIRED
    return context


class SecureMailTransport:
    """Sends each envelope as one S/MIME-encrypted mail to the municipality's secure mailbox.

    A new SMTP connection per mail: usable from several sending lanes at once,
    and nothing is held open between passes.
    """

    def __init__(self, target: MailTarget, *, timeout: float = 30.0,
                 clock: Callable[[], datetime] | None = None) -> None:
        if target.tls_mode not in DEFAULT_PORTS:
            raise DeliveryConfigError("SMTP must use starttls or tls", message_id="delivery.misconfigured")
        self.target = target
        self._certificate = mailbox_certificate(target.certificate_pem)
        self._context = tls_context(target.ca_pem)
        self._timeout = timeout
        self._clock = clock or (lambda: datetime.now(UTC))

    def close(self) -> None:
        """Nothing is held open between mails."""

    def deliver(self, notification_id: str, envelope: bytes, *, attempt: int = 1) -> DeliveryResult:
        """Send one mail; the server's 250 makes it "sent" (no receipt by e-mail)."""
        now = self._clock()
        if now > self._certificate.not_valid_after_utc:
            # Encrypting to an expired certificate would reach a mailbox that may no longer be read.
            raise TransientDeliveryError("the mailbox certificate has expired",
                                         message_id="delivery.mail_certificate_expired")
        message = build_message(self.target, self._certificate, notification_id, envelope, now)
        self._send(notification_id, message)
        accepted_at = self._clock()
        log.info("delivery: %s accepted by the mail server (secure e-mail)", notification_id)
        return DeliveryResult(ACCEPTED, b"", b"", receipted=False, accepted_at=accepted_at,
                              reference=reference_of(notification_id))

    def _connect(self) -> smtplib.SMTP:
        target = self.target
        if target.tls_mode == "tls":
            return smtplib.SMTP_SSL(target.smtp_host, target.smtp_port, timeout=self._timeout,
                                    context=self._context)
        client = smtplib.SMTP(target.smtp_host, target.smtp_port, timeout=self._timeout)
        try:
            client.ehlo()
            if not client.has_extn("starttls"):
                raise TransientDeliveryError("the mail server does not offer STARTTLS",
                                             message_id="delivery.mail_no_starttls")
            client.starttls(context=self._context)
            client.ehlo()  # again, now over TLS: the server's answer before the upgrade is not trusted
        except BaseException:
            client.close()
            raise
        return client

    def _send(self, notification_id: str, message: bytes) -> None:
        target = self.target
        try:
            with self._connect() as client:
                client.sendmail(target.sender, [target.mailbox], message)
        except TransientDeliveryError:
            log.info("delivery: %s not sent: the mail server offers no STARTTLS", notification_id)
            raise
        except smtplib.SMTPRecipientsRefused as exc:
            code = min((answer[0] for answer in exc.recipients.values()), default=550)
            raise _refusal(notification_id, code, "delivery.mail_mailbox_refused") from exc
        except smtplib.SMTPSenderRefused as exc:
            raise _refusal(notification_id, exc.smtp_code, "delivery.mail_sender_refused") from exc
        except smtplib.SMTPResponseException as exc:  # DATA, HELO, greeting, STARTTLS answers
            raise _refusal(notification_id, exc.smtp_code, "delivery.mail_refused") from exc
        except smtplib.SMTPServerDisconnected as exc:
            # smtplib reports a reply that never came as a disconnect; the timeout is its context.
            if isinstance(exc.__context__, TimeoutError):
                raise TransientDeliveryError("no answer in time", message_id="delivery.timeout") from exc
            raise TransientDeliveryError("the mail server closed the connection",
                                         message_id="delivery.connection_reset") from exc
        except smtplib.SMTPNotSupportedError as exc:
            raise TransientDeliveryError("the mail server does not offer STARTTLS",
                                         message_id="delivery.mail_no_starttls") from exc
        except smtplib.SMTPException as exc:
            raise TransientDeliveryError("unexpected SMTP answer",
                                         message_id="delivery.unexpected_answer") from exc
        except ssl.SSLCertVerificationError as exc:
            log.info("delivery: %s not sent: the mail server's certificate failed (%s)", notification_id,
                     exc.verify_code)
            reason = "delivery.certificate_expired" if exc.verify_code == 10 else "delivery.certificate_wrong"
            raise TransientDeliveryError("the mail server's certificate is not trusted",
                                         message_id=reason) from exc
        except ssl.SSLError as exc:
            raise TransientDeliveryError("no secure connection to the mail server",
                                         message_id="delivery.tls_failed") from exc
        except TimeoutError as exc:
            raise TransientDeliveryError("no answer in time", message_id="delivery.timeout") from exc
        except ConnectionRefusedError as exc:
            raise TransientDeliveryError("could not connect",
                                         message_id="delivery.connection_refused") from exc
        except ConnectionResetError as exc:
            raise TransientDeliveryError("connection reset", message_id="delivery.connection_reset") from exc
        except OSError as exc:
            raise TransientDeliveryError("could not connect", message_id="delivery.no_connection") from exc


def _refusal(notification_id: str, code: int, refused: str) -> TransientDeliveryError | DeliveryRejected:
    """A 4xx is a passing failure (retried); a 5xx refuses the mail for good, naming what was refused."""
    log.info("delivery: %s answered SMTP %s", notification_id, code)
    if 400 <= code < 500:
        return TransientDeliveryError(f"the mail server deferred the mail ({code})",
                                      message_id="delivery.mail_deferred")
    if code == 552:
        refused = "delivery.mail_too_large"
    elif code in (530, 535):
        refused = "delivery.mail_not_authorised"
    if 500 <= code < 600:
        return DeliveryRejected(f"the mail server refused the mail ({code})", message_id=refused,
                                status=code, smtp_code=str(code))
    return TransientDeliveryError(f"unexpected SMTP answer {code}", message_id="delivery.unexpected_answer")
