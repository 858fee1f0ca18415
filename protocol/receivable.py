"""Which files of an envelope a receiver stores, writes to disk or hands to a caseworker.

The envelope format allows any plain lower-case file name (``forms/schema/envelope.md``), but the
Underret app only ever puts in ``notification.json``, ``notification.pdf`` and attachments named
``attachment-N.jpg|png|pdf`` (N = 1..20, ``desktop/domain/attachments.py``). A receiver that wrote
whatever an envelope holds would let anyone who has the municipality's *public* key (it is in
every guideline pack) put ``faktura.pdf.exe`` or ``notification.pdf.lnk`` into a caseworker's
folder, by secure e-mail or through an enrolled PC. So the intake refuses an envelope that names
any other file before storing it, and ``decrypt``/``export`` refuse one whose files are not these
names, or whose bytes do not begin as their kind does (a ``.pdf`` that is a program), before
writing anything.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

#: The names the app gives the files it seals (and so the only ones a receiver writes).
RECEIVABLE_NAME = re.compile(r"notification\.(?:json|pdf)|attachment-(?:[1-9]|1[0-9]|20)\.(?:jpg|png|pdf)")

# How each kind of file begins (JSON after optional white space).
_MAGIC: dict[str, tuple[bytes, ...]] = {
    "json": (b"{",),
    "pdf": (b"%PDF",),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "jpg": (b"\xff\xd8\xff",),
}


def unexpected_names(names: Iterable[str]) -> list[str]:
    """The names among ``names`` that the app never gives a file (empty: all are receivable)."""
    return [name for name in names if not RECEIVABLE_NAME.fullmatch(name)]


def unexpected_files(files: Mapping[str, bytes]) -> list[str]:
    """Names of decrypted files a receiver must not write: an unknown name, or bytes not of its kind."""
    odd = unexpected_names(files)
    for name, data in files.items():
        if name in odd:
            continue
        kind = name.rsplit(".", 1)[1]
        head = bytes(data[:64]).lstrip(b" \t\r\n") if kind == "json" else bytes(data[:16])
        if not head.startswith(_MAGIC[kind]):
            odd.append(name)
    return odd
