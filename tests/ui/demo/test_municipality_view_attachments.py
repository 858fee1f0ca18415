"""The municipality view shows what was carried beside the notification: each attachment checked
against its hash, pictures shown, PDFs named only (the demo municipality's side of issue 14)."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from desktop.demo.intake import ReceivedNotification
from desktop.documents.sanitise import sanitise
from desktop.domain.observations import AttachmentRef
from desktop.ui.demo.municipality_view import MunicipalityView
from tests.support.accessibility import names
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
    [picture] = [part for part in view.content.body.part_widgets
                 if isinstance(part, QLabel) and "data:image/jpeg;base64," in part.text()]
    assert picture.heightForWidth(500) >= 60  # the 80 x 60 photo, drawn
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
    """The receipt block is a heading and one line per value, each named "label: value", so a screen
    reader reads every value (screen-reader review, finding 9: a label 'Kvittering' without text)."""
    arrived = ReceivedNotification(1, NOTIFICATION_ID, "DEMO-2026-000003", RECEIVED, "F467 3F8A", True,
                                   sample_document(), None, attachments={})
    view = MunicipalityView(lambda: [arrived], "da")
    qtbot.addWidget(view)
    view.show()
    # (no translations installed here)
    assert names(view.receipt, QAccessible.Role.Heading) == ["Confirmation of delivery sent to the notifier"]
    lines = names(view.receipt, QAccessible.Role.StaticText)
    assert "Reference: DEMO-2026-000003" in lines and "Sender's key: F467 3F8A" in lines
    assert "Sender's signature: valid" in lines
    assert all("<" not in line for line in lines)  # words, not markup
