"""The help window reads as a document to a screen reader: its headings are headings, no private separator
characters are in anything it exposes, and a legal reference with a web address is a link that Tab reaches
and Enter opens in the browser (before, the help was one QTextBrowser: a flat label full of U+FDD0/U+FDD1,
its headings and links flattened - screen-reader review, finding 3, in the help window)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QAccessible, QDesktopServices
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.domain.help import HelpReference
from desktop.ui.document_view import DocumentLink
from desktop.ui.help.viewer import show_help
from desktop.ui.services import Services
from desktop.ui.shell import Shell
from tests.support.accessibility import assert_no_private_separators, names

LAW = "https://www.retsinformation.dk/eli/lta/2023/721"


class _Browser(QObject):
    """Stands in for the desktop's web browser (a boundary a test cannot run): keeps the addresses it is
    asked to open. Registered with Qt as the https handler, so the help opens links the way it does for a
    user (QDesktopServices.openUrl)."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url)


@pytest.fixture
def browser() -> Iterator[_Browser]:
    stand_in = _Browser()
    # PySide6 takes the slot's name as str at run time (bytes is refused), its stubs say bytes.
    QDesktopServices.setUrlHandler("https", stand_in, "open")  # type: ignore[arg-type]
    yield stand_in
    QDesktopServices.unsetUrlHandler("https")


def test_the_help_has_headings_a_link_to_the_law_and_no_private_separators(
    qtbot: QtBot, make_services: Callable[..., Services], start_shell: Callable[[Services], Shell],
    browser: _Browser,
) -> None:
    services = make_services()
    owner = start_shell(services).first_run_window
    assert owner is not None
    qtbot.waitExposed(owner)
    helper = show_help(owner, services, "main")
    qtbot.waitExposed(helper)
    content = helper.content
    assert content is not None
    # A municipality's pack may give a provision its web address: the help then links to it.
    law = HelpReference("Barnets lov § 133", "Skærpet underretningspligt for fagpersoner", LAW)
    helper.show_content(dataclasses.replace(content, legal=(law,)))

    assert_no_private_separators(helper)
    headings = names(helper, QAccessible.Role.Heading)
    assert headings[0] == content.title
    assert "Lovgrundlag" in headings
    assert names(helper, QAccessible.Role.Link) == ["Skærpet underretningspligt for fagpersoner"]
    assert "Barnets lov § 133: Skærpet underretningspligt for fagpersoner" in helper.document.toPlainText()

    # The keyboard: the help has the focus, Tab goes on to the link, Enter opens the law in the browser.
    qtbot.waitUntil(lambda: QApplication.focusWidget() is helper.document)
    for _ in range(len(helper.document.body.part_widgets) + 1):
        if isinstance(QApplication.focusWidget(), DocumentLink):
            break
        QTest.keyClick(QApplication.focusWidget() or helper, Qt.Key.Key_Tab)
    assert isinstance(QApplication.focusWidget(), DocumentLink)
    QTest.keyClick(QApplication.focusWidget() or helper, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: browser.opened == [QUrl(LAW)])
    helper.reject()
    qtbot.waitUntil(lambda: not helper.isVisible())


def test_the_help_of_every_window_exposes_no_private_separators(
    qtbot: QtBot, make_services: Callable[..., Services], start_shell: Callable[[Services], Shell]
) -> None:
    services = make_services()
    owner = start_shell(services).first_run_window
    assert owner is not None
    qtbot.waitExposed(owner)
    for topic in ("main", "unlock", "settings", "wizard.signals", "wizard.acute"):
        helper = show_help(owner, services, topic)
        qtbot.waitExposed(helper)
        assert_no_private_separators(helper)
        assert names(helper, QAccessible.Role.Heading), topic
    helper.reject()
    qtbot.waitUntil(lambda: not helper.isVisible())
