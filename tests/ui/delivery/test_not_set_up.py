"""Sending not set up on this PC: the one warning is said in full above the list, once, and never cut
in the status bar (issue 15: "cut mid-word in the status bar and overdrawn by 'Intet venter på at blive
sendt', even full-screen")."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel

from desktop.domain.packs import GuidelinePack, Intake

if TYPE_CHECKING:
    from tests.ui.delivery.conftest import DeliveryApp


def test_sending_not_set_up_is_said_in_full_above_the_list_and_not_in_the_status_bar(
    delivery_app: Callable[..., DeliveryApp], pack: GuidelinePack
) -> None:
    app = delivery_app(pack=pack.model_copy(update={"intake": Intake()}))  # no intake named: not set up
    app.unlock()
    app.qtbot.waitUntil(lambda: app.delivery.configuration_problem is not None, timeout=20_000)
    window = app.window
    window.showMaximized()
    app.qtbot.waitUntil(lambda: app.part.problem_label.isVisible())

    label: QLabel = app.part.problem_label
    said = label.text()
    assert said.startswith("Sending is not set up on this PC yet")
    assert "contact IT" in said and "phone the municipality" in said
    assert label.wordWrap() and label.heightForWidth(label.width()) <= label.height() + 1  # all of it shows
    assert not label.geometry().intersects(app.part.badge.geometry())  # not drawn over the count
    # Said once, where it stays: the status bar (which cuts long sentences) does not repeat it.
    assert window.statusBar().currentMessage() == ""
