"""Roles Qt's widgets cannot say by themselves (desktop/ui/accessible_roles.py): a label seen as a heading,
a link that can be pressed. Through the real AT-SPI bridge Qt makes a widget's interface as soon as it gets
a text, before a role could be set (found by the AT-SPI walk, issue 21): the role still wins."""

from __future__ import annotations

import gc
import weakref

import shiboken6
from PySide6.QtGui import QAccessible, QAccessibleActionInterface
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from desktop.ui.accessible_roles import _RoleInterface, give_role, interfaces_alive


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


def _role_interfaces_in_memory() -> int:
    return sum(1 for found in gc.get_objects() if isinstance(found, _RoleInterface))


def test_widgets_given_a_role_leave_no_interface_behind_when_they_are_deleted(qtbot: QtBot) -> None:
    # Issue 22 soak: every role given made an interface kept in a module list for the rest of the day
    # (+48 objects per finalised notification). Without a screen reader asking, none is made at all.
    # Earlier tests in the same process may still hold widgets with roles: count only this test's.
    before, alive_before = _role_interfaces_in_memory(), interfaces_alive()
    for number in range(200):
        label = QLabel(f"Overskrift {number}")
        give_role(label, QAccessible.Role.Heading if number % 2 else QAccessible.Role.Link)
        label.setText(f"Overskrift {number} igen")
        shiboken6.delete(label)
    gc.collect()
    assert _role_interfaces_in_memory() == before
    assert interfaces_alive() <= alive_before  # (fewer if an earlier test's widget went meanwhile)


def test_the_interfaces_a_screen_reader_asked_for_are_let_go_with_their_widgets(qtbot: QtBot) -> None:
    alive_before = interfaces_alive()  # earlier tests' widgets that still live keep theirs
    labels = [QLabel(f"Overskrift {number}") for number in range(100)]
    for label in labels:
        give_role(label, QAccessible.Role.Heading)
        seen = QAccessible.queryAccessibleInterface(label)
        assert seen is not None and seen.role() is QAccessible.Role.Heading
    assert interfaces_alive() >= alive_before + 100
    widgets = [weakref.ref(label) for label in labels]
    for label in labels:
        shiboken6.delete(label)
    del labels, label, seen
    gc.collect()
    assert interfaces_alive() <= alive_before  # (fewer if an earlier test's widget went meanwhile)
    assert all(widget() is None for widget in widgets)  # no interface holds its widget's wrapper
