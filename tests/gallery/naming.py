"""Find buttons whose accessible name does not start with the text they show (WCAG 2.5.3 "label in name"),
radio buttons (or grouped check boxes) that are not in a group named by their question, and text
exposed to assistive technology that holds QTextDocument's private separator characters (U+FDD0/U+FDD1).

A person using voice control says what they see ("click Send igen"); a screen reader user hears the
name. Both work only when the name starts with the visible words (the same rule as
:mod:`tests.support.naming`; a longer explanation belongs in the accessible description). The name is
read as assistive technology reads it, through Qt's accessibility interface. Called by the gallery while
each window is on screen, like the elision check.
"""

from __future__ import annotations

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractButton, QWidget

from tests.gallery.elision import Finding
from tests.support.accessibility import PRIVATE_SEPARATORS, exposed_text, walk
from tests.support.naming import group_findings, shown_words, spoken_name


def name_findings_in(window: QWidget) -> list[Finding]:
    """Every shown button in ``window`` whose accessible name does not start with its visible text or has
    stray spaces, and every choice that is not in a named group."""
    found: list[Finding] = []
    for button in window.findChildren(QAbstractButton):
        if not button.isVisibleTo(window):
            continue
        shown, name = shown_words(button.text()), spoken_name(button)
        widget = button.objectName() or f"{type(button).__name__}:{shown[:40]}"
        if name != name.strip():
            found.append({"widget": widget, "kind": "accessible name with spaces around it", "text": name})
        elif shown and not name.casefold().startswith(shown.casefold()):
            found.append({"widget": widget, "kind": "accessible name does not start with the visible text",
                          "text": f"shows {shown!r}, named {name!r}"})
    found += [{"widget": line.split("': ", 1)[0] + "'", "kind": "choice not in a group named by its question",
               "text": line} for line in group_findings(window)]
    # QTextDocument's frame marks, which a QTextBrowser or QTextEdit hands to assistive technology.
    for node in walk(window):
        for words in exposed_text(node):
            if any(mark in words for mark in PRIVATE_SEPARATORS):
                found.append({"widget": f"{node.role().name} {node.text(QAccessible.Text.Name)[:40]!r}",
                              "kind": "private separator characters in exposed text", "text": words[:120]})
    return found
