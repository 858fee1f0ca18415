"""Creating the first profile: the two ways to protect it answer one question, and a screen reader says that
question with each choice (the group is named by it and labels both radio buttons; before, the two sat in no
group at all - screen-reader review, finding 5, outside the wizard)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAccessible
from pytestqt.qtbot import QtBot

from desktop.ui.services import Services
from desktop.ui.shell import Shell
from tests.support.naming import group_findings


def test_the_protection_choices_are_one_group_named_by_their_question(
    qtbot: QtBot, make_services: Callable[..., Services], start_shell: Callable[[Services], Shell]
) -> None:
    window = start_shell(make_services()).first_run_window
    assert window is not None
    qtbot.waitExposed(window)
    assert group_findings(window) == []
    for radio in (window.keyring_radio, window.passphrase_radio):
        group = QAccessible.queryAccessibleInterface(radio).parent()
        assert group.role() == QAccessible.Role.Grouping
        assert group.text(QAccessible.Text.Name) == "Hvordan skal profilen beskyttes?"
