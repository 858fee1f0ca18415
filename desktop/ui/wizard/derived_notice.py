"""No silent changes: answers the wizard fills in by itself are named where the person is, with an undo.

Some answers follow from others (the form's presets and suggestions): ticking a sign of violence answers
"Do you suspect violence at home?" with Yes and "Have you told this parent?" with No, on the "Family" page
the person cannot see from the signs, and ticks "abuse" among the § 133 grounds. Right under what was just
changed, a notice names each answer that changed and its new value, a screen reader hears it, and
"Fortryd" (Undo) puts the answers back as they were; the wizard then leaves them alone
(``desktop.domain.flow.decline_presets``; a suggestion undone is the person's own answer).
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QBoxLayout, QFrame, QLabel, QPushButton, QVBoxLayout

from desktop.domain.answers import get_answer, parse_path, set_answer
from desktop.domain.flow import decline_presets
from desktop.domain.forms import FormDefinition, FormField
from desktop.domain.text import localise
from desktop.domain.validation import UNKNOWN
from desktop.ui import theme
from desktop.ui.accessible import name_as_shown
from desktop.ui.announce import announce
from desktop.ui.tab_order import follow_reading_order
from desktop.ui.wizard.fields import FieldEditor
from desktop.ui.wizard.page import SectionPage
from desktop.ui.wizard.review import question_of

if TYPE_CHECKING:
    from desktop.ui.wizard.window import WizardWindow

translate = QCoreApplication.translate


def answer_words(field: FormField | None, value: Any, lang: str) -> str:
    """An answer as the page shows it: "Ja", "Nej", "Ved ikke", an option's label."""
    if isinstance(value, Mapping):  # yes/no with a reason: {"value": False, "why_not": ""}
        return answer_words(field, value.get("value"), lang)
    if value is True:
        return translate("Wizard", "Yes")
    if value is False:
        return translate("Wizard", "No")
    if value == UNKNOWN:
        return translate("Wizard", "Don't know")
    if isinstance(value, str) and field is not None:
        option = field.option(value) if field.options else None
        return localise(option.label, lang) if option is not None else value
    if isinstance(value, list):
        return ", ".join(answer_words(field, v, lang) for v in value)
    return "" if value is None else str(value)


def _field_at(form: FormDefinition, path: str) -> FormField | None:
    parsed = parse_path(path)
    try:
        field = form.field(parsed.field)
    except KeyError:
        return None
    if parsed.sub is None:
        return field
    return next((f for f in field.fields if f.id == parsed.sub), None)


def change_line(form: FormDefinition, path: str, value: Any, lang: str) -> str:
    """"Familien › Har du mistanke om …? Ja": where the answer is, the question, the new answer."""
    field = _field_at(form, path)
    section = form.section_of(parse_path(path).field)
    where = " › ".join([localise(section.title, lang), *question_of(form, path, lang)])
    joint = " " if where.endswith(("?", "!")) else ": "
    return f"{where}{joint}{answer_words(field, value, lang)}"


class DerivedNotice(QFrame):
    """The notice under the field just changed: which other answers changed with it, and "Fortryd"."""

    def __init__(self, window: WizardWindow) -> None:
        super().__init__(window)  # owned by the window until a page holds it (it goes with the window)
        self._window = window
        self.setObjectName("derivedNotice")
        self.setFrameShape(QFrame.Shape.Box)
        theme.paint(self, theme.Tone.GUIDANCE)
        layout = QVBoxLayout(self)
        self.text = QLabel()
        self.text.setObjectName("derivedChanges")
        self.text.setWordWrap(True)
        layout.addWidget(self.text)
        self.undo_button = QPushButton(translate("Wizard", "&Undo"))
        self.undo_button.setObjectName("undoDerived")
        name_as_shown(self.undo_button, translate("Wizard", "Put these answers back as they were"))
        self.undo_button.clicked.connect(lambda _checked=False: self.undo())
        layout.addWidget(self.undo_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.hide()
        #: (path, the answer before) of each change shown, and the field the person was changing.
        self.changes: list[tuple[str, Any]] = []
        self._editor: FieldEditor | None = None

    def tell(self, editor: FieldEditor, paths: list[str], before: Mapping[str, Any]) -> None:
        """Show, under ``editor`` (on the page shown), the answers at ``paths`` that changed with it."""
        window = self._window
        self.changes = [(path, copy.deepcopy(get_answer(before, path))) for path in paths]
        self._editor = editor
        lines = [change_line(window.form, path, get_answer(window.answers, path), window.language)
                 for path in paths]
        heading = translate("Wizard", "From your answer we have also filled in:")
        self.text.setText("\n".join([heading, *(f"• {line}" for line in lines)]))
        self.setAccessibleName(heading)
        holder = editor.parentWidget()
        layout = holder.layout() if holder is not None else None
        if not isinstance(layout, QBoxLayout):
            return  # not on a page (never so in the wizard); a parentless frame would show as a window
        layout.insertWidget(layout.indexOf(editor) + 1, self)
        # Tab goes from what was changed straight to "Fortryd" (the notice sits right under it).
        follow_reading_order(window)
        self.show()
        said = " ".join([heading, *(line if line.endswith((".", "?", "!")) else f"{line}." for line in lines),
                         translate("Wizard", "Press Tab, then Space on Undo, to put them back.")])
        announce(self, said)

    def undo(self) -> None:
        """Put the answers back as they were, and leave them alone from now on."""
        window = self._window
        if not self.changes:
            return
        for path, previous in self.changes:
            field = _field_at(window.form, path)
            if previous is None and field is not None and field.suggest:
                # A suggestion follows the other answers while the field is empty or as suggested: an
                # empty choice is the person's own, and stays until they tick something.
                previous = []
            set_answer(window.answers, path, previous)
        decline_presets(window.answers, [path for path, _ in self.changes])
        for field_id in dict.fromkeys(parse_path(path).field for path, _ in self.changes):
            page = window.pages.built(window.form.section_of(field_id).id)
            if isinstance(page, SectionPage) and field_id in page.editors:
                page.editors[field_id].set_value(get_answer(window.answers, field_id))
        page = window.current_page()
        if isinstance(page, SectionPage):
            page.refresh(window.flow, window.answers)
        window.keeper.changed()
        self.changes = []
        editor, self._editor = self._editor, None
        self.hide()
        if editor is not None and not editor.isHidden():
            editor.focus_target().setFocus(Qt.FocusReason.OtherFocusReason)
        announce(window.step_label, translate("Wizard", "The answers are back as they were."))

    def dismiss(self) -> None:
        """Hide the notice (the person has moved on to another page)."""
        self.changes = []
        self._editor = None
        self.hide()
