"""The desk's small dialogs: the 24-hour assessment and the § 137 orientation.

Each is driven by the keyboard alone (Alt+letter on every choice, Enter to confirm, Esc to
cancel) and gives every control an accessible name.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.desk.store.handling import Assessment
from desktop.ui.wizard.question_group import QuestionGroup

#: The § 137 outcomes the desk can tell a professional notifier.
ORIENTATION_OUTCOMES = ("investigation", "support", "no_action")


class AssessmentDialog(QDialog):
    """The 24-hour assessment: no immediate danger, or acute measures taken; and a short note."""

    def __init__(self, child: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deskAssessmentDialog")
        self.setWindowTitle(self.tr("24-hour assessment"))
        intro = QLabel(self.tr("Assess whether %1's health or development is in danger and whether acute "
                               "measures are needed.").replace("%1", child))
        intro.setWordWrap(True)
        self.no_danger = QRadioButton(self.tr("&No immediate danger"))
        self.no_danger.setAccessibleName(self.tr("No immediate danger"))
        self.acute = QRadioButton(self.tr("&Acute measures taken"))
        self.acute.setAccessibleName(self.tr("Acute measures taken"))
        self._group = QButtonGroup(self)
        self._group.addButton(self.no_danger)
        self._group.addButton(self.acute)
        self.note = QPlainTextEdit()
        self.note.setObjectName("assessmentNote")
        self.note.setAccessibleName(self.tr("Note on the assessment"))
        self.note.setTabChangesFocus(True)
        note_label = QLabel(self.tr("N&ote (kept in this desk only)"))
        note_label.setBuddy(self.note)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Record assessment"))
        ok.setAccessibleName(self.tr("Record assessment"))
        ok.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self._group.buttonToggled.connect(lambda *_: ok.setEnabled(self.choice() is not None))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        # The choices answer one question, the group's name: a screen reader says it with each.
        self.question = QuestionGroup()
        self.question.set_question(self.tr("What did the assessment find?"))
        choices = QVBoxLayout(self.question)
        choices.setContentsMargins(0, 0, 0, 0)
        choices.addWidget(self.no_danger)
        choices.addWidget(self.acute)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.question)
        layout.addWidget(note_label)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self.no_danger.setFocus()

    def choice(self) -> Assessment | None:
        if self.no_danger.isChecked():
            return Assessment.NO_IMMEDIATE_DANGER
        if self.acute.isChecked():
            return Assessment.ACUTE_MEASURES
        return None

    def note_text(self) -> str:
        return self.note.toPlainText().strip()


class OrientationDialog(QDialog):
    """The § 137 orientation: whether the notification led to an investigation, support, or no action."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deskOrientationDialog")
        self.setWindowTitle(self.tr("Tell the notifier the outcome (§ 137)"))
        intro = QLabel(self.tr("A professional notifier must be told whether the notification led to an "
                               "investigation or support. Do not send this if it would harm the child."))
        intro.setWordWrap(True)
        texts = {
            "investigation": self.tr("An &investigation of the child's situation has been started"),
            "support": self.tr("The child or family is given &support"),
            "no_action": self.tr("The notification has led to &no measures"),
        }
        self._group = QButtonGroup(self)
        self.choices: dict[str, QRadioButton] = {}
        # The choices answer one question, the group's name: a screen reader says it with each.
        self.question = QuestionGroup()
        self.question.set_question(self.tr("What has the notification led to?"))
        choices = QVBoxLayout(self.question)
        choices.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.question)
        for code in ORIENTATION_OUTCOMES:
            button = QRadioButton(texts[code])
            button.setAccessibleName(texts[code].replace("&", ""))
            self._group.addButton(button)
            self.choices[code] = button
            choices.addWidget(button)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Send to the notifier"))
        ok.setAccessibleName(self.tr("Send to the notifier"))
        ok.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self._group.buttonToggled.connect(lambda *_: ok.setEnabled(self.choice() is not None))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.choices["investigation"].setFocus()

    def choice(self) -> str | None:
        for code, button in self.choices.items():
            if button.isChecked():
                return code
        return None
