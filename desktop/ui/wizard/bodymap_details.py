"""The details of the chosen mark on the body map: where, what kind, colour, size, when, the explanation.

The choices are the code lists' labels in the notification's language (codes are what is stored);
the window chrome (the captions) follows the UI language like the rest of the wizard. Every change
is reported as ``changed(key, value)``; the editor keeps the marks and saves them.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QWidget,
)

from desktop.domain.bodymap import BodyView, Figure, geometry
from desktop.domain.observations import LONG_MAX, SHORT_MAX, code_lists
from desktop.ui.wizard.dates import format_date, parse_date_text
from desktop.ui.wizard.question_group import QuestionGroup

translate = QCoreApplication.translate


def narrow_combo(name: str) -> QComboBox:
    """A list that does not widen the page to its longest choice (the page never scrolls sideways)."""
    combo = QComboBox()
    combo.setObjectName(name)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(18)
    return combo


class MarkDetails(QGroupBox):
    """The form for one mark; :meth:`show_mark` fills it, ``changed(key, value)`` reports each edit."""

    changed = Signal(str, object)

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("markDetails")
        self.language = language
        self._filling = False
        lists = code_lists()
        self.region = narrow_combo("markRegion")
        self.kind = narrow_combo("markKind")
        self.kind.addItem("", None)
        for code, label in lists.choices("kind", language):
            self.kind.addItem(label, code)
        self.colours: dict[str, QCheckBox] = {}
        colour_grid = QGridLayout()
        colour_grid.setContentsMargins(0, 0, 0, 0)
        for index, (code, label) in enumerate(lists.choices("colour", language)):
            box = QCheckBox(label)
            box.setObjectName(f"markColour:{code}")
            box.setAccessibleName(box.text())
            box.toggled.connect(lambda _on: self._report("colours", self.colour_codes()))
            self.colours[code] = box
            colour_grid.addWidget(box, index // 4, index % 4)  # rows of four: the page stays narrow
        # The colours answer one question ("Colour"), the group's name: a screen reader says it with each box.
        self.colour_holder = QuestionGroup()
        self.colour_holder.setLayout(colour_grid)
        self.size_edit = QLineEdit()
        self.size_edit.setObjectName("markSize")
        self.size_edit.setMaxLength(SHORT_MAX)
        self.seen_on = QLineEdit()
        self.seen_on.setObjectName("markSeenOn")
        self.seen_on.setMaxLength(20)
        self.seen_on_note = QLabel()
        self.seen_on_note.setWordWrap(True)
        self.seen_on_note.hide()
        self.explained_by = narrow_combo("markExplainedBy")
        self.explained_by.addItem("", None)
        for code, label in lists.choices("explained_by", language):
            self.explained_by.addItem(label, code)
        self.explanation = QLineEdit()
        self.explanation.setObjectName("markExplanation")
        self.explanation.setMaxLength(LONG_MAX)
        self.notes = QLineEdit()
        self.notes.setObjectName("markNotes")
        self.notes.setMaxLength(LONG_MAX)
        self.captions: dict[str, QLabel] = {}
        form = QFormLayout(self)
        rows: tuple[tuple[str, QWidget], ...] = (
            ("region", self.region), ("kind", self.kind), ("colours", self.colour_holder),
            ("size", self.size_edit), ("seen_on", self.seen_on), ("explained_by", self.explained_by),
            ("explanation", self.explanation), ("notes", self.notes))
        for key, widget in rows:
            caption = QLabel()
            self.captions[key] = caption
            form.addRow(caption, widget)
            if key == "seen_on":
                form.addRow("", self.seen_on_note)
        self.region.currentIndexChanged.connect(lambda _i: self._report("region", self.region.currentData()))
        self.kind.currentIndexChanged.connect(lambda _i: self._report("kind", self.kind.currentData()))
        self.explained_by.currentIndexChanged.connect(
            lambda _i: self._report("explained_by", self.explained_by.currentData()))
        self.size_edit.textEdited.connect(lambda text: self._report("size", text))
        self.seen_on.textEdited.connect(lambda _text: self._seen_on_edited())
        self.explanation.textEdited.connect(lambda text: self._report("explanation", text))
        self.notes.textEdited.connect(lambda text: self._report("notes", text))
        self.retranslate()

    def retranslate(self) -> None:
        """The captions and accessible names in the UI language."""
        texts = {
            "region": translate("BodyMap", "Place on the body"),
            "kind": translate("BodyMap", "Kind of mark"),
            "colours": translate("BodyMap", "Colour"),
            "size": translate("BodyMap", "Size"),
            "seen_on": translate("BodyMap", "When did you see it?"),
            "explained_by": translate("BodyMap", "Who explained it?"),
            "explanation": translate("BodyMap", "The explanation you were given"),
            "notes": translate("BodyMap", "Anything else about the mark"),
        }
        for key, caption in self.captions.items():
            caption.setText(texts[key])
        for key, widget in self.fields().items():
            if key != "colours":  # each colour's box is named by its colour
                widget.setAccessibleName(texts[key])
            self.captions[key].setBuddy(widget)
        self.colour_holder.set_question(texts["colours"])
        self.size_edit.setPlaceholderText(translate("BodyMap", "e.g. 2 × 3 cm"))
        self.seen_on.setPlaceholderText(translate("Wizard", "DD-MM-YYYY"))
        self.explanation.setPlaceholderText(translate("BodyMap", "In the words you heard, and from whom"))

    def fields(self) -> dict[str, QWidget]:
        """The input for each part of a mark (colours: the first colour's box)."""
        return {"region": self.region, "kind": self.kind, "colours": next(iter(self.colours.values())),
                "size": self.size_edit, "seen_on": self.seen_on, "explained_by": self.explained_by,
                "explanation": self.explanation, "notes": self.notes}

    def colour_codes(self) -> list[str]:
        return [code for code, box in self.colours.items() if box.isChecked()]

    def _report(self, key: str, value: object) -> None:
        if not self._filling:
            self.changed.emit(key, value)

    def _seen_on_edited(self) -> None:
        text = self.seen_on.text().strip()
        parsed = parse_date_text(text) if text else None
        ok = not text or parsed is not None
        note = translate("Wizard", "Write the date as day-month-year, e.g. 24-12-2019.")
        self.seen_on_note.setText("" if ok else note)
        self.seen_on_note.setVisible(not ok)
        self.seen_on.setAccessibleDescription(self.seen_on_note.text())
        self._report("seen_on", parsed.isoformat() if parsed is not None else (text or None))

    def show_mark(self, number: int, mark: dict[str, Any], figure: Figure) -> None:
        """Fill the form with ``mark`` (number ``number`` on the map), without reporting changes."""
        self._filling = True
        try:
            self.setTitle(translate("BodyMap", "Mark %1").replace("%1", str(number)))
            view = BodyView(mark.get("view", "front"))
            self.region.clear()
            present = {r.code for r in geometry(figure).view(view).regions}
            view_label = code_lists().label("view", view.value, self.language)
            for code, label in code_lists().choices("region", self.language):
                if code in present:
                    self.region.addItem(f"{label} ({view_label.lower()})", code)
            self.region.setCurrentIndex(max(0, self.region.findData(mark.get("region"))))
            self.kind.setCurrentIndex(max(0, self.kind.findData(mark.get("kind"))))
            colours = mark.get("colours") or []
            for code, box in self.colours.items():
                box.setChecked(code in colours)
            self.size_edit.setText(str(mark.get("size") or ""))
            seen = mark.get("seen_on")
            self.seen_on.setText(format_date(seen) if isinstance(seen, str) and seen else "")
            self.seen_on_note.hide()
            self.explained_by.setCurrentIndex(max(0, self.explained_by.findData(mark.get("explained_by"))))
            self.explanation.setText(str(mark.get("explanation") or ""))
            self.notes.setText(str(mark.get("notes") or ""))
        finally:
            self._filling = False
