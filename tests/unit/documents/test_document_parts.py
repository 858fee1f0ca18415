"""A document's HTML cut into the parts a screen reader meets (desktop/ui/document_parts.py, pure Python):
each part says its text in words without QTextDocument's private separators, a table row reads
"Label: value", a gap's link keeps its target, and every part keeps the look of its piece of HTML."""

from __future__ import annotations

from desktop.documents.html import render_html, render_preview_html
from desktop.domain.document import NotificationDocument
from desktop.domain.preview import Gap, NotificationPreview
from desktop.ui.document_parts import Kind, parse, serialise, split_html, split_plain_text, text_of


def test_every_part_of_a_notification_is_words_and_keeps_its_html(
    rich_document: NotificationDocument,
) -> None:
    parts, body_style = split_html(render_html(rich_document))
    assert "font-size" in body_style  # each part is laid out in the document's fonts
    assert all(part.text and "\ufdd0" not in part.text and "\ufdd1" not in part.text for part in parts)
    assert all("<" not in part.text for part in parts)  # words, never markup
    kinds = {part.kind for part in parts}
    assert {Kind.HEADING, Kind.ROW, Kind.ITEM, Kind.PARAGRAPH, Kind.BOX} <= kinds
    headings = [(part.level, part.text) for part in parts if part.kind is Kind.HEADING]
    assert headings[0] == (1, "Underretning") and (2, "Barnet") in headings
    rows = [part.text for part in parts if part.kind is Kind.ROW]
    assert "CPR-nummer: 010117-4321" in rows
    # A row keeps the copy's look: its own one-row table, the label cell's grey small type included.
    row = next(part for part in parts if part.text == "CPR-nummer: 010117-4321")
    assert row.html.startswith("<table") and 'width="32%"' in row.html and "margin-top:0px" in row.html
    # Rows of one table are one group (shown without space between them); headings have the copy's margins.
    child = [part.group for part in parts if part.text.startswith(("Navn: Åse", "CPR-nummer: 010117"))]
    assert len(child) == 2 and len(set(child)) == 1
    assert next(part for part in parts if part.text == "Barnet").margins == (16, 6)


def test_a_gap_is_a_link_row_with_its_target(rich_document: NotificationDocument) -> None:
    gap = Gap(section_id="notifier", field_path="notifier.phone", message_id="field.required",
              part="notifier.phone", page_title="Om dig", field_label="Telefon")
    parts, _style = split_html(render_preview_html(NotificationPreview(rich_document, (gap,))))
    [link_row] = [part for part in parts if part.kind is Kind.LINK_ROW]
    assert link_row.link is not None and link_row.link.href == "gap:0"
    assert link_row.link.text == "Ikke udfyldt endnu – gå til siden »Om dig«"
    assert link_row.text == f"{link_row.label}: {link_row.link.text}"  # the row's label: "Telefon (arbejde)"


def test_text_of_reads_like_a_browser() -> None:
    assert text_of(parse("<p>Two\n   words<br/>and a line</p>")) == "Two words\nand a line"
    assert text_of(parse("<table><tr><td>Navn</td><td><b>Åse</b></td></tr></table>")) == "Navn: Åse"
    assert text_of(parse('<p><img src="x.png" alt="Tegningen"/> Forklaring</p>')) == "Tegningen Forklaring"
    assert text_of(parse("<p>A\ufdd0B</p>")) == "AB"


def test_unclosed_paragraphs_and_items_end_where_the_next_begins() -> None:
    parts, _style = split_html("<body><p>Et<p>To<ul><li>a<li>b</ul></body>")
    assert [(part.kind, part.text) for part in parts] == [
        (Kind.PARAGRAPH, "Et"), (Kind.PARAGRAPH, "To"), (Kind.ITEM, "a"), (Kind.ITEM, "b")]


def test_serialise_escapes_text_and_attributes() -> None:
    html = '<p title="a&quot;b">1 &lt; 2 &amp; 3</p>'
    assert serialise(parse(html)) == html


def test_plain_text_is_paragraphs_with_their_line_breaks() -> None:
    parts = split_plain_text("Titel\n\nLinje et\nlinje to\n\n\n<ikke markup>")
    assert [part.text for part in parts] == ["Titel", "Linje et\nlinje to", "<ikke markup>"]
    assert "&lt;ikke markup&gt;" in parts[2].html and "<br/>" in parts[1].html


def test_a_numbered_list_keeps_its_numbers_when_cut_into_items() -> None:
    parts, _style = split_html("<ol><li>Ring</li><li>Skriv</li><li>Send</li></ol>")
    assert [part.text for part in parts] == ["Ring", "Skriv", "Send"]
    assert ['start="1"' in parts[0].html, 'start="3"' in parts[2].html] == [True, True]
