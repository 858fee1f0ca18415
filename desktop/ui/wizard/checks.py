"""Checks where the mistake happens: a CPR number or birth date that cannot be right is said at once.

A CPR number or a birth date that makes the child 18 or older, or born in the
future, is not left for the review: as soon as it is typed whole, the field says
so (the domain's own rule and words, the same as on the review page), and "Next"
does not leave the page until it is put right. Other problems wait for the
review, as before, so nobody is scolded for a half-written page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from desktop.domain.validation import Problem
from desktop.ui.wizard.fields import CprEditor, DateEditor, FieldEditor
from desktop.ui.wizard.group_editor import RepeatableGroupEditor
from desktop.ui.wizard.page import SectionPage
from desktop.ui.wizard.problems import problem_text

if TYPE_CHECKING:
    from desktop.ui.wizard.window import WizardWindow

#: The problems told at once and that keep the person on the page (the child's identity).
AT_ONCE = frozenset({"child.adult", "child.not_born", "cpr.future", "cpr.date"})


def concerns_identity(editor: FieldEditor) -> bool:
    """Whether an edit of ``editor`` can change an at-once problem (a CPR number or a date in it)."""
    if isinstance(editor, (CprEditor, DateEditor)):
        return True
    if isinstance(editor, RepeatableGroupEditor):
        return any(isinstance(sub, (CprEditor, DateEditor)) for sub in editor.sub_editors())
    return False


def problems_at_once(window: WizardWindow, section_id: str) -> list[Problem]:
    """The at-once problems on one page, in the page's order."""
    return [p for p in window.problems()
            if p.section_id == section_id and p.blocking and p.message_id in AT_ONCE]


def _editors(page: SectionPage) -> list[FieldEditor]:
    found: list[FieldEditor] = []
    for editor in page.editors.values():
        found.append(editor)
        if isinstance(editor, RepeatableGroupEditor):
            found += editor.sub_editors()
    return found


def show_at_once(window: WizardWindow, page: SectionPage) -> list[Problem]:
    """Mark the page's fields with their at-once problems now (and clear those put right)."""
    found = problems_at_once(window, page.section.id)
    by_path = {p.field_path: p for p in found}
    for editor in _editors(page):
        problem = by_path.get(editor.path)
        if problem is not None:
            editor.show_problem(problem_text(problem))
            editor.setProperty("atOnce", True)
        elif editor.property("atOnce"):
            editor.show_problem(None)
            editor.setProperty("atOnce", False)
    return found


def may_leave(window: WizardWindow, page: SectionPage) -> bool:
    """False (with the focus on the field and its message shown) while an at-once problem is on the page."""
    found = show_at_once(window, page)
    if not found:
        return True
    editor = page.editor_for(found[0].field_path)
    if editor is not None:
        page.ensureWidgetVisible(editor)
        editor.focus_target().setFocus(Qt.FocusReason.OtherFocusReason)
        from desktop.ui.announce import announce

        # Why the page did not turn, said at once: with Alt+N in the field itself the focus does not move,
        # and nothing else would be heard.
        announce(editor.focus_target(), problem_text(found[0]), urgent=True)
    return False
