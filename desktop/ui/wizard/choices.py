"""Choice editors: radio buttons (single choice, yes/no, the pack's scale), check boxes, yes/no-why.

Arrow keys move between the radio buttons of one question and Space chooses,
as everywhere in Qt; each button carries its own text as its accessible name,
sits in a group named by the question (which labels every button, see
:mod:`.question_group`) and has the question in its description.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QButtonGroup, QCheckBox, QLabel, QRadioButton, QVBoxLayout, QWidget

from desktop.domain.text import localise
from desktop.domain.validation import UNKNOWN
from desktop.ui.wizard.base import FieldEditor, PlainTextEdit, as_sentences
from desktop.ui.wizard.question_group import QuestionGroup

translate = QCoreApplication.translate


class ChoiceEditor(FieldEditor):
    """Radio buttons: one of the options (arrow keys move between them)."""

    def options(self) -> list[tuple[str, str, str]]:
        """(id, label, help) of each option."""
        lang = self.context.language
        return [(o.id, localise(o.label, lang), localise(o.help, lang)) for o in self.field.options]

    def build(self) -> None:
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[str, QRadioButton] = {}
        box = QuestionGroup()
        self.box = box
        box_layout = QVBoxLayout(box)
        box_layout.setContentsMargins(0, 0, 0, 0)
        for option_id, text, help_text in self.options():
            button = QRadioButton(text)
            button.setObjectName(f"option:{option_id}")
            button.setAccessibleName(text)
            if help_text:
                button.setAccessibleDescription(help_text)
                button.setToolTip(help_text)
            self.group.addButton(button)
            self.buttons[option_id] = button
            box_layout.addWidget(button)
            if help_text:
                note = QLabel(help_text)
                note.setWordWrap(True)
                note.setIndent(button.fontMetrics().averageCharWidth() * 4)
                box_layout.addWidget(note)
        self.group.buttonToggled.connect(lambda _b, on: self._emit() if on else None)
        self.layout_.addWidget(box)

    def selected(self) -> str | None:
        for option_id, button in self.buttons.items():
            if button.isChecked():
                return option_id
        return None

    def value(self) -> Any:
        return self.selected()

    def load(self, value: Any) -> None:
        self._select(value if isinstance(value, str) else None)

    def _select(self, option_id: str | None) -> None:
        self.group.setExclusive(False)
        for key, button in self.buttons.items():
            button.setChecked(key == option_id)
        self.group.setExclusive(True)

    def focus_target(self) -> QWidget:
        checked = self.group.checkedButton()
        return checked if checked is not None else next(iter(self.buttons.values()))

    def interactive_widgets(self) -> list[QWidget]:
        return list(self.buttons.values())

    def apply_accessible_name(self, name: str) -> None:
        # Each radio button carries its own text; the group's question goes in the description
        # so a screen reader says "Yes, radio button, Is the child in danger right now?".
        self.question = name
        self.box.set_question(name)  # the group says which question its buttons answer, and labels each
        self.describe()

    def describe(self) -> None:
        problem = self.problem_label.text() if not self.problem_label.isHidden() else ""
        for button in self.buttons.values():
            parts = [getattr(self, "question", self.title()), problem, button.toolTip()]
            button.setAccessibleDescription(as_sentences(*parts))


class YesNoEditor(ChoiceEditor):
    """Yes or no; stored as ``True`` / ``False`` (``None`` until answered). A field with
    ``allow_unknown`` has a third answer, "Don't know", stored as ``"unknown"``."""

    def options(self) -> list[tuple[str, str, str]]:
        options = [("yes", translate("Wizard", "Yes"), ""), ("no", translate("Wizard", "No"), "")]
        if self.field.allow_unknown:
            options.append((UNKNOWN, translate("Wizard", "Don't know"), ""))
        return options

    def value(self) -> Any:
        chosen = self.selected()
        if chosen == UNKNOWN:
            return UNKNOWN
        return None if chosen is None else chosen == "yes"

    def load(self, value: Any) -> None:
        if value == UNKNOWN and self.field.allow_unknown:
            self._select(UNKNOWN)
            return
        self._select(None if value is None else ("yes" if value is True else "no"))


class ScaleEditor(ChoiceEditor):
    """The pack's scale of concern; each level with its description."""

    def options(self) -> list[tuple[str, str, str]]:
        lang = self.context.language
        return [(level.id, localise(level.label, lang), localise(level.description, lang))
                for level in self.context.pack.scale.levels]


