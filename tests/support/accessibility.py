"""Reading a window the way a screen reader does: Qt's accessibility tree (what AT-SPI and UI Automation
are given), walked from a widget down through every child interface."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QWidget

#: QTextDocument's frame and table marks: never in text a person is read.
PRIVATE_SEPARATORS = ("\ufdd0", "\ufdd1")


def interface(widget: QWidget) -> QAccessibleInterface:
    found = QAccessible.queryAccessibleInterface(widget)
    assert found is not None and found.isValid(), widget
    return found


def walk(widget: QWidget) -> Iterator[QAccessibleInterface]:
    """``widget``'s interface and all below it, in tree order (the hidden ones too)."""
    pending = [interface(widget)]
    while pending:
        current = pending.pop(0)
        yield current
        pending[0:0] = [child for n in range(current.childCount())
                        if (child := current.child(n)) is not None and child.isValid()]


def exposed_text(node: QAccessibleInterface) -> list[str]:
    """Everything ``node`` tells assistive technology in words: name, description, value, its text."""
    said = [node.text(kind) for kind in (QAccessible.Text.Name, QAccessible.Text.Description,
                                         QAccessible.Text.Value, QAccessible.Text.Help)]
    text = node.textInterface()
    if text is not None:
        said.append(text.text(0, text.characterCount()))
    return [words for words in said if words]


def with_role(widget: QWidget, role: QAccessible.Role) -> list[QAccessibleInterface]:
    """The showing interfaces under ``widget`` that have ``role``."""
    return [node for node in walk(widget)
            if node.role() is role and not node.state().invisible]


def assert_no_private_separators(widget: QWidget) -> None:
    for node in walk(widget):
        for words in exposed_text(node):
            assert not any(mark in words for mark in PRIVATE_SEPARATORS), (node.role(), words[:120])


def names(widget: QWidget, role: QAccessible.Role) -> list[str]:
    """The names of the showing interfaces under ``widget`` that have ``role``, in tree order."""
    return [node.text(QAccessible.Text.Name) for node in with_role(widget, role)]
