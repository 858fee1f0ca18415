"""The body map drawn for the copy: outline paths and numbered marks in the PDF, an SVG for the HTML.

The PDF is read back with pypdf: the captions and numbers as text, the outline as path operators in
the page's content stream.
"""

from __future__ import annotations

import base64
import io
import re
import uuid
from datetime import UTC, datetime
from typing import Any
from xml.etree import ElementTree

import pypdf
from pypdf.generic import ContentStream
from reportlab.lib.pagesizes import A4
from reportlab.platypus import SimpleDocTemplate

from desktop.documents.bodymap_pdf import BodyMapFlowable
from desktop.documents.bodymap_svg import figure_img, figure_svg
from desktop.documents.figure import figure_block, mark_details
from desktop.documents.fonts import register_fonts
from desktop.documents.outline import Rows, build_outline
from desktop.domain.bodymap import BodyView, Figure, geometry
from desktop.domain.document import AgeBand
from desktop.domain.forms import load_form
from desktop.domain.observations import BodyMap, build_body_map
from desktop.domain.packs import national_pack
from desktop.domain.preview import build_preview

NAMES = {"colours": "Farve", "size": "Størrelse", "seen_on": "Set", "explained_by": "Forklaret af",
         "explanation": "Forklaring", "notes": "Andet"}
SVG = "{http://www.w3.org/2000/svg}"


def _body_map() -> BodyMap:
    marks = [
        {"id": "a", "view": "front", "x": 0.3, "y": 0.4, "region": "forearm_right", "kind": "bruise",
         "colours": ["blue_purple", "yellow"], "size": "3 × 4 cm", "seen_on": "2026-12-01",
         "explained_by": "child", "explanation": "»Jeg faldt ned ad trappen«", "notes": ""},
        {"id": "b", "view": "back", "x": 0.5, "y": 0.5, "region": "buttocks", "kind": "patterned",
         "colours": [], "size": "", "seen_on": "", "explained_by": "nobody", "explanation": "", "notes": ""},
    ]
    body_map = build_body_map(marks, AgeBand.AGE_6_12)
    assert body_map is not None
    return body_map


def _path_operators(pdf: bytes) -> int:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    page = reader.pages[0]
    stream = ContentStream(page.get_contents(), reader)
    return sum(1 for _operands, operator in stream.operations if operator in (b"l", b"m"))


def test_the_pdf_draws_both_outlines_with_numbered_marks_and_captions() -> None:
    register_fonts()
    figure = figure_block(_body_map(), "da", "Kropskort")
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build([BodyMapFlowable(figure, A4[0] - 144)])
    pdf = buffer.getvalue()
    text = pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert "Forfra" in text and "Bagfra" in text
    assert re.search(r"\b1\b", text) and re.search(r"\b2\b", text)
    # The outline is there as vector paths: every point of both views' outline rings.
    rings = geometry(Figure.SCHOOL_CHILD)
    points = sum(len(ring) for view in BodyView for ring in rings.view(view).outline)
    assert _path_operators(pdf) >= points


def test_the_figure_is_described_in_words_in_the_notifications_language() -> None:
    da = figure_block(_body_map(), "da", "Kropskort")
    assert da.caption == "Kropskort: Skolebarn (6–12 år)"
    assert da.description == ("1. Blåt mærke – Højre underarm (forfra); 2. Mærke med et mønster eller "
                              "aftryk, fx af en hånd eller en genstand – Balder (bagfra)")
    en = figure_block(_body_map(), "en", "Body map")
    assert en.description.startswith("1. Bruise – Right forearm (front)")
    title, rows = mark_details(_body_map(), "da", NAMES)[0]
    assert title == "1. Blåt mærke – Højre underarm (forfra)"
    assert dict(rows) == {"Farve": "Blå eller lilla, Gul", "Størrelse": "3 × 4 cm", "Set": "1. december 2026",
                          "Forklaret af": "Barnet", "Forklaring": "»Jeg faldt ned ad trappen«", "Andet": None}


def test_the_svg_has_both_outlines_a_dot_per_mark_and_escaped_text() -> None:
    figure = figure_block(_body_map(), "da", "Kropskort <&>")
    root = ElementTree.fromstring(figure_svg(figure))
    assert len(root.findall(f"{SVG}polygon")) >= 2
    assert len(root.findall(f"{SVG}circle")) == 2
    title = root.find(f"{SVG}title")
    assert title is not None and title.text is not None and "Kropskort <&>" in title.text
    img = figure_img(figure)
    encoded = re.search(r'src="data:image/svg\+xml;base64,([^"]+)"', img)
    assert encoded is not None and base64.b64decode(encoded.group(1)).decode() == figure_svg(figure)
    assert "&lt;&amp;&gt;" in img


def test_the_review_shows_a_mark_still_without_its_kind_as_a_gap_with_a_link(
        complete_answers: dict[str, Any]) -> None:
    now = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)
    answers = dict(complete_answers)
    answers["observations.has_marks"] = True
    answers["observations.body_map"] = [
        {"id": "a", "view": "front", "x": 0.5, "y": 0.3, "region": "chest", "kind": "bruise", "colours": []},
        {"id": "b", "view": "back", "x": 0.5, "y": 0.5, "region": "buttocks", "kind": None, "colours": []},
    ]
    result = build_preview(load_form(), national_pack(), answers, notification_id=str(uuid.uuid4()),
                           created_at=now, now=now, language="da")
    outline = build_outline(result.document, result.gaps)
    [section] = [s for s in outline.sections if s.title == "Mærker på kroppen"]
    # The finished mark is drawn and described; the other is a gap that leads to its kind.
    assert any(isinstance(b, Rows) and b.title == "1. Blåt mærke – Bryst (forfra)" for b in section.blocks)
    links = [row for b in section.blocks if isinstance(b, Rows) for row in b.rows if row.link]
    assert len(links) == 1
    gap = result.gaps[int((links[0].link or "").removeprefix("gap:"))]
    assert (gap.section_id, gap.field_path) == ("observations", "observations.body_map[1].kind")
