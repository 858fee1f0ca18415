"""Profiles: several people on one PC, each with their own vault and key.

Each profile is a folder ``<data>/profiles/<uuid>/`` holding ``vault.db`` (and
its WAL files), ``profile.json`` (display name, key protection, and for a
passphrase profile the wrapped key) and, after wrong passphrases, a small
``unlock_attempts.json`` that makes the next attempt wait a growing delay.

A keyring profile may also hold a wrapped copy of its key in ``profile.json``
(the same ``wrapped_key`` field and format as a passphrase profile), wrapped
with a *recovery passphrase*: when the OS keyring later breaks, is reset or
loses the entry, that passphrase still opens the vault, and the key is put
back into the keyring once it works again.

``profile.json`` is only ever replaced atomically (a temporary file in the
same folder, fsync, ``os.replace``, fsync of the folder), so a crash while
changing the passphrase leaves either the old or the new wrapped key, never
neither.
"""

from __future__ import annotations

import builtins
import errno
import json
import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.paths import user_data_dir
from desktop.store.errors import (
    DiskFull,
    KeyMissing,
    KeyringUnavailable,
    ProfileCorrupt,
    ProfileExists,
    ProfileNotFound,
    UnlockDelayed,
    VaultError,
    VaultIOError,
    VaultReadOnly,
    WrongKey,
    WrongPassphrase,
)
from desktop.store.keys import (
    CHECKSUM_FIELD,
    KeyProtection,
    KeyringKeyStore,
    ScryptParams,
    WrappedKey,
    new_vault_key,
    unwrap_key,
    wrap_key,
    zero,
)

if TYPE_CHECKING:
    from datetime import datetime

    from desktop.store.clock import Clock
    from desktop.store.vault import Vault

_log = logging.getLogger(__name__)

PROFILE_FILE = "profile.json"
#: The passphrase-wrapped key in profile.json: the key itself for a passphrase profile, the recovery
#: copy for a keyring profile.
WRAPPED_KEY_FIELD = "wrapped_key"
VAULT_FILE = "vault.db"
ATTEMPTS_FILE = "unlock_attempts.json"
PROFILE_FORMAT_VERSION = 1
#: No profile.json Underret writes comes near this (about 1 KB): a bigger one is damaged, and is not
#: read whole into memory at every start.
MAX_PROFILE_FILE_BYTES = 1024 * 1024
FREE_ATTEMPTS = 3
MAX_DELAY_SECONDS = 60.0


def delay_after_failures(failures: int) -> float:
    """Seconds to wait after ``failures`` wrong passphrases in a row: 0, 0, 0, then 2, 4, 8 … up to 60."""
    if failures <= FREE_ATTEMPTS:
        return 0.0
    return min(2.0 ** (failures - FREE_ATTEMPTS), MAX_DELAY_SECONDS)


def store_error(exc: OSError, file: str) -> VaultError:
    """The store error for an operating-system failure writing a profile's files."""
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return VaultReadOnly("profile folder not writable", file=file)
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return DiskFull("disk full", file=file)
    return VaultIOError("profile file could not be written", file=file)


