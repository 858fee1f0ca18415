"""A document on screen that a screen reader can walk: headings, paragraphs, list items, labelled
values and links, each a widget of its own.

Qt shows rich text in one ``QTextBrowser``, which AT-SPI reports as a single label whose text holds
private separator characters for every table and frame, with its headings and lists flattened and
its links neither exposed nor announced. :class:`DocumentView` shows the same HTML (the same look:
each part is laid out from its own piece of it, :mod:`desktop.ui.document_parts`) as a column of
parts: headings have the role *heading*, list items *list item*, a table row is one label read as
"Label: value", and each link is a focusable *link* that Tab reaches and Enter, Space or a click
follows (``anchorClicked``, as ``QTextBrowser`` had it). The view itself has the role *document* and
is a Tab stop; while it (or a part in it) has the focus, the Up and Down arrows move from part to
part, so a screen reader reads the document one part at a time.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAccessible, QKeyEvent, QMouseEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.accessible_roles import give_role
from desktop.ui.document_parts import Kind, Part, split_html, split_plain_text

# The share of a row's width its label takes (the printed copy's tables: 32 %).
LABEL_SHARE = 32
#: How long one step of making a document's parts ahead may keep the event loop waiting (s).
SLICE_S = 0.008


class _PartLabel(QLabel):
    """A part's label, as tall as its text at the width it has (not at the width Qt guesses); the
    height for a width is remembered, a document lays out a hundred of them at each resize."""

    def __init__(self, text: str = "") -> None:
        super().__init__(text)
        self._heights: dict[int, int] = {}

    def setText(self, text: str) -> None:
        self._heights.clear()
        super().setText(text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._heights.clear()
        super().changeEvent(event)

    def heightForWidth(self, width: int) -> int:
        height = self._heights.get(width)
        if height is None:
            height = self._heights[width] = super().heightForWidth(width)
        return height

    def sizeHint(self) -> QSize:
        width = self.width() if self.width() > 0 else 400
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        return QSize(0, self.sizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        old, new = event.oldSize().width(), event.size().width()
        if old == new:
            return
        # Wrapped at the new width: maybe another height. Laying the text out at the old width only to
        # compare (the first resize's old width is -1: unwrapped) cost a whole layout per part.
        known = self._heights.get(old)
        if known is None or known != self.heightForWidth(new):
            self.updateGeometry()


def _same_widget(part: Part, body_style: str) -> tuple[Part, str]:
    """What a part's widget is made from: parts equal in this are shown by equal widgets (the space
    around a part and its list or table are the document layout's, not the widget's)."""
    return replace(part, margins=(0, 0), group=0), body_style


def _page(body_style: str, html: str) -> str:
    return f'<html><body style="{body_style}">{html}</body></html>' if body_style else html


class DocumentLink(_PartLabel):
    """A link in a document: a Tab stop that Enter, Space or a click follows (``activated(href)``)."""

    activated = Signal(str)

    def __init__(self, href: str, html: str, text: str) -> None:
        super().__init__()
        give_role(self, QAccessible.Role.Link)  # before it has a text (see give_role)
        self.href = href
        self.setObjectName("documentLink")
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setText(html)
        self.setWordWrap(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAccessibleName(text)

    def activate(self) -> None:
        """Follow the link (also the accessible "press" action)."""
        self.activated.emit(self.href)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        chord = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        keys = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space)
        if event.key() in keys and not event.modifiers() & chord:
            self.activate()
            return
        super().keyPressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() is Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.activate()
            return
        super().mouseReleaseEvent(event)


class DocumentBody(QWidget):
    """The parts of one document, top to bottom, without scrolling of its own (a receipt, a box)."""

    anchorClicked = Signal(QUrl)  # noqa: N815 - QTextBrowser's name, kept for the views that used one
    #: A new document's parts are shown.
    parts_shown = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        #: Part widgets made ahead (setHtml with ``slices``), by what they are made from.
        self._made: dict[tuple[Part, str], list[QWidget]] = {}
        self._making: Iterator[None] | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self._outer = outer
        self._content: QWidget | None = None
        self._html = ""
        self._parts: list[Part] = []
        self._body_style = ""
        self.part_widgets: list[QWidget] = []
        self.links: list[DocumentLink] = []

    # --- what it shows --------------------------------------------------------------------------
    def setHtml(self, html: str, *, slices: bool = False) -> None:
        """Show ``html`` (the subset of HTML the documents use), part by part. ``slices``: the new parts'
        widgets are made a few at a time while the event loop runs (the document shown until then stays;
        ``parts_shown`` says when the new one is): a notification's ~70 parts took 25-40 ms at once."""
        self._making = None  # a document still being made is not wanted any more
        parts, body_style = split_html(html)
        if not slices:
            self._html = html
            self._show(parts, body_style)
            return
        making = self._make_ahead(html, parts, body_style)
        self._making = making
        self._next_slice(making)

    def _next_slice(self, making: Iterator[None]) -> None:
        if self._making is not making:
            return
        started = time.perf_counter()
        for _ in making:
            if time.perf_counter() - started > SLICE_S:
                QTimer.singleShot(0, self, lambda: self._next_slice(making))
                return

    def _make_ahead(self, html: str, parts: list[Part], body_style: str) -> Iterator[None]:
        """Make (and lay out at about their width) the widgets of the parts not shown now, one a step;
        then show the document with them."""
        have: dict[tuple[Part, str], int] = {}
        for shown in self._parts:
            key = _same_widget(shown, self._body_style)
            have[key] = have.get(key, 0) + 1
        for key, made in self._made.items():
            have[key] = have.get(key, 0) + len(made)
        for part in parts:
            key = _same_widget(part, body_style)
            if have.get(key, 0):
                have[key] -= 1
                continue
            widget = self._widget(part, body_style)
            # Owned by the document (hidden, in no layout) until shown: it inherits the document's font
            # now, and goes with the document if that is closed first (no stray top-level widgets).
            widget.setParent(self)
            for label in (widget, *widget.findChildren(_PartLabel)):
                if isinstance(label, _PartLabel):
                    label.heightForWidth(label.width())  # laid out now, not all at once when shown
            self._made.setdefault(key, []).append(widget)
            yield
        self._making = None
        self._html = html
        self._show(parts, body_style)

    def setPlainText(self, text: str) -> None:
        """Show plain text, one paragraph per blank-line-separated block."""
        self._making = None
        self._html = ""
        self._show(split_plain_text(text), "")

    def clear(self) -> None:
        self._making = None
        self._html = ""
        self._show([], "")

    def toPlainText(self) -> str:
        """What the document says, part by part (what a screen reader reads)."""
        return "\n".join(part.text for part in self._parts)

    def toHtml(self) -> str:
        """The HTML last shown."""
        return self._html

    def headings(self) -> list[QLabel]:
        """The heading parts, in order."""
        return [widget for widget in self.part_widgets
                if isinstance(widget, QLabel) and widget.property("documentPart") == "heading"]

    # --- laying out ----------------------------------------------------------------------------
    def _show(self, parts: list[Part], body_style: str) -> None:
        focused = QApplication.focusWidget()
        had_focus = focused is not None and self.isAncestorOf(focused)
        # The widgets of parts shown now that the new document has too are used again, as they are (a part
        # widget lays its text out once per width: the review page redraws the notification whenever it
        # opens after a change, and most of its ~70 parts are the same).
        unchanged: dict[tuple[Part, str], list[QWidget]] = {}
        for shown, widget in zip(self._parts, self.part_widgets, strict=True):
            unchanged.setdefault(_same_widget(shown, self._body_style), []).append(widget)
        if self._content is not None:
            self._content.hide()
            self._content.deleteLater()  # after the loop below has taken the widgets used again out of it
        holder = self._holder()
        bar_first = isinstance(holder, QScrollArea) and holder.isVisible() and self._needs_scroll_bar(parts)
        if bar_first:
            # The scroll bar takes its width before the parts are laid out: showing it only once they are
            # laid out would lay every part out at the whole width first, then again at the narrower one.
            assert isinstance(holder, QScrollArea)
            holder.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        # The parts are laid out in a new, not yet shown widget, which is shown once at the end: showing
        # each part in a shown document would lay the whole document out again for every part.
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setSpacing(0)
        self.part_widgets = []
        self.links = []
        self._parts = parts
        self._body_style = body_style
        bottom = 0
        previous_group = -1
        for part in parts:
            top, next_bottom = part.margins
            same_group = part.group and part.group == previous_group
            space = 0 if same_group else max(bottom, top)
            if space and self.part_widgets:
                layout.addSpacing(space)
            bottom = next_bottom
            previous_group = part.group
            key = _same_widget(part, body_style)
            again = unchanged.get(key) or self._made.get(key)
            if again:
                widget = again.pop(0)
                self.links.extend(widget.findChildren(DocumentLink))
            else:
                widget = self._widget(part, body_style)
            layout.addWidget(widget)  # a widget used again moves into the new content
            self.part_widgets.append(widget)
        layout.addStretch(1)
        for left in self._made.values():  # made ahead for a document that was replaced before it was shown
            for widget in left:
                widget.deleteLater()
        self._made.clear()
        self._content = content
        self._outer.addWidget(content)
        content.show()  # now, not when the event loop next runs: a Tab right after must find the links
        if bar_first:
            assert isinstance(holder, QScrollArea)
            holder.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)  # as before
        if had_focus:
            # The part that had the focus is gone: keep the focus in the document (the view holds it).
            holder = self._holder()
            if holder is not None:
                holder.setFocus(Qt.FocusReason.OtherFocusReason)
        self.parts_shown.emit()

    def _needs_scroll_bar(self, parts: list[Part]) -> bool:
        """Whether the scroll bar of the view this document is in will appear for ``parts``, not shown
        now: at least a line per part is taller than the view."""
        holder = self._holder()
        if not isinstance(holder, QScrollArea) or not parts:
            return False
        return (not holder.verticalScrollBar().isVisibleTo(holder)
                and holder.verticalScrollBarPolicy() is Qt.ScrollBarPolicy.ScrollBarAsNeeded
                and len(parts) * self.fontMetrics().lineSpacing() > holder.viewport().height())

    def _holder(self) -> QWidget | None:
        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, DocumentView):
            parent = parent.parentWidget()
        return parent

    def _part_width(self) -> int:
        margin = self.style().pixelMetric(QStyle.PixelMetric.PM_LayoutLeftMargin)
        return max(self.width() - 2 * margin, 100)

    def _label(self, html: str, body_style: str, text: str, role: QAccessible.Role | None = None,
               share: int = 100) -> QLabel:
        label = _PartLabel()
        if role is not None:
            give_role(label, role)  # before it has a text (see give_role)
        label.setText(_page(body_style, html))
        # Laid out first at about the width it will have (not at Qt's default widget width).
        label.resize(round(self._part_width() * share / 100), label.height())
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        label.setWordWrap(True)
        label.setForegroundRole(QPalette.ColorRole.Text)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Reachable by the arrow keys while reading (see DocumentView), not a Tab stop.
        label.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        label.setAccessibleName(text)
        label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        return label

    def _widget(self, part: Part, body_style: str) -> QWidget:
        if part.kind is Kind.LINK_ROW and part.link is not None:
            return self._link_row(part, body_style)
        roles = {Kind.HEADING: QAccessible.Role.Heading, Kind.ITEM: QAccessible.Role.ListItem}
        label = self._label(part.html, body_style, part.text, roles.get(part.kind))
        label.setProperty("documentPart", part.kind.value)
        if part.kind is Kind.HEADING:
            label.setProperty("headingLevel", part.level)
        return label

    def _link_row(self, part: Part, body_style: str) -> QWidget:
        assert part.link is not None
        row = QWidget()
        row.setProperty("documentPart", part.kind.value)
        if part.background:
            row.setAutoFillBackground(True)
            palette = row.palette()
            palette.setColor(QPalette.ColorRole.Window, part.background)
            row.setPalette(palette)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        label = self._label(f"<table width=\"100%\" cellpadding=\"3\" cellspacing=\"0\"><tr>{part.label_html}"
                            "</tr></table>", body_style, part.label, share=LABEL_SHARE)
        link = DocumentLink(part.link.href, _page(body_style, part.link.html), part.link.text)
        link.resize(self._part_width() - label.width(), link.height())  # as the label: its width in the row
        link.setContentsMargins(3, 3, 3, 3)
        # Said after the link's own words: which answer it leads to.
        link.setAccessibleDescription(part.label)
        link.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        link.activated.connect(lambda href: self.anchorClicked.emit(QUrl(href)))
        layout.addWidget(label, LABEL_SHARE)
        layout.addWidget(link, 100 - LABEL_SHARE)
        self.links.append(link)
        return row


