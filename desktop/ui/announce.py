"""Saying what changed to a screen reader: an announcement (Qt's AT-SPI/UIA announcement event).

When something appears or changes that the person must not miss while the focus stays where it is
(the numbers to call, the problems that keep a notification from being sent, a refused notification,
a field's error, how many signs a search found, a new page, an answer the app changed, a delivery),
every window says it through :func:`announce`, so all of them speak the same way.

Qt sends the announcement to the platform (``object:announcement`` on AT-SPI); a screen reader speaks
it at once (``urgent``: it interrupts what is being said). The same call also feeds
:func:`announcements` (a Qt signal and the last few texts, in memory only) and keeps the last text
on the widget as its ``announced`` property: what a test, or the gallery, reads back. Qt offers no
way to watch its own accessibility events from Python, so this record is the observable side.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QWidget

#: How many announcements the record keeps (enough for a test's steps; nothing older is needed).
KEPT = 50


@dataclass(frozen=True)
class Announcement:
    """One announcement: what was said, through which widget's object name, and whether it interrupted."""

    text: str
    source: str
    urgent: bool


class Announcements(QObject):
    """Every announcement of the process, as a signal and as a short record (never written anywhere)."""

    said = Signal(str, bool)  # text, urgent

    def __init__(self) -> None:
        super().__init__()
        self.record: deque[Announcement] = deque(maxlen=KEPT)

    def texts(self) -> list[str]:
        """What was said, oldest first."""
        return [a.text for a in self.record]

    def clear(self) -> None:
        self.record.clear()


_announcements: Announcements | None = None


def announcements() -> Announcements:
    """The process's record of announcements (made on first use)."""
    global _announcements
    if _announcements is None:
        _announcements = Announcements()
    return _announcements


def announce(widget: QWidget, text: str, *, urgent: bool = False) -> None:
    """Speak ``text`` through ``widget`` (``urgent``: interrupt what is being said, for what must not wait:
    whom to call, a refused "Finish and send", a delivery alert)."""
    text = " ".join(text.split())
    if not text:
        return
    widget.setProperty("announced", text)
    event = QAccessibleAnnouncementEvent(widget, text)
    if urgent:
        event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive)
    QAccessible.updateAccessibility(event)
    record = announcements()
    record.record.append(Announcement(text, widget.objectName(), urgent))
    record.said.emit(text, urgent)


__all__ = ["Announcement", "Announcements", "announce", "announcements"]
