"""F1, the Help menu entry and Help buttons: one action per window that opens the help for the place
the person is in right now (``topic`` is asked at the moment of pressing, so a wizard page's help is
that page's).

Small on purpose and free of the help window itself, which is imported when help is first opened:
windows on the start-up path (unlock) only pay for an action.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialogButtonBox, QMainWindow, QMenu, QPushButton, QWidget

if TYPE_CHECKING:
    from desktop.ui.help.viewer import HelpWindow
    from desktop.ui.services import Services

translate = QCoreApplication.translate

HELP_KEY = "F1"


class HelpAction(QAction):
    """"Help for this window" (F1) in ``window``; follows the language switch."""

    def __init__(self, window: QWidget, services: Services, topic: Callable[[], str]) -> None:
        super().__init__(window)
        self.setObjectName("helpAction")
        self._window = window
        self._services = services
        self._topic = topic
        # setShortcuts([...]), not setShortcut(): no Qt namespace on the start-up path (see main_window).
        self.setShortcuts([QKeySequence(HELP_KEY)])
        self.triggered.connect(lambda _checked=False: self.open_help())
        window.addAction(self)
        self.retranslate()
        if services.translations is not None:
            services.translations.changed.connect(self.retranslate)

    def retranslate(self) -> None:
        self.setText(translate("Help", "&Help for this window"))
        self.setToolTip(translate("Help", "Help for this window (F1)"))

    def topic(self) -> str:
        """The help topic of the place the person is in now."""
        return self._topic()

    def open_help(self) -> HelpWindow:
        """Show the help for the current place (one help window per window, brought to the front)."""
        from desktop.ui.help.viewer import show_help

        return show_help(self._window, self._services, self.topic())


def add_help(window: QWidget, services: Services, topic: Callable[[], str]) -> HelpAction:
    """Give ``window`` F1 help for ``topic()``; returns the action (for a menu or a button)."""
    return HelpAction(window, services, topic)


class _HelpMenu(QMenu):
    def __init__(self, parent: QWidget, services: Services) -> None:
        super().__init__(parent)
        self.setObjectName("helpMenu")
        self.retranslate()
        if services.translations is not None:
            services.translations.changed.connect(self.retranslate)

    def retranslate(self) -> None:
        # Danish: "Hj&ælp" (Alt+Æ), as Alt+H is the wizard's "Barn i fare? &Hvem skal jeg ringe til".
        self.setTitle(translate("Help", "&Help"))


def add_help_menu(window: QMainWindow, services: Services, topic: Callable[[], str]) -> HelpAction:
    """F1 help plus a Help menu holding it, in a window that has no Help menu yet."""
    action = add_help(window, services, topic)
    menu = _HelpMenu(window, services)
    menu.addAction(action)
    window.menuBar().addMenu(menu)
    return action


class _HelpButton(QPushButton):
    def __init__(self, action: HelpAction, services: Services) -> None:
        super().__init__()
        self.setObjectName("helpButton")
        self.clicked.connect(lambda _checked=False: action.trigger())
        self.retranslate()
        if services.translations is not None:
            services.translations.changed.connect(self.retranslate)

    def retranslate(self) -> None:
        self.setText(translate("Help", "Help"))
        self.setAccessibleName(translate("Help", "Help for this window"))
        self.setToolTip(translate("Help", "Help for this window (F1)"))


def help_button(action: HelpAction, services: Services) -> QPushButton:
    """A "Help" button that opens the same help as F1."""
    return _HelpButton(action, services)


def add_help_to_buttons(buttons: QDialogButtonBox, window: QWidget, services: Services,
                        topic: Callable[[], str]) -> HelpAction:
    """F1 help plus a Help button in a dialog's button row."""
    action = add_help(window, services, topic)
    buttons.addButton(help_button(action, services), QDialogButtonBox.ButtonRole.HelpRole)
    return action
