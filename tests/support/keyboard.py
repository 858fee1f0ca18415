"""The keyboard moves a person makes in the notification wizard, for UI tests.

Tab to a field, type; arrow keys and Space for choices and for ticking a sign;
Tab to Next and Space to turn the page. Every move goes through the focus chain,
so a field the Tab order never reaches fails the test (as it would fail a person
who cannot use a mouse). Used by tests/ui/demo; tests/ui/wizard can subclass it
for its own ``fill_*`` helpers.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop.ui.wizard.choices import ChoiceEditor, YesNoWhyEditor
from desktop.ui.wizard.fields import FieldEditor
from desktop.ui.wizard.page import SectionPage
from desktop.ui.wizard.signal_checklist import SignalChecklistEditor
from desktop.ui.wizard.window import WizardWindow


class WizardKeys:
    """A wizard window and the keyboard moves a person makes in it."""

    def __init__(self, qtbot: QtBot, window: WizardWindow) -> None:
        self.qtbot = qtbot
        self.window = window

    # --- looking ---------------------------------------------------------------------------
    def editor(self, path: str) -> FieldEditor:
        """The editor of the field at ``path`` (e.g. ``family.custody_holders[0].informed``)."""
        for page in self.window.pages.values():
            if isinstance(page, SectionPage):
                editor = page.editor_for(path)
                if editor is not None and editor.path == path:
                    return editor
        raise KeyError(path)

    @staticmethod
    def focused() -> QWidget | None:
        return QApplication.focusWidget()

    # --- moving ----------------------------------------------------------------------------
    def press(self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        QTest.keyClick(self.focused() or self.window, key, modifier)

    def tab_to(self, widget: QWidget, limit: int = 400) -> None:
        """Press Tab until ``widget`` has the focus (fails if the tab order never reaches it)."""
        for _ in range(limit):
            if self.focused() is widget:
                return
            self.press(Qt.Key.Key_Tab)
        raise AssertionError(f"Tab never reached {widget.objectName() or widget}")

    def type_into(self, path: str, text: str) -> None:
        target = self.editor(path).focus_target()
        self.tab_to(target)
        QTest.keyClicks(target, text)

    def choose(self, path: str, option: str) -> None:
        """Tab into a choice, then arrow keys until ``option`` has the focus; Space checks it."""
        editor = self.editor(path)
        assert isinstance(editor, ChoiceEditor)
        self.tab_to(editor.focus_target())
        wanted = editor.buttons[option]
        for _ in range(len(editor.buttons) + 1):
            if self.focused() is wanted:
                break
            self.press(Qt.Key.Key_Down)
        assert self.focused() is wanted, f"arrow keys did not reach {option}"
        self.press(Qt.Key.Key_Space)
        assert wanted.isChecked()

    def pick_municipality(self, name: str, path: str = "child.municipality") -> None:
        """Tab into the municipality list and type the start of the name: the list jumps to it."""
        target = self.editor(path).focus_target()
        self.tab_to(target)
        QTest.keyClicks(target, name)
        assert name in str(getattr(target, "currentText", lambda: "")()), f"typing did not find {name}"

    def explain_why_not(self, path: str, text: str) -> None:
        """Type the reason into a yes/no question's "why not" box."""
        editor = self.editor(path)
        assert isinstance(editor, YesNoWhyEditor)
        self.tab_to(editor.why_edit)
        QTest.keyClicks(editor.why_edit, text)

    def tick_signal(self, signal_id: str, query: str) -> None:
        """Search for a sign, Tab into the list, arrow down to it and tick it with Space."""
        editor = self.editor("signals.checked")
        assert isinstance(editor, SignalChecklistEditor)
        self.tab_to(editor.search)
        editor.search.selectAll()
        QTest.keyClicks(editor.search, query)
        self.tab_to(editor.tree)
        wanted = editor.items[signal_id]
        for _ in range(len(editor.items)):
            if editor.tree.currentItem() is wanted:
                break
            self.press(Qt.Key.Key_Down)
        assert editor.tree.currentItem() is wanted, f"arrow keys did not reach {signal_id}"
        self.press(Qt.Key.Key_Space)
        assert wanted.checkState(0) == Qt.CheckState.Checked

    def next_page(self) -> None:
        self.tab_to(self.window.next_button)
        self.press(Qt.Key.Key_Space)

    def previous_page(self) -> None:
        self.tab_to(self.window.back_button)
        self.press(Qt.Key.Key_Space)

    def finish_and_send(self) -> None:
        """Tab to "Finish and send", press Space, and answer the question "Finish and send?" with Enter
        (its default button) once it shows."""
        self.tab_to(self.window.finalise_button)
        self.press(Qt.Key.Key_Space)
        self.confirm_finish()

    def confirm_finish(self) -> None:
        """Enter on the open "Finish and send?" question."""
        self.qtbot.waitUntil(lambda: self.window.sending.confirmation is not None
                             and self.window.sending.confirmation.isVisible())
        box = self.window.sending.confirmation
        assert box is not None
        box.activateWindow()
        self.qtbot.waitUntil(lambda: box.isActiveWindow())
        focused = QApplication.focusWidget()
        QTest.keyClick(focused if focused is not None and focused.window() is box else box, Qt.Key.Key_Return)

    def go_on_to(self, page_id: str, most_pages: int = 12) -> None:
        """Next, Next, … until the page ``page_id`` shows (fails after ``most_pages`` presses)."""
        for _ in range(most_pages):
            if self.window.page_id == page_id:
                return
            self.next_page()
        assert self.window.page_id == page_id
