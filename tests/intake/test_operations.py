"""Operating the intake: backup of a live database, list in bounded memory, health, metrics, logs.

Findings (issue 13): a plain copy of the live database lost the rows still in the WAL; ``list`` loaded
every row (413 MB for a 355 MB database); the log grew by 149 MB of tracebacks in 30 s.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from intake import cli
from intake.observability import OncePerCause
from intake.settings import IntakeSettings
from intake.storage import open_store

if TYPE_CHECKING:
    from tests.intake.conftest import Municipality, PostgresCluster


def test_a_backup_of_the_running_intake_restores_every_envelope(
        municipality: Municipality, db_target: str, request: pytest.FixtureRequest,
        capsys: pytest.CaptureFixture[str]) -> None:
    server, client = municipality.start(db_target, IntakeSettings.for_demo(reference_prefix="KOM"))
    sent: dict[str, bytes] = {}
    try:
        for _ in range(12):
            nid, body = municipality.seal(os.urandom(32))
            answer = client.post("/v1/envelopes", content=body, headers={"Idempotency-Key": nid})
            assert answer.status_code == 201
            sent[nid] = body
        backup = municipality.folder / "intake.backup"
        assert cli.main(["backup", "--db", db_target, "--out", str(backup)]) == 0  # while it runs
        assert "backed up 12 envelopes" in capsys.readouterr().out
        assert backup.stat().st_mode & 0o777 == 0o600
    finally:
        client.close()
        server.stop()
    if db_target.startswith("host="):
        cluster: PostgresCluster = request.getfixturevalue("postgres_cluster")
        restored = cluster.create_database()
    else:
        restored = str(municipality.folder / "restored.sqlite")
    assert cli.main(["restore", str(backup), "--db", restored]) == 0
    assert "restored 12 envelopes" in capsys.readouterr().out
    store = open_store(restored)
    try:
        for nid, body in sent.items():
            found = store.find(nid)
            assert found is not None and found.envelope == body
    finally:
        store.close()
    assert cli.main(["backup", "--db", db_target, "--out", str(backup)]) == 1  # never overwrites a backup
    assert "intake.backup_exists" in capsys.readouterr().err


# The peak resident memory of the `list` process alone (VmHWM: ru_maxrss would include the parent's
# memory at fork time, which Linux carries across exec).
_LIST_PEAK = """
import sys
from intake import cli
sys.stdout = open("/dev/null", "w")
assert cli.main(["list", "--db", sys.argv[1]]) == 0
status = open("/proc/self/status").read()
print(next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:")), file=sys.stderr)
"""


def test_list_of_a_large_database_stays_in_bounded_memory_with_a_header_and_danish_times(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "large.sqlite"
    store = open_store(db)
    blob = os.urandom(1024 * 1024)
    for n in range(150):  # 150 MB of envelopes
        nid = str(uuid.uuid4())
        store.insert(idempotency_key=nid, notification_id=nid, envelope=blob + n.to_bytes(4, "big"),
                     envelope_sha256="0" * 64, form_version="1.0", sender_fingerprint="F",
                     received_at=datetime(2026, 7, 1, 10, 0, tzinfo=UTC), reference_prefix="KOM",
                     make_receipt=lambda ref: (ref.encode(), b"s"), key_ids=("kommune-test",))
    store.close()
    assert cli.main(["list", "--db", str(db)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("seq\treference") and len(lines) == 151
    assert "2026-07-01 12:00:00 CEST" in lines[1]  # 10:00 UTC is 12:00 in Copenhagen in summer
    done = subprocess.run([sys.executable, "-c", _LIST_PEAK, str(db)], capture_output=True, text=True,
                          check=True, timeout=120)
    peak_kib = int(done.stderr.strip().splitlines()[-1])
    assert peak_kib < 80 * 1024, f"list used {peak_kib // 1024} MiB for a 150 MB database"


def test_health_metrics_and_the_access_log_carry_no_personal_data(
        municipality: Municipality, caplog: pytest.LogCaptureFixture) -> None:
    server, client = municipality.start(str(municipality.folder / "m.sqlite"),
                                        IntakeSettings.for_demo(reference_prefix="KOM"))
    caplog.set_level(logging.INFO, logger="intake.access")
    try:
        nid, body = municipality.seal(os.urandom(32))
        assert client.post("/v1/envelopes", content=body, headers={"Idempotency-Key": nid}).status_code == 201
        assert client.get("/v1/health").json() == {"status": "ok"}
        metrics = client.get("/metrics").text
        assert 'underret_intake_requests_total{route="/v1/envelopes",status="201"} 1.0' in metrics
        assert "underret_intake_envelope_bytes_bucket" in metrics
        assert nid not in metrics and "KOM-" not in metrics
    finally:
        client.close()
        server.stop()
    access = [record.getMessage() for record in caplog.records if record.name == "intake.access"]
    assert access[0].startswith("POST /v1/envelopes 201 in=") and len(access) == 3
    for line in access:  # method, route, status, sizes, time: no address, id, reference or key
        assert "127.0.0.1" not in line and nid not in line and "KOM-" not in line


def test_the_same_error_is_logged_once_a_minute_with_a_count_of_the_rest() -> None:
    now = [0.0]
    once = OncePerCause(window=60, clock=lambda: now[0])
    records = []
    for second in range(0, 130, 1):
        now[0] = float(second)
        record = logging.LogRecord("asyncio", logging.ERROR, "x", 1, "socket.accept() out of system resource",
                                   None, None)
        if once.filter(record):
            records.append(record.getMessage())
    assert len(records) == 3
    assert records[1].endswith("(and 59 more like it in the last minute, not logged)")


def test_envelopes_every_desk_fetched_are_deleted_after_the_set_number_of_days(
        municipality: Municipality, db_target: str) -> None:
    store = open_store(db_target)
    ids = []
    for _ in range(3):
        nid, body = municipality.seal(os.urandom(32))
        stored, _ = store.insert(idempotency_key=nid, notification_id=nid, envelope=body,
                                 envelope_sha256="0" * 64, form_version="1.0", sender_fingerprint="F",
                                 received_at=datetime.now(UTC), reference_prefix="KOM",
                                 make_receipt=lambda ref: (ref.encode(), b"s"))
        ids.append((nid, stored.seq))
    store.mark_fetched_by_all(ids[0][1], datetime.now(UTC) - timedelta(days=10))  # fetched by all, long ago
    store.mark_fetched_by_all(ids[1][1], datetime.now(UTC) - timedelta(days=2))  # fetched by all, recently
    store.close()  # ids[2]: not yet fetched by every desk
    settings = IntakeSettings.for_demo(reference_prefix="KOM", delete_fetched_after_days=7)
    server, client = municipality.start(db_target, settings)
    try:
        deadline = time.monotonic() + 10
        while server.store.find(ids[0][0]) is not None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert server.store.find(ids[0][0]) is None
        assert server.store.find(ids[1][0]) is not None and server.store.find(ids[2][0]) is not None
    finally:
        client.close()
        server.stop()
