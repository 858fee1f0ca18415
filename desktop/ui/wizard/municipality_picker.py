"""The municipality picker: where the child lives, out of the 98 municipalities and their codes.

A drop-down list sorted by name, each entry "Name (code)". Typing the first
letters of a name jumps to it (Qt's type-ahead, as in every list), arrow keys
move, Alt+Down opens the list; nothing else is needed with the keyboard. The
answer is the municipality code (``"265"``); the list comes from
``forms/codes/municipality.yaml``. The fictitious training municipalities are
offered in demo mode only, first in the list.

When notifications about a child living in the chosen municipality cannot be sent from this PC (the
directory has no intake for it yet), the picker says so at once, with whom to phone: the person
learns it before writing the whole notification, not at "Finish and send".
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from desktop.domain.codes import shipped_code_list
from desktop.errors import UnderretError
from desktop.ui.wizard.base import FieldEditor

if TYPE_CHECKING:
    from desktop.domain.packs import GuidelinePack
    from desktop.ui.services import Services

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
        self.combo.currentIndexChanged.connect(lambda _i: self._say_if_unreachable())
        self.layout_.addWidget(self.combo)
        self.unreachable_note = QLabel()
        self.unreachable_note.setObjectName("municipalityNotReachable")
        self.unreachable_note.setWordWrap(True)
        self.layout_.addWidget(self.unreachable_note)
        self.unreachable_note.hide()  # only once it has a parent (else it would be a window of its own)

    def _say_if_unreachable(self) -> None:
        code = self.value()
        check = self.context.unreachable
        problem = check(code) if check is not None and code is not None else None
        if problem is None:
            self.unreachable_note.hide()
            self.unreachable_note.clear()
            self.describe()
            return
        details = problem.details
        name, number = str(details.get("name", code)), str(details.get("number", ""))
        if problem.message_id.startswith("delivery.municipality_not_reachable_by_policy"):
            text = translate(
                "Wizard", "%1 receives notifications through Underret over the internet, and this PC may "
                          "only send them by secure e-mail (set by the IT department). You can write the "
                          "notification here, but it cannot be sent from here. Phone %1 today and tell them "
                          "about your concern.").replace("%1", name)
            if number:
                text += " " + translate("Wizard", "Their number: %1.").replace("%1", number)
        elif number:
            text = translate(
                "Wizard", "%1 cannot receive notifications through Underret yet. You can write the "
                          "notification here, but it cannot be sent from here. Phone %1 on %2 today and "
                          "tell them about your concern.").replace("%1", name).replace("%2", number)
        else:
            text = translate(
                "Wizard", "%1 cannot receive notifications through Underret yet. You can write the "
                          "notification here, but it cannot be sent from here. Phone %1 today (the number is "
                          "on the municipality's website) and tell them about your concern.")
            text = text.replace("%1", name)
        self.unreachable_note.setText(text)
        self.unreachable_note.show()
        # A screen reader hears it with the choice, and at once when it appears while choosing; it stays in
        # the description when the page marks the field required (describe(), live_note()).
        self.describe()

    def live_note(self) -> str:
        return self.unreachable_note.text() if not self.unreachable_note.isHidden() else ""

    def value(self) -> Any:
        data = self.combo.currentData()
        return str(data) if data is not None else None

    def load(self, value: Any) -> None:
        index = self.combo.findData(value) if isinstance(value, str) else -1
        self.combo.setCurrentIndex(max(index, 0))
        self._say_if_unreachable()  # also for a draft opened again (setting the same index says nothing)

    def focus_target(self) -> QWidget:
        return self.combo


def unreachable_from(services: Services, pack: GuidelinePack) -> Callable[[str], UnderretError | None]:
    """For the picker: why a child living in municipality ``code`` cannot be notified about from this
    PC (MunicipalityNotReachable with the name and numbers), or None. The route finalising takes."""

    def unreachable(code: str) -> UnderretError | None:
        from desktop.outbox.target import MunicipalityNotReachable, route

        try:
            route(code, pack, services.policy, services.directory())
        except MunicipalityNotReachable as problem:
            return problem
        except UnderretError:
            return None  # this PC's own sending is not set up: finalising says that, not the picker
        return None

    return unreachable
