"""What IT can see of the desk: ``underret-desk`` writes its refusals to the same content-free event log as
the app (``underret doctor`` lists them), not only to a console a windowed program does not have."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop import eventlog
from desktop.desk.cli import main


@pytest.fixture
def event_log_removed_after() -> Iterator[None]:
    try:
        yield
    finally:
        eventlog.uninstall()


def _answer_the_start_problem(answered: list[str]) -> QTimer:
    """Close the 'cannot start' message when it shows (a modal dialog must be answered in a test)."""
    timer = QTimer()

    def close_it() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            answered.append(box.text())
            box.done(0)

    timer.timeout.connect(close_it)
    timer.start(50)
    return timer


def test_an_invalid_policy_stopping_the_desk_is_in_the_event_log_doctor_reads(
        qapp: QApplication, isolated_user_folders: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        event_log_removed_after: None) -> None:
    policy = tmp_path / "policy.json"
    policy.write_text(json.dumps({"idle_lock_minutes": 999}), "utf-8")
    monkeypatch.setenv("UNDERRET_POLICY", str(policy))
    answered: list[str] = []
    timer = _answer_the_start_problem(answered)
    try:
        code = main([])
    finally:
        timer.stop()
    assert code == 3 and answered
    logged = [(e.message_id, e.text) for e in eventlog.recent_problems()]
    assert any(message_id.startswith("policy.") and "idle_lock_minutes" in text
               for message_id, text in logged), logged
    assert eventlog.log_file().stat().st_mode & 0o777 == 0o600
