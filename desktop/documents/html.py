"""The printable copy as simple HTML, for printing from the app through Qt's rich text.

PySide6-Essentials has no PDF viewer module, so the app prints this HTML
(laid out by ``QTextDocument``) instead of the PDF. It is drawn from the same
outline as the PDF, so both show the same content in the same order. Only the
subset of HTML and CSS that ``QTextDocument`` understands is used. Every value
is escaped. Page numbers, the hash footer and the demo watermark are painted
per page by the printing code (``desktop.ui.documents``), not written here.

The colours and the base font size are paper's by default (printing); the
windows that show a document on screen pass their own (:class:`Colours` for a
dark or high-contrast theme, the system's font size).
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING

from desktop.documents.bodymap_svg import figure_img
from desktop.documents.figure import BodyMapFigure
from desktop.documents.outline import (
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

if TYPE_CHECKING:
    from desktop.domain.preview import NotificationPreview

@dataclass(frozen=True)
class Colours:
    """The colours a document is laid out in (paper's by default); ``text`` empty: the view's own."""

    accent: str = "#1d4e6f"
    muted: str = "#5f6b7a"
    panel: str = "#f3f6f9"
    quote_bg: str = "#eef4f1"
    quote_ink: str = "#1e4d3a"
    acute: str = "#a3261c"
    acute_bg: str = "#fcebe9"
    text: str = ""


PAPER = Colours()
#: The base font size on paper, in points; every other size is relative to it.
PAPER_PT = 10.0


@dataclass(frozen=True)
class _Style:
    colours: Colours
    base_pt: float

    def pt(self, paper_pt: float) -> str:
        return f"{paper_pt * self.base_pt / PAPER_PT:.1f}pt"

    @property
    def h3(self) -> str:
        return f' style="font-size:{self.pt(10.5)}; margin-top:8px; margin-bottom:2px;"'


_PAPER_STYLE = _Style(PAPER, PAPER_PT)


def _text(value: str) -> str:
    """Escaped text with line breaks kept."""
    return escape(value, quote=True).replace("\t", "    ").replace("\n", "<br/>")


def _paragraphs(value: str, style: str = "") -> str:
    parts = [part.strip("\n") for part in value.split("\n\n") if part.strip()]
    attribute = f' style="{style}"' if style else ""
    return "".join(f"<p{attribute}>{_text(part)}</p>" for part in parts)


def _value(row: Row, style: _Style) -> str:
    if row.link is not None:
        # A gap in the review page's preview: a link the page follows to the missing answer.
        link = escape(row.link, quote=True)
        return f'<a href="{link}" style="color:{style.colours.acute};"><b>{_text(row.value)}</b></a>'
    return f"<b>{_text(row.value)}</b>" if row.strong else _text(row.value)


def _rows(rows: list[Row], style: _Style, *, background: str | None = None) -> str:
    bg = f' bgcolor="{background}"' if background else ""
    cells = "".join(
        f'<tr><td width="32%" style="color:{style.colours.muted}; font-size:{style.pt(8.5)};">'
        f"{_text(row.label)}</td><td>{_value(row, style)}</td></tr>"
        for row in rows
    )
    return f'<table width="100%" cellspacing="0" cellpadding="3"{bg}>{cells}</table>'


def _block(block: Block, outline: Outline, style: _Style) -> str:
    c = style.colours
    if isinstance(block, Rows):
        title = f"<h3{style.h3}>{_text(block.title)}</h3>" if block.title else ""
        return title + (_rows(block.rows, style) if block.rows else "")
    if isinstance(block, Text):
        head = (f'<p style="color:{c.muted}; font-size:{style.pt(8.5)}; font-weight:bold; '
                f'margin-bottom:2px;">{_text(block.label)}</p>') if block.label else ""
        return head + _paragraphs(block.body)
    if isinstance(block, Quote):
        marked = f"»{block.body}«" if outline.language == "da" else f"“{block.body}”"
        return (
            f'<p style="color:{c.quote_ink}; font-size:{style.pt(8.5)}; font-weight:bold; '
            f'margin-bottom:0px;">{_text(block.label)}</p>'
            f'<p style="color:{c.muted}; font-size:{style.pt(8.5)}; margin-top:0px;">{_text(block.note)}</p>'
            f'<table width="100%" cellpadding="8" bgcolor="{c.quote_bg}"><tr>'
            f'<td style="color:{c.quote_ink};">{_paragraphs(marked)}</td></tr></table>'
        )
    if isinstance(block, SignalGroup):
        items = []
        for text, signal_id, acute in block.signals:
            mark = (f' <b style="color:{c.acute};">— {_text(outline.acute_signal_word)}</b>' if acute else "")
            items.append(f'<li>{_text(text)} <span style="color:{c.muted}; font-size:{style.pt(8.5)};">'
                         f"({_text(signal_id)})</span>{mark}</li>")
        return f"<h3{style.h3}>{_text(block.category)}</h3><ul>{''.join(items)}</ul>"
    if isinstance(block, Note):
        return f'<p style="color:{c.muted};">{_text(block.text)}</p>'
    if isinstance(block, BodyMapFigure):
        # An SVG picture (QTextDocument shows data: URLs); the marks follow in words.
        return (f'<p align="center">{figure_img(block)}<br/>'
                f'<span style="color:{c.muted}; font-size:{style.pt(8.5)};">'
                f"{_text(block.caption)}</span></p>")
    raise TypeError(f"unknown block {type(block).__name__}")


def _section(section: Section, outline: Outline, style: _Style) -> str:
    body = "".join(_block(block, outline, style) for block in section.blocks)
    return (f'<h2 style="color:{style.colours.accent}; font-size:{style.pt(13)}; margin-top:16px; '
            f'margin-bottom:6px;">{_text(section.title)}</h2>{body}')


def outline_html(outline: Outline, colours: Colours = PAPER, base_pt: float = PAPER_PT) -> str:
    """The body of the printable copy for an already built outline (in ``colours``, ``base_pt`` points)."""
    style = _Style(colours, base_pt) if (colours, base_pt) != (PAPER, PAPER_PT) else _PAPER_STYLE
    c = style.colours
    parts = [
        f'<h1 style="color:{c.accent}; font-size:{style.pt(20)}; margin-bottom:6px;">'
        f"{_text(outline.title)}</h1>",
        _rows(outline.heading_rows, style, background=c.panel),
    ]
    if outline.acute is not None:
        title, text = outline.acute
        parts.append(
            f'<table width="100%" cellpadding="8" bgcolor="{c.acute_bg}" style="margin-top:8px;"><tr>'
            f'<td style="color:{c.acute};"><b>{_text(title)}</b><br/>{_text(text)}</td></tr></table>'
        )
    if outline.corrects is not None:
        parts.append(f'<p style="color:{c.muted};">{_text(outline.corrects)}</p>')
    parts += [_section(section, outline, style) for section in outline.sections]
    ink = f" color:{c.text};" if c.text else ""
    return (
        f'<html lang="{outline.language}"><head><meta charset="utf-8"/>'
        f"<title>{_text(outline.metadata_title)}</title></head>"
        f'<body style="font-family:\'DejaVu Sans\'; font-size:{style.pt(PAPER_PT)};{ink}">'
        f'{"".join(parts)}</body></html>'
    )


def render_html(document: NotificationDocument, colours: Colours = PAPER, base_pt: float = PAPER_PT, *,
                finalised: bool = True) -> str:
    """The printable copy of ``document`` as escaped HTML, in the document's language (``finalised=False``:
    shown before it is finished, without a finishing time)."""
    return outline_html(build_outline(document, finalised=finalised), colours, base_pt)


def render_preview_html(preview: NotificationPreview, colours: Colours = PAPER,
                        base_pt: float = PAPER_PT) -> str:
    """A notification still being written, laid out like its copy, each gap a ``gap:<n>`` link."""
    return outline_html(build_outline(preview.document, preview.gaps, finalised=False), colours, base_pt)
