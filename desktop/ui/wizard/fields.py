"""Field editors for text, dates, CPR numbers and people; each reads and writes one answer value.

The shared base lives in ``base.py`` and the choice editors in ``choices.py``;
both are re-exported here, so ``desktop.ui.wizard.fields`` names every editor.

An editor knows nothing of rules: it shows a label (marked when required), the
field's help, an input, and a problem message when the domain reports one. The
value shapes are those of ``forms/README.md`` (text as ``str``, dates as ISO
``YYYY-MM-DD``, yes/no as ``bool``, yes/no-why as ``{"value", "why_not"}``...).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QWidget,
)

from desktop.domain.cpr import CprInvalid, parse_cpr
from desktop.domain.text import localise
from desktop.ui.wizard.base import EditorContext, FieldEditor, PlainTextEdit
from desktop.ui.wizard.choices import (
    ChoiceEditor,
    MultiChoiceEditor,
    ScaleEditor,
    YesNoEditor,
    YesNoWhyEditor,
)
from desktop.ui.wizard.dates import format_date, format_datetime, parse_date_text, parse_datetime_text

translate = QCoreApplication.translate


class ShortTextEditor(FieldEditor):
    """One line of text (names, phone numbers, addresses)."""

    def build(self) -> None:
        self.edit = QLineEdit()
        self.edit.setMaxLength(self.field.max_length)
        self.edit.setPlaceholderText(localise(self.field.placeholder, self.context.language))
        self.edit.textEdited.connect(lambda _text: self._emit())
        self.layout_.addWidget(self.edit)

    def value(self) -> Any:
        return self.edit.text() or None

    def load(self, value: Any) -> None:
        self.edit.setText(value if isinstance(value, str) else "")

    def focus_target(self) -> QWidget:
        return self.edit


class LongTextEditor(FieldEditor):
    """Several lines of text (observations, actions taken)."""

    def build(self) -> None:
        self.edit = self.make_edit()
        self.edit.setPlaceholderText(localise(self.field.placeholder, self.context.language))
        self.edit.textChanged.connect(self._emit)
        self.layout_.addWidget(self.edit)

    def make_edit(self) -> PlainTextEdit:
        edit = PlainTextEdit()
        edit.setMinimumHeight(edit.fontMetrics().lineSpacing() * 5)
        return edit

    def value(self) -> Any:
        return self.edit.toPlainText() or None

    def load(self, value: Any) -> None:
        if self.edit.toPlainText() != (value or ""):
            self.edit.setPlainText(value if isinstance(value, str) else "")

    def focus_target(self) -> QWidget:
        return self.edit


class QuoteEditor(LongTextEditor):
    """The child's own words, kept verbatim and set apart from the rest."""

    def make_edit(self) -> PlainTextEdit:
        edit = super().make_edit()
        edit.setObjectName("childWords")
        font = edit.font()
        font.setItalic(True)
        edit.setFont(font)
        from desktop.ui import theme

        theme.paint(edit, theme.Tone.QUOTE)
        return edit


class DateEditor(FieldEditor):
    """A date typed as DD-MM-YYYY (empty allowed); stored as ISO when it is a real date."""

    def build(self) -> None:
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(translate("Wizard", "DD-MM-YYYY"))
        self.edit.setMaxLength(20)
        self.edit.textEdited.connect(lambda _text: self._changed())
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.hide()
        self.layout_.addWidget(self.edit)
        self.layout_.addWidget(self.note)

    def _changed(self) -> None:
        text = self.edit.text().strip()
        ok = not text or parse_date_text(text) is not None
        self.note.setText("" if ok else translate(
            "Wizard", "Write the date as day-month-year, e.g. 24-12-2019."))
        self.note.setVisible(not ok)
        self.describe()
        self._emit()

    def live_note(self) -> str:
        return self.note.text()

    def value(self) -> Any:
        text = self.edit.text().strip()
        if not text:
            return None
        parsed = parse_date_text(text)
        return parsed.isoformat() if parsed is not None else text

    def load(self, value: Any) -> None:
        self.edit.setText(format_date(value) if isinstance(value, str) else "")

    def focus_target(self) -> QWidget:
        return self.edit


