"""A document's HTML cut into the parts a reader moves through: headings, paragraphs, list items,
labelled values, boxes and links.

The screens that show a notification, a case story or feedback get their text as the same small
subset of HTML that printing lays out (:mod:`desktop.documents.html`). Shown whole in one rich-text
view, a screen reader got it as one flat label, its tables and frames marked by private separator
characters (U+FDD0/U+FDD1). :func:`split_html` instead returns one :class:`Part` per thing a reader
meets, each with its own small piece of the same HTML (so it looks as before) and its text in words:
a table row is "Label: value", a list item its words, a heading its title. Pure Python, no Qt.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from enum import Enum
from html import escape
from html.parser import HTMLParser

#: Elements without content or end tag.
_VOID = frozenset({"br", "img", "meta", "hr", "col", "link", "input", "wbr"})
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_BLOCKS = frozenset({"p", "div", "li", "tr", "td", "th", "ul", "ol", "table", "blockquote", "pre",
                     *_HEADINGS})
#: Qt's rich text margins (px, top and bottom) for elements without their own.
_DEFAULT_MARGINS = {"h1": (18, 12), "h2": (16, 12), "h3": (14, 12), "h4": (12, 12), "h5": (12, 4),
                    "h6": (12, 4), "p": (12, 12), "ul": (12, 12), "ol": (12, 12), "pre": (12, 12),
                    "blockquote": (12, 12)}
#: The characters QTextDocument marks frames and tables with; never in a part's text.
PRIVATE_SEPARATORS = ("\ufdd0", "\ufdd1")


@dataclass
class Node:
    """An element (``tag`` with ``attrs`` and ``children``) of the parsed HTML."""

    tag: str
    attrs: list[tuple[str, str | None]] = field(default_factory=list)
    children: list[Node | str] = field(default_factory=list)

    def attr(self, name: str) -> str | None:
        return next((value for key, value in self.attrs if key == name), None)

    def elements(self) -> list[Node]:
        return [child for child in self.children if isinstance(child, Node)]

    def find(self, tag: str) -> Node | None:
        """The first element ``tag`` inside (depth first), or None."""
        for child in self.elements():
            if child.tag == tag:
                return child
            found = child.find(tag)
            if found is not None:
                return found
        return None


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root")
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # A new paragraph or item closes an open one (HTML's implied end tags).
        if tag in ("p", "li", *_HEADINGS, "table", "ul", "ol") and self.stack[-1].tag == "p":
            self.stack.pop()
        if tag == "li" and self.stack[-1].tag == "li":
            self.stack.pop()
        node = Node(tag, list(attrs))
        self.stack[-1].children.append(node)
        if tag not in _VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Node(tag, list(attrs)))

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(html: str) -> Node:
    """``html`` as a tree of :class:`Node` (tolerant, like a browser)."""
    builder = _Builder()
    builder.feed(html)
    builder.close()
    return builder.root


def serialise(node: Node | str) -> str:
    """``node`` back as HTML (text escaped)."""
    if isinstance(node, str):
        return escape(node, quote=False)
    attrs = "".join(f' {key}="{escape(value, quote=True)}"' if value is not None else f" {key}"
                    for key, value in node.attrs)
    if node.tag in _VOID:
        return f"<{node.tag}{attrs}/>"
    inner = "".join(serialise(child) for child in node.children)
    return inner if node.tag.startswith("#") else f"<{node.tag}{attrs}>{inner}</{node.tag}>"


_SPACE = re.compile(r"[ \t\r\n\f\v]+")


def text_of(node: Node | str) -> str:
    """What ``node`` says in words: whitespace collapsed as HTML does, ``<br>`` and blocks as new
    lines, table cells as ": " between label and value, a picture by its alternative text."""
    pieces: list[str] = []

    def walk(item: Node | str) -> None:
        if isinstance(item, str):
            pieces.append(_SPACE.sub(" ", item))
            return
        if item.tag in ("head", "style", "script", "title"):
            return
        if item.tag == "br":
            pieces.append("\n")
        elif item.tag == "img":
            pieces.append(item.attr("alt") or "")
        elif item.tag in ("td", "th") and pieces and not pieces[-1].endswith("\n"):
            pieces.append(": " if pieces[-1].strip() else "")
        elif item.tag in _BLOCKS:
            pieces.append("\n")
        for child in item.children:
            walk(child)
        if item.tag in _BLOCKS and item.tag not in ("td", "th"):
            pieces.append("\n")

    walk(node)
    lines = (" ".join(line.split()) for line in "".join(pieces).split("\n"))
    text = "\n".join(line for line in lines if line)
    return _strip_private(text)


def _strip_private(text: str) -> str:
    for separator in PRIVATE_SEPARATORS:
        text = text.replace(separator, "")
    return text


class Kind(Enum):
    """What a part is to a reader."""

    HEADING = "heading"
    PARAGRAPH = "paragraph"
    ITEM = "item"  # one list item
    ROW = "row"  # a labelled value: "Label: value"
    BOX = "box"  # a framed text (the child's own words, the acute notice)
    LINK_ROW = "link_row"  # a labelled value that is a link (a gap in the review's copy)


@dataclass(frozen=True)
class Link:
    """A link's target and what it shows (as HTML without the ``<a>``, and in words)."""

    href: str
    html: str
    text: str


