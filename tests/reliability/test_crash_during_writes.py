"""A process killed (SIGKILL) in the middle of a burst of writes loses nothing it had committed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.store.keys import new_vault_key
from desktop.store.notifications import NotificationState
from desktop.store.vault import Vault

WRITER = Path(__file__).with_name("_burst_writer.py")


def _burst_then_kill(vault_path: Path, key: bytearray, writes_before_kill: int) -> list[tuple[str, str, int]]:
    """Run the writer, SIGKILL it after it reported ``writes_before_kill`` commits; return every report."""
    child = subprocess.Popen(
        [sys.executable, str(WRITER), str(vault_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert child.stdin is not None and child.stdout is not None
    child.stdin.write(key.hex() + "\n")
    child.stdin.close()
    reports: list[tuple[str, str, int]] = []
    try:
        for line in child.stdout:
            kind, draft_id, counter = line.split()
            reports.append((kind, draft_id, int(counter)))
            if len(reports) >= writes_before_kill:
                child.send_signal(signal.SIGKILL)  # mid-burst: the writer is already in its next write
                break
        # Lines printed before the kill landed are committed too.
        for line in child.stdout:
            kind, draft_id, counter = line.split()
            reports.append((kind, draft_id, int(counter)))
    finally:
        child.kill()
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL, child.stderr.read() if child.stderr else ""
    return reports


@pytest.mark.slow
def test_killed_writer_leaves_an_intact_vault_with_every_committed_write(tmp_path: Path) -> None:
    vault_path = tmp_path / "profile" / "vault.db"
    vault_path.parent.mkdir()
    key = new_vault_key()
    committed: dict[str, str] = {}
    for round_number, writes in enumerate((40, 75, 120)):
        reports = _burst_then_kill(vault_path, key, writes)
        assert len(reports) >= writes
        for kind, draft_id, _ in reports:
            committed[draft_id] = kind
        assert (vault_path.parent / "vault.db-wal").exists(), "the kill should leave a hot write-ahead log"
        with Vault.open(vault_path, key) as vault:
            assert vault.integrity_ok(), f"integrity check failed after round {round_number}"
            states = {s.id: s.state for s in vault.notifications.list_summaries()}
            for draft_id, kind in committed.items():
                assert draft_id in states, f"committed draft {draft_id} lost"
                if kind == "final":
                    assert states[draft_id] is NotificationState.QUEUED
                    assert vault.notifications.get_pdf(draft_id) == b"%PDF" * 300
                elif kind == "saved":
                    # It may also have been finalised just before the kill, without the report getting out.
                    assert vault.notifications.get_answers(draft_id)["saved"] is True
            # The write in flight at the kill may have committed unreported, never the other way round.
            assert vault.outbox.waiting_count() >= sum(1 for k in committed.values() if k == "final")
