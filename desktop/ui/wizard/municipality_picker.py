"""The municipality picker: where the child lives, out of the 98 municipalities and their codes.

A drop-down list sorted by name, each entry "Name (code)". Typing the first
letters of a name jumps to it (Qt's type-ahead, as in every list), arrow keys
move, Alt+Down opens the list; nothing else is needed with the keyboard. The
answer is the municipality code (``"265"``); the list comes from
``forms/codes/municipality.yaml``. The fictitious training municipalities are
offered in demo mode only, first in the list.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QWidget

from desktop.domain.codes import shipped_code_list
from desktop.ui.wizard.base import FieldEditor

translate = QCoreApplication.translate


class MunicipalityEditor(FieldEditor):
    """A list of municipalities to choose from; the answer is the chosen one's code."""

    def build(self) -> None:
        self.combo = QComboBox()
        self.combo.setObjectName("municipalityPicker")
        self.combo.setMaxVisibleItems(15)
        codes = shipped_code_list(self.field.code_list or "municipality")
        language = self.context.language
        offered = [c for c in codes.codes if not c.demo or self.context.pack.demo]
        offered.sort(key=lambda c: (not c.demo, c.text(language).casefold()))
        self.combo.addItem(translate("Wizard", "Choose the municipality"), None)
        for code in offered:
            self.combo.addItem(f"{code.text(language)} ({code.code})", code.code)
        self.combo.setCurrentIndex(0)
        self.combo.currentIndexChanged.connect(lambda _i: self._emit())
        self.layout_.addWidget(self.combo)

    def value(self) -> Any:
        data = self.combo.currentData()
        return str(data) if data is not None else None

    def load(self, value: Any) -> None:
        index = self.combo.findData(value) if isinstance(value, str) else -1
        self.combo.setCurrentIndex(max(index, 0))

    def focus_target(self) -> QWidget:
        return self.combo
