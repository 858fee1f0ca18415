"""The encrypted vault: one SQLCipher 4 database per profile.

Opening is careful never to damage what is on disk. An existing file is first
checked for write access and against a key check stored beside it, then
probed through a read-only connection (key, readability, schema version);
only when all of that passes is it opened for writing and migrated. A wrong
key, a damaged or truncated file, a vault from a newer version or a
read-only folder each raise their own error and leave every byte as it was.

Settings: WAL journal (readers do not block the outbox writer on its own
thread), ``secure_delete`` (freed pages are zeroed, so purged content does not
linger), foreign keys on, temporary tables in memory (no plaintext spills to
the temp folder), and ``synchronous=FULL``: in WAL mode this syncs the log on
every commit, so a committed draft survives a power cut, not only a crash.
Writes are small and rare (an autosave every few seconds), so the cost of the
extra fsync is not felt. The outbox worker's own connection alone opts into
``synchronous=NORMAL`` (``Vault.open(..., synchronous="NORMAL")``; why it is safe there is
explained on ``Vault.open``).
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import hmac
import json
import logging
import os
from pathlib import Path
from types import TracebackType
from typing import Any, ClassVar, Literal, Protocol, Self

from sqlcipher3 import dbapi2 as sqlcipher

from desktop.store import migrations
from desktop.store.attachments import AttachmentRepository
from desktop.store.audit import AuditLog
from desktop.store.connection import (
    SQLITE_NOTADB,
    Clock,
    VaultConnection,
    error_code,
    translate,
    translated_errors,
    utc_now,
)
from desktop.store.errors import (
    DiskFull,
    MigrationFailed,
    VaultCorrupt,
    VaultError,
    VaultIOError,
    VaultMissing,
    VaultReadOnly,
    VaultTooNew,
    WrongKey,
)
from desktop.store.keys import VAULT_KEY_BYTES, zero
from desktop.store.notifications import NotificationRepository
from desktop.store.outbox import OutboxRepository
from desktop.store.private_files import make_private_folder, open_private
from desktop.store.profile_repo import ProfileRepository
from desktop.store.replies import ReplyKeyRepository
from desktop.store.wal_check import damaged_log, log_path

_log = logging.getLogger(__name__)

KEY_CHECK_SUFFIX = ".keycheck"
_KEY_CHECK_LABEL = b"underret vault key check v1"
_SQLITE_PLAIN_HEADER = b"SQLite format 3\x00"
_BUSY_TIMEOUT_MS = 5000

#: SQLite ``synchronous`` levels a caller may choose for its own connection (see Vault.open).
Synchronous = Literal["FULL", "NORMAL"]


class Schema(Protocol):
    """The numbered migrations a kind of vault is built with (``desktop.store.migrations`` for the app's)."""

    def latest_version(self) -> int: ...

    def apply_migration(self, connection: Any, from_version: int) -> None: ...


def key_check_path(path: Path) -> Path:
    """The small file beside the vault that tells a wrong key from a damaged file."""
    return path.with_name(path.name + KEY_CHECK_SUFFIX)


def sidecar_paths(path: Path) -> list[Path]:
    """Every file that belongs to the vault at ``path`` (database, WAL, shared memory, key check)."""
    return [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm"),
            key_check_path(path)]


def _key_mac(key: bytes | bytearray, salt: bytes) -> bytes:
    # The key goes in as it is (a bytearray the caller zeroes), never copied into an immutable bytes.
    return hmac.new(key, _KEY_CHECK_LABEL + salt, hashlib.sha256).digest()


def read_key_check(path: Path, key: bytes | bytearray) -> bool | None:
    """True/False if the key check beside the vault at ``path`` says ``key`` fits, None when there is
    no usable check (then only opening the database can tell)."""
    try:
        data = json.loads(key_check_path(path).read_text(encoding="ascii"))
        salt = base64.b64decode(data["salt"], validate=True)
        mac = base64.b64decode(data["mac"], validate=True)
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        _log.warning("vault key check unreadable; relying on the database alone")
        return None
    return hmac.compare_digest(mac, _key_mac(key, salt))


def _write_key_check(path: Path, key: bytes | bytearray) -> None:
    target = key_check_path(path)
    if target.exists():
        return
    salt = os.urandom(16)
    body = json.dumps({"version": 1, "salt": base64.b64encode(salt).decode("ascii"),
                       "mac": base64.b64encode(_key_mac(key, salt)).decode("ascii")})
    temporary = target.with_name(target.name + ".tmp")
    temporary.unlink(missing_ok=True)  # left by a crash; made anew below with the private mode
    with open(open_private(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL), "w", encoding="ascii") as handle:
        handle.write(body)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, target)


_HEX_DIGITS = b"0123456789abcdef"


