"""The case story beside the notification: a trainee reads it while filling in the case.

A panel at the side of the notification window of a training case, with the
case's title, story and the role the trainee plays (wrapped, scrollable,
selectable by keyboard), that stays while the trainee moves from page to page
and follows a language switch. It cannot be closed by mistake; the window's own
layout gives it a third of the width.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow

from desktop.demo.scenarios import Scenario
from desktop.ui.document_view import DocumentView

translate = QCoreApplication.translate

Language = str | Callable[[], str]


class StoryPanel(QDockWidget):
    """The case story, docked at the right of a notification window."""

    def __init__(self, scenario: Scenario, language: Language, window: QMainWindow) -> None:
        super().__init__(window)
        self.setObjectName("demoStoryPanel")
        self.setFeatures(QDockWidget.DockWidgetFeature.NoDockWidgetFeatures)
        self.scenario = scenario
        self._language = language
        self.story = DocumentView()
        self.story.setObjectName("demoStory")
        self.setWidget(self.story)
        self.retranslate()
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self)
        window.resizeDocks([self], [max(260, window.width() // 3)], Qt.Orientation.Horizontal)

    @property
    def language(self) -> str:
        language = self._language() if callable(self._language) else self._language
        return language if language in ("da", "en") else "da"

    def retranslate(self) -> None:
        self.setWindowTitle(translate("Demo", "The case"))
        self.story.setAccessibleName(translate("Demo", "The case story"))
        lang, scenario = self.language, self.scenario
        notifier = scenario.notifier
        role = translate("Demo", "Your role: %1, %2.").replace("%1", notifier.role)
        role = role.replace("%2", notifier.workplace)
        self.story.setHtml(f"<h3>{html.escape(scenario.title[lang])}</h3>"
                           f"<p>{html.escape(scenario.story[lang])}</p><p><i>{html.escape(role)}</i></p>")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()  # the story in the new language too (the scenario has both)
        super().changeEvent(event)


def attach_story(window: QMainWindow, scenario: Scenario, language: Language) -> StoryPanel:
    """Give a training case's notification window its story panel (once); ``language`` is the UI
    language, or a function that says what it is now (so the story follows a switch)."""
    found = window.findChild(StoryPanel)
    return found if isinstance(found, StoryPanel) else StoryPanel(scenario, language, window)
