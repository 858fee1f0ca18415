"""The PDF copy of a finalised notification, rendered in memory with reportlab.

The copy travels inside the envelope beside ``notification.json`` and is what
a caseworker prints. It is rendered entirely in memory (no file is written
anywhere), in the language the notification was written in, with page
numbers and the content hash on every page. Rendering is pure Python and
safe to run off the UI thread.
"""

from __future__ import annotations

import functools
from io import BytesIO
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import HRFlowable

from desktop.documents.bodymap_pdf import BodyMapFlowable
from desktop.documents.figure import BodyMapFigure
from desktop.documents.fonts import BOLD, REGULAR, register_fonts
from desktop.documents.formatting import content_hash
from desktop.documents.outline import (
    LONG_VALUE,
    Block,
    Note,
    Outline,
    Quote,
    Row,
    Rows,
    Section,
    SignalGroup,
    Text,
    build_outline,
)
from desktop.domain.document import NotificationDocument

__all__ = ["content_hash", "render_pdf"]

PRODUCER = "Underret"

MUTED_HEX = "#5f6b7a"
ACUTE_HEX = "#a3261c"
INK = colors.HexColor("#1f2933")
MUTED = colors.HexColor(MUTED_HEX)
ACCENT = colors.HexColor("#1d4e6f")
RULE = colors.HexColor("#cfd6de")
FAINT_RULE = colors.HexColor("#e6eaef")
PANEL = colors.HexColor("#f3f6f9")
QUOTE_BG = colors.HexColor("#eef4f1")
QUOTE_INK = colors.HexColor("#1e4d3a")
ACUTE = colors.HexColor(ACUTE_HEX)
ACUTE_BG = colors.HexColor("#fcebe9")
WATERMARK = colors.HexColor("#9aa5b1")

MARGIN_X = 20 * mm
MARGIN_TOP = 18 * mm
MARGIN_BOTTOM = 22 * mm
LABEL_COLUMN = 52 * mm
#: Text longer than this is never bound to the next flowable (keepWithNext): re-fitting a
#: page-long block page after page makes layout quadratic.
KEEP_LIMIT = 240
FRAME_PADDING = 6  # platypus' default padding inside the page frame


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("body", fontName=REGULAR, fontSize=10, leading=14.5, textColor=INK,
                          alignment=TA_LEFT, splitLongWords=1)
    return {
        "body": base,
        "text": ParagraphStyle("text", parent=base, spaceAfter=1.8 * mm),
        "title": ParagraphStyle("title", parent=base, fontName=BOLD, fontSize=22, leading=26,
                                textColor=ACCENT, spaceAfter=2 * mm),
        "h1": ParagraphStyle("h1", parent=base, fontName=BOLD, fontSize=13, leading=16,
                             textColor=ACCENT, spaceBefore=6 * mm, spaceAfter=1.2 * mm, keepWithNext=1),
        "h2": ParagraphStyle("h2", parent=base, fontName=BOLD, fontSize=10.5, leading=14,
                             spaceBefore=3.5 * mm, spaceAfter=1 * mm, keepWithNext=1),
        "h2_free": ParagraphStyle("h2_free", parent=base, fontName=BOLD, fontSize=10.5, leading=14,
                                  spaceBefore=3.5 * mm, spaceAfter=1 * mm),
        "label": ParagraphStyle("label", parent=base, fontSize=8.5, leading=12, textColor=MUTED),
        "text_label": ParagraphStyle("text_label", parent=base, fontName=BOLD, fontSize=8.5, leading=12,
                                     textColor=MUTED, spaceBefore=2.5 * mm, spaceAfter=0.5 * mm),
        "note": ParagraphStyle("note", parent=base, fontSize=9, leading=13, textColor=MUTED,
                               spaceAfter=1.5 * mm),
        "bullet": ParagraphStyle("bullet", parent=base, leftIndent=5 * mm, bulletIndent=1.5 * mm,
                                 bulletFontName=REGULAR, spaceAfter=0.6 * mm),
        "bullet_kept": ParagraphStyle("bullet_kept", parent=base, leftIndent=5 * mm, bulletIndent=1.5 * mm,
                                      bulletFontName=REGULAR, spaceAfter=0.6 * mm, keepWithNext=1),
        "quote": ParagraphStyle("quote", parent=base, fontSize=10.5, leading=15.5, textColor=QUOTE_INK,
                                leftIndent=8 * mm, rightIndent=4 * mm, backColor=QUOTE_BG,
                                borderPadding=(2.5 * mm, 3 * mm, 2.5 * mm, 3 * mm), spaceBefore=1.5 * mm,
                                spaceAfter=2.5 * mm),
        "quote_label": ParagraphStyle("quote_label", parent=base, fontName=BOLD, fontSize=8.5,
                                      leading=12, textColor=QUOTE_INK, leftIndent=5 * mm,
                                      spaceBefore=3 * mm, keepWithNext=1),
        "quote_note": ParagraphStyle("quote_note", parent=base, fontSize=8.5, leading=12,
                                     textColor=MUTED, leftIndent=5 * mm, spaceAfter=2.5 * mm),
        "acute_title": ParagraphStyle("acute_title", parent=base, fontName=BOLD, fontSize=12, leading=15,
                                      textColor=ACUTE),
        "acute_text": ParagraphStyle("acute_text", parent=base, textColor=ACUTE),
        "footer": ParagraphStyle("footer", parent=base, fontSize=7.5, leading=9, textColor=MUTED),
    }