def write_atomically(target: Path, text: str) -> None:
    """Replace ``target`` with ``text`` so that a crash leaves the old or the new content, whole.

    Raises VaultReadOnly, DiskFull or VaultIOError; the old file is untouched on failure.
    """
    import uuid  # here, not at start-up: uuid imports platform (listing profiles needs neither)

    from desktop.store.private_files import open_private

    temporary = target.with_name(f".{target.name}.{uuid.uuid4().hex}.tmp")
    try:
        # 0600 from the start: profile.json holds the passphrase-wrapped key.
        descriptor = open_private(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL)
        with open(descriptor, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise store_error(exc, target.name) from exc
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    if os.name == "posix":  # make the rename itself durable
        folder = os.open(target.parent, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)


class ProfileInfo:
    """One person's profile on this PC.

    (A plain class, not a NamedTuple: profiles are listed before the first window, and making a
    NamedTuple class compiles its methods from source, ~0.7 M instructions.)
    """

    __slots__ = ("display_name", "folder", "has_recovery_passphrase", "id", "protection", "vault_path")

    def __init__(self, id: str, display_name: str, protection: KeyProtection, folder: Path,
                 vault_path: Path, has_recovery_passphrase: bool = False) -> None:
        self.id = id
        self.display_name = display_name
        self.protection = protection
        self.folder = folder
        self.vault_path = vault_path
        #: A keyring profile whose key is also wrapped with a recovery passphrase (False for the others).
        self.has_recovery_passphrase = has_recovery_passphrase

    def _values(self) -> tuple[str, str, KeyProtection, Path, Path, bool]:
        return (self.id, self.display_name, self.protection, self.folder, self.vault_path,
                self.has_recovery_passphrase)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ProfileInfo) and self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        # Without the display name (a person's name): whatever logs a profile stays content-free.
        return f"ProfileInfo(id={self.id!r}, protection={self.protection!r})"


