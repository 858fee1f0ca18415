"""``underret doctor``: every profile on this PC (the damaged ones too) and whether its files are private.

Part of :mod:`desktop.doctor`. Nothing here writes: a vault is checked page by page only for keyring
profiles (whose key doctor can read) and only through a read-only connection that creates nothing.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.store.private_files import exposed

if TYPE_CHECKING:
    from desktop.doctor import Findings, Printer
    from desktop.store.keys import KeyringKeyStore
    from desktop.store.profiles import ProfileDirectory, ProfileInfo

SQLITE_PLAIN_HEADER = b"SQLite format 3\x00"


def human_size(size: int) -> str:
    """``1.5 MiB`` and the like."""
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
        return False, f"{human_size(size)}, NOT ENCRYPTED (plain SQLite header)"
    if size < 1024:
        return False, f"{human_size(size)}, too small to be a vault (truncated?)"
    return True, f"{human_size(size)}, encrypted (no plain SQLite header)"


def _optional(module: str, name: str) -> Callable[..., Any] | None:
    """A plug-in function from another area, if that area is installed."""
    try:
        found = importlib.import_module(module)
    except ModuleNotFoundError:
        return None
    function = getattr(found, name, None)
    return function if callable(function) else None


def report_privacy(folder: Path, label: str, out: Printer, findings: Findings, *,
                   contents: bool = True) -> None:
    """Whether others may open ``folder`` (or, with ``contents``, what is in it): 0700/0600 wanted."""
    too_open = exposed(folder, contents=contents)
    if not too_open:
        if contents:  # packaging/README.md promises doctor says so either way
            out(f"  {label}: private (only this user can open them)")
        return
    out(f"  {label}: OPEN TO OTHER USERS: {', '.join(too_open)} (made private at the next start)")
    findings.warning(f"{label} {folder} can be opened by other users of this PC ({', '.join(too_open)}); "
                     "Underret makes it private at its next start")


def report_profiles(directory: ProfileDirectory, keystore: KeyringKeyStore, out: Printer,
                    findings: Findings, writable: Callable[[Path], tuple[bool, str]]) -> None:
    """Each profile: vault file, privacy, key, integrity where the key is at hand; damaged ones too."""
    from desktop.store.errors import VaultError

    try:
        profiles = directory.list()
        damaged = directory.damaged()
    except VaultError as error:
        findings.error(f"the profiles cannot be listed ({error.message_id})")
        profiles, damaged = [], []
    except OSError as error:
        findings.error(f"the profiles cannot be listed ({type(error).__name__})")
        profiles, damaged = [], []
    out(f"Profiles: {len(profiles) + len(damaged)}")
    report_privacy(directory.folder, "profiles folder", out, findings, contents=False)
    sender_info = _optional("desktop.outbox.doctor", "profile_lines")
    for profile in profiles:
        _report_profile(profile, keystore, out, findings, writable)
        if sender_info is not None:
            for line in sender_info(profile):
                out(f"  {line}")
    for profile_id in damaged:
        folder = directory.folder / profile_id
        out(f"- DAMAGED PROFILE (id {profile_id})")
        out(f"  folder: {folder}")
        out("  profile.json: DAMAGED, cannot be read; nothing has been deleted (the vault is kept as it is)")
        findings.error(f"profile {profile_id}: its profile.json is damaged, so the person cannot open it; "
                       f"nothing has been deleted ({folder})")


def _report_profile(profile: ProfileInfo, keystore: KeyringKeyStore, out: Printer, findings: Findings,
                    writable: Callable[[Path], tuple[bool, str]]) -> None:
    from desktop.store.errors import VaultError
    from desktop.store.keys import KeyProtection, zero

    out(f"- {profile.display_name} (id {profile.id})")
    out(f"  key protection: {profile.protection.value}")
    out(f"  vault: {profile.vault_path}")
    healthy, what = vault_file_state(profile.vault_path)
    out(f"  file: {what}")
    if not healthy:
        findings.error(f"profile {profile.id}: vault file {what}")
    for sidecar in (Path(f"{profile.vault_path}-wal"), Path(f"{profile.vault_path}-shm")):
        if sidecar.exists():
            out(f"  {sidecar.name}: {human_size(sidecar.stat().st_size)}")
    _report_log_damage(profile, out, findings)
    ok, state = writable(profile.folder)
    out(f"  folder: {state}")
    if not ok:
        findings.error(f"profile {profile.id}: folder {profile.folder} is not writable ({state})")
    report_privacy(profile.folder, "files", out, findings)
    if profile.protection != KeyProtection.KEYRING:
        if not _report_refused_at_unlock(profile, out, findings):
            out("  opens: not checked (needs the person's passphrase)")
        return
    if profile.has_recovery_passphrase:
        out("  recovery passphrase: yes (opens the vault if the keyring fails)")
        fallback = "; the person can still open it with their recovery passphrase"
    else:
        out("  recovery passphrase: no (if the keyring loses the key, the vault cannot be opened)")
        fallback = "; no recovery passphrase: restore the keyring entry (the vault file is kept)"
    report = findings.warning if profile.has_recovery_passphrase else findings.error
    try:
        key = keystore.load(profile.id)
    except VaultError as error:
        out(f"  key in keyring: CANNOT BE READ ({error.message_id})")
        report(f"profile {profile.id}: its key cannot be read from the keyring{fallback}")
        return
    out(f"  key in keyring: {'present' if key is not None else 'MISSING'}")
    if key is None:
        report(f"profile {profile.id}: its key is missing from the keyring{fallback}")
        return
    try:
        if healthy:
            _report_pages(profile, key, out, findings)
    finally:
        zero(key)


def _report_log_damage(profile: ProfileInfo, out: Printer, findings: Findings) -> None:
    """A write-ahead log left by a crash that would drop committed work (needs no key: any profile)."""
    from desktop.store.wal_check import damaged_log, log_path

    try:
        damage = damaged_log(profile.vault_path)
    except OSError as error:
        out(f"  write-ahead log: cannot be read ({type(error).__name__})")
        return
    if damage is None:
        return
    where = "its header" if damage.frame == 0 else f"frame {damage.frame}"
    out(f"  write-ahead log: DAMAGED at {where}; {damage.commits_dropped} saved change(s) after it would be "
        f"lost, so the vault is refused; nothing has been deleted ({log_path(profile.vault_path).name} kept)")
    findings.error(f"profile {profile.id}: its vault's write-ahead log is damaged; the person cannot open "
                   "it; nothing has been deleted")


def _report_pages(profile: ProfileInfo, key: bytearray, out: Printer, findings: Findings) -> None:
    """Every page of the vault checked with its key (read-only; nothing is made beside it)."""
    from desktop.store.errors import VaultCorrupt, VaultError
    from desktop.store.vault import check_vault_file

    try:
        check_vault_file(profile.vault_path, key)
    except VaultCorrupt as error:
        if error.details.get("file", "").endswith("-wal"):
            out("  pages: not checked (the write-ahead log is damaged, see above)")
            return
        pages = error.details.get("pages")
        out(f"  pages: DAMAGED ({pages + ' page(s) fail' if pages else 'unreadable'} SQLCipher's check)")
        findings.error(f"profile {profile.id}: its vault is damaged; the person cannot open it; nothing has "
                       "been deleted")
    except VaultError as error:
        out(f"  pages: not checked ({error.message_id})")
    else:
        out("  pages: all intact (SQLCipher's check)")


def _report_refused_at_unlock(profile: ProfileInfo, out: Printer, findings: Findings) -> bool:
    """A vault doctor cannot check itself (it needs the person's passphrase) that the app refused as
    damaged when the person unlocked it (the event log says so): an error while the vault is still the
    file that was refused, a note once it has changed since (a copy put back). False: no such refusal."""
    from datetime import datetime

    from desktop import eventlog

    marker = f"profile={profile.id}"
    refusals = eventlog.entries(
        accept=lambda entry: entry.message_id == "vault.corrupt" and marker in entry.text)
    if not refusals:
        return False
    last = refusals[-1]
    try:
        refused_at = datetime.strptime(last.at, "%Y-%m-%dT%H:%M:%S%z").timestamp()
    except ValueError:
        return False
    files = [profile.vault_path, Path(f"{profile.vault_path}-wal")]
    # ctime too: a copy put back with its old modification time (cp -p) is still a change.
    changed = max((max(path.stat().st_mtime, path.stat().st_ctime) for path in files if path.exists()),
                  default=0.0)
    # The log's time has whole seconds: a file written within the second of the refusal is the one refused.
    if changed < refused_at + 1:
        out(f"  opens: REFUSED as damaged when the person unlocked it ({last.at}, event log); the file is "
            "unchanged since; nothing has been deleted")
        findings.error(f"profile {profile.id}: its vault was refused as damaged at unlock ({last.at}); the "
                       "person cannot open it; nothing has been deleted")
    else:
        out(f"  opens: not checked (needs the person's passphrase); refused as damaged at {last.at}, but "
            "the file has changed since")
    return True
