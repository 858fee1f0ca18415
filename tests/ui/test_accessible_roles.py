"""Roles Qt's widgets cannot say by themselves (desktop/ui/accessible_roles.py): a label seen as a heading,
a link that can be pressed. Through the real AT-SPI bridge Qt makes a widget's interface as soon as it gets
a text, before a role could be set (found by the AT-SPI walk, issue 21): the role still wins."""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleActionInterface
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from desktop.ui.accessible_roles import give_role


def test_a_role_given_after_the_interface_was_made_still_reaches_assistive_technology(qtbot: QtBot) -> None:
    label = QLabel("Barnet")
    qtbot.addWidget(label)
    made = QAccessible.queryAccessibleInterface(label)  # as the bridge does when the text is set
    assert made is not None and made.role() is QAccessible.Role.StaticText
    give_role(label, QAccessible.Role.Heading)
    seen = QAccessible.queryAccessibleInterface(label)
    assert seen is not None and seen.role() is QAccessible.Role.Heading
    # Without an accessible name of its own it is named by the words it shows.
    assert seen.text(QAccessible.Text.Name) == "Barnet"


def test_a_widget_with_a_role_and_an_activate_method_offers_press(qtbot: QtBot) -> None:
    pressed: list[bool] = []

    class Link(QLabel):
        def activate(self) -> None:
            pressed.append(True)

    link = Link("<b>Gå til siden »Barnet«</b>")
    qtbot.addWidget(link)
    give_role(link, QAccessible.Role.Link)
    seen = QAccessible.queryAccessibleInterface(link)
    assert seen is not None and seen.role() is QAccessible.Role.Link
    assert seen.text(QAccessible.Text.Name) == "Gå til siden »Barnet«"  # words, not markup
    action = seen.actionInterface()
    assert action is not None
    action.doAction(QAccessibleActionInterface.pressAction())
    assert pressed == [True]
