"""``underret doctor``: the guideline pack in force, its updates, and where notifications go.

Part of :mod:`desktop.doctor` (which prints the rest and decides the exit code). Everything here only
reads: the pack files, the update status and the policy.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.errors import UnderretError

if TYPE_CHECKING:
    from desktop.config.policy import Policy
    from desktop.doctor import Findings, Printer
    from desktop.domain.packs import GuidelinePack
    from desktop.outbox.target import IntakeTarget


def report_intake_keys(policy: Policy, pack: GuidelinePack, out: Printer) -> None:
    """The keys notifications are sealed to, with the fingerprints ``underret-intake keygen`` printed.

    During a key rotation IT checks here that a PC seals to the new key before
    the intake stops accepting the old one.
    """
    import base64

    from desktop.outbox.target import recipient_key_sources
    from protocol.envelope import fingerprint

    keys = recipient_key_sources(pack, policy)
    source = "policy intake_keys" if policy.intake_keys else "guideline pack"
    if not keys:
        out("  intake keys: none (notifications cannot be sealed until the pack or policy names one)")
        return
    out(f"  intake keys (from the {source}; each notification is sealed to all of them):")
    for key_id, public_key, _ in keys:
        out(f"    {key_id}: fingerprint {fingerprint(base64.b64decode(public_key))}")


def report_delivery(policy: Policy, pack: GuidelinePack, out: Printer, findings: Findings) -> None:
    """Where finalised notifications go, or why they cannot leave this PC.

    Not configured is an error when IT set delivery up in the policy (an intake or
    the transports), and only a note otherwise (a pack without an intake, e.g. trials).
    """
    from desktop.outbox.target import IntakeNotConfigured, intake_target

    try:
        target = intake_target(pack, policy)
    except IntakeNotConfigured as error:
        setting = error.details.get("setting", "")
        out(f"  delivery: NOT CONFIGURED ({error}; setting {setting}); notifications stay queued")
        if (policy.intake_endpoint is not None or policy.allowed_transports is not None
                or policy.secure_email_to is not None):
            findings.error(f"delivery is not configured: {error} (setting {setting})")
        return
    from desktop.outbox.target import allowed_transports

    out(f"  transports allowed (in order of preference): {', '.join(allowed_transports(policy))}; "
        f"in force: {target.transport}")
    if target.mail is not None:
        _report_secure_email(target, out, findings)
        _report_mail_checks(target, policy.proxy, out, findings)
        return
    from desktop.outbox.transport import ENVELOPE_PATH, intake_base

    trust = "pinned certificate key" if target.pin_sha256 else "CA certificate"
    # The address posts really go to, so IT can compare it with the intake's (or nginx's) routes.
    posted_to = intake_base(target.endpoint) + ENVELOPE_PATH
    out(f"  delivery: HTTPS to {posted_to} (TLS verified against the {trust})")


def _report_secure_email(target: IntakeTarget, out: Printer, findings: Findings) -> None:
    """The secure e-mail settings in force: addresses, server, TLS, the mailbox certificate (no secrets)."""
    from datetime import UTC, datetime

    from desktop.outbox.mail import mailbox_certificate

    mail = target.mail
    assert mail is not None
    tls = "STARTTLS required" if mail.tls_mode == "starttls" else "implicit TLS (SMTPS)"
    trust = "the policy's CA file (smtp_ca_pem_file)" if mail.ca_pem else "the system's trust store"
    out(f"  delivery: secure e-mail (S/MIME) to {mail.mailbox}, from {mail.sender}")
    out(f"  SMTP server: {mail.smtp_host}:{mail.smtp_port}, {tls}, TLS 1.2 or newer, certificate and "
        f"host name checked against {trust}; never sent unencrypted")
    out("  no signed receipt by e-mail: a mail the server accepted counts as sent, and the municipality's "
        "acknowledgement is awaited")
    try:
        certificate = mailbox_certificate(mail.certificate_pem)
    except UnderretError as error:
        out(f"  mailbox certificate: UNUSABLE ({error.message_id}: {error})")
        findings.error(f"the secure mailbox certificate cannot be used ({error.message_id})")
        return
    expires = certificate.not_valid_after_utc
    out(f"  mailbox certificate: {certificate.subject.rfc4514_string()}, "
        f"valid until {expires.date().isoformat()}")
    if expires < datetime.now(UTC):
        out("  mailbox certificate: EXPIRED (nothing is sent until IT installs the new one)")
        findings.error("the secure mailbox certificate has expired (secure_email_certificate_file)")


def _report_mail_checks(target: IntakeTarget, proxy: str | None, out: Printer, findings: Findings) -> None:
    """The mailbox certificate as the sender judges it, the login, signing, the proxy (delivery's lines)."""
    from desktop.outbox.mail_doctor import mail_findings

    assert target.mail is not None
    for level, text in mail_findings(target.mail, proxy):
        out(f"  {text}")
        if level == "error":
            findings.error(text)
        elif level == "warning":
            findings.warning(text)


def report_pack(policy: Policy, out: Printer, findings: Findings) -> None:
    """The pack in force (downloaded or shipped), a damaged downloaded copy, the last update check."""
    from desktop.config.pack_updates import active_pack_path, downloaded_pack_state, read_status
    from desktop.domain.packs import load_pack

    path = active_pack_path(policy)
    out(f"Guideline pack: {path}")
    downloaded, damage = downloaded_pack_state(policy)
    if downloaded is not None:
        out(f"  downloaded update: version {downloaded.version}, signed by key {downloaded.key_id}, "
            f"installed {downloaded.installed_at.isoformat()}")
    else:
        out("  shipped with the application")
    if damage is not None:
        out(f"  downloaded copy: DAMAGED ({damage.message_id}: {damage}); the shipped pack is used until "
            "the next good download")
        findings.warning(f"the downloaded guideline pack is damaged ({damage.message_id}); the shipped pack "
                         "is in use")
    try:
        pack = load_pack(path)
    except UnderretError as error:
        out(f"  INVALID: {error.message_id} {error.details}")
        findings.error(f"the guideline pack {path} cannot be used ({error.message_id})")
    except OSError as error:
        out(f"  CANNOT BE READ: {error.strerror or type(error).__name__}")
        findings.error(f"the guideline pack {path} cannot be read")
    else:
        out(f"  id {pack.id}, version {pack.version}")
        report_intake_keys(policy, pack, out)
        report_delivery(policy, pack, out, findings)
    status = read_status()
    if status is None:
        out("  last update check: none recorded")
        return
    line = f"  last update check: {status.outcome.value} at {status.checked_at.isoformat()}"
    if status.problem:
        line += f" ({status.message_id}: {status.problem})"
    out(line)
    from desktop.config.pack_updates import UpdateOutcome

    if status.outcome is UpdateOutcome.REFUSED:
        findings.warning(f"the last guideline pack update was refused ({status.message_id}: "
                         f"{status.problem}); the pack in force stays")
    elif status.outcome is UpdateOutcome.UNREACHABLE:
        findings.warning(f"the pack source could not be reached at the last check ({status.message_id})")


def report_directory(policy: Policy, out: Printer, findings: Findings) -> None:
    """The municipality directory in force (downloaded or shipped), a damaged download, the last check:
    the same facts as the guideline pack's, from the same mechanism."""
    from desktop.config.directory_updates import DIRECTORY, active_directory_path
    from desktop.config.signed_updates import UpdateOutcome, downloaded_state, read_status

    path = active_directory_path(policy)
    version = _version(DIRECTORY.version_of, path)
    installed, damage = downloaded_state(DIRECTORY, policy)
    where = "downloaded update" if installed is not None and installed.file == path else "shipped"
    out(f"Municipality directory: {path} (version {version}, {where})")
    if damage is not None:
        out(f"  downloaded copy: DAMAGED ({damage.message_id}: {damage}); the shipped directory is used")
        findings.warning(f"the downloaded municipality directory is damaged ({damage.message_id}); the "
                         "shipped one is in use")
    status = read_status(DIRECTORY.folder())
    if status is None:
        out("  last update check: none recorded")
        return
    line = f"  last update check: {status.outcome.value} at {status.checked_at.isoformat()}"
    out(line + (f" ({status.message_id}: {status.problem})" if status.problem else ""))
    if status.outcome is UpdateOutcome.REFUSED:
        findings.warning(f"the last municipality directory update was refused ({status.message_id}: "
                         f"{status.problem}); the directory in force stays")


def _version(version_of: Callable[[bytes], str | None], path: Path) -> str:
    try:
        return version_of(path.read_bytes()) or "?"
    except OSError:
        return "unreadable"
