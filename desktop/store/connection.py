"""The one SQLCipher connection behind a vault: transactions, clock, error translation.

Repositories share a :class:`VaultConnection`. It turns SQLite's error codes
into the store's own errors (disk full, read-only, corrupt) and refuses work
once the vault has been closed by a lock.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any, ParamSpec, TypeVar

from sqlcipher3 import dbapi2 as sqlcipher

# Re-exported: the repositories take their time helpers from here.
from desktop.store.clock import Clock as Clock
from desktop.store.clock import date_from_text as date_from_text
from desktop.store.clock import from_text as from_text
from desktop.store.clock import to_text as to_text
from desktop.store.clock import utc_now as utc_now
from desktop.store.errors import (
    DiskFull,
    VaultBusy,
    VaultCorrupt,
    VaultError,
    VaultIOError,
    VaultLocked,
    VaultReadOnly,
)

# Primary result codes (the low byte of an extended code), from sqlite3.h.
SQLITE_PERM = 3
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26


def error_code(exc: BaseException) -> int | None:
    """SQLite's primary result code carried by a sqlcipher3 exception, if any."""
    code = getattr(exc, "sqlite_errorcode", None)
    return None if code is None else int(code) & 0xFF


def translate(exc: BaseException) -> VaultError | None:
    """The store error for a SQLite failure the user can act on, or None for programming errors."""
    code = error_code(exc)
    if code == SQLITE_FULL:
        return DiskFull()
    if code in (SQLITE_READONLY, SQLITE_PERM):
        return VaultReadOnly()
    if code in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return VaultCorrupt()
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        return VaultBusy()
    if code in (SQLITE_IOERR, SQLITE_CANTOPEN):
        return VaultIOError()
    return None


@contextmanager
def translated_errors() -> Iterator[None]:
    """Re-raise SQLite failures as store errors (programming errors pass through unchanged).

    ``MemoryError`` from a query is SQLCipher's answer once a page has failed its check (the
    connection stays in that error state): the vault is damaged, not the PC out of memory.
    """
    try:
        yield
    except sqlcipher.Error as exc:
        mapped = translate(exc)
        if mapped is None:
            raise
        raise mapped from exc
    except MemoryError as exc:
        raise VaultCorrupt("vault unreadable") from exc


@contextmanager
def decoding(what: str) -> Iterator[None]:
    """Stored data that cannot be decoded (JSON, dates, states) is a damaged vault, said as such.

    Wraps the reading of rows in a repository, so a ``JSONDecodeError``, ``ValueError`` or
    ``KeyError`` from damaged content never escapes to a window as an unexpected error.
    """
    try:
        yield
    except VaultError:
        raise
    except (ValueError, KeyError, TypeError, IndexError, MemoryError) as exc:
        # ValueError covers json.JSONDecodeError and UnicodeDecodeError.
        raise VaultCorrupt("stored data unreadable", what=what) from exc


_P = ParamSpec("_P")
_R = TypeVar("_R")


def decoded(method: Callable[_P, _R]) -> Callable[_P, _R]:
    """Run a repository's reading method under :func:`decoding` (damaged stored data is VaultCorrupt)."""
    @functools.wraps(method)
    def reading(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        try:
            with decoding(method.__name__):
                return method(*args, **kwargs)
        except VaultCorrupt:
            connection = getattr(args[0], "_db", None) if args else None
            if isinstance(connection, VaultConnection):
                connection.damage_seen = True
            raise

    return reading


class VaultConnection:
    """An open SQLCipher connection plus the clock, shared by one vault's repositories."""

    def __init__(self, connection: Any, clock: Clock) -> None:
        self._connection: Any = connection
        self.clock = clock
        #: A read or write met damage (then the next unlock checks every page again).
        self.damage_seen = False

    @property
    def raw(self) -> Any:
        """The sqlcipher3 connection; VaultLocked once closed."""
        if self._connection is None:
            raise VaultLocked()
        return self._connection

    @property
    def closed(self) -> bool:
        """True after :meth:`close`."""
        return self._connection is None

    def now(self) -> datetime:
        """The current time from the vault's clock (UTC)."""
        return self.clock().astimezone(UTC)

    @contextmanager
    def transaction(self) -> Iterator[Any]:
        """A write transaction (BEGIN IMMEDIATE … COMMIT); joins an enclosing one if open."""
        connection = self.raw
        if connection.in_transaction:
            yield connection
            return
        try:
            with translated_errors():
                connection.execute("BEGIN IMMEDIATE")
                try:
                    yield connection
                except BaseException:
                    # SQLite rolls back by itself after some errors (disk full); do not roll back twice.
                    if connection.in_transaction:
                        connection.execute("ROLLBACK")
                    raise
                connection.execute("COMMIT")
        except VaultCorrupt:
            self.damage_seen = True
            raise

    def query(self, sql: str, parameters: tuple[Any, ...] = ()) -> list[Any]:
        """Run a read and return all rows."""
        try:
            with translated_errors():
                return list(self.raw.execute(sql, parameters).fetchall())
        except VaultCorrupt:
            self.damage_seen = True
            raise

    def query_one(self, sql: str, parameters: tuple[Any, ...] = ()) -> Any:
        """Run a read and return the first row or None."""
        try:
            with translated_errors():
                return self.raw.execute(sql, parameters).fetchone()
        except VaultCorrupt:
            self.damage_seen = True
            raise

    def close(self) -> None:
        """Close the connection (idempotent)."""
        if self._connection is not None:
            connection, self._connection = self._connection, None
            connection.close()
