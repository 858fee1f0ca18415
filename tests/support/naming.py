"""What a voice-control or screen-reader user meets in a window: every button's accessible name starts with
the words it shows (WCAG 2.5.3 "label in name": a person says "klik Næste" because "Næste" is what they see),
and nothing that takes the keyboard focus is nameless.

Names are read the way assistive technology reads them, through Qt's accessibility interface
(``QAccessible.queryAccessibleInterface(w).text(Name)``), not from ``accessibleName()``: a widget with no name
of its own is named by Qt from its text or its label.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractButton, QCheckBox, QRadioButton, QWidget


def shown_words(text: str) -> str:
    """A button's text as drawn: a single "&" marks the Alt-key letter and is not drawn, "&&" is one "&";
    a trailing "…" (a dialog follows) and a shortcut shown after the words ("(F9)") are not words to say."""
    words = text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip()
    words = re.sub(r"\s*\((?:F\d+|Ctrl\+\w+|Alt\+\w+)\)$", "", words)
    return words.removesuffix("…").removesuffix("...").strip()


def spoken_name(widget: QWidget) -> str:
    said = QAccessible.queryAccessibleInterface(widget)
    return said.text(QAccessible.Text.Name) if said is not None else ""


def _shown(widget: QWidget, window: QWidget) -> bool:
    return widget.isVisibleTo(window) and widget.isVisible()


def naming_findings(window: QWidget) -> list[str]:
    """One line per button whose spoken name does not start with its visible words (or has spaces around
    it), per focusable widget with no name, and per choice in no group named by its question
    (:func:`group_findings`), among what ``window`` shows now."""
    found: list[str] = []
    for button in window.findChildren(QAbstractButton):
        if not _shown(button, window):
            continue
        shown, name = shown_words(button.text()), spoken_name(button)
        where = f"{type(button).__name__} {button.objectName() or shown[:40]!r}"
        if name != name.strip():
            found.append(f"{where}: name with spaces around it {name!r}")
        elif shown and not name.casefold().startswith(shown.casefold()):
            found.append(f"{where}: shows {shown!r}, named {name!r}")
    for widget in window.findChildren(QWidget):
        if (widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.focusProxy() is None
                and widget.isEnabled() and _shown(widget, window) and not spoken_name(widget).strip()):
            found.append(f"{type(widget).__name__} {widget.objectName()!r}: takes the focus but has no name")
    return found + group_findings(window)


def _choice_buttons(window: QWidget) -> list[QAbstractButton]:
    """The shown radio buttons, and the check boxes that sit beside another (a group of boxes answering one
    question; a lone check box is a question of its own, named by its text)."""
    shown = [b for b in window.findChildren(QAbstractButton)
             if isinstance(b, QRadioButton | QCheckBox) and _shown(b, window)]
    return [b for b in shown if isinstance(b, QRadioButton)
            or sum(1 for other in shown if isinstance(other, QCheckBox)
                   and other.parentWidget() is b.parentWidget()) > 1]


def group_findings(window: QWidget) -> list[str]:
    """One line per radio button (or check box of a group) that is not in a named group labelling it: a
    screen reader says which question a "Ja" answers from the group's name and the "labelled by" relation."""
    found: list[str] = []
    for button in _choice_buttons(window):
        where = f"{type(button).__name__} {button.objectName() or shown_words(button.text())[:40]!r}"
        said = QAccessible.queryAccessibleInterface(button)
        group = said.parent() if said is not None else None
        if group is None or group.role() != QAccessible.Role.Grouping:
            found.append(f"{where}: not in a group")
            continue
        question = group.text(QAccessible.Text.Name).strip()
        if not question:
            found.append(f"{where}: its group has no name (the question)")
            continue
        labels = [other.text(QAccessible.Text.Name)
                  for other, _relation in said.relations(QAccessible.RelationFlag.Label)]
        if group.text(QAccessible.Text.Name) not in labels:
            found.append(f"{where}: not labelled by its group {question!r} (labels: {labels})")
    return found


__all__ = ["group_findings", "naming_findings", "shown_words", "spoken_name"]
