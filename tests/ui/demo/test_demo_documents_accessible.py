"""The demo's texts as a screen reader meets them (issue 21, screen-reader review findings 4 and 9): the
case story, the feedback after a case and the municipality's view are documents with headings, list
items and labelled lines, and no private separator characters in anything they expose."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtGui import QAccessible
from pytestqt.qtbot import QtBot

from desktop.demo.intake import ReceivedNotification
from desktop.demo.scenarios import feedback_for, load_scenarios
from desktop.domain.packs import national_pack
from desktop.ui.demo.feedback import FeedbackWindow
from desktop.ui.demo.municipality_view import MunicipalityView
from desktop.ui.demo.picker import ScenarioPicker
from tests.support.accessibility import assert_no_private_separators, interface, names
from tests.support.document import NOTIFICATION_ID, sample_document


def test_the_feedback_has_headings_list_items_and_the_score_with_the_focused_text(qtbot: QtBot) -> None:
    scenario = next(s for s in load_scenarios() if len(s.expected_signals) >= 2)
    pack = national_pack()
    checked = [scenario.expected_signals[0]]
    window = FeedbackWindow(scenario, feedback_for(scenario, checked), pack, "en", NOTIFICATION_ID)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.body.hasFocus())  # the text has the focus when the window opens

    document = interface(window.body)
    assert document.role() is QAccessible.Role.Document
    # The score line is said with it (it is not a Tab stop of its own).
    assert document.text(QAccessible.Text.Description).startswith("You found 1 of ")
    headings = names(window.body, QAccessible.Role.Heading)
    assert headings[:3] == ["Signs you marked", "Signs you missed", "Other signs you marked"]
    items = names(window.body, QAccessible.Role.ListItem)
    marked = next(s.label["en"] for s in pack.signals if s.id == checked[0])
    assert marked in items and len(items) >= len(scenario.expected_signals)
    assert_no_private_separators(window)


def test_the_case_story_is_a_document_with_its_title_as_heading(qtbot: QtBot) -> None:
    scenarios = load_scenarios()
    picker = ScenarioPicker(scenarios, "da")
    qtbot.addWidget(picker)
    picker.show()
    story = interface(picker.story)
    assert story.role() is QAccessible.Role.Document
    assert story.text(QAccessible.Text.Name) == "The case story"
    assert names(picker.story, QAccessible.Role.Heading) == [scenarios[0].title["da"]]
    paragraphs = names(picker.story, QAccessible.Role.StaticText)
    assert paragraphs and " ".join(paragraphs).startswith(" ".join(scenarios[0].story["da"].split())[:40])
    assert_no_private_separators(picker)


def test_the_municipality_view_shows_a_document_and_a_receipt_read_line_by_line(qtbot: QtBot) -> None:
    received = datetime(2026, 3, 3, 9, tzinfo=UTC)
    arrived = ReceivedNotification(1, NOTIFICATION_ID, "DEMO-2026-000007", received, "F467 3F8A", True,
                                   sample_document(), None, attachments={})
    view = MunicipalityView(lambda: [arrived], "da")
    qtbot.addWidget(view)
    view.show()
    content = interface(view.content)
    assert content.role() is QAccessible.Role.Document
    headings = names(view.content, QAccessible.Role.Heading)
    assert headings[0] == "Underretning" and "Barnet" in headings
    lines = names(view.receipt, QAccessible.Role.StaticText)
    assert "Reference: DEMO-2026-000007" in lines  # (no translations installed here)
    assert_no_private_separators(view)
