"""The printable copy as simple HTML, for printing from the app through Qt's rich text.

PySide6-Essentials has no PDF viewer module, so the app prints this HTML
(laid out by ``QTextDocument``) instead of the PDF. It is drawn from the same
outline as the PDF, so both show the same content in the same order. Only the
subset of HTML and CSS that ``QTextDocument`` understands is used. Every value
is escaped. Page numbers, the hash footer and the demo watermark are painted
per page by the printing code (``desktop.ui.documents``), not written here.
"""

from __future__ import annotations

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

ACCENT = "#1d4e6f"
MUTED = "#5f6b7a"
PANEL = "#f3f6f9"
QUOTE_BG = "#eef4f1"
QUOTE_INK = "#1e4d3a"
ACUTE = "#a3261c"
ACUTE_BG = "#fcebe9"
H3 = ' style="font-size:10.5pt; margin-top:8px; margin-bottom:2px;"'


def _text(value: str) -> str:
    """Escaped text with line breaks kept."""
    return escape(value, quote=True).replace("\t", "    ").replace("\n", "<br/>")


def _paragraphs(value: str, style: str = "") -> str:
    parts = [part.strip("\n") for part in value.split("\n\n") if part.strip()]
    attribute = f' style="{style}"' if style else ""
    return "".join(f"<p{attribute}>{_text(part)}</p>" for part in parts)


def _value(row: Row) -> str:
    if row.link is not None:
        # A gap in the review page's preview: a link the page follows to the missing answer.
        link = escape(row.link, quote=True)
        return f'<a href="{link}" style="color:{ACUTE};"><b>{_text(row.value)}</b></a>'
    return f"<b>{_text(row.value)}</b>" if row.strong else _text(row.value)


def _rows(rows: list[Row], *, background: str | None = None) -> str:
    bg = f' bgcolor="{background}"' if background else ""
    cells = "".join(
        f'<tr><td width="32%" style="color:{MUTED}; font-size:8.5pt;">{_text(row.label)}</td>'
        f"<td>{_value(row)}</td></tr>"
        for row in rows
    )
    return f'<table width="100%" cellspacing="0" cellpadding="3"{bg}>{cells}</table>'


def _block(block: Block, outline: Outline) -> str:
    if isinstance(block, Rows):
        title = f"<h3{H3}>{_text(block.title)}</h3>" if block.title else ""
        return title + (_rows(block.rows) if block.rows else "")
    if isinstance(block, Text):
        head = (f'<p style="color:{MUTED}; font-size:8.5pt; font-weight:bold; margin-bottom:2px;">'
                f"{_text(block.label)}</p>") if block.label else ""
        return head + _paragraphs(block.body)
    if isinstance(block, Quote):
        marked = f"»{block.body}«" if outline.language == "da" else f"“{block.body}”"
        return (
            f'<p style="color:{QUOTE_INK}; font-size:8.5pt; font-weight:bold; margin-bottom:0px;">'
            f"{_text(block.label)}</p>"
            f'<p style="color:{MUTED}; font-size:8.5pt; margin-top:0px;">{_text(block.note)}</p>'
            f'<table width="100%" cellpadding="8" bgcolor="{QUOTE_BG}"><tr><td style="color:{QUOTE_INK};">'
            f"{_paragraphs(marked)}</td></tr></table>"
        )
    if isinstance(block, SignalGroup):
        items = []
        for text, signal_id, acute in block.signals:
            mark = (f' <b style="color:{ACUTE};">— {_text(outline.acute_signal_word)}</b>' if acute else "")
            items.append(f'<li>{_text(text)} <span style="color:{MUTED}; font-size:8.5pt;">'
                         f"({_text(signal_id)})</span>{mark}</li>")
        return f"<h3{H3}>{_text(block.category)}</h3><ul>{''.join(items)}</ul>"
    if isinstance(block, Note):
        return f'<p style="color:{MUTED};">{_text(block.text)}</p>'
    if isinstance(block, BodyMapFigure):
        # An SVG picture (QTextDocument shows data: URLs); the marks follow in words.
        return (f'<p align="center">{figure_img(block)}<br/>'
                f'<span style="color:{MUTED}; font-size:8.5pt;">{_text(block.caption)}</span></p>')
    raise TypeError(f"unknown block {type(block).__name__}")


def _section(section: Section, outline: Outline) -> str:
    body = "".join(_block(block, outline) for block in section.blocks)
    return (f'<h2 style="color:{ACCENT}; font-size:13pt; margin-top:16px; margin-bottom:6px;">'
            f"{_text(section.title)}</h2>{body}")


def outline_html(outline: Outline) -> str:
    """The body of the printable copy for an already built outline."""
    parts = [
        f'<h1 style="color:{ACCENT}; font-size:20pt; margin-bottom:6px;">{_text(outline.title)}</h1>',
        _rows(outline.heading_rows, background=PANEL),
    ]
    if outline.acute is not None:
        title, text = outline.acute
        parts.append(
            f'<table width="100%" cellpadding="8" bgcolor="{ACUTE_BG}" style="margin-top:8px;"><tr>'
            f'<td style="color:{ACUTE};"><b>{_text(title)}</b><br/>{_text(text)}</td></tr></table>'
        )
    if outline.corrects is not None:
        parts.append(f'<p style="color:{MUTED};">{_text(outline.corrects)}</p>')
    parts += [_section(section, outline) for section in outline.sections]
    return (
        f'<html lang="{outline.language}"><head><meta charset="utf-8"/>'
        f"<title>{_text(outline.metadata_title)}</title></head>"
        f'<body style="font-family:\'DejaVu Sans\'; font-size:10pt;">{"".join(parts)}</body></html>'
    )


def render_html(document: NotificationDocument) -> str:
    """The printable copy of ``document`` as escaped HTML, in the document's language."""
    return outline_html(build_outline(document))


def render_preview_html(preview: NotificationPreview) -> str:
    """A notification still being written, laid out like its copy, each gap a ``gap:<n>`` link."""
    return outline_html(build_outline(preview.document, preview.gaps))
