"""Choosing a training case: the list of scenarios, with the case story of the selected one."""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.demo.scenarios import Scenario
from desktop.domain.document import AgeBand
from desktop.ui.document_view import DocumentView
from desktop.ui.geometry import fit_to_screen
from desktop.ui.wrapping import wrap_items


class ScenarioPicker(QDialog):
    """Lists the scenarios; Enter (or "Start this case") accepts the selected one."""

    def __init__(self, scenarios: list[Scenario], language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("demoScenarioPicker")
        self._scenarios = scenarios
        self._language = language if language in ("da", "en") else "da"
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("scenarioList")
        wrap_items(self.list)  # whole titles, wrapped
        self.story = DocumentView()
        self.story.setObjectName("scenarioStory")
        self.story_label = QLabel()
        self.story_label.setBuddy(self.story)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.start_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.start_button.setDefault(True)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.list_label = QLabel()
        self.list_label.setBuddy(self.list)

        columns = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self.list_label)
        left.addWidget(self.list)
        right = QVBoxLayout()
        right.addWidget(self.story_label)
        right.addWidget(self.story)
        columns.addLayout(left, 2)
        columns.addLayout(right, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(columns)
        layout.addWidget(self.buttons)
        self.list.currentRowChanged.connect(self._show_story)
        self.list.itemActivated.connect(lambda _item: self.accept())
        self.retranslate()
        if scenarios:
            self.list.setCurrentRow(0)
        self.list.setFocus()
        metrics = self.fontMetrics()
        fit_to_screen(self, metrics.averageCharWidth() * 110, metrics.height() * 28)

    def _band_label(self, band: AgeBand) -> str:
        labels = {
            AgeBand.UNBORN: self.tr("unborn child"),
            AgeBand.AGE_0_2: self.tr("0–2 years"),
            AgeBand.AGE_3_5: self.tr("3–5 years"),
            AgeBand.AGE_6_12: self.tr("6–12 years"),
            AgeBand.AGE_13_17: self.tr("13–17 years"),
        }
        return labels[band]

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Choose a training case"))
        self.intro.setText(self.tr("Pick a case, read the story, and file a notification as you would at "
                                   "work. Afterwards you see which signs you found."))
        self.list_label.setText(self.tr("&Training cases"))
        self.story_label.setText(self.tr("The &case"))
        self.list.setAccessibleName(self.tr("Training cases"))
        self.story.setAccessibleName(self.tr("The case story"))
        self.start_button.setText(self.tr("&Start this case"))
        self.start_button.setAccessibleName(self.tr("Start this case"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        current = self.list.currentRow()
        self.list.clear()
        for scenario in self._scenarios:
            band = self._band_label(scenario.age_band)
            item = QListWidgetItem(f"{scenario.title[self._language]} ({band})")
            item.setData(Qt.ItemDataRole.UserRole, scenario.id)
            self.list.addItem(item)
        if current >= 0:
            self.list.setCurrentRow(current)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _show_story(self, row: int) -> None:
        if 0 <= row < len(self._scenarios):
            scenario = self._scenarios[row]
            # The title a heading (a screen reader says so), the story its paragraphs.
            paragraphs = "".join(f"<p>{html.escape(part)}</p>"
                                 for part in scenario.story[self._language].split("\n\n") if part.strip())
            self.story.setHtml(f"<h3>{html.escape(scenario.title[self._language])}</h3>{paragraphs}")
        else:
            self.story.clear()

    def select(self, scenario_id: str) -> bool:
        """Select a scenario by id (tests, "try again")."""
        for row, scenario in enumerate(self._scenarios):
            if scenario.id == scenario_id:
                self.list.setCurrentRow(row)
                return True
        return False

    def selected_scenario(self) -> Scenario | None:
        """The scenario currently selected."""
        row = self.list.currentRow()
        return self._scenarios[row] if 0 <= row < len(self._scenarios) else None
