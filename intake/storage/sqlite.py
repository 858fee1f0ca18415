"""The intake's store in one SQLite file (the default: demo mode and small installs).

The file and its ``-wal``/``-shm`` companions are created owner-only (0600). Each thread gets its
own connection, so a request waiting for a lock never holds up the others, and a lock held by
someone else (a long manual session) is waited for ``busy_timeout`` seconds, then reported as
:class:`~intake.storage.base.StoreBusy` (the server answers 503 with ``Retry-After``).

``SqliteStore(path)`` is the server's: it creates the file and migrates the schema.
:meth:`SqliteStore.open_read_only` is the commands' (``list``, ``decrypt``): a mistyped path must
not leave an empty database behind, and reading must never change what was received.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, BinaryIO

from intake.storage import migrations
from intake.storage.base import IntakeDatabaseUnavailable, IntakeStore, StoreBusy, StoreUnavailable, Tx

#: How long a writer waits for a lock someone else holds before the request is answered 503.
DEFAULT_BUSY_TIMEOUT = 2.0


def _is_busy(exc: sqlite3.Error) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    return code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) or "locked" in str(exc) or "busy" in str(exc)


def create_owner_only(path: Path) -> None:
    """Create ``path`` empty and 0600 if it is not there (SQLite gives its -wal/-shm the same mode)."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return
    os.close(fd)


