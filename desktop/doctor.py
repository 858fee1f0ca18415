"""``underret doctor``: what municipal IT needs to know about Underret on this PC.

Prints (in English) the policy in force and where it came from, the settings
and their sources, the data folder, the keyring backend and whether it works,
the guideline pack, and every profile's vault: where it is, how big, whether
the file looks like an encrypted vault, whether its folder is writable, and
how its key is protected (for a keyring profile, also whether a recovery
passphrase can open it if the keyring fails). The checks here never open a vault (that needs
the person's key); delivery's ``profile_lines`` adds the sender key
fingerprint, which it can read only for profiles whose key is in the OS
keyring. Exit code 0 when all is well, 1 when something needs IT's attention
(each reason printed), 3 for an invalid policy.
"""

from __future__ import annotations

import importlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop import __version__, paths
from desktop.errors import UnderretError

if TYPE_CHECKING:
    from desktop.config.policy import Policy
    from desktop.domain.packs import GuidelinePack
    from desktop.outbox.target import IntakeTarget

SQLITE_PLAIN_HEADER = b"SQLite format 3\x00"

Printer = Callable[[str], Any]


def _folder_writable(folder: Path) -> tuple[bool, str]:
    """Really try to create a file: os.access says yes to root on a read-only mount."""
    if not folder.exists():
        return False, "does not exist"
    try:
        handle, name = tempfile.mkstemp(prefix=".underret-doctor-", dir=folder)
    except OSError as exc:
        return False, exc.strerror or type(exc).__name__
    os.close(handle)
    os.unlink(name)
    return True, "writable"


def _human_size(size: int) -> str:
    value = float(size)
    for unit in ("bytes", "KiB", "MiB", "GiB"):
        if value < 1024 or unit == "GiB":
            return f"{size} bytes" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} bytes"


def vault_file_state(path: Path) -> tuple[bool, str]:
    """(looks healthy, description) of a vault file from the outside, without its key."""
    if not path.exists():
        return False, "missing"
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_PLAIN_HEADER))
    except OSError as exc:
        return False, f"cannot be read ({exc.strerror or type(exc).__name__})"
    if size == 0:
        return False, "empty file (0 bytes)"
    if head == SQLITE_PLAIN_HEADER:
        return False, f"{_human_size(size)}, NOT ENCRYPTED (plain SQLite header)"
    if size < 1024:
        return False, f"{_human_size(size)}, too small to be a vault (truncated?)"
    return True, f"{_human_size(size)}, encrypted (no plain SQLite header)"


def _optional(module: str, name: str) -> Callable[..., Any] | None:
    """A plug-in function from another area, if that area is installed."""
    try:
        found = importlib.import_module(module)
    except ModuleNotFoundError:
        return None
    function = getattr(found, name, None)
    return function if callable(function) else None


def _report_intake_keys(policy: Policy, pack: GuidelinePack, out: Printer) -> None:
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


