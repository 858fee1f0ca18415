"""The list of signs is a tree a screen reader can follow: categories open, signs never claim to be open,
one sign has the focus while the list has it (none otherwise), each sign says its category, and the
keyboard still moves with the arrows and ticks with Space (screen-reader review, finding 7)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QApplication, QTreeWidgetItem
from pytestqt.qtbot import QtBot

from desktop.ui.wizard.signal_checklist import SignalChecklistEditor

from .conftest import Wizard


def _signs_page(open_wizard: Callable[..., Any]) -> tuple[Wizard, SignalChecklistEditor]:
    wizard = open_wizard()
    wizard.choose("acute.in_danger", "no")
    wizard.go_on_to("signals")
    editor = wizard.editor("signals.checked")
    assert isinstance(editor, SignalChecklistEditor)
    return wizard, editor


def _cells(editor: SignalChecklistEditor) -> list[QAccessibleInterface]:
    tree = QAccessible.queryAccessibleInterface(editor.tree)
    cells = [tree.child(i) for i in range(tree.childCount())]
    return [cell for cell in cells if cell.role() == QAccessible.Role.TreeItem]


def _focused(editor: SignalChecklistEditor) -> list[str]:
    return [cell.text(QAccessible.Text.Name) for cell in _cells(editor) if cell.state().focused]


def _label(item: QTreeWidgetItem) -> str:
    return str(item.data(0, Qt.ItemDataRole.AccessibleTextRole) or item.text(0))


def test_categories_open_and_signs_have_nothing_to_open(open_wizard: Callable[..., Any]) -> None:
    _wizard, editor = _signs_page(open_wizard)
    categories = {item.text(0) for item in editor.category_items.values()}
    cells = _cells(editor)
    assert cells
    for cell in cells:
        state = cell.state()
        name = cell.text(QAccessible.Text.Name)
        if name in categories:
            assert state.expandable and state.expanded, name
        else:
            assert not state.expandable and not state.expanded, name
    tree = QAccessible.queryAccessibleInterface(editor.tree)
    headers = [tree.child(i) for i in range(tree.childCount())
               if tree.child(i).role() == QAccessible.Role.ColumnHeader]
    assert [h.text(QAccessible.Text.Name) for h in headers] == [editor.tree.accessibleName()]


def test_each_sign_says_its_category_before_its_examples(open_wizard: Callable[..., Any]) -> None:
    _wizard, editor = _signs_page(open_wizard)
    by_name = {cell.text(QAccessible.Text.Name): cell for cell in _cells(editor)}
    item = editor.items["neglect.hunger"]
    parent = item.parent()
    assert parent is not None
    description = by_name[_label(item)].text(QAccessible.Text.Description)
    assert description.startswith(f"{parent.text(0)}. "), description
    assert description.removeprefix(f"{parent.text(0)}. ") == item.toolTip(0).strip()


def test_one_sign_has_the_focus_while_the_list_has_it_and_none_after(
    open_wizard: Callable[..., Any], qtbot: QtBot
) -> None:
    wizard, editor = _signs_page(open_wizard)
    tree = editor.tree
    assert QApplication.focusWidget() is editor.search
    assert _focused(editor) == []  # the list has no focus: nothing in it claims it

    wizard.press(Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is tree
    first = tree.currentItem()
    assert first is not None and first.parent() is not None  # a sign, ready for Space
    qtbot.waitUntil(lambda: _focused(editor) == [_label(first)])
    said = QAccessible.queryAccessibleInterface(tree).focusChild()
    assert said is not None and said.text(QAccessible.Text.Name) == _label(first)

    wizard.press(Qt.Key.Key_Down)
    second = tree.currentItem()
    assert second is not None and second is not first
    wizard.press(Qt.Key.Key_Space)
    assert second.checkState(0) == Qt.CheckState.Checked
    assert _focused(editor) == [_label(second)]

    wizard.press(Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not tree
    assert _focused(editor) == []  # not two things with the focus at once

    wizard.press(Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is tree
    assert tree.currentItem() is second  # back where the cursor was
    qtbot.waitUntil(lambda: _focused(editor) == [_label(second)])
    assert editor.value() == [second.data(0, Qt.ItemDataRole.UserRole + 1)]
