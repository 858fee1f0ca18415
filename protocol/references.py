"""The short reference a notification is known by on its copy, in a secure e-mail and at the intake."""

from __future__ import annotations


def reference_of(notification_id: str) -> str:
    """The reference printed on the notification's copy: the first block of its id, upper-case."""
    return notification_id.split("-", 1)[0].upper()


def attachment_name(notification_id: str) -> str:
    """The envelope attachment's file name: the reference only, never a name (it is inside S/MIME too)."""
    return f"underretning-{reference_of(notification_id)}.underret"
