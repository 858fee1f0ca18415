"""Starting the app: an invalid policy from IT stops it with a message naming file, setting and problem."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.app import run_gui


def test_invalid_policy_shows_file_setting_and_problem_and_the_app_exits_non_zero(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    policy = tmp_path / "policy.json"
    policy.write_text(json.dumps({"idle_lock_minutes": 999}), encoding="utf-8")
    monkeypatch.setenv("UNDERRET_POLICY", str(policy))
    shown: list[str] = []

    def read_and_close_the_message() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, read_and_close_the_message)
            return
        shown.append(box.text())
        box.accept()

    QTimer.singleShot(20, read_and_close_the_message)
    app = QApplication.instance()
    assert app is not None
    earlier = set(app.findChildren(QTranslator))
    try:
        assert run_gui() == 3
    finally:
        # run_gui installed its translators on the shared test application; take them off again.
        for translator in set(app.findChildren(QTranslator)) - earlier:
            app.removeTranslator(translator)
            translator.deleteLater()
    assert len(shown) == 1
    assert str(policy) in shown[0]
    assert "idle_lock_minutes" in shown[0]
    assert "240" in shown[0]  # the problem: the allowed maximum
    # The person reads Danish and is told whom to ask; the technical detail is marked as IT's (it is
    # English, as doctor prints it), not mixed into the Danish sentence.
    person, _, for_it = shown[0].partition("\n\nTil it-afdelingen: ")
    assert person.endswith("har indstillingen »idle_lock_minutes« en ugyldig værdi. Kontakt it-afdelingen.")
    assert "must be" not in person
    assert for_it == "must be at most 240, got 999"