@dataclass(frozen=True)
class Part:
    """One thing a reader meets, in reading order.

    ``html``: the part alone, laid out as in the whole document; ``text``: the part in words;
    ``level``: a heading's level; ``margins``: space above and below (px) that the document would
    have put around it; ``group``: parts with the same group number belong to one list or table
    (shown without space between them); ``label``/``link``/``background``: a link row's pieces.
    """

    kind: Kind
    html: str
    text: str
    level: int = 0
    margins: tuple[int, int] = (0, 0)
    group: int = 0
    label: str = ""
    label_html: str = ""
    link: Link | None = None
    background: str | None = None


def _margins(node: Node) -> tuple[int, int]:
    """The element's top and bottom margin: its own style's, else Qt's default for the tag."""
    top, bottom = _DEFAULT_MARGINS.get(node.tag, (0, 0))
    style = node.attr("style") or ""
    for name, value in re.findall(r"margin-(top|bottom)\s*:\s*(-?\d+)px", style):
        if name == "top":
            top = int(value)
        else:
            bottom = int(value)
    return top, bottom


def _without_margins(node: Node) -> Node:
    """A copy of ``node`` whose own vertical margins are zero (the parts' layout puts the space)."""
    style = (node.attr("style") or "").strip()
    if style and not style.endswith(";"):
        style += ";"
    attrs = [(key, value) for key, value in node.attrs if key != "style"]
    attrs.append(("style", f"{style} margin-top:0px; margin-bottom:0px;".strip()))
    return Node(node.tag, attrs, node.children)


def _shell(node: Node, children: list[Node | str]) -> Node:
    """``node`` with other children (a table with one of its rows)."""
    return Node(node.tag, node.attrs, children)


def _rows(table: Node) -> list[Node]:
    rows: list[Node] = []
    for child in table.elements():
        if child.tag == "tr":
            rows.append(child)
        elif child.tag in ("tbody", "thead", "tfoot"):
            rows += [row for row in child.elements() if row.tag == "tr"]
    return rows


