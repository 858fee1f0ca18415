"""Files a person might attach, made here with Pillow and reportlab: photos full of metadata, a PDF;
and :class:`Draft`, a draft being written with the wizard's attachments editor over a real vault.

Shared by the sanitising unit tests and the wizard's attachment tests.
"""

from __future__ import annotations

import os
from datetime import date
from io import BytesIO
from pathlib import Path
from typing import Any

from PIL import Image, PngImagePlugin
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from reportlab.pdfgen.canvas import Canvas

from desktop.domain.forms import FieldType, FormField
from desktop.domain.packs import national_pack
from desktop.domain.text import Localised
from desktop.store.vault import Vault
from desktop.ui.wizard.attachment_store import DraftAttachments
from desktop.ui.wizard.attachments_editor import AttachmentsEditor
from desktop.ui.wizard.base import EditorContext
from desktop.ui.wizard.drafts import DraftKeeper
from desktop.ui.wizard.editors import make_editor

TODAY = date(2026, 12, 6)
FIELD = "observations.attachments"

GPS_IFD = 0x8825
SECRET = "Emma Hansen, Skolevej 12"


def jpeg_with_metadata(width: int = 64, height: int = 48, orientation: int = 1, *,
                       noise: bool = False) -> bytes:
    """A JPEG carrying EXIF (camera, owner, GPS position, orientation), an ICC profile, a comment and XMP.

    Plain red, or random pixels (``noise``: its compressed data is then unlike any other file's).
    """
    if noise:
        image = Image.frombytes("RGB", (width, height), os.urandom(width * height * 3))
    else:
        image = Image.new("RGB", (width, height), (200, 30, 30))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x013B] = SECRET  # Artist
    exif[0x0112] = orientation
    exif[GPS_IFD] = {1: "N", 2: (55.0, 40.0, 30.0), 3: "E", 4: (12.0, 34.0, 56.0)}
    out = BytesIO()
    icc = b"\x00\x00\x02\x0cICCfake-profile-" + SECRET.encode() + b"\x00" * 64
    image.save(out, "JPEG", exif=exif, icc_profile=icc, comment=SECRET.encode(),
               xmp=f"<x:xmpmeta><dc:creator>{SECRET}</dc:creator></x:xmpmeta>".encode())
    return out.getvalue()


def png_with_metadata() -> bytes:
    image = Image.new("RGBA", (40, 30), (0, 120, 0, 128))
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", SECRET)
    info.add_itxt("Description", SECRET, zip=True)
    info.add_text("Comment", SECRET, zip=True)
    exif = Image.Exif()
    exif[0x013B] = SECRET
    out = BytesIO()
    image.save(out, "PNG", pnginfo=info, exif=exif, icc_profile=b"fake-icc-" + SECRET.encode())
    return out.getvalue()


def a_pdf(text: str = "Fraværsoversigt") -> bytes:
    """A one-page PDF; its text is stored uncompressed, so the bytes hold it as written."""
    out = BytesIO()
    canvas = Canvas(out, pageCompression=0)
    canvas.drawString(72, 720, text)
    canvas.showPage()
    canvas.save()
    return out.getvalue()


class Draft:
    """A draft being written: its answers, the keeper that saves them, the attachments editor."""

    def __init__(self, qtbot: QtBot, vault: Vault, key: bytes | bytearray) -> None:
        self.vault = vault
        self.answers: dict[str, Any] = {}
        self.keeper = DraftKeeper(lambda: vault, None, lambda: self.answers, lambda: "observations")
        field = FormField(id=FIELD, type=FieldType.ATTACHMENTS, label=Localised(da="Bilag", en="Attachments"))
        # The store writes on the worker thread, on a connection of its own (as Services.open_reader).
        store = DraftAttachments(lambda: Vault.open(vault.path, key), self.keeper)
        context = EditorContext("da", national_pack(), TODAY, attachments=store)
        editor = make_editor(FieldType.ATTACHMENTS)(field, FIELD, context)
        assert isinstance(editor, AttachmentsEditor)
        self.editor = editor
        self.chosen: list[str] = []
        editor.choose_files = lambda _parent: list(self.chosen)
        editor.changed.connect(self._edited)
        qtbot.addWidget(editor)
        editor.show()
        self.qtbot = qtbot

    def _edited(self) -> None:
        self.answers[FIELD] = self.editor.value()
        self.keeper.changed()

    def attach(self, *paths: Path) -> None:
        """Press "Attach files…" with the keyboard and wait until every file has been handled."""
        self.chosen = [str(p) for p in paths]
        self.editor.add_button.setFocus()
        QTest.keyClick(self.editor.add_button, Qt.Key.Key_Space)
        self.qtbot.waitUntil(lambda: not self.editor.busy and not self.editor._queue, timeout=30_000)

    def status(self) -> str:
        return self.editor.status.text()