def raw_key_literal(key: bytes | bytearray) -> bytearray:
    """SQLCipher's raw-key form ``x'<64 hex digits>'`` built in a bytearray the caller zeroes.

    The raw-key form skips SQLCipher's own KDF (the key is already 256 random bits). It is built byte by
    byte: ``key.hex()`` or an f-string would leave the key as an immutable ``str`` that nothing can wipe.
    """
    literal = bytearray(3 + 2 * len(key))
    literal[0:2] = b"x'"
    for index, byte in enumerate(key):
        literal[2 + 2 * index] = _HEX_DIGITS[byte >> 4]
        literal[3 + 2 * index] = _HEX_DIGITS[byte & 0x0F]
    literal[-1] = ord("'")
    return literal


def _keyed(connection: Any, key: bytes | bytearray) -> None:
    connection.execute("PRAGMA cipher_log_level = NONE")
    # set_key hands the buffer to sqlite3_key() as it is (no Python string is made of it, unlike a
    # "PRAGMA key" statement, which also stays in the connection's statement cache). SQLCipher wipes
    # its own copy of the passphrase once the key is derived, and the key itself when the
    # connection closes.
    literal = raw_key_literal(key)
    try:
        connection.set_key(literal)
    finally:
        zero(literal)
    connection.execute("PRAGMA cipher_compatibility = 4")


def _check_writable(path: Path) -> None:
    folder = path.parent
    # os.access also answers for immutable files and read-only mounts, which matter when running as root.
    candidates = [folder] + [p for p in sidecar_paths(path) if p.exists()]
    effective = os.access in os.supports_effective_ids  # the rights the process really writes with
    for candidate in candidates:
        if not os.access(candidate, os.W_OK, effective_ids=effective):
            raise VaultReadOnly("vault not writable", file=candidate.name)


def _looks_damaged(path: Path) -> bool:
    """For a vault without a key check: does the file itself show it is not a SQLCipher vault?"""
    size = path.stat().st_size
    with open(path, "rb") as handle:
        head = handle.read(len(_SQLITE_PLAIN_HEADER))
    # An encrypted database has no plain header and is whole pages of at least 512 bytes.
    return head == _SQLITE_PLAIN_HEADER or size < 512 or size % 512 != 0


def _read_only_uri(path: Path) -> str:
    """A URI that opens ``path`` for reading and creates nothing beside it.

    A plain read-only connection to a WAL database makes ``-wal`` and ``-shm`` files when they are
    missing. Without a ``-wal`` file the database file holds everything, so it is opened as
    immutable (no locks, no shared memory, nothing made). With one (the app is running, or it
    crashed), the log must be read too, and both files are already there.
    """
    uri = path.absolute().as_uri() + "?mode=ro"
    if not path.with_name(path.name + "-wal").exists():
        uri += "&immutable=1"
    return uri


def _damaged_pages(connection: Any) -> int:
    """How many pages fail SQLCipher's per-page check (HMAC): 0 for an intact file."""
    return len(connection.execute("PRAGMA cipher_integrity_check").fetchall())


def _probe(path: Path, key: bytes | bytearray, key_fits: bool | None, *, verify: bool = False) -> int:
    """Open read-only, prove the key works and return the schema version. Writes and creates nothing.

    With ``verify`` every page of the file is checked too (SQLCipher's HMAC per page, ~5 ms per MB), so
    a damaged vault is refused before anything is written to it.
    """
    if verify and (log_damage := damaged_log(path)) is not None:
        # SQLite would stop reading the log there and drop the commits after it without a word.
        _log.error("vault %s: write-ahead log damaged at frame %d (%d commit(s) after it)", path.name,
                   log_damage.frame, log_damage.commits_dropped)
        raise VaultCorrupt("write-ahead log damaged", file=log_path(path).name, frame=str(log_damage.frame))
    try:
        connection = sqlcipher.connect(_read_only_uri(path), uri=True, isolation_level=None,
                                       check_same_thread=False)
    except sqlcipher.Error as exc:
        raise translate(exc) or VaultCorrupt() from exc
    try:
        _keyed(connection, key)
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        version = int(connection.execute("PRAGMA user_version").fetchone()[0])
        if verify and (damaged := _damaged_pages(connection)):
            _log.error("vault %s has %d damaged page(s)", path.name, damaged)
            raise VaultCorrupt("vault pages damaged", file=path.name, pages=str(damaged))
    except sqlcipher.Error as exc:
        if error_code(exc) == SQLITE_NOTADB:
            if key_fits or (key_fits is None and _looks_damaged(path)):
                raise VaultCorrupt("vault unreadable", file=path.name) from exc
            raise WrongKey() from exc
        raise translate(exc) or VaultCorrupt("vault unreadable", file=path.name) from exc
    except MemoryError as exc:  # SQLCipher's answer once a page failed its check
        raise VaultCorrupt("vault unreadable", file=path.name) from exc
    finally:
        connection.close()
    return version