class MultiChoiceEditor(FieldEditor):
    """Check boxes: any number of the options; stored as a list of option ids."""

    def build(self) -> None:
        self.boxes: dict[str, QCheckBox] = {}
        lang = self.context.language
        self.group_box = QuestionGroup()
        group_layout = QVBoxLayout(self.group_box)
        group_layout.setContentsMargins(0, 0, 0, 0)
        self.layout_.addWidget(self.group_box)
        for option in self.field.options:
            box = QCheckBox(localise(option.label, lang))
            box.setObjectName(f"option:{option.id}")
            box.setAccessibleName(localise(option.label, lang))
            if option.help is not None:
                box.setToolTip(localise(option.help, lang))
            box.toggled.connect(lambda _on: self._emit())
            self.boxes[option.id] = box
            group_layout.addWidget(box)

    def value(self) -> Any:
        return [key for key, box in self.boxes.items() if box.isChecked()]

    def load(self, value: Any) -> None:
        chosen = set(value) if isinstance(value, list) else set()
        for key, box in self.boxes.items():
            box.setChecked(key in chosen)

    def focus_target(self) -> QWidget:
        return next(iter(self.boxes.values()))

    def interactive_widgets(self) -> list[QWidget]:
        return list(self.boxes.values())

    def apply_accessible_name(self, name: str) -> None:
        self.group_box.set_question(name)  # names the group and labels every box, as for radio buttons
        for box in self.boxes.values():
            box.setAccessibleDescription(name)


class YesNoWhyEditor(YesNoEditor):
    """Yes or no, and when no, why not; stored as ``{"value": bool | None, "why_not": str}``."""

    def build(self) -> None:
        super().build()
        why_label = (localise(self.field.why_not_label, self.context.language)
                     or translate("Wizard", "Why not?"))
        self.why_label = QLabel(why_label)
        self.why_label.setWordWrap(True)
        self.why_edit = PlainTextEdit()
        self.why_edit.setObjectName("whyNot")
        self.why_edit.setAccessibleName(why_label)
        self.why_edit.setMinimumHeight(self.why_edit.fontMetrics().lineSpacing() * 3)
        self.why_label.setBuddy(self.why_edit)
        self.why_edit.textChanged.connect(self._emit)
        self.group.buttonToggled.connect(lambda _b, _on: self._sync_why())
        self.layout_.addWidget(self.why_label)
        self.layout_.addWidget(self.why_edit)
        self._sync_why()

    def _sync_why(self) -> None:
        shown = self.selected() == "no"
        self.why_label.setVisible(shown)
        self.why_edit.setVisible(shown)

    def value(self) -> Any:
        yes_no = super().value()
        if yes_no is None and not self.why_edit.toPlainText():
            return None
        return {"value": yes_no, "why_not": self.why_edit.toPlainText() if yes_no is False else ""}

    def load(self, value: Any) -> None:
        if isinstance(value, dict):
            inner = value.get("value")
            super().load(inner if isinstance(inner, bool) else None)
            why = value.get("why_not")
            text = why if isinstance(why, str) else ""
        else:
            super().load(None)
            text = ""
        if self.why_edit.toPlainText() != text:
            self.why_edit.setPlainText(text)
        self._sync_why()

    def interactive_widgets(self) -> list[QWidget]:
        return [*super().interactive_widgets(), self.why_edit]

    def problem_target(self, message_id: str) -> QWidget:
        if message_id == "field.why_not_required" and not self.why_edit.isHidden():
            return self.why_edit
        return self.focus_target()
