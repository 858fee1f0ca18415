""""Underret også om en søskende": from a finished notification, a new draft about a sibling.

A button beside "Correct it" in the finished notification's window. Its menu lists the siblings
the notification names and "Another child in the family"; choosing one starts a new draft with
the family part filled in (:func:`desktop.domain.siblings.sibling_answers`) and opens it on the
child page. The finished notification is not changed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QBoxLayout, QLayout, QMenu, QPushButton

from desktop.domain.building import child_initials
from desktop.domain.migration import migrate_answers
from desktop.domain.siblings import known_siblings, sibling_answers
from desktop.errors import UnderretError
from desktop.ui.wizard.sending import tell

if TYPE_CHECKING:
    from desktop.ui.wizard.window import WizardWindow

translate = QCoreApplication.translate


def _layout_holding(layout: QLayout | None, widget: QPushButton) -> QBoxLayout | None:
    """The box layout (searched depth first) that holds ``widget`` directly."""
    if layout is None:
        return None
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item is None:
            continue
        if item.widget() is widget and isinstance(layout, QBoxLayout):
            return layout
        found = _layout_holding(item.layout(), widget)
        if found is not None:
            return found
    return None


class SiblingButton(QPushButton):
    """The finished window's "Notify about a sibling too" button and its menu."""

    def __init__(self, window: WizardWindow) -> None:
        super().__init__(window)
        self._window = window
        self.setObjectName("siblingButton")
        self.menu_ = QMenu(self)
        self.menu_.setObjectName("siblingMenu")
        self.menu_.aboutToShow.connect(self._fill)
        self.setMenu(self.menu_)
        self.retranslate()
        central = window.centralWidget()
        row = _layout_holding(central.layout() if central is not None else None, window.correct_button)
        if row is not None:
            row.insertWidget(row.indexOf(window.correct_button), self)
        # Tab reaches it right before "Correct it" (keyboard users start from the focused button).
        QPushButton.setTabOrder(self, window.correct_button)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setText(translate("Wizard", "&Notify about a sibling too"))
        self.setAccessibleName(translate("Wizard", "Notify about a sibling too"))
        self.setAccessibleDescription(translate(
            "Wizard", "Starts a new notification about a brother or sister, with the family filled in"))

    def _answers(self) -> dict[str, object] | None:
        window = self._window
        original = window.keeper.draft_id or window.finalised_id
        if original is None or window.services.vault is None:
            return None
        try:
            stored = window.services.require_vault().notifications.get_answers(original)
        except UnderretError as error:  # e.g. the content was removed after the retention period
            tell(window, translate("Wizard", "The notification about a sibling could not be started"), error)
            return None
        return migrate_answers(stored, window.form.version)

    def _fill(self) -> None:
        self.menu_.clear()
        answers = self._answers()
        names = known_siblings(answers) if answers is not None else []
        for index, name in enumerate(names):
            action = self.menu_.addAction(name)
            action.triggered.connect(lambda _checked=False, i=index: self.start(i))
        other = self.menu_.addAction(translate("Wizard", "Another child in the family"))
        other.triggered.connect(lambda _checked=False: self.start(None))

    def start(self, sibling: int | None) -> str | None:
        """Start the sibling's draft and open it; its id (None when it could not be started)."""
        window = self._window
        answers = self._answers()
        if answers is None:
            return None
        new = sibling_answers(answers, window.form.version, sibling)
        vault = window.services.require_vault()
        draft_id = vault.notifications.create_draft(new, "child", child_initials(new))
        window.services.notifications_changed.emit()
        window.services.open_wizard(draft_id)
        return draft_id


def attach(window: WizardWindow) -> SiblingButton | None:
    """Add the button to a finished notification's window (once; not when its content is gone)."""
    existing = window.findChild(SiblingButton)
    if existing is not None or window.unavailable:
        return existing
    return SiblingButton(window)
