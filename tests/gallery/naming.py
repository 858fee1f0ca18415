"""Find buttons whose accessible name does not contain the text they show (WCAG 2.5.3 "label in name").

A person using voice control says what they see ("click Send igen"); a screen reader user hears the
name. Both work only when the name holds the visible words. A longer explanation belongs in the
accessible description. Called by the gallery while each window is on screen, like the elision check.
"""

from __future__ import annotations

import re

from PySide6.QtWidgets import QAbstractButton, QWidget

from tests.gallery.elision import Finding


def _shown_words(text: str) -> str:
    """The words as drawn: a single "&" marks the Alt-key letter and is not drawn, "&&" is one "&"; the
    "…" that says a dialog follows and a shortcut key shown after the words, "(F9)", are not words."""
    words = text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip()
    words = re.sub(r"\s*\((?:F\d+|Ctrl\+\w+|Alt\+\w+)\)$", "", words)
    return words.removesuffix("…").removesuffix("...").strip()


def name_findings_in(window: QWidget) -> list[Finding]:
    """Every shown button in ``window`` whose accessible name leaves out its visible text or has stray
    spaces."""
    found: list[Finding] = []
    for button in window.findChildren(QAbstractButton):
        if not button.isVisibleTo(window):
            continue
        shown, name = _shown_words(button.text()), button.accessibleName()
        widget = button.objectName() or f"{type(button).__name__}:{shown[:40]}"
        if name != name.strip():
            found.append({"widget": widget, "kind": "accessible name with spaces around it", "text": name})
        elif shown and name and shown.casefold() not in name.casefold():
            found.append({"widget": widget, "kind": "accessible name leaves out the visible text",
                          "text": f"shows {shown!r}, named {name!r}"})
    return found