#: Vault files found intact in this run, with the state they were in (device, inode, size, mtime):
#: unlocking again after a lock re-checks only a file that changed since this process last closed it.
_KNOWN_INTACT: dict[str, tuple[int, int, int, int]] = {}


def _file_state(path: Path) -> tuple[int, int, int, int]:
    info = path.stat()
    return info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns


def check_vault_file(path: Path, key: bytes | bytearray) -> None:
    """Check every page of the vault at ``path`` with its key, read-only, creating nothing (doctor).

    Raises WrongKey, VaultCorrupt (``details["pages"]``: how many are damaged), VaultMissing.
    """
    path = Path(path)
    if not path.is_file():
        raise VaultMissing("vault file missing", file=path.name)
    key_fits = read_key_check(path, key)
    if key_fits is False:
        raise WrongKey()
    _probe(path, key, key_fits, verify=True)


#: Below this many free bytes on the vault's disk, an I/O error while opening is a full disk.
_NEARLY_FULL_BYTES = 256 * 1024


def _disk_full_or(error: VaultIOError, path: Path) -> VaultError:
    """SQLite reports a full disk as an I/O error when it cannot make the shared-memory file: say
    "disk full" when the disk is (nearly) full, else the I/O error as it was."""
    import shutil

    try:
        free = shutil.disk_usage(path.parent).free
    except OSError:
        return error
    return DiskFull("disk full", file=path.name) if free < _NEARLY_FULL_BYTES else error


