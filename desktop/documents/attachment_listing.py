"""How a notification's attachments are listed: on the copy (name, type, size, hash) and, for the
municipality, with the carried files checked against their hashes and pictures shown.

Pure text and HTML in the notification's language, like the rest of the copy. The municipality's
view (demo mode) opens the envelope in memory and shows what arrived with :func:`received_html`:
pictures inline (they were re-encoded by the sender, so they hold pixels only), PDF files named but
never rendered here.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Mapping, Sequence
from html import escape
from typing import Final

from desktop.domain.attachments import format_size
from desktop.domain.observations import AttachmentRef

LABELS: Final[dict[str, dict[str, str]]] = {
    "da": {
        "type.application/pdf": "PDF-dokument",
        "type.image/png": "PNG-billede",
        "type.image/jpeg": "JPEG-billede",
        "received.heading": "Bilag i forsendelsen",
        "received.matches": "Stemmer med kontrolsummen",
        "received.wrong": "Mangler eller stemmer IKKE med kontrolsummen",
        "received.pdf": "Åbn PDF-filen i kommunens eget program til PDF-filer.",
        "received.none": "Ingen bilag.",
    },
    "en": {
        "type.application/pdf": "PDF document",
        "type.image/png": "PNG picture",
        "type.image/jpeg": "JPEG picture",
        "received.heading": "Attachments in the envelope",
        "received.matches": "Matches its checksum",
        "received.wrong": "Missing, or does NOT match its checksum",
        "received.pdf": "Open the PDF file in the municipality's own PDF program.",
        "received.none": "No attachments.",
    },
}

ACUTE = "#a3261c"
MUTED = "#5f6b7a"
#: Pictures are shown at most this wide in the municipality's view.
PREVIEW_WIDTH = 360


def _label(language: str, key: str) -> str:
    return LABELS["en" if language == "en" else "da"][key]


def kind_and_size(ref: AttachmentRef, language: str) -> str:
    """"PDF-dokument, 1,2 MB" in ``language``."""
    return f"{_label(language, 'type.' + ref.media_type)}, {format_size(ref.size, language)}"


def received_html(refs: Sequence[AttachmentRef], files: Mapping[str, bytes], language: str, *,
                  muted: str = MUTED, acute: str = ACUTE) -> str:
    """The attachments as they arrived: each checked against its hash; pictures shown, PDFs named.
    ``muted``/``acute``: the screen's colours for the small and the warning text (a dark theme's)."""
    MUTED, ACUTE = muted, acute  # noqa: N806 - the module's defaults, replaced for this call
    parts = [f'<h2 style="font-size:13pt;">{escape(_label(language, "received.heading"))}</h2>']
    if not refs:
        parts.append(f'<p style="color:{MUTED};">{escape(_label(language, "received.none"))}</p>')
    for ref in refs:
        data = files.get(ref.file)
        intact = data is not None and hashlib.sha256(data).hexdigest() == ref.sha256
        if intact:
            check = f'<span style="color:{MUTED};">{escape(_label(language, "received.matches"))}</span>'
        else:
            check = f'<b style="color:{ACUTE};">{escape(_label(language, "received.wrong"))}</b>'

        parts.append(f"<h3>{escape(ref.name)}</h3>"
                     f"<p>{escape(kind_and_size(ref, language))} · {escape(ref.file)} · {check}</p>")
        if intact and data is not None and ref.media_type.startswith("image/"):
            encoded = base64.b64encode(data).decode("ascii")
            parts.append(f'<p><img src="data:{ref.media_type};base64,{encoded}" width="{PREVIEW_WIDTH}" '
                         f'alt="{escape(ref.name, quote=True)}"/></p>')
        elif intact and ref.media_type == "application/pdf":
            parts.append(f'<p style="color:{MUTED};">{escape(_label(language, "received.pdf"))}</p>')
    return "".join(parts)
