"""Repeatable groups (siblings, parents and custody holders, other professionals): add and remove rows.

Each row is a box of the group's sub-field editors. The whole group is one
answer, a list of dicts keyed by sub-field id; which sub-fields show in a row
(e.g. "how did the parent react" only when told) is asked of the domain by the
page through :meth:`sub_editors`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from desktop.domain.text import localise
from desktop.ui.wizard.fields import FieldEditor

translate = QCoreApplication.translate


class GroupItem(QGroupBox):
    """One row of a repeatable group."""

    def __init__(self, owner: RepeatableGroupEditor, index: int) -> None:
        super().__init__()
        self.owner = owner
        self.index = index
        lang = owner.context.language
        item_label = localise(owner.field.item_label, lang) or translate("Wizard", "Item")
        title = f"{item_label} {index + 1}"
        self.setTitle(title)
        self.setObjectName(f"groupItem:{owner.field.id}[{index}]")
        layout = QVBoxLayout(self)
        self.editors: dict[str, FieldEditor] = {}
        for sub in owner.field.fields:
            from desktop.ui.wizard.editors import EDITORS

            editor = EDITORS[sub.type](sub, f"{owner.field.id}[{index}].{sub.id}", owner.context)
            editor.changed.connect(owner.changed)
            self.editors[sub.id] = editor
            layout.addWidget(editor)
        self.remove_button = QPushButton(translate("Wizard", "Remove %1").replace("%1", title))
        self.remove_button.setObjectName("removeItem")
        self.remove_button.setAccessibleName(translate("Wizard", "Remove %1").replace("%1", title))
        self.remove_button.clicked.connect(lambda: owner.remove(self.index))
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.remove_button)
        layout.addLayout(row)

    def value(self) -> dict[str, Any]:
        return {key: editor.value() for key, editor in self.editors.items()}

    def load(self, value: dict[str, Any]) -> None:
        for key, editor in self.editors.items():
            editor.set_value(value.get(key))


class RepeatableGroupEditor(FieldEditor):
    """A list of rows; "Add" appends one and moves the focus into it."""

    def build(self) -> None:
        self.rows: list[GroupItem] = []
        self.rows_box = QWidget()
        self.rows_layout = QVBoxLayout(self.rows_box)
        self.rows_layout.setContentsMargins(0, 0, 0, 0)
        item_label = localise(self.field.item_label, self.context.language) or translate("Wizard", "Item")
        self.add_button = QPushButton(translate("Wizard", "Add %1").replace("%1", item_label.lower()))
        self.add_button.setObjectName("addItem")
        self.add_button.clicked.connect(self.add)
        self.layout_.addWidget(self.rows_box)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addStretch(1)
        self.layout_.addLayout(row)

    def max_items(self) -> int:
        return self.field.validation.max_items or 50

    def add(self) -> None:
        if len(self.rows) >= self.max_items():
            return
        item = self._append_row()
        self._update_add_button()
        self._emit()
        first = next(iter(item.editors.values()))
        first.focus_target().setFocus()

    def remove(self, index: int) -> None:
        values = [row.value() for row in self.rows]
        del values[index]
        self._rebuild(values)
        self._emit()
        if self.rows:
            self.rows[min(index, len(self.rows) - 1)].remove_button.setFocus()
        else:
            self.add_button.setFocus()

    def _append_row(self) -> GroupItem:
        item = GroupItem(self, len(self.rows))
        self.rows.append(item)
        self.rows_layout.addWidget(item)
        _tab_before(item, self.add_button)
        # A layout shows new children only on the next event-loop pass; the focus must go there now.
        item.show()
        return item

    def _rebuild(self, values: list[dict[str, Any]]) -> None:
        for row in self.rows:
            row.hide()
            row.deleteLater()
        self.rows = []
        for value in values:
            self._append_row().load(value)
        self._update_add_button()

    def _update_add_button(self) -> None:
        self.add_button.setEnabled(len(self.rows) < self.max_items())

    def sub_editors(self) -> list[FieldEditor]:
        """Every sub-field editor of every row (paths like ``group[1].name``)."""
        return [editor for row in self.rows for editor in row.editors.values()]

    def value(self) -> Any:
        return [row.value() for row in self.rows] or None

    def load(self, value: Any) -> None:
        values = [v if isinstance(v, dict) else {} for v in value] if isinstance(value, list) else []
        if len(values) == len(self.rows):
            for row, item_value in zip(self.rows, values, strict=True):
                row.load(item_value)
        else:
            self._rebuild(values)

    def focus_target(self) -> QWidget:
        if self.rows:
            return next(iter(self.rows[0].editors.values())).focus_target()
        return self.add_button

    def apply_accessible_name(self, name: str) -> None:
        item_label = localise(self.field.item_label, self.context.language) or translate("Wizard", "Item")
        self.add_button.setAccessibleName(translate("Wizard", "Add %1").replace("%1", item_label.lower()))
        self.add_button.setAccessibleDescription(name)
        self.label.setBuddy(self.add_button)

    def interactive_widgets(self) -> list[QWidget]:
        widgets: list[QWidget] = [self.add_button]
        for row in self.rows:
            widgets.append(row.remove_button)
            for editor in row.editors.values():
                widgets.extend(editor.interactive_widgets())
        return widgets


def _tab_before(row: QWidget, anchor: QWidget) -> None:
    """Move the focusable widgets of ``row`` to just before ``anchor`` in the Tab chain.

    Qt appends a widget added to a window that is already built to the end of the
    chain, behind the window's buttons and the page's later fields; a new row
    belongs between the rows before it and its group's "Add" button.
    """
    focusable: list[QWidget] = []
    current = row.nextInFocusChain()
    while current is not None and current is not row and row.isAncestorOf(current):
        if current.focusPolicy() != Qt.FocusPolicy.NoFocus:
            focusable.append(current)
        current = current.nextInFocusChain()
    previous = anchor.previousInFocusChain()
    while (previous is not None and previous is not anchor
           and (previous.focusPolicy() == Qt.FocusPolicy.NoFocus or row.isAncestorOf(previous))):
        previous = previous.previousInFocusChain()
    if previous is None or previous is anchor or previous.window() is not anchor.window():
        return  # nothing focusable before the button: the row's own order is already right
    for widget in focusable:
        QWidget.setTabOrder(previous, widget)
        previous = widget
