"""The municipality view shows what was carried beside the notification: each attachment checked
against its hash, pictures shown, PDFs named only (the demo municipality's side of issue 14)."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument
from pytestqt.qtbot import QtBot

from desktop.demo.intake import ReceivedNotification
from desktop.documents.sanitise import sanitise
from desktop.domain.observations import AttachmentRef
from desktop.ui.demo.municipality_view import MunicipalityView
from tests.support.attachments import a_pdf, jpeg_with_metadata
from tests.support.document import NOTIFICATION_ID, sample_document

RECEIVED = datetime(2026, 3, 3, 9, tzinfo=UTC)


def _ref(number: int, name: str, media_type: str, data: bytes) -> AttachmentRef:
    ext = {"image/jpeg": "jpg", "application/pdf": "pdf"}[media_type]
    return AttachmentRef(file=f"attachment-{number}.{ext}", name=name, media_type=media_type, size=len(data),
                         sha256=hashlib.sha256(data).hexdigest())


def test_received_attachments_are_listed_checked_and_pictures_shown(qtbot: QtBot) -> None:
    photo = sanitise("tavle.jpg", jpeg_with_metadata(80, 60)).data
    pdf = a_pdf("Fraværsoversigt for efteråret")
    refs = [_ref(1, "tavle.jpg", "image/jpeg", photo), _ref(2, "fravær.pdf", "application/pdf", pdf)]
    document = sample_document(attachments=refs)
    arrived = ReceivedNotification(1, NOTIFICATION_ID, "DEMO-2026-000001", RECEIVED, "F467 3F8A", True,
                                   document, None,
                                   attachments={"attachment-1.jpg": photo, "attachment-2.pdf": pdf})
    view = MunicipalityView(lambda: [arrived], "da")
    qtbot.addWidget(view)
    text = view.shown_text()
    assert "Bilag i forsendelsen" in text
    assert "tavle.jpg" in text and "fravær.pdf" in text
    assert text.count("Stemmer med kontrolsummen") == 2
    assert "kommunens eget program til PDF-filer" in text
    # The picture is in the view itself (from a data: URL, no file), the PDF is not rendered.
    html = view.content.toHtml()
    source = "data:image/jpeg;base64," + html.split("data:image/jpeg;base64,", 1)[1].split('"', 1)[0]
    shown = view.content.document().resource(QTextDocument.ResourceType.ImageResource, QUrl(source))
    assert shown is not None and not shown.isNull()
    assert "data:application/pdf" not in html


def test_an_attachment_that_did_not_arrive_intact_is_flagged(qtbot: QtBot) -> None:
    pdf = a_pdf()
    document = sample_document(attachments=[_ref(1, "brev.pdf", "application/pdf", pdf)])
    arrived = ReceivedNotification(1, NOTIFICATION_ID, "DEMO-2026-000002", RECEIVED, "F467 3F8A", True,
                                   document, None, attachments={})
    view = MunicipalityView(lambda: [arrived], "da")
    qtbot.addWidget(view)
    assert "Mangler eller stemmer IKKE med kontrolsummen" in view.shown_text()


def test_the_receipt_is_readable_by_a_screen_reader_not_only_its_heading(qtbot: QtBot) -> None:
    """The receipt block is a label named 'Kvittering'; a screen reader reads its name and description,
    so the description holds what the block shows (screen-reader review, finding 9)."""
    arrived = ReceivedNotification(1, NOTIFICATION_ID, "DEMO-2026-000003", RECEIVED, "F467 3F8A", True,
                                   sample_document(), None, attachments={})
    view = MunicipalityView(lambda: [arrived], "da")
    qtbot.addWidget(view)
    said = view.receipt.accessibleDescription()
    assert said.startswith("Receipt sent to the notifier.")  # (no translations installed here)
    assert "DEMO-2026-000003" in said and "F467 3F8A" in said and "signature: valid" in said
    assert "<" not in said  # words, not markup
