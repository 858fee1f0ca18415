"""The attachments as the municipality receives them: checked against their hashes, pictures shown."""

from __future__ import annotations

import hashlib

from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QPixmap, QTextDocument
from PySide6.QtWidgets import QApplication

from desktop.documents.attachment_listing import kind_and_size, received_html
from desktop.documents.sanitise import sanitise
from desktop.domain.observations import build_attachments
from tests.support.attachments import a_pdf, jpeg_with_metadata


def _entry(name: str, data: bytes, media_type: str) -> dict[str, object]:
    return {"id": "0" * 32, "name": name, "media_type": media_type, "size": len(data),
            "sha256": hashlib.sha256(data).hexdigest()}


def test_received_files_are_checked_and_pictures_shown(qapp: QApplication) -> None:
    photo = sanitise("tavle <foto>.jpg", jpeg_with_metadata()).data
    pdf = a_pdf()
    refs = build_attachments([_entry("tavle <foto>.jpg", photo, "image/jpeg"),
                              _entry("fravær.pdf", pdf, "application/pdf"),
                              _entry("brev.pdf", b"%PDF-1.7 other", "application/pdf")])
    html = received_html(refs, {"attachment-1.jpg": photo, "attachment-2.pdf": pdf,
                                "attachment-3.pdf": b"%PDF-1.7 changed"}, "da")
    assert "tavle &lt;foto&gt;.jpg" in html and "<foto>" not in html
    assert html.count("Stemmer med kontrolsummen") == 2
    assert html.count("stemmer IKKE med kontrolsummen") == 1
    assert "kommunens eget program til PDF-filer" in html
    assert kind_and_size(refs[1], "da") == f"PDF-dokument, {max(1, round(len(pdf) / 1024))} kB"
    # Qt's rich text shows the picture from the data: URL (the view needs no file).
    document = QTextDocument()
    document.setHtml(html)
    source = html.split('src="', 1)[1].split('"', 1)[0]
    image = document.resource(QTextDocument.ResourceType.ImageResource, QUrl(source))
    assert isinstance(image, QPixmap | QImage) and not image.isNull()
    assert image.width() == 64


def test_no_attachments_say_so_in_english(qapp: QApplication) -> None:
    assert "No attachments." in received_html([], {}, "en")