class DateTimeEditor(DateEditor):
    """A date and time typed as DD-MM-YYYY HH:MM; stored as ISO ``YYYY-MM-DDTHH:MM``."""

    def build(self) -> None:
        super().build()
        self.edit.setPlaceholderText(translate("Wizard", "DD-MM-YYYY HH:MM"))

    def _changed(self) -> None:
        text = self.edit.text().strip()
        ok = not text or parse_datetime_text(text) is not None
        self.note.setText("" if ok else translate(
            "Wizard", "Write the date and time as day-month-year hours:minutes, e.g. 24-12-2019 08:15."))
        self.note.setVisible(not ok)
        self.describe()
        self._emit()

    def value(self) -> Any:
        text = self.edit.text().strip()
        if not text:
            return None
        parsed = parse_datetime_text(text)
        return parsed.isoformat(timespec="minutes") if parsed is not None else text

    def load(self, value: Any) -> None:
        self.edit.setText(format_datetime(value, self.context.language) if isinstance(value, str) else "")


class PersonEditor(FieldEditor):
    """A person: name, role, phone, e-mail; stored as ``{"name", "role", "phone", "email"}``."""

    KEYS = ("name", "role", "phone", "email")

    def build(self) -> None:
        self.edits: dict[str, QLineEdit] = {}
        captions = {
            "name": translate("Wizard", "Name"),
            "role": translate("Wizard", "Role"),
            "phone": translate("Wizard", "Phone"),
            "email": translate("Wizard", "E-mail"),
        }
        for key in self.KEYS:
            caption = QLabel(captions[key])
            edit = QLineEdit()
            edit.setObjectName(f"person:{key}")
            edit.setMaxLength(500)
            edit.setAccessibleName(captions[key])
            caption.setBuddy(edit)
            edit.textEdited.connect(lambda _text: self._emit())
            self.edits[key] = edit
            self.layout_.addWidget(caption)
            self.layout_.addWidget(edit)

    def value(self) -> Any:
        data = {key: edit.text() for key, edit in self.edits.items()}
        return data if any(data.values()) else None

    def load(self, value: Any) -> None:
        data = value if isinstance(value, dict) else {}
        for key, edit in self.edits.items():
            text = data.get(key)
            edit.setText(text if isinstance(text, str) else "")

    def focus_target(self) -> QWidget:
        return self.edits["name"]

    def interactive_widgets(self) -> list[QWidget]:
        return list(self.edits.values())

    def apply_accessible_name(self, name: str) -> None:
        for edit in self.edits.values():
            edit.setAccessibleDescription(name)
        self.label.setBuddy(self.focus_target())


class CprEditor(FieldEditor):
    """A CPR number with a live note from the domain (a modulus-11 miss is only a gentle note)."""

    def build(self) -> None:
        self.edit = QLineEdit()
        self.edit.setMaxLength(11)
        self.edit.setPlaceholderText(localise(self.field.placeholder, self.context.language)
                                    or translate("Wizard", "DDMMYY-XXXX"))
        self.edit.textEdited.connect(lambda _text: self._changed())
        self.note = QLabel()
        self.note.setObjectName("cprNote")
        self.note.setWordWrap(True)
        self.note.hide()
        self.layout_.addWidget(self.edit)
        self.layout_.addWidget(self.note)

    def _changed(self) -> None:
        self.refresh_note()
        self._emit()

    def refresh_note(self) -> None:
        text = self.edit.text().strip()
        digits = sum(ch.isdigit() for ch in text)
        note = ""
        if text and (digits >= 10 or any(not (ch.isdigit() or ch == "-") for ch in text)):
            try:
                cpr = parse_cpr(text)
            except CprInvalid as error:
                if error.message_id == "cpr.date":
                    note = translate("Wizard", "The first six digits are not a real date (DDMMYY). "
                                               "Please check the number.")
                else:
                    note = translate("Wizard", "A CPR number has ten digits, e.g. 241219-1234.")
            else:
                if not cpr.passes_modulus11:
                    note = translate("Wizard", "Please check that the number is typed correctly. "
                                               "(Many newer numbers are like this; you can go on.)")
        self.note.setText(note)
        self.note.setVisible(bool(note))
        self.describe()

    def live_note(self) -> str:
        return self.note.text()

    def value(self) -> Any:
        return self.edit.text().strip() or None

    def load(self, value: Any) -> None:
        self.edit.setText(value if isinstance(value, str) else "")
        self.refresh_note()

    def focus_target(self) -> QWidget:
        return self.edit


__all__ = [
    "ChoiceEditor",
    "CprEditor",
    "DateEditor",
    "DateTimeEditor",
    "EditorContext",
    "FieldEditor",
    "LongTextEditor",
    "MultiChoiceEditor",
    "PersonEditor",
    "PlainTextEdit",
    "QuoteEditor",
    "ScaleEditor",
    "ShortTextEditor",
    "YesNoEditor",
    "YesNoWhyEditor",
]
