"""The caseworker sees what came with the notification: each attachment named and checked against the
checksum the notifier's app wrote into notification.json, pictures shown in the notification.

A picture the notifier attached (a photo of a bruise, a drawing) is part of what the municipality must
assess within 24 hours; before, the desk listed it nowhere, and only a hand-over folder held it.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date, timedelta

from pytestqt.qtbot import QtBot

from desktop.desk.received import from_document
from desktop.desk.store.received import IncomingNotification
from desktop.desk.store.vault import DeskVault
from desktop.ui.desk.context import DeskContext
from desktop.ui.desk.notification_window import NotificationWindow
from tests.support.desk import document_about, fictitious_cpr
from tests.ui.desk.conftest import NOW


def _png() -> bytes:
    """A small real PNG picture (Pillow, as the app's own attachment tests make them)."""
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (40, 30), (192, 57, 43)).save(out, "PNG")
    return out.getvalue()


def _with_attachments(vault: DeskVault, files: dict[str, bytes], listed: dict[str, bytes]) -> str:
    """A notification listing ``listed`` (name -> bytes the app hashed) and carrying ``files``."""
    birth = date(2019, 5, 6)
    document = document_about(name="Liva Ærø", cpr=fictitious_cpr(birth, 7), birth=birth)
    document["attachments"] = [
        {"file": name, "name": f"billede {n + 1}.png", "media_type": "image/png", "size": len(data),
         "sha256": hashlib.sha256(data).hexdigest()} for n, (name, data) in enumerate(listed.items())]
    facts = from_document(document, reference="AERO-2026-000077", received_at=NOW - timedelta(hours=1))
    kept = {"notification.json": json.dumps(document, ensure_ascii=False).encode("utf-8"),
            "notification.pdf": b"%PDF-1.7 copy"} | files
    vault.received.add_many([IncomingNotification(facts, 77, kept, "aero-2026", "AB12 CD34", "00" * 32)])
    return facts.notification_id


def test_an_attached_picture_is_shown_and_checked_and_a_changed_one_is_said_to_be(
        context: DeskContext, desk_vault: DeskVault, qtbot: QtBot) -> None:
    picture = _png()
    nid = _with_attachments(desk_vault, {"attachment-1.png": picture, "attachment-2.png": picture},
                            {"attachment-1.png": picture, "attachment-2.png": picture + b"changed"})
    window = NotificationWindow(context, nid)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: "Liva Ærø" in window.document.toPlainText(), timeout=10000)
    text = window.document.toPlainText()
    assert "Bilag i forsendelsen" in text
    assert "billede 1.png" in text and "billede 2.png" in text
    assert text.count("Stemmer med kontrolsummen") == 1
    assert text.count("Mangler eller stemmer IKKE med kontrolsummen") == 1
    # The intact picture is in the document as an image; the changed one is not shown.
    assert window.document.toHtml().count('<img src="data:image/png;base64,') == 1  # (the body map is svg)
