"""Saying what changed to a screen reader: an announcement (Qt's AT-SPI/UIA announcement event).

When something appears that the person must not miss while the focus stays where it is (the numbers
to call, the problems that keep a notification from being sent, a refused notification), the window
announces it; a screen reader speaks it at once. The last announcement is kept on the widget as the
``announced`` property (what a test or a sighted helper can read back).
"""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QWidget


def announce(widget: QWidget, text: str, *, urgent: bool = False) -> None:
    """Speak ``text`` through ``widget`` (``urgent``: interrupt what is being said)."""
    if not text:
        return
    widget.setProperty("announced", text)
    event = QAccessibleAnnouncementEvent(widget, text)
    if urgent:
        event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive)
    QAccessible.updateAccessibility(event)
