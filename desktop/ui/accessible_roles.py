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
#: The interfaces the factory handed to Qt (only ever made when assistive technology, or a test, asks
#: about a widget with a role). Qt deletes one with its widget; :func:`_keep` then lets it go.
_interfaces: list[QAccessibleInterface] = []
#: Look for deleted interfaces once the list is this long (doubles with the live ones, so pruning stays
#: linear however many widgets a screen reader has asked about).
_prune_at = 64


class _RoleInterface(QAccessibleWidget):
    """A widget seen as ``role``; a link (or anything with an ``activate`` method) can be pressed."""

    def __init__(self, widget: QWidget, role: QAccessible.Role) -> None:
        super().__init__(widget, role, "")

    def _activate(self) -> Callable[[], None] | None:
        # Looked up when asked, not kept: a kept bound method would hold the widget's wrapper (and what it
        # holds) for as long as this interface lives.
        activate = getattr(self.widget(), "activate", None)
        return activate if callable(activate) else None

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
        if self._activate() is not None:
            names.insert(0, QAccessibleActionInterface.pressAction())
        return names

    def doAction(self, action_name: str) -> None:
        activate = self._activate()
        if activate is not None and action_name == QAccessibleActionInterface.pressAction():
            activate()
            return
        super().doAction(action_name)


def _release_deleted() -> None:
    """Forget the interfaces Qt deleted (with their widget, or dropped by :func:`give_role`).

    NB PySide6 (6.11) itself keeps one more reference on an object a Python factory returns and never gives
    it back (giving it back by hand crashes at exit): such an object outlives its widget as a small, empty
    Python shell (it holds no widget, see :class:`_RoleInterface`). That is why the interfaces are made
    only when assistive technology asks (see :func:`give_role`), never for every widget given a role.
    """
    global _prune_at
    _interfaces[:] = [kept for kept in _interfaces if shiboken6.isValid(kept)]
    _prune_at = max(64, 2 * len(_interfaces))


def _keep(interface: QAccessibleInterface) -> None:
    """Hold ``interface`` for as long as Qt uses it; forget those Qt deleted with their widget."""
    if len(_interfaces) >= _prune_at:
        _release_deleted()
    _interfaces.append(interface)


def interfaces_alive() -> int:
    """How many role interfaces Qt still uses (after letting go of the deleted ones): for leak tests."""
    _release_deleted()
    return len(_interfaces)


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
    # While a screen reader runs, Qt makes (and keeps) a widget's interface as soon as it gets a text or a
    # name; one made before the role was set must go, so the next question gets the factory's. Asking
    # before the role is set never makes a Python interface (without a screen reader Qt makes only its own
    # C++ one here, dropped at once): a role costs no memory until assistive technology asks for it.
    cached = QAccessible.queryAccessibleInterface(widget)
    if cached is not None:
        QAccessible.deleteAccessibleInterface(QAccessible.uniqueId(cached))
    widget.setProperty(ROLE_PROPERTY, role.name)


__all__ = ["ROLE_PROPERTY", "give_role", "install", "interfaces_alive"]