class SqliteStore(IntakeStore):
    """The intake's SQLite file; safe to use from the server's threads."""

    dialect = "sqlite"

    def __init__(self, path: Path, *, busy_timeout: float = DEFAULT_BUSY_TIMEOUT,
                 _read_only_uri: str | None = None) -> None:
        self.path = path
        self.target = str(path)
        self.busy_timeout = busy_timeout
        self._uri = _read_only_uri
        self._local = threading.local()
        self._all: list[sqlite3.Connection] = []
        self._all_lock = threading.Lock()
        self._closed = False
        if _read_only_uri is not None:
            return
        create_owner_only(path)
        with contextlib.suppress(OSError):  # a file from before 0600 (or made by hand) is tightened too
            os.chmod(path, 0o600)
        connection = self._connection()
        connection.execute("PRAGMA journal_mode=WAL")
        self._migrate()
        for companion in (Path(f"{path}-wal"), Path(f"{path}-shm")):
            if companion.exists():
                os.chmod(companion, 0o600)

    @classmethod
    def open_read_only(cls, path: Path) -> SqliteStore:
        """Open an existing intake database for reading; never create or change it.

        Raises :class:`IntakeDatabaseUnavailable` naming ``path`` when there is no file there,
        when it is a folder or cannot be read, or when it is not the intake's database. (SQLite
        may add its ``-wal``/``-shm`` companions beside a database in WAL mode, as the server does.)
        """
        if not path.exists():
            raise IntakeDatabaseUnavailable(
                f"there is no intake database at {path} (no such file); check the path given to --db. "
                "Nothing was created",
                message_id="intake.database_missing",
                file=str(path),
            )
        if path.is_dir():
            raise IntakeDatabaseUnavailable(
                f"{path} is a folder, not the intake's database file; give the file the intake was "
                "started with (serve --db)",
                message_id="intake.database_unreadable",
                file=str(path),
            )
        store = cls(path, _read_only_uri=f"{path.resolve().as_uri()}?mode=ro")
        try:
            connection = store._connection()
            connection.execute("PRAGMA query_only=ON")
            table = connection.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'envelopes'"
            ).fetchone()
            versioned = connection.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"
            ).fetchone()
            version = store.schema_version() if versioned else 1
        except sqlite3.Error as exc:
            store.close()
            if getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_CORRUPT:
                raise IntakeDatabaseUnavailable(
                    f"the intake database {path} is damaged ({exc}); restore it from the backup. It was only "
                    "read, not changed",
                    message_id="intake.database_damaged",
                    file=str(path),
                ) from exc
            if getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_CANTOPEN:
                raise IntakeDatabaseUnavailable(
                    f"cannot open the intake database {path} ({exc}); check that you may read it",
                    message_id="intake.database_unreadable",
                    file=str(path),
                ) from exc
            raise IntakeDatabaseUnavailable(
                f"{path} is not an intake database ({exc}); give the file the intake was started with "
                "(serve --db)",
                message_id="intake.not_an_intake_database",
                file=str(path),
            ) from exc
        except IntakeDatabaseUnavailable:
            store.close()
            raise
        if table is None:
            store.close()
            raise IntakeDatabaseUnavailable(
                f"{path} is an SQLite database, but not the intake's (it holds no envelopes); give the file "
                "the intake was started with (serve --db)",
                message_id="intake.not_an_intake_database",
                file=str(path),
            )
        try:
            migrations.check_not_newer(version, str(path))
            if version < migrations.LATEST_VERSION:
                raise IntakeDatabaseUnavailable(
                    f"the intake database {path} is at schema version {version}; start the new "
                    f"underret-intake once (serve) to bring it to version {migrations.LATEST_VERSION}. "
                    "It was only read, not changed",
                    message_id="intake.database_not_migrated",
                    file=str(path),
                )
        except IntakeDatabaseUnavailable:
            store.close()
            raise
        return store

    def describe(self) -> str:
        return str(self.path)

    def _connection(self) -> sqlite3.Connection:
        connection: sqlite3.Connection | None = getattr(self._local, "connection", None)
        if connection is not None:
            return connection
        if self._closed:
            raise StoreUnavailable("the intake's database is closed", message_id="intake.store_closed")
        if self._uri is not None:
            connection = sqlite3.connect(self._uri, uri=True, check_same_thread=False, isolation_level=None,
                                         timeout=self.busy_timeout)
        else:
            connection = sqlite3.connect(str(self.path), check_same_thread=False, isolation_level=None,
                                         timeout=self.busy_timeout)
            connection.execute("PRAGMA synchronous=FULL")
        connection.execute(f"PRAGMA busy_timeout={int(self.busy_timeout * 1000)}")
        self._local.connection = connection
        with self._all_lock:
            self._all.append(connection)
        return connection

    def _migrate(self) -> None:
        with self._transaction(write=True) as tx:
            tx.execute(migrations.SCHEMA_VERSION_TABLE)
            current = int(tx.execute("SELECT COALESCE(MAX(version), 0) FROM schema_version").fetchone()[0])
            migrations.check_not_newer(current, str(self.path))
            for migration in migrations.MIGRATIONS:
                if migration.version > current:
                    migrations.apply(tx, migration, self.dialect)

    @contextlib.contextmanager
    def _transaction(self, *, write: bool) -> Iterator[Tx]:
        connection = self._connection()
        try:
            connection.execute("BEGIN IMMEDIATE" if write else "BEGIN")
        except sqlite3.OperationalError as exc:
            if _is_busy(exc):
                raise StoreBusy(f"the intake database is locked ({exc})") from exc
            raise StoreUnavailable(f"the intake database cannot be used ({exc})") from exc
        try:
            yield Tx(connection.cursor(), pyformat=False)
            connection.execute("COMMIT")
        except BaseException as exc:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            if isinstance(exc, sqlite3.OperationalError) and _is_busy(exc):
                raise StoreBusy(f"the intake database is locked ({exc})") from exc
            raise

    def _stream(self, sql: str, params: Sequence[Any] = ()) -> Iterator[Sequence[Any]]:
        # A connection of its own: the generator may be consumed slowly or from another thread.
        uri = self._uri or self.path.resolve().as_uri()
        connection = sqlite3.connect(uri if self._uri else str(self.path), uri=self._uri is not None,
                                     isolation_level=None, timeout=self.busy_timeout)
        try:
            connection.execute("BEGIN")
            cursor = connection.execute(sql, tuple(params))
            while True:
                rows = cursor.fetchmany(256)
                if not rows:
                    break
                yield from rows
            connection.execute("COMMIT")
        finally:
            connection.close()

    streams_blobs = True

    def _write_blob(self, tx: Tx, seq: int, source: BinaryIO) -> None:
        # seq is the rowid (INTEGER PRIMARY KEY): the row's envelope was made with zeroblob(size).
        with tx.cursor.connection.blobopen("envelopes", "envelope", seq) as blob:
            while chunk := source.read(1024 * 1024):
                blob.write(chunk)

    def _next_seq(self, tx: Tx) -> int:
        # BEGIN IMMEDIATE holds SQLite's one write lock: no gaps, no two writers with one number.
        return int(tx.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM envelopes").fetchone()[0])

    def close(self) -> None:
        """Close every connection (each thread's)."""
        self._closed = True
        with self._all_lock:
            for connection in self._all:
                with contextlib.suppress(sqlite3.Error):
                    connection.close()
            self._all.clear()
        self._local = threading.local()

    def checkpoint(self) -> None:
        """Write the WAL's rows into the main file (a clean stop; not needed for correctness)."""
        with contextlib.suppress(sqlite3.Error):
            self._connection().execute("PRAGMA wal_checkpoint(TRUNCATE)")
