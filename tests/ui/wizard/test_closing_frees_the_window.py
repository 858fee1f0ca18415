"""A notification window closed at any moment - while its pages are still being built, from "Discard",
or by the session lock - is freed: nothing of it, and none of the answers it showed, stays in memory."""

from __future__ import annotations

import gc
import random
import weakref
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from desktop.app import Services
from desktop.ui.wizard.page import SectionPage
from desktop.ui.wizard.review import ReviewPage
from desktop.ui.wizard.window import WizardWindow

if TYPE_CHECKING:
    from tests.ui.wizard.conftest import Wizard

TODAY = date(2026, 11, 23)


def _settle(qtbot: QtBot) -> None:
    """Let closed windows be deleted (deleteLater) and collect what Python still holds."""
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        qtbot.wait(1)
    gc.collect()


def _pages_of(window: WizardWindow) -> list[QWidget]:
    pages: list[QWidget] = list(window.stack.findChildren(SectionPage))
    pages += window.stack.findChildren(ReviewPage)
    return pages


def test_windows_closed_at_random_moments_are_all_freed(services: Services, qtbot: QtBot) -> None:
    rng = random.Random(22)
    _settle(qtbot)
    top_level = len(QApplication.topLevelWidgets())
    refs: list[weakref.ref[QWidget]] = []
    for _ in range(200):
        window = WizardWindow(services, None, today=lambda: TODAY)
        services.adopt_window(window)
        window.show()
        # A random moment: at once, during the first page's fields, or while later pages are built.
        for _turn in range(rng.choice((0, 0, 1, 1, 2, 3, 6))):
            QCoreApplication.processEvents()
        refs.append(weakref.ref(window))
        refs += [weakref.ref(page) for page in _pages_of(window)]
        how = rng.choice(("close", "close", "discard"))
        if how == "discard":
            window.ask_discard()
            box = window.discard_box
            assert box is not None
            delete = box.findChild(QPushButton, "confirmDiscard")
            assert delete is not None
            delete.click()
        else:
            window.close()
        del window
        if rng.random() < 0.2:
            QCoreApplication.processEvents()
    _settle(qtbot)
    alive = [ref() for ref in refs if ref() is not None]
    assert alive == []
    assert len(QApplication.topLevelWidgets()) == top_level


def _holders_of(text: str) -> list[str]:
    """Python containers that still hold ``text`` (the answers dict of a window, a closure's cell...)."""
    found = []
    for obj in gc.get_objects():
        if isinstance(obj, dict):
            items = list(obj.values())
        elif isinstance(obj, (list, tuple)):
            items = list(obj)
        else:
            continue
        if any(isinstance(item, str) and item == text for item in items):
            found.append(type(obj).__name__)
    return found


def test_the_answers_of_a_window_closed_by_the_lock_are_not_in_memory_after_it(
        services: Services, qtbot: QtBot, open_wizard: Callable[..., Wizard]) -> None:
    wizard = open_wizard()
    wizard.choose("acute.in_danger", "no")
    wizard.go_on_to("child")
    wizard.choose("child.identity", "cpr")
    name = "Zanzibar Quetzal Testbarn"
    wizard.type_into("child.name", name)
    window = wizard.window
    # Lock while a page is still being built in idle time (the moment that used to leave it all behind).
    window.pages.build_rest_when_idle("child")
    QCoreApplication.processEvents()
    assert not window.pages.complete
    ref = weakref.ref(window)
    del wizard, window
    services.session.lock()
    _settle(qtbot)
    assert ref() is None
    assert _holders_of(name) == []
