"""How values look on the printed copy: CPR numbers, dates, times, short ids.

Times are shown in Danish local time (Europe/Copenhagen) whatever the
machine's own time zone, because the municipality reads them as Danish time.
"""

from __future__ import annotations

import hashlib
import unicodedata
from datetime import date, datetime
from zoneinfo import ZoneInfo

from desktop.documents.labels import MONTHS, label
from desktop.domain.document import NotificationDocument

COPENHAGEN = ZoneInfo("Europe/Copenhagen")

#: How many hex digits of the content hash the page footer shows.
SHORT_HASH_DIGITS = 16


def content_hash(document: NotificationDocument) -> str:
    """The SHA-256 (hex) of the document's canonical ``notification.json`` bytes."""
    return hashlib.sha256(document.to_json_bytes()).hexdigest()


def short_hash(full_hash: str) -> str:
    """The start of a hash, in groups of four so it can be read aloud over the phone."""
    head = full_hash[:SHORT_HASH_DIGITS]
    return " ".join(head[i : i + 4] for i in range(0, len(head), 4))


def group_hash(full_hash: str) -> str:
    """A long hex hash in blocks of eight, so it wraps and can be compared by eye."""
    return " ".join(full_hash[i : i + 8] for i in range(0, len(full_hash), 8))


def short_id(notification_id: str) -> str:
    """The first block of a notification UUID, upper-case: the reference printed on the copy."""
    return notification_id.split("-", 1)[0].upper()


def format_cpr(digits: str) -> str:
    """A CPR number as ``DDMMYY-SSSS``; anything that is not ten digits is shown as given."""
    compact = digits.replace("-", "").replace(" ", "")
    if len(compact) == 10 and compact.isdigit():
        return f"{compact[:6]}-{compact[6:]}"
    return digits


def format_date(value: date, language: str) -> str:
    """A date written out, e.g. ``3. marts 2026`` or ``3 March 2026``."""
    month = MONTHS[language][value.month - 1]
    if language == "da":
        return f"{value.day}. {month} {value.year}"
    return f"{value.day} {month} {value.year}"


def format_datetime(value: datetime, language: str) -> str:
    """A moment in Danish local time, e.g. ``3. marts 2026 kl. 14.05``."""
    local = value.astimezone(COPENHAGEN) if value.tzinfo is not None else value
    separator = "." if language == "da" else ":"
    clock = f"{local.hour:02d}{separator}{local.minute:02d}"
    return label(language, "doc.at_time", date=format_date(local.date(), language), time=clock)


def yes_no(value: bool | None, language: str) -> str:
    """Yes, no or unknown in the document's language."""
    if value is None:
        return label(language, "doc.unknown")
    return label(language, "doc.yes" if value else "doc.no")


def clean_text(text: str) -> str:
    """Text safe to lay out: control characters other than line breaks and tabs become spaces.

    Stray control characters (pasted from other programs) would otherwise end
    up as invalid characters in the PDF's markup; the text itself is kept whole
    in ``notification.json``.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "".join(
        ch if ch in "\n\t" or unicodedata.category(ch) not in ("Cc", "Cs") else " " for ch in text
    )
