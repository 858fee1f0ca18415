"""The box around a question's radio buttons or check boxes: named by the question, drawn as nothing.

A screen reader says which question a "Ja" or "Nej" answers from the group the button sits in: its
accessible name, and the "labelled by" relation every button has to it. Qt gives both to the buttons of a
titled ``QGroupBox`` (a grouping named by its title; each child button labelled by it), so the question is
the group's title. The question is already drawn above the buttons (bold, wrapped, with its asterisk), so
the box draws no title and no frame and takes no room for them: on screen the buttons sit where they did.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QGroupBox, QProxyStyle, QStyle, QStyleOption, QStyleOptionComplex, QWidget


class _NoTitleRoom(QProxyStyle):
    """A group box style whose contents fill the whole box (no room kept for a title or a frame)."""

    # The stubs of QStyle, QCommonStyle and QProxyStyle disagree on the last argument (Qt passes None or
    # the widget): this takes both.
    def subControlRect(self, control: QStyle.ComplexControl, option: QStyleOptionComplex,  # type: ignore[override]
                       sub_control: QStyle.SubControl, widget: QWidget | None = None) -> QRect:
        if (control == QStyle.ComplexControl.CC_GroupBox
                and sub_control == QStyle.SubControl.SC_GroupBoxContents):
            return QRect(option.rect)  # type: ignore[attr-defined]
        return super().subControlRect(control, option, sub_control, widget)  # type: ignore[arg-type]

    def subElementRect(self, element: QStyle.SubElement, option: QStyleOption,  # type: ignore[override]
                       widget: QWidget | None = None) -> QRect:
        if element == QStyle.SubElement.SE_GroupBoxLayoutItem:
            return QRect(option.rect)  # type: ignore[attr-defined]
        return super().subElementRect(element, option, widget)  # type: ignore[arg-type]


_SHARED: list[_NoTitleRoom] = []


def _no_title_room() -> _NoTitleRoom:
    """One style for every group (a widget does not own the style it is given; this one lives on)."""
    if not _SHARED:
        _SHARED.append(_NoTitleRoom())
    return _SHARED[0]


class QuestionGroup(QGroupBox):
    """Holds one question's buttons; :meth:`set_question` names the group (and so labels each button)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("questionGroup")
        self.setStyle(_no_title_room())
        self.setFlat(True)

    def set_question(self, question: str) -> None:
        # "&" in a title marks an Alt key; the question is plain text.
        self.setTitle(question.replace("&", "&&"))
        self.setAccessibleName(question)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Nothing to draw: the question is the label above, the buttons draw themselves."""

    # A group box is at least as wide as its title; this one's title is never drawn, and a long question
    # must not keep the page from wrapping in a narrow window.
    def sizeHint(self) -> QSize:
        own = self.layout()
        return own.sizeHint() if own is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:
        own = self.layout()
        return own.minimumSize() if own is not None else super().minimumSizeHint()


__all__ = ["QuestionGroup"]
