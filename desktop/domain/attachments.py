"""Attachments: which files a notification may carry, how many, how large, and their names in the envelope.

The rules only; reading and cleaning the bytes is :mod:`desktop.documents.sanitise`, keeping them is
the vault's (``desktop/store/attachments.py``). Sizes count the bytes as carried (after images are
re-encoded), 10 MB in all: enough for a few photographed letters or absence records, small enough
for the envelope, the intake and a secure e-mail.
"""

from __future__ import annotations

#: All attachments of one notification together, in bytes (shown to people as "10 MB").
MAX_TOTAL_BYTES = 10 * 1024 * 1024
#: At most this many files.
MAX_FILES = 20
#: The longest file name kept (the name travels inside the encrypted document, never in clear).
MAX_NAME_LENGTH = 255

#: Media type → the extension of its content-free name in the envelope.
MEDIA_TYPES: dict[str, str] = {
    "image/jpeg": "jpg",
    "image/png": "png",
    "application/pdf": "pdf",
}


def envelope_file_name(number: int, media_type: str) -> str:
    """The attachment's name inside the envelope: ``attachment-3.jpg`` (never the chosen file's name,
    which may hold the child's name and the manifest is in clear)."""
    if not 1 <= number <= MAX_FILES:
        raise ValueError("attachment number out of range")
    return f"attachment-{number}.{MEDIA_TYPES[media_type]}"


def clean_name(name: str) -> str:
    """A chosen file's name as kept in the document: the last path part, without control characters,
    at most :data:`MAX_NAME_LENGTH` characters (the extension kept)."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    base = "".join(ch for ch in base if ch.isprintable()).strip() or "file"
    if len(base) <= MAX_NAME_LENGTH:
        return base
    stem, dot, ext = base.rpartition(".")
    if dot and 0 < len(ext) <= 10:
        return stem[: MAX_NAME_LENGTH - len(ext) - 1] + "." + ext
    return base[:MAX_NAME_LENGTH]


def format_size(size: int, language: str) -> str:
    """A size for people: "850 kB", "2,4 MB" (Danish decimal comma) or "2.4 MB"."""
    megabyte = 1024 * 1024
    text = f"{max(1, round(size / 1024))} kB" if size < megabyte else f"{size / megabyte:.1f} MB"
    return text.replace(".", ",") if language == "da" else text
