"""Secure e-mail (*sikker mail*) delivery: the sealed envelope in an S/MIME mail over verified TLS.

The mail carries the SAME envelope bytes the outbox holds (HPKE, sealed once
at finalisation) as an attachment (``application/vnd.underret.envelope``,
named after the notification's printed reference, never a name or a CPR
number). The whole inner message is signed with S/MIME when IT provides an
organisation certificate (PKCS#12, ``secure_email_signing_p12_file``), so the
municipality's mail gateway and mail programs show a valid signature; without
one the mail says in its text that the envelope inside carries the sender's
own signature. It is then encrypted with S/MIME (CMS enveloped-data, AES-256)
to the municipality's mailbox certificate, which is validated first
(:mod:`desktop.outbox.mail_certificate`: chain, dates, usage, address,
revocation). Only the subject ("Underretning <reference>"), the addresses,
the Message-ID and the reference headers travel in clear; none of them carries
content. Everything is built in memory.

The Message-ID is the same on every attempt (``<notification id>@<sender
domain>``); an attempt after the first also says so in ``X-Underret-Resend``
(a crash right after the server's 250 makes the next start send the mail
again): the municipality's mail system can drop the second copy by its
Message-ID (the IT README says how).

SMTP (:mod:`desktop.outbox.smtp`): TLS 1.2 or newer, verified, STARTTLS or
SMTPS, the login (PLAIN/LOGIN) only inside TLS, the whole attempt within one
deadline, through the policy's ``http://`` proxy when one is set.

There is no signed receipt by e-mail: a message the server accepted is
"sent" (``DeliveryResult.receipted`` is False), never "receipted". Failures
become the outbox's classes: connection trouble, timeouts and 4xx replies are
:class:`TransientDeliveryError` (retried); a login the server wants (530/535),
an unusable certificate or proxy are this PC's set-up (queued, ``setup``);
other 5xx refusals are :class:`DeliveryRejected` naming what was refused.
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
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.ciphers import algorithms
from cryptography.hazmat.primitives.serialization import pkcs7, pkcs12

from desktop.outbox.deadline import Attempt, Attempts
from desktop.outbox.failures import interrupted_or
from desktop.outbox.mail_certificate import MailboxCertificateCheck, RevocationChoice
from desktop.outbox.smtp import GuardedSMTP
from desktop.outbox.transport import (
    ATTEMPT_DEADLINE_S,
    CONTENT_TYPE,
    AttemptInterrupted,
    DeliveryConfigError,
    DeliveryRejected,
    DeliveryResult,
    TransientDeliveryError,
    attempt_deadline,
)
from protocol.references import attachment_name, reference_of

log = logging.getLogger(__name__)

#: Headers the municipality matches a mail by (the reference printed on the copy, and the envelope's id).
REFERENCE_HEADER = "X-Underret-Reference"
NOTIFICATION_HEADER = "X-Underret-Notification-Id"
#: On an attempt after the first: which attempt it is (the Message-ID is the same as before).
RESEND_HEADER = "X-Underret-Resend"
#: Where the SMTP login's password and the signing certificate's password are kept in the OS keyring
#: (user: ``smtp_username``; for signing: the PKCS#12 file's name), unless the policy names a file.
SMTP_KEYRING_SERVICE = "underret-smtp"
SIGNING_KEYRING_SERVICE = "underret-smime-signing"
#: SMTP's answer to an accepted message (what ``DeliveryResult.status`` holds for a mail).
ACCEPTED = 250

TlsMode = Literal["starttls", "tls"]
DEFAULT_PORTS: dict[str, int] = {"starttls": 587, "tls": 465}

# Fixed text, the same for every notification: what the attachment is and how to open it, nothing else.
# One paragraph per line: the mail program wraps it to its window (quoted-printable keeps long lines
# intact on the way), so no sentence is broken in the middle. Commands stay lines of their own.
BODY_TEXT = """\
Underretning {reference}

Denne sikre mail indeholder en underretning sendt med Underret. Den vedhæftede fil ({file_name}) \
er krypteret til kommunens modtagenøgle og kan kun åbnes af kommunen. Gem filen, og åbn den med \
kommunens Underret-modtagelse (underret-intake):

    underret-intake decrypt --file {file_name} --key recipient.key.json --out <mappe>

