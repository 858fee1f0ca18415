"""The intake's store in PostgreSQL (psycopg 3): the production choice.

A small connection pool serves the server's threads. Every connection waits at most
``lock_timeout`` for a lock (then :class:`~intake.storage.base.StoreBusy`: the server answers 503
with ``Retry-After``); a database that cannot be reached is :class:`StoreUnavailable`. New
references are numbered without gaps under a table lock that lets readers through.

The connection string is a libpq URI or ``key=value`` string
(``postgresql:///underret?host=/run/postgresql``); a password belongs in ``~/.pgpass`` or
``PGPASSFILE``, not on the command line.
"""

from __future__ import annotations

import contextlib
import re
import uuid
from collections.abc import Iterator, Sequence
from typing import Any

from intake.storage import migrations
from intake.storage.base import IntakeDatabaseUnavailable, IntakeStore, StoreBusy, StoreUnavailable, Tx

DEFAULT_LOCK_TIMEOUT = 2.0


def is_postgres_target(target: str) -> bool:
    """Whether ``--db`` names a PostgreSQL database rather than an SQLite file."""
    if target.startswith(("postgresql://", "postgres://")):
        return True
    return bool(re.match(r"^\s*(dbname|host)=", target))


def redacted(conninfo: str) -> str:
    """The connection string without a password, for messages and logs."""
    text = re.sub(r"(://[^:/@]*):[^@]*@", r"\1:***@", conninfo)
    return re.sub(r"(password=)\S+", r"\1***", text)


class PostgresStore(IntakeStore):
    """The intake's PostgreSQL database; safe to use from the server's threads."""

    dialect = "postgresql"

    def __init__(self, conninfo: str, *, lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
                 max_connections: int = 8, read_only: bool = False) -> None:
        import psycopg
        from psycopg_pool import ConnectionPool

        self.conninfo = conninfo
        self.target = conninfo
        self.read_only = read_only
        self._psycopg = psycopg
        milliseconds = int(lock_timeout * 1000)

        def configure(connection: Any) -> None:
            connection.autocommit = True
            connection.execute(f"SET lock_timeout = {milliseconds}")
            connection.execute("SET statement_timeout = 120000")
            # Each envelope is ~1 MB of TOAST pages that this backend evicts into the OS page cache;
            # without early write-back they pile up (hundreds of MB) until a checkpoint's fsync or the
            # kernel flushes them in one burst, and every COMMIT's WAL flush waits behind it: 0.5-1 s
            # stalls every ~10 s at 50 posts/s (bench_intake_postgres). Starting write-back every
            # 256 kB keeps the burst small. A per-session setting: no superuser, no postgresql.conf.
            connection.execute("SET backend_flush_after = '256kB'")
            if read_only:
                connection.execute("SET default_transaction_read_only = on")

        self._pool = ConnectionPool(conninfo, min_size=1, max_size=max_connections,
                                    configure=configure, timeout=lock_timeout + 3, open=False,
                                    name="underret-intake")
        try:
            self._pool.open(wait=True, timeout=10)
        except Exception as exc:  # PoolTimeout: no server, refused, or no such database
            self._pool.close()
            raise IntakeDatabaseUnavailable(
                f"cannot connect to the PostgreSQL database {redacted(conninfo)}; check that the server "
                "runs, "
                "that the database exists and that this user may connect",
                message_id="intake.database_unreachable",
                file=redacted(conninfo),
            ) from exc
        try:
            if read_only:
                self._check_read_only()
            else:
                self._migrate()
        except BaseException:
            self._pool.close()
            raise

    def describe(self) -> str:
        return redacted(self.conninfo)

    def _check_read_only(self) -> None:
        with self._transaction(write=False) as tx:
            row = tx.execute("SELECT to_regclass('envelopes'), to_regclass('schema_version')").fetchone()
        if row[0] is None:
            raise IntakeDatabaseUnavailable(
                f"{self.describe()} is not an intake database (it holds no envelopes)",
                message_id="intake.not_an_intake_database",
                file=self.describe(),
            )
        version = self.schema_version() if row[1] is not None else 1
        migrations.check_not_newer(version, self.describe())

    def _migrate(self) -> None:
        with self._transaction(write=True) as tx:
            # One server migrates at a time; the others wait here, then find nothing left to do.
            tx.execute("SELECT pg_advisory_xact_lock(7216420131)")
            tx.execute(migrations.SCHEMA_VERSION_TABLE)
            current = int(tx.execute("SELECT COALESCE(MAX(version), 0) FROM schema_version").fetchone()[0])
            migrations.check_not_newer(current, self.describe())
            for migration in migrations.MIGRATIONS:
                if migration.version > current:
                    migrations.apply(tx, migration, self.dialect)

    def _translate(self, exc: BaseException) -> BaseException | None:
        errors = self._psycopg.errors
        if isinstance(exc, errors.LockNotAvailable | errors.QueryCanceled | errors.DeadlockDetected):
            return StoreBusy(f"the intake database is locked ({type(exc).__name__})")
        if isinstance(exc, self._psycopg.OperationalError):
            return StoreUnavailable(f"the intake database cannot be reached ({type(exc).__name__})")
        from psycopg_pool import PoolTimeout

        if isinstance(exc, PoolTimeout):
            return StoreBusy("every database connection is busy")
        return None

    @contextlib.contextmanager
    def _translated_errors(self) -> Iterator[None]:
        """psycopg's and the pool's errors as the store's own (busy, unavailable); others unchanged."""
        try:
            yield
        except (StoreBusy, StoreUnavailable, IntakeDatabaseUnavailable):
            raise
        except Exception as exc:
            translated = self._translate(exc)
            if translated is None:
                raise
            raise translated from exc

    @contextlib.contextmanager
    def _transaction(self, *, write: bool) -> Iterator[Tx]:
        with self._translated_errors(), self._pool.connection() as connection, connection.transaction():
            yield Tx(connection.cursor(), pyformat=True)

    @contextlib.contextmanager
    def statement(self) -> Iterator[Tx]:
        # autocommit: no BEGIN/COMMIT round trips
        with self._translated_errors(), self._pool.connection() as connection:
            yield Tx(connection.cursor(), pyformat=True)

    def _stream(self, sql: str, params: Sequence[Any] = ()) -> Iterator[Sequence[Any]]:
        sql = sql.replace("%", "%%").replace("?", "%s")
        # A server-side cursor: rows come 256 at a time, however many there are.
        with self._translated_errors(), self._pool.connection() as connection, connection.transaction(), \
                connection.cursor(name=f"stream_{uuid.uuid4().hex}") as cursor:
            cursor.itersize = 256
            cursor.execute(sql, tuple(params))
            yield from cursor

    def _next_seq(self, tx: Tx) -> int:
        # A sequence (migration 4): concurrent writers never wait for each other's 1 MB rows and commits.
        return int(tx.execute("SELECT nextval('envelope_seq')").fetchone()[0])

    def close(self) -> None:
        """Close the pool."""
        self._pool.close()
