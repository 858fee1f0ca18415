"""The typeface embedded in every PDF copy: DejaVu Sans, shipped in ``resources/fonts``.

An embedded TrueType font makes Danish letters (æøå ÆØÅ) render and extract
the same everywhere, unlike the PDF base fonts. DejaVu Sans has no emoji:
those characters are drawn as the font's empty box (the text in
``notification.json`` is unaffected).
"""

from __future__ import annotations

import threading
from pathlib import Path

from desktop.paths import resources_dir

REGULAR = "UnderretSans"
BOLD = "UnderretSans-Bold"

_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}
_lock = threading.Lock()
_registered = False


def font_path(name: str) -> Path:
    """Where the TTF for ``name`` (``REGULAR`` or ``BOLD``) lives."""
    return resources_dir() / "fonts" / _FILES[name]


def register_fonts() -> None:
    """Register the fonts with reportlab once per process (safe to call from any thread)."""
    # reportlab is imported here: the printing UI needs only the font paths, and start-up stays light
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    global _registered
    with _lock:
        if _registered:
            return
        for name in (REGULAR, BOLD):
            pdfmetrics.registerFont(TTFont(name, str(font_path(name))))
        # No oblique face is shipped: <i> falls back to the upright faces.
        addMapping(REGULAR, 0, 0, REGULAR)
        addMapping(REGULAR, 1, 0, BOLD)
        addMapping(REGULAR, 0, 1, REGULAR)
        addMapping(REGULAR, 1, 1, BOLD)
        _registered = True