Kommandoen kontrollerer afsenderens signatur, før den åbner filen, og gemmer underretningen \
(notification.json og notification.pdf) i den mappe, du angiver. {protection_da}

Send venligst afsenderen en kvittering inden for seks hverdage, og nævn underretningsnummeret ovenfor.

This secure e-mail holds a notification of concern sent with Underret. The attached file \
({file_name}) is encrypted to the municipality's intake key and only the municipality can open it. \
Save the file and open it with the municipality's Underret intake (underret-intake):

    underret-intake decrypt --file {file_name} --key recipient.key.json --out <folder>

The command checks the sender's signature before it opens the file, and saves the notification \
(notification.json and notification.pdf) in the folder you name. {protection_en}

Please send the sender a receipt within six working days, quoting the notification number above.
"""

PROTECTION_SIGNED = (
    "Mailen er signeret med organisationens certifikat.",
    "The mail is signed with the organisation's certificate.")
PROTECTION_UNSIGNED = (
    "Selve mailen er ikke signeret med S/MIME: det er den vedhæftede fil, der beskytter "
    "underretningen. Den er signeret af afsenderen, og signaturen kontrolleres, når filen åbnes, så "
    "en ændret eller forfalsket fil bliver afvist.",
    "The mail itself is not signed with S/MIME: the attached file is what protects the notification. "
    "It is signed by the sender, and the signature is checked when the file is opened, so a changed or "
    "forged file is refused.")


@dataclass(frozen=True)
class SigningIdentity:
    """The organisation certificate the mail is S/MIME-signed with (from the policy's PKCS#12 file)."""

    key: rsa.RSAPrivateKey | object
    certificate: x509.Certificate
    chain: tuple[x509.Certificate, ...] = ()


def load_signing_identity(p12: bytes, password: str | None) -> SigningIdentity:
    """The key and certificate in a PKCS#12 file; DeliveryConfigError (IT's to fix) when unusable."""
    try:
        key, certificate, chain = pkcs12.load_key_and_certificates(
            p12, password.encode() if password is not None else None)
    except (ValueError, TypeError) as exc:
        raise TransientDeliveryError("the signing certificate cannot be opened",
                                     message_id="delivery.mail_signing_unusable", setup=True) from exc
    if key is None or certificate is None:
        raise TransientDeliveryError("the PKCS#12 file holds no key and certificate",
                                     message_id="delivery.mail_signing_unusable", setup=True)
    return SigningIdentity(key, certificate, tuple(chain or ()))


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
    #: The CA bundle the mailbox certificate must chain to (``secure_email_ca_pem_file``).
    mailbox_ca_pem: bytes | None = None
    #: When revocation cannot be checked: "refuse" (nothing is sent) or "warn" (sent, and said).
    revocation: RevocationChoice = "refuse"
    #: SMTP login (``smtp_username``); the password from ``password_file`` or the OS keyring.
    username: str | None = None
    password_file: str | None = None
    #: The organisation's PKCS#12 to sign with, and its password file (else the keyring, else none).
    signing_p12: bytes | None = None
    signing_p12_name: str = ""
    signing_password_file: str | None = None


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
                  envelope: bytes, now: datetime, *, attempt: int = 1,
                  signer: SigningIdentity | None = None) -> bytes:
    """The whole mail as sent (CRLF line ends): clear headers around the S/MIME-encrypted body.

    Signed first (``signer``), then encrypted: the signature is inside, for the mailbox to check.
    """
    reference = reference_of(notification_id)
    file_name = attachment_name(notification_id)
    protection_da, protection_en = PROTECTION_SIGNED if signer is not None else PROTECTION_UNSIGNED
    inner = EmailMessage(policy=SMTP_POLICY)
    # Quoted-printable: a paragraph stays one line for the reader however long (soft breaks only).
    inner.set_content(BODY_TEXT.format(reference=reference, file_name=file_name, protection_da=protection_da,
                                       protection_en=protection_en), charset="utf-8", cte="quoted-printable")
    maintype, subtype = CONTENT_TYPE.split("/", 1)
    inner.add_attachment(envelope, maintype=maintype, subtype=subtype, filename=file_name)
    content = inner.as_bytes()
    if signer is not None:
        builder = pkcs7.PKCS7SignatureBuilder().set_data(content).add_signer(
            signer.certificate, signer.key, hashes.SHA256())  # type: ignore[arg-type]
        for extra in signer.chain:
            builder = builder.add_certificate(extra)
        # Binary: the entity is already canonical MIME (CRLF) and is signed byte for byte.
        content = builder.sign(serialization.Encoding.SMIME,
                               [pkcs7.PKCS7Options.DetachedSignature, pkcs7.PKCS7Options.Binary])
    encrypted = (
        pkcs7.PKCS7EnvelopeBuilder()
        .set_data(content)
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
    if attempt > 1:
        # An earlier attempt may have reached the mailbox (a crash right after the server's 250).
        outer[RESEND_HEADER] = str(attempt)
    return outer.as_bytes(policy=SMTP_POLICY)


def tls_context(ca_pem: bytes | None) -> ssl.SSLContext:
    """Verified TLS 1.2+ with host name check: against ``ca_pem`` when given, else the system's store."""
    context = ssl.create_default_context(cadata=ca_pem.decode("ascii") if ca_pem else None)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.check_hostname = True
    context.verify_mode = ssl.CERT_REQUIRED
    return context


def read_secret(file: str | None, service: str, user: str) -> str | None:
    """A password IT provides: the file the policy names (first line), else the OS keyring, else None."""
    if file:
        from pathlib import Path

        try:
            return Path(file).read_text("utf-8").splitlines()[0] if Path(file).stat().st_size else ""
        except (OSError, UnicodeDecodeError, IndexError):
            return None
    try:
        import keyring
        from keyring.errors import KeyringError

        try:
            return keyring.get_password(service, user)
        except KeyringError:
            return None
    except ImportError:
        return None


class SecureMailTransport:
    """Sends each envelope as one S/MIME mail to the municipality's secure mailbox.

    A new SMTP connection per mail, within one deadline per attempt: usable from
    several sending lanes at once, and nothing is held open between passes.
    """

    def __init__(self, target: MailTarget, *, timeout: float | None = None, deadline: float | None = None,
                 proxy: str | None = None, clock: Callable[[], datetime] | None = None) -> None:
        if target.tls_mode not in DEFAULT_PORTS:
            raise DeliveryConfigError("SMTP must use starttls or tls", message_id="delivery.misconfigured")
        self.target = target
        self._certificate = mailbox_certificate(target.certificate_pem)
        self._check = MailboxCertificateCheck(
            self._certificate, target.mailbox, target.mailbox_ca_pem or b"", target.revocation, proxy=proxy) \
            if target.mailbox_ca_pem else None
        self._context = tls_context(target.ca_pem)
        self.deadline = deadline if deadline is not None else (timeout or ATTEMPT_DEADLINE_S)
        self._timeout = timeout or self.deadline
        self.proxy = proxy
        self._clock = clock or (lambda: datetime.now(UTC))
        self._attempts = Attempts()
        self._signer: SigningIdentity | None = None

    def close(self) -> None:
        """Nothing is held open between mails."""

    def abort(self) -> None:
        """End the attempts in flight now and refuse new ones (the app locks or quits)."""
        self._attempts.abort()

    def _signing_identity(self) -> SigningIdentity | None:
        target = self.target
        if target.signing_p12 is None:
            return None
        if self._signer is None:
            password = read_secret(target.signing_password_file, SIGNING_KEYRING_SERVICE,
                                   target.signing_p12_name)
            self._signer = load_signing_identity(target.signing_p12, password)
        return self._signer

    def deliver(self, notification_id: str, envelope: bytes, *, attempt: int = 1) -> DeliveryResult:
        """Send one mail; the server's 250 makes it "sent" (no receipt by e-mail)."""
        now = self._clock()
        with self._attempts.attempt(attempt_deadline(len(envelope), self.deadline)) as running:
            if running.aborted:
                raise AttemptInterrupted("sending has been stopped")
            warning = None
            if self._check is None:
                raise TransientDeliveryError("no CA bundle for the mailbox certificate",
                                             message_id="delivery.mail_certificate_untrusted", setup=True)
            warning = self._check.check(now, time_left=running.remaining()).warning
            message = build_message(self.target, self._certificate, notification_id, envelope, now,
                                    attempt=attempt, signer=self._signing_identity())
            self._send(notification_id, message, running)
        accepted_at = self._clock()
        log.info("delivery: %s accepted by the mail server (secure e-mail)", notification_id)
        return DeliveryResult(ACCEPTED, b"", b"", receipted=False, accepted_at=accepted_at,
                              reference=reference_of(notification_id), warning=warning)

    def _password(self) -> str:
        target = self.target
        assert target.username is not None
        password = read_secret(target.password_file, SMTP_KEYRING_SERVICE, target.username)
        if not password:
            raise TransientDeliveryError("no password for the mail login on this PC",
                                         message_id="delivery.mail_login_needed", setup=True)
        return password

    def _send(self, notification_id: str, message: bytes, running: Attempt) -> None:
        target = self.target
        try:
            password = self._password() if target.username else None
            with GuardedSMTP(target.smtp_host, target.smtp_port, tls_mode=target.tls_mode,
                             context=self._context, attempt=running, timeout=self._timeout,
                             proxy=self.proxy) as client:
                client.secure()
                if target.username and password is not None:
                    client.log_in(target.username, password)
                client.sendmail(target.sender, [target.mailbox], message)
        except TransientDeliveryError:
            log.info("delivery: %s not sent by secure e-mail (set-up or TLS)", notification_id)
            raise
        except smtplib.SMTPAuthenticationError as exc:
            raise _refusal(notification_id, exc.smtp_code, "delivery.mail_login_needed") from exc
        except smtplib.SMTPRecipientsRefused as exc:
            code = min((answer[0] for answer in exc.recipients.values()), default=550)
            raise _refusal(notification_id, code, "delivery.mail_mailbox_refused") from exc
        except smtplib.SMTPSenderRefused as exc:
            raise _refusal(notification_id, exc.smtp_code, "delivery.mail_sender_refused") from exc
        except smtplib.SMTPResponseException as exc:  # DATA, HELO, greeting, STARTTLS answers
            raise _refusal(notification_id, exc.smtp_code, "delivery.mail_refused") from exc
        except smtplib.SMTPNotSupportedError as exc:
            raise TransientDeliveryError("the mail server does not offer STARTTLS",
                                         message_id="delivery.mail_no_starttls") from exc
        except (smtplib.SMTPServerDisconnected, OSError) as exc:
            # smtplib reports a reply that never came (or a socket the deadline shut) as a disconnect.
            broke_off = isinstance(exc, smtplib.SMTPServerDisconnected)
            error = interrupted_or(exc, running, TransientDeliveryError, "no mail connection",
                                   broke_off=broke_off)
            if isinstance(exc, ssl.SSLCertVerificationError):
                log.info("delivery: %s not sent: the mail server's certificate failed (%s)", notification_id,
                         exc.verify_code)
            raise error from exc
        except smtplib.SMTPException as exc:
            raise TransientDeliveryError("unexpected SMTP answer",
                                         message_id="delivery.unexpected_answer") from exc


def _refusal(notification_id: str, code: int, refused: str) -> TransientDeliveryError | DeliveryRejected:
    """A 4xx is a passing failure (retried); a 5xx refuses the mail for good, naming what was refused.

    Except a login the server wants (530) or refuses (535): IT sets that up on this PC,
    and the notification waits in the queue meanwhile.
    """
    log.info("delivery: %s answered SMTP %s", notification_id, code)
    if code in (530, 534, 535, 538) or refused == "delivery.mail_login_needed":
        return TransientDeliveryError(f"the mail server wants a login ({code})",
                                      message_id="delivery.mail_login_needed", setup=True)
    if 400 <= code < 500:
        return TransientDeliveryError(f"the mail server deferred the mail ({code})",
                                      message_id="delivery.mail_deferred")
    if code == 552:
        refused = "delivery.mail_too_large"
    if 500 <= code < 600:
        return DeliveryRejected(f"the mail server refused the mail ({code})", message_id=refused,
                                status=code, smtp_code=str(code))
    return TransientDeliveryError(f"unexpected SMTP answer {code}", message_id="delivery.unexpected_answer")
