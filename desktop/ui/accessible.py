"""Accessible names that hold what a button shows (WCAG 2.5.3 "label in name").

A person using voice control says the words on the button ("klik Send igen"); a screen reader user hears
its accessible name. Both work only when the name holds the visible words, so a button's name is its
text as drawn, and a longer explanation of what it does goes in the accessible description.
"""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton


def shown_words(text: str) -> str:
    """``text`` as drawn: a single "&" marks the Alt-key letter and is not drawn, "&&" is one "&"; a
    trailing "…" (a dialog follows) is not a word."""
    words = text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip()
    return words.removesuffix("…").strip()


def name_as_shown(button: QAbstractButton, explanation: str = "") -> None:
    """Name ``button`` by the words it shows (call again after each ``setText``); ``explanation``, when
    given, is said after the name."""
    button.setAccessibleName(shown_words(button.text()))
    button.setAccessibleDescription(explanation)


__all__ = ["name_as_shown", "shown_words"]
