"""Backing up and restoring the intake's database while it runs.

SQLite: the online backup API copies a consistent snapshot including the rows still in the WAL
(a plain file copy of a live database loses those). PostgreSQL: ``pg_dump`` (custom format, a
consistent snapshot) and ``pg_restore`` into an empty database. Backup files are owner-only
(0600): they hold what the intake holds (encrypted envelopes, enrolled keys, token hashes).
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from intake.errors import IntakeError
from intake.storage import is_postgres_target, open_store
from intake.storage.postgres import redacted


class BackupFailed(IntakeError):  # noqa: N818 - what IT is told
    """A backup or restore that could not be made; nothing half-made is left behind."""

    message_id = "intake.backup_failed"


def _pg_tool(name: str) -> str:
    """``pg_dump`` / ``pg_restore``: from PATH, else the newest /usr/lib/postgresql/*/bin."""
    found = shutil.which(name)
    if found:
        return found
    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if (Path(folder) / name).exists():
            return str(Path(folder) / name)
    raise BackupFailed(f"{name} is not installed (it comes with the PostgreSQL client: apt-get install "
                       "postgresql-client)", message_id="intake.backup_tool_missing")


def _new_owner_only(path: Path) -> None:
    if path.exists():
        raise BackupFailed(f"{path} already exists; backups never overwrite a file. Give a new file name",
                           message_id="intake.backup_exists", file=str(path))
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)


def backup(db: str, destination: Path) -> int:
    """Back up the (possibly running) intake database ``db`` into the new file ``destination``.

    Returns the number of envelopes in the backup.
    """
    if is_postgres_target(db):
        _new_owner_only(destination)
        command = [_pg_tool("pg_dump"), "--format=custom", "--no-owner", "--file", str(destination),
                   "--dbname", db]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            destination.unlink(missing_ok=True)
            raise BackupFailed(f"pg_dump of {redacted(db)} failed: {done.stderr.strip()[:400]}")
        return _count_in_dump(destination)
    source_store = open_store(db, read_only=True)  # checks it is the intake's, names what is wrong
    source_store.close()
    _new_owner_only(destination)
    try:
        source = sqlite3.connect(f"{Path(db).resolve().as_uri()}?mode=ro", uri=True)
        target = sqlite3.connect(destination)
        with contextlib.closing(source), contextlib.closing(target):
            source.backup(target)
            count = int(target.execute("SELECT COUNT(*) FROM envelopes").fetchone()[0])
            target.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
        with open(destination, "rb+") as handle:
            os.fsync(handle.fileno())
    except (sqlite3.Error, OSError) as exc:
        destination.unlink(missing_ok=True)
        raise BackupFailed(f"the backup of {db} failed ({exc}); nothing was left at {destination}") from exc
    return count


def _count_in_dump(dump: Path) -> int:
    """Envelopes in a pg_dump file (read from its table of contents and data, without a server)."""
    done = subprocess.run([_pg_tool("pg_restore"), "--data-only", "--table=envelopes", "--file=-", str(dump)],
                          capture_output=True, check=False)
    if done.returncode != 0:
        return -1
    rows = 0
    inside = False
    for line in done.stdout.splitlines():
        if line.startswith(b"COPY ") and b"envelopes" in line:
            inside = True
        elif inside and line == b"\\.":
            inside = False
        elif inside:
            rows += 1
    return rows


def restore(backup_file: Path, db: str) -> int:
    """Restore ``backup_file`` into ``db``, which must be new (SQLite) or empty (PostgreSQL).

    Returns the number of envelopes restored. The restored database is then opened as the server
    would, so it is migrated to this intake's schema.
    """
    if not backup_file.is_file():
        raise BackupFailed(f"there is no backup file {backup_file}", message_id="intake.backup_missing",
                           file=str(backup_file))
    if is_postgres_target(db):
        import psycopg

        try:
            with psycopg.connect(db) as probe:
                row = probe.execute("SELECT COUNT(*) FROM pg_tables WHERE schemaname = 'public'").fetchone()
        except psycopg.Error as exc:
            raise BackupFailed(f"cannot connect to {redacted(db)} to restore into it") from exc
        if row and int(row[0]):
            raise BackupFailed(f"{redacted(db)} already holds tables; restore into a new, empty database "
                               "(createdb), then point the intake at it",
                               message_id="intake.restore_not_empty")
        command = [_pg_tool("pg_restore"), "--no-owner", "--single-transaction", "--exit-on-error",
                   "--dbname", db, str(backup_file)]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise BackupFailed(f"pg_restore into {redacted(db)} failed: {done.stderr.strip()[:400]}")
    else:
        target = Path(db)
        if target.exists():
            raise BackupFailed(f"{target} already exists; restore into a new file (the intake stopped, then "
                               "moved into place)", message_id="intake.restore_not_empty", file=str(target))
        checked = open_store(str(backup_file), read_only=True)
        checked.close()
        _new_owner_only(target)
        try:
            source = sqlite3.connect(f"{backup_file.resolve().as_uri()}?mode=ro", uri=True)
            copy = sqlite3.connect(target)
            with contextlib.closing(source), contextlib.closing(copy):
                source.backup(copy)
        except sqlite3.Error as exc:
            target.unlink(missing_ok=True)
            raise BackupFailed(f"restoring {backup_file} failed ({exc})") from exc
    store = open_store(db)
    try:
        return store.count()
    finally:
        store.close()