def _markup(text: str) -> str:
    """Text escaped for reportlab's paragraph markup; single line breaks kept."""
    return escape(text.replace("\t", "    ")).replace("\n", "<br/>")


def _paragraphs(text: str, style: ParagraphStyle) -> list[Flowable]:
    """One Paragraph per blank-line-separated part, so long texts break cleanly across pages."""
    parts = [part.strip("\n") for part in text.split("\n\n")]
    return [Paragraph(_markup(part), style) for part in parts if part.strip()] or [Paragraph("", style)]


def _quote_marks(language: str, text: str) -> str:
    return f"»{text}«" if language == "da" else f"“{text}”"


class _Renderer:
    """Turns an :class:`Outline` into platypus flowables."""

    def __init__(self, outline: Outline) -> None:
        self.outline = outline
        self.s = _styles()
        self.width = A4[0] - 2 * MARGIN_X - 2 * FRAME_PADDING

    def story(self) -> list[Flowable]:
        story: list[Flowable] = [Paragraph(_markup(self.outline.title), self.s["title"])]
        story += self._tables(self.outline.heading_rows, panel=True)
        if self.outline.acute is not None:
            story += [Spacer(1, 4 * mm), self._acute_banner(*self.outline.acute)]
        if self.outline.corrects is not None:
            story += [Spacer(1, 4 * mm), self._corrects_banner(self.outline.corrects)]
        for section in self.outline.sections:
            story += self._section(section)
        return story

    def _section(self, section: Section) -> list[Flowable]:
        rule = HRFlowable(width="100%", thickness=0.8, color=RULE, spaceBefore=0, spaceAfter=2 * mm)
        rule.keepWithNext = 1
        heading = [Paragraph(_markup(section.title), self.s["h1"]), rule]
        body: list[Flowable] = []
        for index, block in enumerate(section.blocks):
            if index and isinstance(block, Text | Quote):
                # Room for a label and a few lines, without binding a long text to its label:
                # keepWithNext would push a text longer than a page to the next page whole.
                body.append(CondPageBreak(22 * mm))
            body += self._block(block)
        # Keep a heading with the start of what follows it.
        return [CondPageBreak(30 * mm), *heading, *body]

    def _block(self, block: Block) -> list[Flowable]:
        if isinstance(block, Rows):
            out: list[Flowable] = []
            if block.title:
                out.append(Paragraph(_markup(block.title), self._title_style(block.title)))
            if block.rows:
                tables = self._tables(block.rows)
                tables[0].spaceBefore = 1 * mm
                out += tables
            return out
        if isinstance(block, Text):
            head = [Paragraph(_markup(block.label), self.s["text_label"])] if block.label else []
            return head + _paragraphs(block.body, self.s["text"])
        if isinstance(block, Quote):
            marked = _quote_marks(self.outline.language, block.body)
            return [
                Paragraph(_markup(block.label), self.s["quote_label"]),
                Paragraph(_markup(block.note), self.s["quote_note"]),
                *_paragraphs(marked, self.s["quote"]),
            ]
        if isinstance(block, SignalGroup):
            return self._signal_group(block)
        if isinstance(block, Note):
            return [Paragraph(_markup(block.text), self.s["note"])]
        if isinstance(block, BodyMapFigure):
            return [BodyMapFlowable(block, self.width)]
        raise TypeError(f"unknown block {type(block).__name__}")

    def _title_style(self, title: str) -> ParagraphStyle:
        """The sub-heading style; an absurdly long title is not bound to what follows it."""
        return self.s["h2"] if len(title) <= KEEP_LIMIT else self.s["h2_free"]

    def _signal_group(self, group: SignalGroup) -> list[Flowable]:
        acute_word = self.outline.acute_signal_word
        out: list[Flowable] = [Paragraph(_markup(group.category), self._title_style(group.category))]
        keep = all(len(text) <= KEEP_LIMIT for text, _id, _acute in group.signals)
        for number, (text, signal_id, acute) in enumerate(group.signals, start=1):
            line = _markup(text) + f' <font size="8" color="{MUTED_HEX}">({_markup(signal_id)})</font>'
            if acute:
                line += f' <font name="{BOLD}" color="{ACUTE_HEX}">— {_markup(acute_word)}</font>'
            # A category's list is kept on one page (chained with keepWithNext).
            kept = keep and number < len(group.signals)
            style = self.s["bullet_kept"] if kept else self.s["bullet"]
            out.append(Paragraph(line, style, bulletText="•"))
        return out

    def _tables(self, rows: list[Row], *, panel: bool = False) -> list[Flowable]:
        """Short values in label/value tables; a long value as a labelled text between them.

        A table row cannot break across pages, so a value that might be taller
        than a page never goes into a table cell.
        """
        out: list[Flowable] = []
        pending: list[Row] = []
        for row in rows:
            if len(row.value) <= LONG_VALUE and "\n" not in row.value:
                pending.append(row)
                continue
            if pending:
                out.append(self._table(pending, panel=panel))
                pending = []
            out.append(Paragraph(_markup(row.label), self.s["text_label"]))
            out += _paragraphs(row.value, self.s["text"])
        if pending:
            out.append(self._table(pending, panel=panel))
        return out

    def _table(self, rows: list[Row], *, panel: bool = False) -> Table:
        data = [
            [Paragraph(_markup(row.label), self.s["label"]),
             Paragraph(f"<b>{_markup(row.value)}</b>" if row.strong else _markup(row.value), self.s["body"])]
            for row in rows
        ]
        table = Table(data, colWidths=[LABEL_COLUMN, self.width - LABEL_COLUMN], hAlign="LEFT")
        commands: list[tuple[Any, ...]] = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (0, -1), 3 * mm),
            ("TOPPADDING", (0, 0), (-1, -1), 2.2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ("LINEBELOW", (0, 0), (-1, -2), 0.4, FAINT_RULE),
            # Lines the smaller label up with the value's first baseline.
            ("TOPPADDING", (0, 0), (0, -1), 3.0),
        ]
        if panel:
            commands += [
                ("BACKGROUND", (0, 0), (-1, -1), PANEL),
                ("LEFTPADDING", (0, 0), (0, -1), 3 * mm),
                ("TOPPADDING", (1, 0), (1, 0), 2.5 * mm),
                ("TOPPADDING", (0, 0), (0, 0), 2.5 * mm + 0.8),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 2.5 * mm),
                ("LINEBELOW", (0, 0), (-1, -2), 0.4, colors.white),
            ]
        table.setStyle(TableStyle(commands))
        return table

    def _corrects_banner(self, text: str) -> Table:
        banner = Table([[Paragraph(_markup(text), self.s["body"])]], colWidths=[self.width], hAlign="LEFT")
        banner.setStyle(TableStyle([
            ("BACKGROUND", (0, 0), (-1, -1), PANEL),
            ("LINEBEFORE", (0, 0), (0, -1), 3, ACCENT),
            ("LEFTPADDING", (0, 0), (-1, -1), 4 * mm),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5 * mm),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5 * mm),
        ]))
        return banner

    def _acute_banner(self, title: str, text: str) -> Table:
        cell = [
            Paragraph(_markup(title), self.s["acute_title"]),
            Paragraph(_markup(text), self.s["acute_text"]),
        ]
        banner = Table([[cell]], colWidths=[self.width], hAlign="LEFT")
        banner.setStyle(TableStyle([
            ("BACKGROUND", (0, 0), (-1, -1), ACUTE_BG),
            ("LINEBEFORE", (0, 0), (0, -1), 3, ACUTE),
            ("LEFTPADDING", (0, 0), (-1, -1), 4 * mm),
            ("TOPPADDING", (0, 0), (-1, -1), 3 * mm),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3 * mm),
        ]))
        return banner


