"""The notification window opens at once: the first page's fields follow within moments, the other
pages are built while the person reads, and nothing depends on a page having been built."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.app import Services
from desktop.ui.wizard.choices import ChoiceEditor
from desktop.ui.wizard.group_editor import RepeatableGroupEditor
from desktop.ui.wizard.page import SectionPage
from desktop.ui.wizard.review import ReviewPage
from desktop.ui.wizard.window import WizardWindow
from tests.support.keyboard import WizardKeys

if TYPE_CHECKING:
    from tests.ui.wizard.conftest import Wizard

TODAY = date(2026, 11, 23)


def _open_without_waiting(services: Services) -> WizardWindow:
    window = WizardWindow(services, None, today=lambda: TODAY)
    services.adopt_window(window)
    window.show()
    window.activateWindow()
    return window


def _open_building_nothing_in_idle_time(services: Services, qtbot: QtBot) -> WizardKeys:
    """A window whose pages are built only when shown (as if the person were quicker than idle time)."""
    window = _open_without_waiting(services)
    window.pages.stop_building()
    window.go_to(window.page_id, save=False)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window and QApplication.focusWidget() is not None)
    return WizardKeys(qtbot, window)


def test_the_window_opens_before_its_pages_are_built_and_they_follow_without_a_click(
    services: Services, qtbot: QtBot
) -> None:
    window = _open_without_waiting(services)
    # Opening did not build the pages: the first shows its title, its fields come next.
    assert not window.pages.complete
    assert window.pages.built("signals") is None
    assert window.step_label.text().startswith("Trin 1 af")
    qtbot.waitUntil(lambda: window.pages.complete, timeout=10000)
    first_field = window.pages["acute"]
    assert isinstance(first_field, SectionPage)
    in_danger = first_field.editors["acute.in_danger"].focus_target()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is in_danger)
    assert window.stack.currentWidget() is first_field


def test_the_review_lists_problems_on_pages_that_were_never_built_and_leads_to_them(
    services: Services, qtbot: QtBot
) -> None:
    window = _open_without_waiting(services)
    window.pages.stop_building()  # as if the person got to the review before any page was built
    qtbot.waitExposed(window)
    window.go_to("review")  # what the review's link does; the domain checks the answers, not pages
    review = window.current_page()
    assert isinstance(review, ReviewPage)
    problem_pages = {button.objectName().removeprefix("problem:").split(".")[0]
                     for button in review.problem_buttons}
    assert {"acute", "child", "events", "notifier"} <= problem_pages
    assert all(window.pages.built(sid) is None for sid in ("acute", "child", "events", "notifier"))
    # The review opens on the first thing to look at (a screen reader hears it), not on "send".
    first = review.problem_buttons[0]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is first)
    assert first.objectName() == "problem:acute.in_danger"
    count = len(review.problem_buttons)
    said = window.step_label.property("announced")
    assert f"Gennemse og send. {count} ting skal rettes, før du kan sende den: " in said
    QTest.keyClick(first, Qt.Key.Key_Space)
    assert window.page_id == "acute"
    page = window.current_page()
    assert isinstance(page, SectionPage)
    in_danger = page.editors["acute.in_danger"]
    assert QApplication.focusWidget() is in_danger.focus_target()
    assert in_danger.problem_label.isVisibleTo(window)


def test_a_sign_of_violence_presets_the_family_page_even_before_it_is_built(
    services: Services, qtbot: QtBot
) -> None:
    wizard = _open_building_nothing_in_idle_time(services, qtbot)
    window = wizard.window
    wizard.choose("acute.in_danger", "no")
    wizard.go_on_to("signals")
    assert window.pages.built("family") is None
    wizard.tick_signal("violence.patterned_marks", "mærker")
    wizard.go_on_to("family")
    abuse = wizard.editor("family.abuse_in_household")
    assert isinstance(abuse, ChoiceEditor)
    assert abuse.buttons["yes"].isChecked()


def test_a_page_built_after_a_language_switch_speaks_the_new_language(
    services: Services, qtbot: QtBot
) -> None:
    wizard = _open_building_nothing_in_idle_time(services, qtbot)
    window = wizard.window
    assert window.pages.built("notifier") is None
    assert services.translations is not None
    services.translations.install("en")
    qtbot.waitUntil(lambda: window.next_button.text() == "&Next")
    window.go_to("notifier")
    name = wizard.editor("notifier.name")
    assert name.focus_target().accessibleName().endswith("(required)")
    assert window.step_label.text().startswith("Step ")


def test_a_parent_added_on_the_family_page_is_reached_by_tab_before_add_and_next(
    open_wizard: Callable[..., Wizard]
) -> None:
    wizard = open_wizard()
    wizard.choose("acute.in_danger", "no")
    wizard.go_on_to("family")
    group = wizard.editor("family.custody_holders")
    assert isinstance(group, RepeatableGroupEditor)
    wizard.tab_to(group.add_button)
    wizard.press(Qt.Key.Key_Space)
    name = QApplication.focusWidget()
    order: list[Any] = []
    for _ in range(40):
        wizard.press(Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        order.append(focused)
        if focused is wizard.window.next_button:
            break
    assert name is not None and name not in order[:-1]
    assert wizard.window.acute_button not in order  # no detour round the whole window
    informed = wizard.editor("family.custody_holders[0].informed")
    assert isinstance(informed, ChoiceEditor)
    assert order.index(informed.buttons["yes"]) < order.index(group.add_button) \
        < order.index(wizard.window.next_button)


def test_a_finalised_notification_opens_without_building_any_page(
    open_wizard: Callable[..., Wizard], services: Services, sending_set_up: object, qtbot: QtBot
) -> None:
    wizard = open_wizard()
    wizard.fill_complete()
    wizard.finalise()
    qtbot.waitUntil(lambda: wizard.window.read_only, timeout=30000)
    notification_id = wizard.window.draft_id
    wizard.window.close()
    reopened = open_wizard(notification_id)
    assert reopened.window.read_only
    assert all(reopened.window.pages.built(sid) is None for sid in reopened.window.pages)
    assert "Emma Louise Hansen" in reopened.window.document_view.toPlainText()


def test_a_draft_left_on_the_review_page_reopens_there_ready_to_send(
    open_wizard: Callable[..., Wizard], qtbot: QtBot
) -> None:
    wizard = open_wizard()
    wizard.fill_complete()
    qtbot.waitUntil(lambda: not wizard.window.keeper.dirty and wizard.window.draft_id is not None)
    draft_id = wizard.window.draft_id
    wizard.window.close()
    again = open_wizard(draft_id)
    assert again.window.page_id == "review"
    assert again.window.finalise_button.isVisible()
    assert not again.window.next_button.isVisible()
    assert QApplication.focusWidget() is again.window.finalise_button