class ProfileDirectory:
    """The profiles on this PC and their keys.

    ``vault_type`` is the kind of vault a new profile gets (the app's :class:`Vault`; the desk's
    ``DeskVault`` for profiles under the desk's own root).
    """

    def __init__(self, root: Path | None = None, keyring_store: KeyringKeyStore | None = None,
                 scrypt: ScryptParams | None = None, clock: Clock | None = None,
                 vault_type: type[Vault] | None = None) -> None:
        self.root = root if root is not None else user_data_dir()
        self._vault_type = vault_type
        self.folder = self.root / "profiles"
        self._keyring = keyring_store if keyring_store is not None else KeyringKeyStore()
        self._scrypt = scrypt or ScryptParams()
        # None: the real clock, loaded on first use (listing profiles at start-up needs no datetime).
        self._clock = clock

    def keyring_works(self) -> bool:
        """Whether the OS keyring these profiles use can keep a key now (it may block: a worker thread)."""
        try:
            self._keyring.check_available()
        except KeyringUnavailable:
            return False
        return True

    # -- reading -------------------------------------------------------------------------------

    def _read(self, folder: Path) -> dict[str, Any]:
        try:
            with open(folder / PROFILE_FILE, "rb") as handle:
                raw = handle.read(MAX_PROFILE_FILE_BYTES + 1)
            if len(raw) > MAX_PROFILE_FILE_BYTES:
                raise ValueError("larger than any profile file")
            # RecursionError: JSON nested deeper than the parser goes; it is no ValueError.
            data = json.loads(raw.decode("utf-8"))
        except FileNotFoundError as exc:
            raise ProfileNotFound("no such profile", id=folder.name) from exc
        except (OSError, ValueError, RecursionError) as exc:
            raise ProfileCorrupt("profile file unreadable", id=folder.name) from exc
        if not isinstance(data, dict) or data.get("id") != folder.name:
            raise ProfileCorrupt("profile file unreadable", id=folder.name)
        return data

    def _info(self, folder: Path, data: dict[str, Any]) -> ProfileInfo:
        try:
            protection = KeyProtection(data["protection"])
            name = data["display_name"]
            if not isinstance(name, str):
                raise ValueError("the display name is not text")
            if protection is KeyProtection.PASSPHRASE:
                # The only way into a passphrase profile: if it cannot be read, profile.json is damaged
                # (said as such at unlock, listed by doctor), not "a key is missing".
                WrappedKey.from_dict(data.get(WRAPPED_KEY_FIELD))
            return ProfileInfo(id=folder.name, display_name=name,
                               protection=protection, folder=folder, vault_path=folder / VAULT_FILE,
                               has_recovery_passphrase=(protection is KeyProtection.KEYRING
                                                        and WRAPPED_KEY_FIELD in data))
        except (KeyError, ValueError, KeyMissing) as exc:
            raise ProfileCorrupt("profile file unreadable", id=folder.name) from exc

    def _folder(self, profile_id: str) -> Path:
        import uuid

        try:
            canonical = str(uuid.UUID(profile_id))
        except ValueError as exc:
            raise ProfileNotFound("no such profile", id="invalid") from exc
        return self.folder / canonical

    def get(self, profile_id: str) -> ProfileInfo:
        """One profile; ProfileNotFound or ProfileCorrupt."""
        folder = self._folder(profile_id)
        return self._info(folder, self._read(folder))

    def list(self) -> list[ProfileInfo]:
        """Every readable profile, by display name. Damaged ones are listed by :meth:`damaged`."""
        profiles = []
        for folder in self._profile_folders():
            try:
                profiles.append(self._info(folder, self._read(folder)))
            except (ProfileCorrupt, ProfileNotFound):
                continue
        return sorted(profiles, key=lambda p: (p.display_name.casefold(), p.id))

    def damaged(self) -> builtins.list[str]:
        """Ids of profile folders whose profile.json cannot be read (kept as they are)."""
        broken = []
        for folder in self._profile_folders():
            try:
                self._info(folder, self._read(folder))
            except ProfileCorrupt:
                broken.append(folder.name)
            except ProfileNotFound:
                continue  # a folder left by an interrupted create: no profile yet
        return broken

    def make_private(self) -> dict[str, builtins.list[str]]:
        """Make the data folder, ``profiles/`` and every profile folder and file private to this user
        (0700/0600; an owner-only ACL on Windows): what an older version left open to other users of
        the PC is closed at start. Returns, per profile id (and ``""`` for the folders above them),
        the names that were too open. Best effort: a folder that cannot be changed is logged and left."""
        from desktop.store.private_files import tighten, tighten_folder_only

        changed: dict[str, builtins.list[str]] = {}
        for folder, label in ((self.root, ""), (self.folder, "")):
            try:
                if folder.is_dir() and tighten_folder_only(folder):
                    changed.setdefault(label, []).append(folder.name)
            except OSError as exc:
                _log.warning("cannot make %s private (%s)", folder.name, type(exc).__name__)
        for folder in self._profile_folders():
            try:
                names = tighten(folder)
            except OSError as exc:
                _log.warning("cannot make profile %s private (%s)", folder.name, type(exc).__name__)
                continue
            if names:
                changed[folder.name] = names
                from desktop.eventlog import notice

                notice("profile.made_private", profile=folder.name, entries=",".join(names))
        return changed

    def _profile_folders(self) -> builtins.list[Path]:
        if not self.folder.is_dir():
            return []
        return sorted(p for p in self.folder.iterdir() if p.is_dir() and not p.name.startswith("."))

    # -- creating ------------------------------------------------------------------------------

    def create(self, display_name: str, protection: KeyProtection, passphrase: str | None, *,
               recovery_passphrase: str | None = None) -> tuple[ProfileInfo, bytearray]:
        """Make a profile with a new vault; returns it and the raw key (the caller zeroes it).

        KEYRING protection raises KeyringUnavailable when the OS keyring cannot keep the key,
        leaving nothing behind, so the UI can ask for a passphrase instead. A KEYRING profile
        given a ``recovery_passphrase`` also keeps its key wrapped with it (empty means none).
        """
        name = display_name.strip()
        if not name:
            raise ValueError("a profile needs a name")
        if any(p.display_name.casefold() == name.casefold() for p in self.list()):
            raise ProfileExists("profile name taken")
        if protection is KeyProtection.PASSPHRASE and not passphrase:
            raise ValueError("a passphrase profile needs a passphrase")
        import shutil
        import uuid

        from desktop.store.clock import to_text
        from desktop.store.vault import Vault  # SQLCipher loads when a vault is made or opened, not before

        profile_id = str(uuid.uuid4())
        folder = self.folder / profile_id
        key = new_vault_key()
        data: dict[str, Any] = {"version": PROFILE_FORMAT_VERSION, "id": profile_id, "display_name": name,
                                "protection": protection.value, "created_at": to_text(self._now())}
        from desktop.store.private_files import make_private_folder

        try:
            # The data folder and profiles/ too: others cannot even list who has a profile here.
            make_private_folder(self.root)
            make_private_folder(self.folder)
            folder.mkdir(mode=0o700)
            make_private_folder(folder)
        except OSError as exc:
            raise store_error(exc, "profiles") from exc
        in_keyring = False
        try:
            if protection is KeyProtection.KEYRING:
                self._keyring.store(profile_id, key)
                in_keyring = True
                if recovery_passphrase:
                    data[WRAPPED_KEY_FIELD] = wrap_key(key, recovery_passphrase, self._scrypt).to_dict()
            else:
                assert passphrase is not None
                data[WRAPPED_KEY_FIELD] = wrap_key(key, passphrase, self._scrypt).to_dict()
            (self._vault_type or Vault).open(folder / VAULT_FILE, key, create=True, clock=self._clock).close()
            write_atomically(folder / PROFILE_FILE, json.dumps(data, indent=2, ensure_ascii=False))
        except BaseException:
            zero(key)
            if in_keyring:
                self._keyring.delete(profile_id)
            # The folder is brand new and ours: nothing of the user's is in it.
            shutil.rmtree(folder, ignore_errors=True)
            raise
        _log.info("profile created (%s, %s%s)", profile_id, protection.value,
                  ", with a recovery passphrase" if WRAPPED_KEY_FIELD in data and in_keyring else "")
        return self._info(folder, data), key

    # -- unlocking -----------------------------------------------------------------------------

    def _now(self) -> datetime:
        if self._clock is None:
            from desktop.store.clock import utc_now

            self._clock = utc_now
        return self._clock()

    def _attempts(self, folder: Path) -> tuple[int, datetime | None]:
        from desktop.store.clock import from_text

        try:
            data = json.loads((folder / ATTEMPTS_FILE).read_text(encoding="utf-8"))
            return int(data["failures"]), from_text(data["last_failure_at"])
        except FileNotFoundError:
            return 0, None
        except (OSError, ValueError, KeyError, TypeError, RecursionError):
            # A damaged counter must not let anyone guess freely: treat it as many failures.
            _log.warning("unlock attempt counter unreadable (%s)", folder.name)
            return FREE_ATTEMPTS + 3, self._now()

    def failed_attempts(self, profile_id: str) -> int:
        """Wrong passphrases in a row since the last successful unlock."""
        return self._attempts(self._folder(profile_id))[0]

    def delay_before_next_attempt(self, profile_id: str) -> float:
        """Seconds the user must still wait before the next passphrase attempt (0 when free)."""
        failures, last = self._attempts(self._folder(profile_id))
        if last is None:
            return 0.0
        from datetime import UTC, timedelta

        ready = last + timedelta(seconds=delay_after_failures(failures))
        return max(0.0, (ready - self._now().astimezone(UTC)).total_seconds())

    def _record_failure(self, folder: Path) -> float:
        from desktop.store.clock import to_text

        failures, _ = self._attempts(folder)
        failures += 1
        try:
            write_atomically(folder / ATTEMPTS_FILE,
                             json.dumps({"failures": failures, "last_failure_at": to_text(self._now())}))
        except VaultError as exc:
            # The user must still hear that the passphrase was wrong; the vault in a folder that
            # cannot be written will not open anyway.
            _log.warning("unlock attempt counter not saved (%s): %s", folder.name, exc.message_id)
        _log.info("wrong passphrase for profile %s (%d in a row)", folder.name, failures)
        return delay_after_failures(failures)

    def unlock(self, profile_id: str, passphrase: str | None) -> bytearray:
        """The profile's raw vault key.

        Passphrase profiles: UnlockDelayed while the delay after wrong passphrases runs,
        WrongPassphrase (``details["wait_seconds"]``) on a wrong one. Keyring profiles: the key
        from the keyring; when the keyring is unavailable, locked or no longer holds the key, and
        a (non-empty) ``passphrase`` is given and the profile has a recovery passphrase, the key
        unwrapped with it (the same delay and WrongPassphrase), which is then put back into the
        keyring if the keyring works again. Otherwise KeyringUnavailable, or KeyMissing when the
        keyring no longer holds the key.
        """
        folder = self._folder(profile_id)
        data = self._read(folder)
        info = self._info(folder, data)
        if info.protection is KeyProtection.PASSPHRASE:
            return self._unwrap(folder, data, passphrase or "")
        try:
            key = self._keyring.load(profile_id)
            if key is None:
                raise KeyMissing("keyring holds no key", reason="the keyring no longer holds this key")
            return key
        except (KeyringUnavailable, KeyMissing) as keyring_error:
            if not passphrase or not info.has_recovery_passphrase:
                raise
            _log.info("keyring failed for profile %s (%s); trying the recovery passphrase",
                      profile_id, keyring_error.message_id)
        key = self._unwrap(folder, data, passphrase)
        self._put_back_into_keyring(profile_id, key)
        return key

    def _unwrap(self, folder: Path, data: dict[str, Any], passphrase: str) -> bytearray:
        """The key from the profile's wrapped copy, with the growing delay after wrong passphrases."""
        wait = self.delay_before_next_attempt(folder.name)
        if wait > 0:
            raise UnlockDelayed("wait before trying again", wait_seconds=f"{wait:.0f}")
        wrapped = self._wrapped(data, folder)
        try:
            key = unwrap_key(wrapped, passphrase)
        except WrongPassphrase as exc:
            delay = self._record_failure(folder)
            raise WrongPassphrase("wrong passphrase", wait_seconds=f"{delay:.0f}",
                                  attempts=str(self._attempts(folder)[0])) from exc
        try:
            (folder / ATTEMPTS_FILE).unlink(missing_ok=True)
        except OSError as exc:
            zero(key)
            raise store_error(exc, ATTEMPTS_FILE) from exc
        self._add_checksum(folder, data, wrapped)
        return key

    def _add_checksum(self, folder: Path, data: dict[str, Any], wrapped: WrappedKey) -> None:
        """A profile written before the wrapped key had its checksum gets it once it is known good (just
        unwrapped), so later damage is said as damage. Best effort: a full disk only postpones it."""
        stored = data.get(WRAPPED_KEY_FIELD)
        if not isinstance(stored, dict) or CHECKSUM_FIELD in stored:
            return
        try:
            text = json.dumps(data | {WRAPPED_KEY_FIELD: wrapped.to_dict()}, indent=2, ensure_ascii=False)
            write_atomically(folder / PROFILE_FILE, text)
        except VaultError as exc:
            _log.info("checksum not added to profile %s (%s)", folder.name, exc.message_id)

    def _put_back_into_keyring(self, profile_id: str, key: bytearray) -> None:
        """After a recovery-passphrase unlock: keep the key in the keyring again, if it works now.

        Best effort: a keyring that still fails is logged and the unlock goes on.
        """
        try:
            self._keyring.store(profile_id, key)
        except KeyringUnavailable as exc:
            _log.info("key not put back into the keyring for profile %s (%s)", profile_id,
                      exc.details.get("reason", exc.message_id))
            return
        _log.info("key put back into the keyring for profile %s", profile_id)

    def _wrapped(self, data: dict[str, Any], folder: Path) -> WrappedKey:
        if WRAPPED_KEY_FIELD not in data:
            raise KeyMissing("no wrapped key", reason="the profile has no wrapped key", id=folder.name)
        return WrappedKey.from_dict(data[WRAPPED_KEY_FIELD])

    def has_recovery_passphrase(self, profile_id: str) -> bool:
        """True for a keyring profile whose key is also wrapped with a recovery passphrase."""
        return self.get(profile_id).has_recovery_passphrase

    def set_recovery_passphrase(self, profile_id: str, key: bytes | bytearray,
                                passphrase: str) -> ProfileInfo:
        """Set or replace the recovery passphrase of an unlocked keyring profile; the vault is not touched.

        ``key`` is the profile's key (as unlocked). The new wrapped copy replaces the old one in a
        single atomic write of profile.json, so a crash leaves the old or the new recovery
        passphrase working. WrongKey if the key does not belong to this profile's vault.
        """
        if not passphrase:
            raise ValueError("the recovery passphrase is empty")
        folder = self._folder(profile_id)
        data = self._read(folder)
        info = self._info(folder, data)
        if info.protection is not KeyProtection.KEYRING:
            raise ValueError("only a keyring profile has a recovery passphrase")
        # The vault's own key check (an HMAC file beside it) tells a wrong key without opening the
        # vault: a recovery copy of the wrong key would only be found out when it is needed.
        from desktop.store.vault import read_key_check

        if read_key_check(info.vault_path, key) is False:
            raise WrongKey("not this profile's key")
        data[WRAPPED_KEY_FIELD] = wrap_key(key, passphrase, self._scrypt).to_dict()
        write_atomically(folder / PROFILE_FILE, json.dumps(data, indent=2, ensure_ascii=False))
        _log.info("recovery passphrase %s for profile %s",
                  "replaced" if info.has_recovery_passphrase else "set", profile_id)
        return self._info(folder, data)

    def change_passphrase(self, profile_id: str, old: str, new: str) -> None:
        """Re-wrap the key under a new passphrase; the vault itself is not touched.

        For a keyring profile this changes its recovery passphrase (``old`` must be the current one).
        """
        if not new:
            raise ValueError("the new passphrase is empty")
        folder = self._folder(profile_id)
        data = self._read(folder)
        info = self._info(folder, data)
        if info.protection is KeyProtection.KEYRING and not info.has_recovery_passphrase:
            raise KeyMissing("no recovery passphrase", reason="this profile uses the keyring only")
        key = self._unwrap(folder, data, old)
        try:
            data[WRAPPED_KEY_FIELD] = wrap_key(key, new, self._scrypt).to_dict()
        finally:
            zero(key)
        write_atomically(folder / PROFILE_FILE, json.dumps(data, indent=2, ensure_ascii=False))
        _log.info("passphrase changed for profile %s", profile_id)

    def set_protection(self, profile_id: str, key: bytes | bytearray, protection: KeyProtection,
                       passphrase: str | None = None) -> ProfileInfo:
        """Switch how an unlocked profile's key is kept (keyring ↔ passphrase); the vault is not touched.

        The new protection is in place before the old one is removed, so a failure or crash in
        between leaves a profile that still unlocks. KeyringUnavailable if the keyring cannot take it.
        To a passphrase: ``passphrase`` wraps the key (replacing a recovery passphrase). To the
        keyring: a given ``passphrase`` becomes the recovery passphrase; without one the profile
        has none (the old passphrase stops working).
        """
        folder = self._folder(profile_id)
        data = self._read(folder)
        current = self._info(folder, data).protection
        if protection is KeyProtection.PASSPHRASE:
            if not passphrase:
                raise ValueError("a passphrase profile needs a passphrase")
            data[WRAPPED_KEY_FIELD] = wrap_key(key, passphrase, self._scrypt).to_dict()
            data["protection"] = protection.value
            write_atomically(folder / PROFILE_FILE, json.dumps(data, indent=2, ensure_ascii=False))
            if current is KeyProtection.KEYRING:
                self._keyring.delete(profile_id)
        else:
            self._keyring.store(profile_id, key)
            if passphrase:
                data[WRAPPED_KEY_FIELD] = wrap_key(key, passphrase, self._scrypt).to_dict()
            else:
                data.pop(WRAPPED_KEY_FIELD, None)
            data["protection"] = protection.value
            write_atomically(folder / PROFILE_FILE, json.dumps(data, indent=2, ensure_ascii=False))
            (folder / ATTEMPTS_FILE).unlink(missing_ok=True)
        _log.info("key protection of profile %s set to %s", profile_id, protection.value)
        return self._info(folder, data)
