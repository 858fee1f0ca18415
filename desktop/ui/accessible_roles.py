"""Roles Qt's widgets cannot say by themselves: a heading, a link, a list item, a document.

A screen reader finds its way through a document by its headings and jumps to its links; Qt's
widgets only know they are labels and buttons. :func:`give_role` marks a widget with the role it
plays, and an accessibility factory (installed once, on first use) answers for such widgets with an
interface of that role, so AT-SPI (and UI Automation) report ``heading``, ``link``, ``list item`` or
``document``. The widget's accessible name and description stay what the widget says; a link also
offers the "press" action, which activates it like Enter does.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleActionInterface, QAccessibleInterface, QTextDocumentFragment
from PySide6.QtWidgets import QAccessibleWidget, QWidget

#: The dynamic property holding the role's name (a ``QAccessible.Role`` member, e.g. "Heading").
ROLE_PROPERTY = "underretAccessibleRole"

_installed = False
#: The interfaces handed to Qt, kept alive here (Qt deletes them with their widget; then they are
#: dropped from this list, see :func:`_keep`).
_interfaces: list[QAccessibleInterface] = []


class _RoleInterface(QAccessibleWidget):
    """A widget seen as ``role``; a link (or anything with an ``activate`` method) can be pressed."""

    def __init__(self, widget: QWidget, role: QAccessible.Role) -> None:
        super().__init__(widget, role, "")
        self._activate: Callable[[], None] | None = getattr(widget, "activate", None)

    def text(self, kind: QAccessible.Text) -> str:
        said = super().text(kind)
        if kind is QAccessible.Text.Name and not said:
            # A heading or link without an accessible name of its own is named by the words it shows.
            shown = getattr(self.widget(), "text", None)
            if callable(shown):
                words = str(shown())
                said = QTextDocumentFragment.fromHtml(words).toPlainText() if "<" in words else words
        return said

    def actionNames(self) -> list[str]:
        names = list(super().actionNames())
        if self._activate is not None:
            names.insert(0, QAccessibleActionInterface.pressAction())
        return names

    def doAction(self, action_name: str) -> None:
        if self._activate is not None and action_name == QAccessibleActionInterface.pressAction():
            self._activate()
            return
        super().doAction(action_name)


def _keep(interface: QAccessibleInterface) -> None:
    """Hold ``interface`` for as long as Qt uses it; forget those Qt deleted with their widget."""
    if len(_interfaces) > 64:
        _interfaces[:] = [kept for kept in _interfaces if shiboken6.isValid(kept)]
    _interfaces.append(interface)


def _factory(_class_name: str, obj: QObject) -> QAccessibleInterface | None:
    # Called by Qt for every object a screen reader (or a test) asks about: cheap, never raising.
    try:
        role_name = obj.property(ROLE_PROPERTY)
        if not role_name or not isinstance(obj, QWidget):
            return None
        interface = _RoleInterface(obj, getattr(QAccessible.Role, str(role_name)))
    except Exception:
        return None
    _keep(interface)
    return interface


def install() -> None:
    """Install the factory (once per process, after the QApplication exists)."""
    global _installed
    if not _installed:
        QAccessible.installFactory(_factory)
        _installed = True


def give_role(widget: QWidget, role: QAccessible.Role) -> None:
    """Make ``widget`` seen as ``role`` by assistive technology (best before it has a text or name)."""
    install()
    widget.setProperty(ROLE_PROPERTY, role.name)
    # While a screen reader runs, Qt makes (and keeps) a widget's interface as soon as it gets a text or a
    # name; one made before the role was set is dropped, so the next question gets the factory's.
    cached = QAccessible.queryAccessibleInterface(widget)
    if cached is not None and cached.role() is not role:
        QAccessible.deleteAccessibleInterface(QAccessible.uniqueId(cached))


__all__ = ["ROLE_PROPERTY", "give_role", "install"]
