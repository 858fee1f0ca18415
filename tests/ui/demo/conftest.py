"""Fixtures for demo-mode UI tests: a real demo run (temp vault, TLS intake on 127.0.0.1) and
the keyboard moves a trainee makes."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop.ui.demo.app import start_demo
from desktop.ui.demo.controller import DemoController
from desktop.ui.operations import wait_for_all
from desktop.ui.wizard.fields import ChoiceEditor, FieldEditor, YesNoWhyEditor
from desktop.ui.wizard.page import SectionPage
from desktop.ui.wizard.signal_checklist import SignalChecklistEditor
from desktop.ui.wizard.window import WizardWindow


@pytest.fixture
def temp_root(tmp_path: Path) -> Path:
    """Stands in for the system temp folder (where demo folders are made)."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    return folder


@pytest.fixture
def write_policy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[[dict[str, object]], Path]:
    """Put a deployment policy in force for this test (UNDERRET_POLICY)."""

    def write(values: dict[str, object]) -> Path:
        path = tmp_path / "policy.json"
        path.write_text(json.dumps(values), encoding="utf-8")
        monkeypatch.setenv("UNDERRET_POLICY", str(path))
        return path

    return write


@pytest.fixture
def demo(qapp: QApplication, qtbot: QtBot, temp_root: Path) -> Iterator[DemoController]:
    """A running demo in English, its main window shown; removed again after the test."""
    controller = start_demo(language="en", temp_root=temp_root)
    assert controller.main_window is not None
    qtbot.waitExposed(controller.main_window)
    yield controller
    controller.shutdown()
    wait_for_all()
    for window in list(controller.services._windows):
        window.close()
    if controller.services.translations is not None:
        controller.services.translations.uninstall()


class Trainee:
    """Keyboard moves in the wizard: Tab to a field, type, arrow keys and Space for choices."""

    def __init__(self, qtbot: QtBot, window: WizardWindow) -> None:
        self.qtbot = qtbot
        self.window = window

    def editor(self, path: str) -> FieldEditor:
        for page in self.window.pages.values():
            if isinstance(page, SectionPage):
                editor = page.editor_for(path)
                if editor is not None and editor.path == path:
                    return editor
        raise KeyError(path)

    @staticmethod
    def focused() -> QWidget | None:
        return QApplication.focusWidget()

    def press(self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        QTest.keyClick(self.focused() or self.window, key, modifier)

    def tab_to(self, widget: QWidget, limit: int = 400) -> None:
        for _ in range(limit):
            if self.focused() is widget:
                return
            self.press(Qt.Key.Key_Tab)
        raise AssertionError(f"Tab never reached {widget.objectName() or widget}")

    def type_into(self, path: str, text: str) -> None:
        target = self.editor(path).focus_target()
        self.tab_to(target)
        QTest.keyClicks(target, text)

    def choose(self, path: str, option: str) -> None:
        editor = self.editor(path)
        assert isinstance(editor, ChoiceEditor)
        self.tab_to(editor.focus_target())
        wanted = editor.buttons[option]
        for _ in range(len(editor.buttons) + 1):
            if self.focused() is wanted:
                break
            self.press(Qt.Key.Key_Down)
        assert self.focused() is wanted
        self.press(Qt.Key.Key_Space)
        assert wanted.isChecked()

    def explain_why_not(self, path: str, text: str) -> None:
        editor = self.editor(path)
        assert isinstance(editor, YesNoWhyEditor)
        self.tab_to(editor.why_edit)
        QTest.keyClicks(editor.why_edit, text)

    def tick_signal(self, signal_id: str, query: str) -> None:
        editor = self.editor("signals.checked")
        assert isinstance(editor, SignalChecklistEditor)
        self.tab_to(editor.search)
        editor.search.selectAll()
        QTest.keyClicks(editor.search, query)
        self.tab_to(editor.tree)
        wanted = editor.items[signal_id]
        for _ in range(len(editor.items)):
            if editor.tree.currentItem() is wanted:
                break
            self.press(Qt.Key.Key_Down)
        assert editor.tree.currentItem() is wanted, f"arrow keys did not reach {signal_id}"
        self.press(Qt.Key.Key_Space)
        assert wanted.checkState(0) == Qt.CheckState.Checked

    def next_page(self) -> None:
        self.tab_to(self.window.next_button)
        self.press(Qt.Key.Key_Space)

    def go_on_to(self, page_id: str) -> None:
        for _ in range(12):
            if self.window.page_id == page_id:
                return
            self.next_page()
        assert self.window.page_id == page_id


@pytest.fixture
def trainee() -> Callable[[QtBot, WizardWindow], Trainee]:
    """``trainee(qtbot, window)``: the keyboard moves for one wizard window."""
    return Trainee
