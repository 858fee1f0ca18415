"""The intake's database: one schema, numbered migrations, owner-only files, on SQLite and PostgreSQL."""

from __future__ import annotations

import os
import sqlite3
import ssl
import stat
import threading
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import httpx
import pytest

from intake import cli, keys
from intake.storage import IntakeDatabaseUnavailable, open_store
from intake.storage.migrations import LATEST_VERSION
from protocol.envelope import envelope_sha256, seal, sender_public_key

if TYPE_CHECKING:
    from tests.intake.conftest import RunningIntake

# The schema as every intake before versioning made it (intake/storage.py until December 2026).
LEGACY_SCHEMA = """
CREATE TABLE IF NOT EXISTS envelopes (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    idempotency_key TEXT NOT NULL UNIQUE,
    notification_id TEXT NOT NULL,
    envelope BLOB NOT NULL,
    envelope_sha256 TEXT NOT NULL,
    form_version TEXT NOT NULL,
    sender_fingerprint TEXT NOT NULL,
    received_at TEXT NOT NULL,
    reference TEXT NOT NULL UNIQUE,
    receipt_json BLOB NOT NULL,
    receipt_signature BLOB NOT NULL
);
"""


def _sealed(tmp_path: Path, seed: bytes) -> tuple[str, bytes]:
    files = keys.generate(tmp_path / f"k{uuid.uuid4().hex[:6]}", "kommune-test")
    recipient = keys.load_recipient_private(files.recipient_private).public()
    nid = str(uuid.uuid4())
    return nid, seal(notification_id=nid, form_version="1.0", files={"notification.json": b"{}"},
                     recipients=[recipient], sender_seed=seed)


def test_a_new_database_is_at_the_latest_schema_version_and_reopening_changes_nothing(db_target: str) -> None:
    store = open_store(db_target)
    try:
        assert store.schema_version() == LATEST_VERSION
    finally:
        store.close()
    again = open_store(db_target)
    try:
        with again.read() as tx:
            rows = tx.execute("SELECT version FROM schema_version ORDER BY version").fetchall()
        assert [int(r[0]) for r in rows] == list(range(1, LATEST_VERSION + 1))
    finally:
        again.close()


def test_a_database_from_before_versioning_is_migrated_keeping_every_envelope(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "intake.sqlite"
    seed = os.urandom(32)
    nid, envelope = _sealed(tmp_path, seed)
    with sqlite3.connect(db) as old:
        old.executescript(LEGACY_SCHEMA)
        old.execute("INSERT INTO envelopes VALUES (1,?,?,?,?,?,?,?,?,?,?)",
                    (nid, nid, envelope, envelope_sha256(envelope), "1.0", "F1F1",
                     "2026-11-02T08:15:00+00:00", "KOM-2026-000001", b"{}", b"sig"))
    old.close()

    store = open_store(db)
    try:
        assert store.schema_version() == LATEST_VERSION
        stored = store.find(nid)
        assert stored is not None and stored.envelope == envelope and stored.reference == "KOM-2026-000001"
        [summary] = list(store.iter_summaries())
        assert summary.key_ids == ("kommune-test",) and summary.size == len(envelope)
        assert store.received_since(sender_public_key(seed), datetime(2026, 11, 1, tzinfo=UTC)) == (
            1, len(envelope))
    finally:
        store.close()
    assert cli.main(["list", "--db", str(db)]) == 0
    assert "KOM-2026-000001" in capsys.readouterr().out


def test_a_database_from_a_newer_intake_is_refused_and_left_alone(
        db_target: str, capsys: pytest.CaptureFixture[str]) -> None:
    store = open_store(db_target)
    with store.transaction() as tx:
        tx.execute("INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)",
                   (LATEST_VERSION + 1, "from the future", "2030-01-01T00:00:00+00:00"))
    store.close()
    with pytest.raises(IntakeDatabaseUnavailable) as refused:
        open_store(db_target)
    assert refused.value.message_id == "intake.database_too_new"
    assert cli.main(["list", "--db", db_target]) == 2
    assert "intake.database_too_new" in capsys.readouterr().err


def test_the_database_and_its_wal_are_readable_by_the_intake_alone_whatever_the_umask(tmp_path: Path) -> None:
    db = tmp_path / "intake.sqlite"
    previous = os.umask(0o022)
    try:
        store = open_store(db)
        nid = str(uuid.uuid4())
        store.insert(idempotency_key=nid, notification_id=nid, envelope=b"x", envelope_sha256="0" * 64,
                     form_version="1.0", sender_fingerprint="F", received_at=datetime.now(UTC),
                     reference_prefix="KOM", make_receipt=lambda ref: (ref.encode(), b"s"))
        files = sorted(tmp_path.glob("intake.sqlite*"))
        assert [f.name for f in files] == ["intake.sqlite", "intake.sqlite-shm", "intake.sqlite-wal"]
        for path in files:
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name
        store.close()
    finally:
        os.umask(previous)


def test_parallel_posts_store_each_notification_once_with_distinct_references(
        running_intake: RunningIntake) -> None:
    """Ten notifications, each posted four times at once: ten rows, ten references, every answer a receipt."""
    sealed = [running_intake.seal() for _ in range(10)]
    answers: list[int] = []

    def post(nid: str, body: bytes) -> None:
        context = ssl.create_default_context(cadata=running_intake.ca.cert_pem.decode())
        with httpx.Client(base_url=running_intake.server.url, verify=context, timeout=30) as client:
            answer = client.post("/v1/envelopes", content=body, headers={"Idempotency-Key": nid})
            answers.append(answer.status_code)

    threads = [threading.Thread(target=post, args=item) for item in sealed for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(answers) == [200] * 30 + [201] * 10
    store = running_intake.server.store
    assert store.count() == 10
    references = [summary.reference for summary in store.iter_summaries()]
    assert len(set(references)) == 10