class DocumentView(QScrollArea):
    """A scrolling :class:`DocumentBody` with the role *document*: a Tab stop, its links the next ones."""

    anchorClicked = Signal(QUrl)  # noqa: N815 - QTextBrowser's name

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.body = DocumentBody()
        self.body.setObjectName("documentBody")
        self.body.setBackgroundRole(QPalette.ColorRole.Base)
        self.body.setAutoFillBackground(True)
        self.body.anchorClicked.connect(self.anchorClicked)
        self.body.parts_shown.connect(self._watch_parts)
        self.body.installEventFilter(self)
        self.setWidget(self.body)
        give_role(self, QAccessible.Role.Document)
        self._retranslate()

    def _retranslate(self) -> None:
        # Said after the document's name: how to read it (a window may say something else instead).
        #: A screen reader says this after the name of a document (the notification, a case story).
        how = QCoreApplication.translate(
            "Document", "Use the arrow keys to read the text part by part. Tab goes from link to link.")
        self.setAccessibleDescription(how)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and self.property("ownDescription") is not True:
            self._retranslate()
        super().changeEvent(event)

    def setHtml(self, html: str, *, slices: bool = False) -> None:
        self.body.setHtml(html, slices=slices)

    def setPlainText(self, text: str) -> None:
        self.body.setPlainText(text)

    def clear(self) -> None:
        self.body.clear()

    def toPlainText(self) -> str:
        return self.body.toPlainText()

    def toHtml(self) -> str:
        return self.body.toHtml()

    @property
    def links(self) -> list[DocumentLink]:
        return self.body.links

    def headings(self) -> list[QLabel]:
        return self.body.headings()

    def _watch_parts(self) -> None:
        """Arrow keys on every part; the parts (and so the links) in the Tab chain right after the view,
        in reading order (widgets made later would otherwise join the window's chain at its end)."""
        previous: QWidget = self
        for widget in self.body.part_widgets:
            for reachable in (widget, *widget.findChildren(QLabel)):
                reachable.installEventFilter(self)
                if reachable.focusPolicy() != Qt.FocusPolicy.NoFocus:
                    QWidget.setTabOrder(previous, reachable)
                    previous = reachable

    def _readable(self) -> list[QWidget]:
        """The parts the arrow keys move through (a link row's link stands for its row)."""
        readable: list[QWidget] = []
        for widget in self.body.part_widgets:
            links = widget.findChildren(DocumentLink)
            readable.append(links[0] if links else widget)
        return readable

    def _step(self, current: QWidget | None, forward: bool) -> bool:
        """Move the focus to the next (or previous) part; False when there is none that way."""
        readable = self._readable()
        if not readable:
            return False
        if current is None or current not in readable:
            target = readable[0] if forward else None
        else:
            index = readable.index(current) + (1 if forward else -1)
            target = readable[index] if 0 <= index < len(readable) else None
        if target is None:
            return False
        target.setFocus(Qt.FocusReason.OtherFocusReason)
        self.ensureWidgetVisible(target)
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down and not event.modifiers() and self._step(None, True):
            return
        super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(watched, QWidget) and watched is not self.body:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up) and not event.modifiers():
                if not self._step(watched, event.key() == Qt.Key.Key_Down) and event.key() == Qt.Key.Key_Up:
                    self.setFocus(Qt.FocusReason.OtherFocusReason)  # above the first part: the document
                return True
        return super().eventFilter(watched, event)


__all__ = ["DocumentBody", "DocumentLink", "DocumentView"]