class _Splitter:
    def __init__(self) -> None:
        self.parts: list[Part] = []
        self.group = 0

    def add(self, kind: Kind, node: Node, level: int = 0) -> None:
        text = text_of(node)
        if not text and node.find("img") is None:
            return
        self.parts.append(Part(kind, serialise(_without_margins(node)), text, level=level,
                               margins=_margins(node)))

    def block(self, node: Node) -> None:
        if node.tag in ("head", "title", "meta", "style", "script"):
            return
        if node.tag in _HEADINGS:
            self.add(Kind.HEADING, node, level=_HEADINGS[node.tag])
        elif node.tag in ("ul", "ol"):
            self.items(node)
        elif node.tag == "table":
            self.table(node)
        elif node.tag in ("html", "body", "div", "#root", "tbody"):
            self.children(node)
        else:
            self.add(Kind.PARAGRAPH, node)

    def children(self, node: Node) -> None:
        loose: list[Node | str] = []  # text and inline elements between blocks: one paragraph
        for child in node.children:
            if isinstance(child, Node) and (child.tag in _BLOCKS or child.tag in ("html", "body", "head")):
                self.loose(loose)
                loose = []
                self.block(child)
            else:
                loose.append(child)
        self.loose(loose)

    def loose(self, children: list[Node | str]) -> None:
        if children:
            self.block(Node("p", [("style", "margin-top:0px; margin-bottom:0px;")], children))

    def items(self, node: Node) -> None:
        self.group += 1
        items = [child for child in node.elements() if child.tag == "li"]
        top, bottom = _margins(node)
        start = node.attr("start") or "1"
        first = int(start) if start.isdigit() else 1
        for number, item in enumerate(items):
            shell = _shell(node, [item])
            if node.tag == "ol":  # each item alone: numbered where it stands, not from 1 again
                numbered = [(key, value) for key, value in shell.attrs if key != "start"]
                shell = Node(shell.tag, [*numbered, ("start", str(first + number))], shell.children)
            html = serialise(_without_margins(shell))
            margins = (top if number == 0 else 0, bottom if number == len(items) - 1 else 0)
            text = text_of(item)
            if text:
                self.parts.append(Part(Kind.ITEM, html, text, margins=margins, group=self.group))

    def table(self, node: Node) -> None:
        self.group += 1
        rows = _rows(node)
        top, bottom = _margins(node)
        background = node.attr("bgcolor")
        for number, row in enumerate(rows):
            margins = (top if number == 0 else 0, bottom if number == len(rows) - 1 else 0)
            cells = [cell for cell in row.elements() if cell.tag in ("td", "th")]
            anchor = row.find("a")
            if anchor is not None and len(cells) == 2 and anchor.attr("href"):
                # A labelled link: the label as text, the link as a widget of its own.
                label_cell = cells[0]
                inner = "".join(serialise(child) for child in anchor.children)
                style = anchor.attr("style") or ""
                link = Link(anchor.attr("href") or "", f'<span style="{escape(style, quote=True)}"><u>'
                                                       f"{inner}</u></span>", text_of(anchor))
                # The label's widget already has the label column's share of the row: its cell keeps no
                # width of its own (a 32 % cell inside the 32 % widget wrapped short labels at a large font,
                # and the row's layout did not give the label the height that wrapping needed).
                label_attrs = [(key, value) for key, value in label_cell.attrs if key != "width"]
                label_html = serialise(Node(label_cell.tag, label_attrs, label_cell.children))
                label_text = text_of(label_cell)
                self.parts.append(Part(Kind.LINK_ROW, "", f"{label_text}: {link.text}", margins=margins,
                                       group=self.group, label=label_text, label_html=label_html, link=link,
                                       background=background))
                continue
            kind = Kind.BOX if len(cells) == 1 else Kind.ROW
            html = serialise(_without_margins(_shell(node, [row])))
            text = text_of(row)
            if text or row.find("img") is not None:
                self.parts.append(Part(kind, html, text, margins=margins, group=self.group))


#: The last few documents split (HTML -> parts, body style): a document shown again is not parsed again,
#: and a worker thread that made the HTML splits it too, so the GUI thread finds it here (the review's
#: copy of a notification took ~5-15 ms to split). Parts are frozen; callers get their own list.
_SPLIT_CACHE: dict[str, tuple[tuple[Part, ...], str]] = {}
_SPLIT_CACHE_SIZE = 8
_SPLIT_LOCK = threading.Lock()


def split_html(html: str) -> tuple[list[Part], str]:
    """The parts of ``html`` in reading order, and its ``<body>`` style (fonts, colour) to lay each out in.
    Safe on any thread (no Qt)."""
    with _SPLIT_LOCK:
        cached = _SPLIT_CACHE.get(html)
    if cached is None:
        root = parse(html)
        body = root.find("body")
        splitter = _Splitter()
        splitter.children(body if body is not None else root)
        cached = (tuple(splitter.parts), (body.attr("style") or "") if body is not None else "")
        with _SPLIT_LOCK:
            if len(_SPLIT_CACHE) >= _SPLIT_CACHE_SIZE:
                _SPLIT_CACHE.pop(next(iter(_SPLIT_CACHE)))  # the oldest
            _SPLIT_CACHE[html] = cached
    return list(cached[0]), cached[1]


def split_plain_text(text: str) -> list[Part]:
    """Plain text as paragraphs (a blank line between two), each line break kept."""
    parts = []
    for paragraph in re.split(r"\n\s*\n", text):
        paragraph = paragraph.strip("\n")
        if paragraph.strip():
            html = escape(paragraph, quote=False).replace("\n", "<br/>")
            parts.append(Part(Kind.PARAGRAPH, f'<p style="margin-top:0px; margin-bottom:0px;">{html}</p>',
                              _strip_private(paragraph), margins=(0, 12)))
    return parts


__all__ = ["PRIVATE_SEPARATORS", "Kind", "Link", "Node", "Part", "parse", "serialise", "split_html",
           "split_plain_text", "text_of"]
