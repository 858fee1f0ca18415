"""The case story beside the notification: a trainee reads it while filling in the case.

A panel at the side of the notification window of a training case, with the
case's title and story (wrapped, scrollable, selectable by keyboard), that stays
while the trainee moves from page to page. It cannot be closed by mistake; the
window's own layout gives it a third of the width.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QTextBrowser

from desktop.demo.scenarios import Scenario

translate = QCoreApplication.translate


class StoryPanel(QDockWidget):
    """The case story, docked at the right of a notification window."""

    def __init__(self, scenario: Scenario, language: str, window: QMainWindow) -> None:
        super().__init__(window)
        self.setObjectName("demoStoryPanel")
        self.setFeatures(QDockWidget.DockWidgetFeature.NoDockWidgetFeatures)
        self.story = QTextBrowser()
        self.story.setObjectName("demoStory")
        lang = language if language in ("da", "en") else "da"
        self.story.setPlainText(f"{scenario.title[lang]}\n\n{scenario.story[lang]}")
        self.setWidget(self.story)
        self.retranslate()
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self)
        window.resizeDocks([self], [max(260, window.width() // 3)], Qt.Orientation.Horizontal)

    def retranslate(self) -> None:
        self.setWindowTitle(translate("Demo", "The case"))
        self.story.setAccessibleName(translate("Demo", "The case story"))


def attach_story(window: QMainWindow, scenario: Scenario, language: str) -> StoryPanel:
    """Give a training case's notification window its story panel (once)."""
    found = window.findChild(StoryPanel)
    return found if isinstance(found, StoryPanel) else StoryPanel(scenario, language, window)