def _report_delivery(policy: Policy, pack: GuidelinePack, out: Printer, problems: list[str]) -> None:
    """Where finalised notifications go, or why they cannot leave this PC.

    Not configured is a problem when IT set delivery up in the policy (an intake or
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
            problems.append(f"delivery is not configured: {error} (setting {setting})")
        return
    from desktop.outbox.target import allowed_transports

    out(f"  transports allowed (in order of preference): {', '.join(allowed_transports(policy))}; "
        f"in force: {target.transport}")
    if target.mail is not None:
        _report_secure_email(target, out, problems)
        return
    trust = "pinned certificate key" if target.pin_sha256 else "CA certificate"
    out(f"  delivery: HTTPS to {target.endpoint} (TLS verified against the {trust})")


def _report_secure_email(target: IntakeTarget, out: Printer, problems: list[str]) -> None:
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
        problems.append(f"the secure mailbox certificate cannot be used ({error.message_id})")
        return
    expires = certificate.not_valid_after_utc
    out(f"  mailbox certificate: {certificate.subject.rfc4514_string()}, "
        f"valid until {expires.date().isoformat()}")
    if expires < datetime.now(UTC):
        out("  mailbox certificate: EXPIRED (nothing is sent until IT installs the new one)")
        problems.append("the secure mailbox certificate has expired (secure_email_certificate_file)")


def _report_pack(policy: Policy, out: Printer, problems: list[str]) -> None:
    from desktop.app import active_pack_path
    from desktop.config.pack_updates import installed_pack, read_status
    from desktop.domain.packs import load_pack

    path = active_pack_path(policy)
    out(f"Guideline pack: {path}")
    downloaded = installed_pack(policy)
    if downloaded is not None:
        out(f"  downloaded update: version {downloaded.version}, signed by key {downloaded.key_id}, "
            f"installed {downloaded.installed_at.isoformat()}")
    else:
        out("  shipped with the application")
    try:
        pack = load_pack(path)
    except UnderretError as error:
        out(f"  INVALID: {error.message_id} {error.details}")
        problems.append(f"the guideline pack {path} cannot be used ({error.message_id})")
    except OSError as error:
        out(f"  CANNOT BE READ: {error.strerror or type(error).__name__}")
        problems.append(f"the guideline pack {path} cannot be read")
    else:
        out(f"  id {pack.id}, version {pack.version}")
        _report_intake_keys(policy, pack, out)
        _report_delivery(policy, pack, out, problems)
    status = read_status()
    if status is None:
        out("  last update check: none recorded")
    else:
        line = f"  last update check: {status.outcome.value} at {status.checked_at.isoformat()}"
        if status.problem:
            line += f" ({status.message_id}: {status.problem})"
        out(line)


def run_doctor(out: Printer) -> int:
    """Print the report; return the exit code."""
    from desktop.config.policy import PolicyInvalid, load_policy
    from desktop.config.settings import Settings

    problems: list[str] = []
    out(f"Underret {__version__} - doctor (output in English)")
    out("")

    # --- policy ------------------------------------------------------------------------------
    try:
        policy, source = load_policy()
    except PolicyInvalid as error:
        out("Policy: INVALID")
        out(f"  file:    {error.details.get('file', '')}")
        out(f"  setting: {error.details.get('setting', '')}")
        out(f"  problem: {error.details.get('problem', '')}")
        for setting, problem in getattr(error, "problems", [])[1:]:
            out(f"  also:    {setting}: {problem}")
        out("")
        out("RESULT: the policy is invalid, so Underret will not start. Fix the setting named above.")
        return 3
    out(f"Policy source: {source.kind} ({source.location})")
    managed = policy.managed_settings()
    out(f"  managed settings: {', '.join(managed) if managed else '(none)'}")

    settings = Settings.load(policy)
    out("Settings in force:")
    for name in ("language", "idle_lock_minutes", "key_protection", "retention_days", "demo_allowed",
                 "municipality", "intake_endpoint"):
        out(f"  {name} = {settings.value(name)!r} ({settings.source(name).value})")
    for problem in settings.problems:
        out(f"  note: user settings problem: {problem.message_id} {problem.details}")

    # --- data folder ---------------------------------------------------------------------------
    data = paths.user_data_dir()
    out("")
    out(f"Data folder: {data}")
    if data.exists():
        ok, what = _folder_writable(data)
        out(f"  {what}")
        if not ok:
            problems.append(f"the data folder {data} is not writable ({what})")
    else:
        parent_ok, _ = _folder_writable(data.parent) if data.parent.exists() else (False, "")
        out("  does not exist yet (created with the first profile)"
            + ("" if parent_ok else "; its parent folder is NOT writable"))
        if not parent_ok:
            problems.append(f"the data folder {data} cannot be created")

    # --- keyring -------------------------------------------------------------------------------
    from desktop.store.errors import KeyringUnavailable, VaultError
    from desktop.store.keys import KeyProtection, KeyringKeyStore, zero

    keystore = KeyringKeyStore()
    out("")
    out(f"Keyring backend: {keystore.backend_name()}")
    keyring_ok = True
    try:
        keystore.check_available()
        out("  works: yes")
    except KeyringUnavailable as error:
        keyring_ok = False
        out(f"  works: NO ({error.details.get('reason', '')})")
    protection = str(settings.value("key_protection"))
    out(f"Key protection for new profiles: {protection} ({settings.source('key_protection').value})")
    if protection == "keyring" and not keyring_ok:
        if settings.is_managed("key_protection"):
            problems.append("the policy requires the OS keyring, but the keyring does not work")
        else:
            out("  note: new profiles will fall back to a passphrase")

    # --- guideline pack -------------------------------------------------------------------------
    out("")
    _report_pack(policy, out, problems)

    # --- profiles ------------------------------------------------------------------------------
    from desktop.store.profiles import ProfileDirectory

    out("")
    try:
        profiles = ProfileDirectory(keyring_store=keystore).list()
    except VaultError as error:
        problems.append(f"the profiles cannot be listed ({error.message_id})")
        profiles = []
    out(f"Profiles: {len(profiles)}")
    sender_info = _optional("desktop.outbox.doctor", "profile_lines")
    for profile in profiles:
        out(f"- {profile.display_name} (id {profile.id})")
        out(f"  key protection: {profile.protection.value}")
        out(f"  vault: {profile.vault_path}")
        healthy, what = vault_file_state(profile.vault_path)
        out(f"  file: {what}")
        if not healthy:
            problems.append(f"profile {profile.id}: vault file {what}")
        for sidecar in (Path(f"{profile.vault_path}-wal"), Path(f"{profile.vault_path}-shm")):
            if sidecar.exists():
                out(f"  {sidecar.name}: {_human_size(sidecar.stat().st_size)}")
        ok, writable = _folder_writable(profile.folder)
        out(f"  folder: {writable}")
        if not ok:
            problems.append(f"profile {profile.id}: folder {profile.folder} is not writable ({writable})")
        if profile.protection == KeyProtection.KEYRING:
            if profile.has_recovery_passphrase:
                out("  recovery passphrase: yes (opens the vault if the keyring fails)")
                fallback = "; the person can still open it with their recovery passphrase"
            else:
                out("  recovery passphrase: no (if the keyring loses the key, the vault cannot be opened)")
                fallback = "; no recovery passphrase: restore the keyring entry (the vault file is kept)"
            try:
                key = keystore.load(profile.id)
            except VaultError as error:
                out(f"  key in keyring: CANNOT BE READ ({error.message_id})")
                problems.append(f"profile {profile.id}: its key cannot be read from the keyring{fallback}")
            else:
                out(f"  key in keyring: {'present' if key is not None else 'MISSING'}")
                if key is None:
                    problems.append(f"profile {profile.id}: its key is missing from the keyring{fallback}")
                zero(key)
        else:
            out("  opens: not checked (needs the person's passphrase)")
        if sender_info is not None:
            for line in sender_info(profile):
                out(f"  {line}")

    out("")
    if problems:
        out("RESULT: PROBLEMS FOUND")
        for problem in problems:
            out(f"  - {problem}")
        return 1
    out("RESULT: OK")
    return 0