class _PageFurniture(Canvas):  # type: ignore[misc]
    """A canvas that adds the footer (page X of Y, hash) once the page count is known.

    Pages are held back until ``save`` so the total is known. The demo
    watermark is drawn last, over the page (translucent), so no coloured panel
    can hide it.
    """

    def __init__(self, *args: Any, outline: Outline, demo: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._outline = outline
        self._demo = demo
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self._footer(number, total)
            if self._demo:
                self._watermark(self._outline.watermark)
            super().showPage()
        super().save()

    def _footer(self, page: int, pages: int) -> None:
        width, _ = A4
        left, right = MARGIN_X + FRAME_PADDING, width - MARGIN_X - FRAME_PADDING
        y = MARGIN_BOTTOM - 10 * mm
        self.saveState()
        self.setStrokeColor(RULE)
        self.setLineWidth(0.5)
        self.line(left, y + 4 * mm, right, y + 4 * mm)
        self.setFillColor(MUTED)
        self.setFont(REGULAR, 7.5)
        self.drawString(left, y, self._outline.footer_left)
        self.drawRightString(right, y, self._outline.page_of(page, pages))
        self.restoreState()

    def _watermark(self, text: str) -> None:
        width, height = A4
        self.saveState()
        self.setFillColor(WATERMARK)
        self.setFillAlpha(0.2)
        self.setFont(BOLD, 46)
        self.translate(width / 2, height / 2)
        self.rotate(54.7)  # along the page's diagonal
        self.drawCentredString(0, -16, text)
        self.restoreState()


def render_pdf(document: NotificationDocument, *, demo: bool = False) -> bytes:
    """The printable A4 copy of ``document`` as PDF bytes, in the document's language.

    Nothing is written to disk. ``demo`` adds a diagonal "DEMO — fictitious
    data" watermark to every page. The PDF's title holds only the short
    reference (never the child's name or CPR number); its subject holds the
    full SHA-256 of ``notification.json``.
    """
    register_fonts()
    outline = build_outline(document)
    buffer = BytesIO()
    template = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=f"{outline.metadata_title} (DEMO)" if demo else outline.metadata_title,
        author=PRODUCER,
        subject=f"SHA-256 {outline.full_hash}",
        keywords=f"underret, {outline.full_hash}",
        creator=PRODUCER,
        producer=PRODUCER,
        lang=document.language,
        invariant=True,  # the same document renders to the same bytes
        displayDocTitle=True,
    )
    template.build(
        _Renderer(outline).story(),
        canvasmaker=functools.partial(_PageFurniture, outline=outline, demo=demo),
    )
    return buffer.getvalue()
