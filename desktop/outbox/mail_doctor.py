"""What ``underret doctor`` says about secure e-mail beyond the addresses: checks IT can act on.

The mailbox certificate as the sender will judge it (chain, usage, address,
revocation, through the same check), the SMTP login (whether a password is
found, never the password), the signing certificate, and what becomes of the
proxy setting for mail. Each finding is ``(level, text)``: ``"ok"``,
``"warning"`` (sending works, but IT should know) or ``"error"`` (nothing is
sent until IT acts).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from desktop.errors import UnderretError

if TYPE_CHECKING:
    from desktop.outbox.mail import MailTarget

Level = Literal["ok", "warning", "error"]


def mail_findings(mail: MailTarget, proxy: str | None) -> list[tuple[Level, str]]:
    """Doctor's findings for the secure e-mail settings in force (see the module's notes)."""
    from desktop.outbox.mail import (
        SIGNING_KEYRING_SERVICE,
        SMTP_KEYRING_SERVICE,
        load_signing_identity,
        mailbox_certificate,
        read_secret,
    )
    from desktop.outbox.mail_certificate import MailboxCertificateCheck
    from desktop.outbox.smtp import mail_proxy

    found: list[tuple[Level, str]] = []
    if mail.mailbox_ca_pem is not None:
        try:
            check = MailboxCertificateCheck(mailbox_certificate(mail.certificate_pem), mail.mailbox,
                                            mail.mailbox_ca_pem, mail.revocation, proxy=mail_proxy(proxy))
            verdict = check.check()
        except UnderretError as error:
            found.append(("error", f"mailbox certificate check: REFUSED ({error.message_id}); nothing is "
                                   "sent by secure e-mail until IT puts it right"))
        else:
            if verdict.warning:
                found.append(("warning", "mailbox certificate check: valid, but its revocation could not be "
                                         "checked (secure_email_revocation = warn: mails are sent)"))
            else:
                found.append(("ok", "mailbox certificate check: valid (chain to secure_email_ca_pem_file, "
                                    "dates, key encipherment, e-mail protection, address, revocation)"))
    found.append(("ok", f"when revocation cannot be checked: {mail.revocation}"))
    if mail.username:
        source = f"the file {mail.password_file}" if mail.password_file else \
            f"the OS keyring (service {SMTP_KEYRING_SERVICE}, user {mail.username})"
        if read_secret(mail.password_file, SMTP_KEYRING_SERVICE, mail.username):
            found.append(("ok", f"SMTP login: user {mail.username}, PLAIN or LOGIN over TLS only; password "
                                f"found in {source}"))
        else:
            found.append(("error", f"SMTP login: user {mail.username}, but NO PASSWORD in {source}; "
                                   "notifications wait until IT sets up the mail login"))
    else:
        found.append(("ok", "SMTP login: none (smtp_username not set); a server that asks for one gets "
                            "nothing, and notifications wait for IT"))
    if mail.signing_p12 is not None:
        password = read_secret(mail.signing_password_file, SIGNING_KEYRING_SERVICE, mail.signing_p12_name)
        try:
            identity = load_signing_identity(mail.signing_p12, password)
        except UnderretError as error:
            found.append(("error", f"S/MIME signing: the PKCS#12 file {mail.signing_p12_name} cannot be "
                                   f"opened ({error.message_id}); nothing is sent until IT puts it right"))
        else:
            found.append(("ok", f"S/MIME signing: with {identity.certificate.subject.rfc4514_string()}, "
                                f"valid until {identity.certificate.not_valid_after_utc.date().isoformat()}"))
    else:
        found.append(("ok", "S/MIME signing: none (secure_email_signing_p12_file not set); each mail says "
                            "that the signed envelope inside protects it"))
    from desktop.config.settings import without_password

    shown = without_password(proxy) if proxy else proxy  # doctor's output goes into tickets
    if proxy and mail_proxy(proxy):
        found.append(("ok", f"proxy for mail: {shown} (HTTP CONNECT to {mail.smtp_host}:{mail.smtp_port}; "
                            "the proxy must allow that port)"))
    elif proxy:
        found.append(("warning", f"proxy for mail: NONE. Mail ignores the proxy setting {shown}: only an "
                                 "http:// proxy can carry it (HTTP CONNECT); mail goes straight to the SMTP "
                                 "server"))
    return found