class Vault:
    """An open, unlocked vault and its repositories. Use from one thread at a time.

    Another kind of vault (the municipality's desk, ``desktop.desk.vault``) subclasses this one with
    its own ``schema`` and :meth:`_attach`: opening, key checks, migrations and locking stay one code path.
    """

    #: The migrations this kind of vault is built with.
    schema: ClassVar[Schema] = migrations  # a module satisfies the protocol

    def __init__(self, path: Path, connection: VaultConnection, schema_version: int) -> None:
        self.path = path
        self._connection = connection
        self.schema_version = schema_version
        #: Opened with the page check: closing records the file as intact (unless damage was met).
        self._intact_on_close = False
        self._attach(connection)

    def _attach(self, connection: VaultConnection) -> None:
        """Make the repositories on the open connection."""
        self.audit = AuditLog(connection)
        self.notifications = NotificationRepository(connection, self.audit)
        self.outbox = OutboxRepository(connection, self.audit)
        self.profile = ProfileRepository(connection)
        self.attachments = AttachmentRepository(connection, self.audit)
        self.reply_keys = ReplyKeyRepository(connection)

    @classmethod
    def open(cls, path: Path, key: bytes | bytearray, *, create: bool = False,
             clock: Clock | None = None, synchronous: Synchronous = "FULL", verify: bool = False) -> Self:
        """Open (and, when ``create``, make) the vault at ``path`` with its raw key.

        ``synchronous`` applies to this connection only. Keep the default ``"FULL"``
        (every commit survives a power cut) for anything a person types: drafts,
        finalising, the profile. ``"NORMAL"`` is for the outbox worker's own
        connection alone: in WAL mode it still keeps the database consistent after
        any crash and loses nothing when only the app dies, but a power cut may undo
        the last few commits. For the outbox those are state changes (attempt
        started, receipt kept) that are safe to lose, because delivery is
        idempotent: the item is sent again with the same Idempotency-Key and the
        intake returns the original receipt. It saves two fsyncs per item sent.

        ``verify`` checks every page of an existing file first (read-only, ~5 ms per MB): the unlock
        does it, so a damaged vault is refused byte-identical, with nothing made beside it. A file this
        process found intact and last closed itself, unchanged since, is not checked again (unlocking
        after a lock).

        Raises WrongKey, VaultCorrupt (VaultMissing when the file is gone), VaultTooNew,
        VaultReadOnly, DiskFull; an existing file is never overwritten, truncated or removed, and a
        refused one gets no new file beside it.
        """
        if synchronous not in ("FULL", "NORMAL"):
            raise ValueError("synchronous is FULL or NORMAL")
        if len(key) != VAULT_KEY_BYTES:
            raise ValueError("a vault key is 32 bytes")
        path = Path(path)
        if not path.exists():
            if not create:
                raise VaultMissing("vault file missing", file=path.name)
            return cls._create(path, key, clock or utc_now, synchronous)
        if not path.is_file():
            raise VaultCorrupt("vault is not a file", file=path.name)
        _check_writable(path)
        key_fits = read_key_check(path, key)
        if key_fits is False:
            raise WrongKey()
        known_intact = verify and _KNOWN_INTACT.get(str(path.absolute())) == _file_state(path)
        version = _probe(path, key, key_fits, verify=verify and not known_intact)
        if version > cls.schema.latest_version():
            raise VaultTooNew("vault from a newer version", version=str(version))
        if version == 0:
            # A keyed, readable database that was never given a schema is not one of our vaults.
            raise VaultCorrupt("vault has no schema", file=path.name)
        try:
            connection = cls._connect(path, key, synchronous)
        except VaultIOError as error:
            raise _disk_full_or(error, path) from error
        try:
            # Read again on the connection that migrates: the probe may have read the file alone.
            version = int(connection.execute("PRAGMA user_version").fetchone()[0])
            version = cls._migrate(connection, version)
            _write_key_check(path, key)
        except BaseException:
            connection.close()
            raise
        _log.info("vault opened (schema %d)", version)
        vault = cls(path, VaultConnection(connection, clock or utc_now), version)
        vault._intact_on_close = verify
        return vault

    @classmethod
    def _create(cls, path: Path, key: bytes | bytearray, clock: Clock, synchronous: Synchronous) -> Self:
        make_private_folder(path.parent)
        _check_writable(path)
        existed = {p for p in sidecar_paths(path) if p.exists()}
        connection: Any = None
        try:
            # An empty file made 0600 first: SQLite takes it as a new database and gives its -wal and
            # -shm files the same mode, so no file of the vault is ever readable by others.
            os.close(open_private(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL))
            connection = cls._connect(path, key, synchronous)
            version = cls._migrate(connection, 0)
            _write_key_check(path, key)
        except BaseException:
            if connection is not None:
                connection.close()
            # Only the files this call made are removed: a half-made vault is useless and holds nothing.
            for made in sidecar_paths(path):
                if made not in existed:
                    made.unlink(missing_ok=True)
            raise
        _log.info("vault created (schema %d)", version)
        return cls(path, VaultConnection(connection, clock), version)

    @staticmethod
    def _connect(path: Path, key: bytes | bytearray, synchronous: Synchronous = "FULL") -> Any:
        with translated_errors():
            # check_same_thread off: a vault may be opened on a worker thread and then handed over;
            # it is still used by one thread at a time.
            connection = sqlcipher.connect(str(path), isolation_level=None, check_same_thread=False,
                                           timeout=_BUSY_TIMEOUT_MS / 1000)
            try:
                _keyed(connection, key)
                connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
                connection.execute("PRAGMA journal_mode = WAL").fetchone()
                connection.execute(f"PRAGMA synchronous = {synchronous}")
                connection.execute("PRAGMA secure_delete = ON")
                connection.execute("PRAGMA foreign_keys = ON")
                connection.execute("PRAGMA temp_store = MEMORY")
                connection.execute(f"PRAGMA busy_timeout = {_BUSY_TIMEOUT_MS:d}")
            except BaseException:
                connection.close()
                raise
        return connection

    @classmethod
    def _migrate(cls, connection: Any, version: int) -> int:
        """Run each pending migration in its own transaction; a failure leaves the previous version."""
        while version < cls.schema.latest_version():
            try:
                with translated_errors():
                    connection.execute("BEGIN IMMEDIATE")
                    try:
                        cls.schema.apply_migration(connection, version)
                    except BaseException:
                        if connection.in_transaction:
                            connection.execute("ROLLBACK")
                        raise
                    connection.execute("COMMIT")
            except sqlcipher.Error as exc:
                _log.error("vault migration %d -> %d failed", version, version + 1)
                raise MigrationFailed("migration failed", version=str(version)) from exc
            version += 1
            _log.info("vault migrated to schema %d", version)
        return version

    def checkpoint(self) -> None:
        """Move the write-ahead log into the database file and empty the log."""
        with translated_errors():
            self._connection.raw.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()

    def integrity_ok(self) -> bool:
        """SQLCipher's page check and SQLite's full integrity check (slow on big vaults; for
        diagnostics and tests). Answers False for a damaged vault; never raises for one."""
        try:
            if self._connection.query("PRAGMA cipher_integrity_check"):
                return False
            rows = self._connection.query("PRAGMA integrity_check")
        except (VaultCorrupt, sqlcipher.Error):
            return False
        return [tuple(r) for r in rows] == [("ok",)]

    @property
    def closed(self) -> bool:
        """True once the vault has been closed (locked)."""
        return self._connection.closed

    def close(self) -> None:
        """Close the database; the repositories raise VaultLocked afterwards. Idempotent."""
        was_open = not self._connection.closed
        self._connection.close()
        if was_open and self._intact_on_close and not self._connection.damage_seen:
            with contextlib.suppress(OSError):  # gone meanwhile: then it is checked again anyway
                _KNOWN_INTACT[str(self.path.absolute())] = _file_state(self.path)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()
