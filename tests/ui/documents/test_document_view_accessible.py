"""A notification on screen as a screen reader meets it (issue 21, screen-reader review findings 3 and 4).

The old rich-text view reached AT-SPI as one label whose text held U+FDD0/U+FDD1 for every table and
frame (69 in one document), with headings and lists flattened and links neither exposed nor spoken.
The document view exposes a *document* with *heading*s, one line per labelled value ("Til: …"),
*list item*s and *link*s that Tab reaches and Enter, Space, a click or the accessible "press"
action follow.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QAccessible, QAccessibleActionInterface, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from desktop.documents.html import render_html
from desktop.domain.document import NotificationDocument
from desktop.ui import document_view
from desktop.ui.document_view import DocumentView
from tests.support.accessibility import (
    assert_no_private_separators,
    exposed_text,
    interface,
    names,
    walk,
    with_role,
)

GAPPED = ('<html><body style="font-size:10pt;"><h1>Underretning</h1>'
          '<table width="100%" cellspacing="0" cellpadding="3" bgcolor="#f3f6f9">'
          '<tr><td width="32%">Til</td><td>Demo Kommune</td></tr>'
          '<tr><td width="32%">Underretter</td><td><a href="gap:0"><b>Ikke udfyldt endnu – gå til siden '
          '»Om dig«</b></a></td></tr></table>'
          '<h2>Barnet</h2><table><tr><td>Navn</td><td><a href="gap:1">Ikke udfyldt endnu – gå til siden '
          '»Barnet«</a></td></tr></table><p>Sidste afsnit.</p></body></html>')


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def _window(qtbot: QtBot, html: str) -> tuple[QWidget, QLineEdit, DocumentView, QLineEdit]:
    window = QWidget()
    before, after = QLineEdit(), QLineEdit()
    view = DocumentView()
    view.setAccessibleName("Underretningen")
    layout = QVBoxLayout(window)
    for widget in (before, view, after):
        layout.addWidget(widget)
    qtbot.addWidget(window)
    view.setHtml(html)
    window.resize(900, 700)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    before.setFocus()
    qtbot.waitUntil(before.hasFocus)
    return window, before, view, after


def test_a_notification_is_a_document_with_headings_lines_and_items_without_separator_characters(
    qtbot: QtBot, rich_document: NotificationDocument
) -> None:
    _win, _, view, _ = _window(qtbot, render_html(rich_document))

    document = interface(view)
    assert document.role() is QAccessible.Role.Document
    assert document.text(QAccessible.Text.Name) == "Underretningen"
    # How to read it is said with it (no translations installed here).
    assert document.text(QAccessible.Text.Description) == (
        "Use the arrow keys to read the text part by part. Tab goes from link to link.")
    assert_no_private_separators(view)

    headings = names(view, QAccessible.Role.Heading)
    assert headings[0] == "Underretning"
    assert "Barnet" in headings and "Bekymringstegn" in headings
    assert [h.property("headingLevel") for h in view.headings()][:2] == [1, 2]
    # A labelled value is one line that says both: "Label: value".
    said = [words for node in walk(view) for words in exposed_text(node)]
    assert "Navn: Åse Ødegård Ærenlund" in said
    assert "CPR-nummer: 010117-4321" in said
    # The signals are list items under their category's heading.
    items = names(view, QAccessible.Role.ListItem)
    assert any(item.startswith("Skader på steder, der sjældent rammes ved uheld") for item in items)
    assert "Skader på steder" not in " ".join(headings)
    # What the tests and a sighted helper read is the same text, without separators either.
    assert "\ufdd0" not in view.toPlainText() and "Til: Ærø Kommune (kommunekode 492)" in view.toPlainText()


def test_links_are_links_that_tab_reaches_in_reading_order_and_enter_follows(qtbot: QtBot) -> None:
    _win, _, view, after = _window(qtbot, GAPPED)
    followed: list[str] = []
    view.anchorClicked.connect(lambda url: followed.append(QUrl(url).toString()))

    links = with_role(view, QAccessible.Role.Link)
    assert [link.text(QAccessible.Text.Name) for link in links] == [
        "Ikke udfyldt endnu – gå til siden »Om dig«", "Ikke udfyldt endnu – gå til siden »Barnet«"]
    assert links[0].text(QAccessible.Text.Description) == "Underretter"  # which answer it is about
    assert all(link.state().focusable for link in links)

    # Tab: the document, its links in order, then on out of it (no trap).
    order = []
    for _ in range(4):
        QTest.keyClick(focused(), Qt.Key.Key_Tab)
        order.append(focused())
    assert order == [view, view.links[0], view.links[1], after]

    QTest.keyClick(view.links[1], Qt.Key.Key_Return)
    QTest.keyClick(view.links[0], Qt.Key.Key_Space)
    QTest.mouseClick(view.links[1], Qt.MouseButton.LeftButton)
    action = links[0].actionInterface()
    assert action is not None and QAccessibleActionInterface.pressAction() in action.actionNames()
    action.doAction(QAccessibleActionInterface.pressAction())
    assert followed == ["gap:1", "gap:0", "gap:1", "gap:0"]


def test_the_arrow_keys_read_the_document_part_by_part(qtbot: QtBot) -> None:
    _win, _, view, _ = _window(qtbot, GAPPED)
    view.setFocus()
    read = []
    for _ in range(5):
        QTest.keyClick(focused(), Qt.Key.Key_Down)
        read.append(focused().accessibleName())
    assert read == ["Underretning", "Til: Demo Kommune", "Ikke udfyldt endnu – gå til siden »Om dig«",
                    "Barnet", "Ikke udfyldt endnu – gå til siden »Barnet«"]
    QTest.keyClick(focused(), Qt.Key.Key_Up)
    assert focused().accessibleName() == "Barnet"


def test_plain_text_is_paragraphs(qtbot: QtBot) -> None:
    _win, _, view, _ = _window(qtbot, "")
    view.setPlainText("Titel\n\nFørste afsnit,\nanden linje.\n\nSidste.")
    shown = names(view, QAccessible.Role.StaticText)
    assert shown == ["Titel", "Første afsnit,\nanden linje.", "Sidste."]
    assert_no_private_separators(view)


def test_a_short_label_beside_a_link_is_not_cut_off_at_a_large_font(qtbot: QtBot) -> None:
    """At a 150 % font the gallery found "Telefon (arbejde)" beside its link cut to half its second line:
    the label's own 32 % cell inside the label column wrapped it, and the row kept one line's height."""
    html = ('<html><body style="font-size:15pt;"><table width="100%" cellpadding="3" cellspacing="0">'
            '<tr><td width="32%">Telefon (arbejde)</td><td><a href="gap:0">Ikke udfyldt endnu – gå til '
            'siden »Om dig«</a></td></tr></table></body></html>')
    window, _before, view, _after = _window(qtbot, html)
    window.resize(1366, 700)
    qtbot.waitUntil(lambda: view.width() > 1200)
    label = next(widget for widget in view.body.findChildren(QWidget)
                 if widget.accessibleName() == "Telefon (arbejde)")
    assert "width" not in label.text().split("<tr>", 1)[1]  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: label.height() + 1 >= label.heightForWidth(label.width()))
    assert label.height() < 2 * view.links[0].height()  # one line, as tall as the link beside it


def test_a_changed_document_shows_the_change_and_keeps_the_parts_that_are_the_same(qtbot: QtBot) -> None:
    """The review page shows the notification again whenever it opens after a change: only the parts
    that changed are made again (each new part lays its text out, ~70 of them took a page change past
    50 ms), and the document reads, tabs and follows its links as a new one would."""
    _win, before, view, after = _window(qtbot, GAPPED)
    heading, row, first_link = view.body.part_widgets[0], view.body.part_widgets[1], view.links[0]
    followed: list[str] = []
    view.anchorClicked.connect(lambda url: followed.append(QUrl(url).toString()))

    view.setHtml(GAPPED.replace("Demo Kommune", "Ærø Kommune").replace("Sidste afsnit.", "<h2>Til sidst</h2>"
                                                                       "<p>Sidste afsnit.</p>"))

    def said() -> list[str]:
        return [words for node in walk(view) for words in exposed_text(node)]

    qtbot.waitUntil(lambda: "Til: Demo Kommune" not in said())  # the old parts go when the event loop runs
    assert "Til: Ærø Kommune" in said()
    assert names(view, QAccessible.Role.Heading) == ["Underretning", "Barnet", "Til sidst"]
    assert view.body.part_widgets[0] is heading and view.links[0] is first_link
    assert view.body.part_widgets[1] is not row
    assert_no_private_separators(view)

    before.setFocus()
    qtbot.waitUntil(before.hasFocus)
    order = []
    for _ in range(4):
        QTest.keyClick(focused(), Qt.Key.Key_Tab)
        order.append(focused())
    assert order == [view, view.links[0], view.links[1], after]
    QTest.keyClick(view.links[0], Qt.Key.Key_Return)
    assert followed == ["gap:0"]  # one signal per press, also from a link used again


def test_a_document_made_a_few_parts_at_a_time_is_shown_whole_and_the_last_one_wins(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The review page makes the notification's ~70 parts a few at a time (at once they held the window
    for 25-40 ms): the document shown stays until the new one is whole, and a newer one replaces one
    still being made."""
    monkeypatch.setattr(document_view, "SLICE_S", 0.0)  # one part a step, however fast the machine
    _win, before, view, after = _window(qtbot, "<p>Første udgave.</p>")
    many = "".join(f"<p>Afsnit {n}.</p>" for n in range(60))
    view.setHtml(f"<html><body><h1>Gammel</h1>{many}</body></html>", slices=True)
    assert view.toPlainText() == "Første udgave."  # the new one is not shown half made
    with qtbot.waitSignal(view.body.parts_shown, timeout=10_000):
        view.setHtml(GAPPED.replace("Sidste afsnit.", many), slices=True)

    assert names(view, QAccessible.Role.Heading) == ["Underretning", "Barnet"]
    assert "Afsnit 59." in view.toPlainText() and "Gammel" not in view.toPlainText()
    qtbot.waitUntil(lambda: "Første udgave." not in [w for n in walk(view) for w in exposed_text(n)])
    assert_no_private_separators(view)
    before.setFocus()
    qtbot.waitUntil(before.hasFocus)
    order = []
    for _ in range(4):
        QTest.keyClick(focused(), Qt.Key.Key_Tab)
        order.append(focused())
    assert order == [view, view.links[0], view.links[1], after]
