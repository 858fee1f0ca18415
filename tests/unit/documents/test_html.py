"""The HTML the app prints from: same content as the PDF, every value escaped."""

from __future__ import annotations

import html
import re

from desktop.documents.html import render_html
from desktop.domain.document import NotificationDocument
from tests.support.document import every_value


def _visible_text(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", markup))


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_printable_html_shows_every_value_the_notifier_wrote(
    rich_document: NotificationDocument
) -> None:
    text = _squeeze(_visible_text(render_html(rich_document)))
    missing = [value for value in every_value(rich_document) if _squeeze(value) not in text]
    assert missing == []


def test_markup_in_a_notification_is_shown_as_text_not_obeyed(rich_document: NotificationDocument) -> None:
    hostile = '<script>alert(1)</script><img src="x"> & <b>fed</b>'
    concern = rich_document.concern.model_copy(update={"observations": hostile, "child_words": hostile})
    markup = render_html(rich_document.model_copy(update={"concern": concern}))
    assert "<script>" not in markup and '<img src="x">' not in markup and "<b>fed" not in markup
    assert "&lt;script&gt;" in markup
    assert hostile in _visible_text(markup)


def test_printable_html_is_in_the_notifications_language(rich_document: NotificationDocument) -> None:
    english = _visible_text(render_html(rich_document.model_copy(update={"language": "en"})))
    assert "The child's own words" in english and "Barnets egne ord" not in english
    danish = _visible_text(render_html(rich_document))
    assert "Barnets egne ord" in danish


def test_the_review_page_s_copy_puts_the_hashes_in_the_municipality_s_section_last(
        rich_document: NotificationDocument) -> None:
    from desktop.documents.pdf import content_hash

    text = _squeeze(_visible_text(render_html(rich_document)))
    heading = _squeeze("Teknisk kontrol (til kommunen)")
    before, after = text.split(heading, 1)
    full = content_hash(rich_document)
    assert full in after and rich_document.attachments[0].sha256 in after
    assert full not in before and "SHA-256" not in before
    assert rich_document.attachments[0].sha256 not in before
    assert "Dette afsnit er til kommunen." in _visible_text(render_html(rich_document))
