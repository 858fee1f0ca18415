"""Colours that hold in light, dark and high-contrast themes: the app's own tones and the palette fixes.

Every colour a window shows comes from the palette the system gives (Windows or
GNOME light or dark mode, Windows high contrast), or from a :class:`Tones` pair
picked for that palette here, each pair checked against WCAG 2.1 AA
(text 4.5:1, parts of controls and the focus indicator 3:1) by
``tests/ui/theme``. In high contrast only the system's own colours are used.

Widgets take their tones with :func:`paint` (a palette on the widget, no style
sheet: a style sheet wraps the widget's style, which costs at start-up); the
tone follows a theme switch while the app runs.

:func:`improve_palette` lifts the few colours of Qt's own palettes that miss AA
(placeholder text, selected rows); it runs after the first paint.
:func:`system_palette` builds the palettes the gallery and the tests emulate.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import Enum
from typing import Literal

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleFactory, QStyleOption, QWidget

Role = QPalette.ColorRole
Group = QPalette.ColorGroup

#: The kinds of system palette the app is checked under.
ThemeKind = Literal["light", "dark", "high-contrast"]
THEMES: tuple[ThemeKind, ...] = ("light", "dark", "high-contrast")


# --- contrast ------------------------------------------------------------------------------------
def _channel(value: float) -> float:
    value /= 255.0
    return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4


def luminance(colour: QColor) -> float:
    """WCAG 2.1 relative luminance."""
    red, green, blue = _channel(colour.red()), _channel(colour.green()), _channel(colour.blue())
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(a: QColor, b: QColor) -> float:
    """WCAG 2.1 contrast ratio of two opaque colours (1 to 21)."""
    la, lb = luminance(a), luminance(b)
    light, dark = max(la, lb), min(la, lb)
    return (light + 0.05) / (dark + 0.05)


def is_dark(palette: QPalette) -> bool:
    """Whether the palette has light text on a dark window."""
    return luminance(palette.color(Role.Window)) < luminance(palette.color(Role.WindowText))


# --- high contrast -------------------------------------------------------------------------------
_forced_high_contrast: bool | None = None


def force_high_contrast(on: bool | None) -> None:
    """Gallery and tests: act as if the system asks for high contrast (``None``: ask the system)."""
    global _forced_high_contrast
    _forced_high_contrast = on


def high_contrast() -> bool:
    """Whether the system asks for high contrast (Windows high-contrast themes)."""
    if _forced_high_contrast is not None:
        return _forced_high_contrast
    hints = QGuiApplication.styleHints()
    accessibility = getattr(hints, "accessibility", None)  # Qt 6.10 and later
    if accessibility is None:
        return False
    try:
        return bool(accessibility().contrastPreference() == Qt.ContrastPreference.HighContrast)
    except AttributeError:
        return False


# --- the app's tones -----------------------------------------------------------------------------
class Tone(Enum):
    """The marked areas the app draws in colours of its own."""

    DANGER = "danger"      # "call now", the acute box and button, refused notifications
    NOTICE = "notice"      # something to look at: an overdue acknowledgement, a problem to fix
    BANNER = "banner"      # the demo banner: the same strong red everywhere
    QUOTE = "quote"        # the child's own words
    GUIDANCE = "guidance"  # a calm note on a page
    GOOD = "good"          # delivered


@dataclass(frozen=True)
class Colours:
    """One tone in one theme: the area's background, its text and its border."""

    background: QColor
    text: QColor
    border: QColor


_LIGHT = {
    Tone.DANGER: ("#fcebe9", "#5c1009", "#a3261c"),
    Tone.NOTICE: ("#fff4ce", "#3d2e00", "#8a6d00"),
    Tone.BANNER: ("#b00020", "#ffffff", "#b00020"),
    Tone.QUOTE: ("#eef4f1", "#1e4d3a", "#1e4d3a"),
    Tone.GUIDANCE: ("#eef3f8", "#1b2a38", "#1d4e6f"),
    Tone.GOOD: ("#e8f4ea", "#173d1f", "#2e7d32"),
}
_DARK = {
    Tone.DANGER: ("#3d1411", "#ffd9d4", "#ff8a80"),
    Tone.NOTICE: ("#3a3000", "#fff1b8", "#e0c040"),
    Tone.BANNER: ("#b00020", "#ffffff", "#ff8a80"),
    Tone.QUOTE: ("#17302a", "#cfeee0", "#7fcfae"),
    Tone.GUIDANCE: ("#1c2a36", "#dbe7f3", "#7fb2e0"),
    Tone.GOOD: ("#16301b", "#d3f0d8", "#7fcf8a"),
}


def colours(tone: Tone, palette: QPalette | None = None) -> Colours:
    """The colours of ``tone`` for ``palette`` (the application's when not given)."""
    palette = palette if palette is not None else QGuiApplication.palette()
    if high_contrast():
        # Only the system's colours: the area is set apart by its border, not by a colour of ours.
        if tone is Tone.BANNER:
            return Colours(palette.color(Role.Highlight), palette.color(Role.HighlightedText),
                           palette.color(Role.HighlightedText))
        window_text = palette.color(Role.WindowText)
        return Colours(palette.color(Role.Window), window_text, window_text)
    background, text, border = (_DARK if is_dark(palette) else _LIGHT)[tone]
    return Colours(QColor(background), QColor(text), QColor(border))


def text_colour(tone: Tone, palette: QPalette | None = None) -> QColor:
    """A text colour for ``tone`` on the window's own background (a problem message, a warning)."""
    palette = palette if palette is not None else QGuiApplication.palette()
    if high_contrast():
        return palette.color(Role.WindowText)
    if tone is Tone.DANGER:
        return QColor("#ff9e94" if is_dark(palette) else "#a3261c")
    return colours(tone, palette).border if is_dark(palette) else colours(tone, palette).text


def focus_colour(palette: QPalette | None = None) -> QColor:
    """The focus indicator's colour: at least 3:1 against the window and the input fields."""
    palette = palette if palette is not None else QGuiApplication.palette()
    if high_contrast():
        return palette.color(Role.Highlight)
    return QColor("#a8c7fa") if is_dark(palette) else QColor("#0b57d0")


class _Repaint(QObject):
    """Re-applies a widget's tone when the application's palette changes (a theme switch)."""

    def __init__(self, widget: QWidget, tone: Tone, fill: bool) -> None:
        super().__init__(widget)
        self.tone = tone
        self.fill = fill

    def apply(self, widget: QWidget) -> None:
        tone = colours(self.tone)
        palette = widget.palette()
        if self.fill:
            widget.setAutoFillBackground(True)
            palette.setColor(Role.Window, tone.background)
            palette.setColor(Role.Base, tone.background)
            # In a tool bar a widget's background is drawn in the Button role.
            palette.setColor(Role.Button, tone.background)
            palette.setColor(Role.WindowText, tone.text)
            palette.setColor(Role.Text, tone.text)
            palette.setColor(Role.ButtonText, tone.text)
            # A QFrame's plain box is drawn in this role: the border.
            palette.setColor(Role.Dark, tone.border)
            palette.setColor(Role.Light, tone.border)
            palette.setColor(Role.Mid, tone.border)
        else:
            colour = text_colour(self.tone)
            palette.setColor(Role.WindowText, colour)
            palette.setColor(Role.ButtonText, colour)
            palette.setColor(Role.Text, colour)
        widget.setPalette(palette)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ApplicationPaletteChange and isinstance(watched, QWidget):
            self.apply(watched)
        return False


def paint(widget: QWidget, tone: Tone, *, fill: bool = True) -> None:
    """Give ``widget`` (and its children) the colours of ``tone``: a filled area with its text colour
    (``fill``), or only the text colour on the window's background."""
    for child in widget.children():
        if isinstance(child, _Repaint):
            child.tone, child.fill = tone, fill
            child.apply(widget)
            return
    keeper = _Repaint(widget, tone, fill)
    keeper.apply(widget)
    widget.installEventFilter(keeper)


def unpaint(widget: QWidget) -> None:
    """Back to the window's own colours (a problem that went away)."""
    for child in widget.children():
        if isinstance(child, _Repaint):
            widget.removeEventFilter(child)
            child.setParent(None)
            child.deleteLater()
    widget.setPalette(QPalette())


# --- Qt's palettes -------------------------------------------------------------------------------
def improve_palette(palette: QPalette) -> QPalette:
    """``palette`` with the colours lifted that miss WCAG AA in Qt's own palettes: placeholder text
    (4.5:1 on the field) and selected rows (4.5:1 for their text). High contrast is left alone."""
    improved = QPalette(palette)
    if high_contrast():
        return improved
    dark = is_dark(palette)
    for group in (Group.Active, Group.Inactive):
        base = palette.color(group, Role.Base)
        text = palette.color(group, Role.Text)
        placeholder = palette.color(group, Role.PlaceholderText)
        # Thin strokes render lighter than their colour: aim above 4.5:1 so the pixels reach it too.
        if placeholder.alpha() < 255 or contrast(placeholder, base) < 5.8:
            improved.setColor(group, Role.PlaceholderText, _mix_until(text, base, 5.8))
        highlight = palette.color(group, Role.Highlight)
        highlighted = palette.color(group, Role.HighlightedText)
        if contrast(highlight, highlighted) < 4.5:
            improved.setColor(group, Role.Highlight, QColor("#8ab4f8") if dark else QColor("#1c5d99"))
            improved.setColor(group, Role.HighlightedText, QColor("#0b1a2c") if dark else QColor("#ffffff"))
    return improved


def _mix_until(text: QColor, base: QColor, ratio: float) -> QColor:
    """The colour between ``text`` and ``base`` closest to ``base`` that still has ``ratio`` on ``base``
    (a placeholder that reads as weaker than typed text, yet readable)."""
    best = QColor(text)
    for step in range(1, 20):
        share = step / 20
        mixed = QColor(round(text.red() * (1 - share) + base.red() * share),
                       round(text.green() * (1 - share) + base.green() * share),
                       round(text.blue() * (1 - share) + base.blue() * share))
        if contrast(mixed, base) < ratio:
            break
        best = mixed
    return best


def _palette(colours_by_role: dict[Role, str], disabled: dict[Role, str]) -> QPalette:
    palette = QPalette()
    for role, value in colours_by_role.items():
        palette.setColor(role, QColor(value))
    for role, value in disabled.items():
        palette.setColor(Group.Disabled, role, QColor(value))
    return palette


def system_palette(kind: ThemeKind) -> QPalette:
    """The palette a system in ``kind`` gives the app: Qt's Fusion palette (light), the dark palette Qt
    builds for Windows or GNOME dark mode, and Windows' "Night sky" high-contrast theme."""
    if kind == "light":
        style = QStyleFactory.create("Fusion")
        return QPalette(style.standardPalette())
    if kind == "dark":
        return _palette({
            Role.Window: "#1e1e1e", Role.WindowText: "#ffffff", Role.Base: "#2d2d2d",
            Role.AlternateBase: "#353535", Role.ToolTipBase: "#2b2b2b", Role.ToolTipText: "#ffffff",
            Role.Text: "#ffffff", Role.Button: "#3c3c3c", Role.ButtonText: "#ffffff",
            Role.BrightText: "#ff5c5c", Role.Light: "#505050", Role.Midlight: "#464646",
            Role.Mid: "#2f2f2f", Role.Dark: "#141414", Role.Shadow: "#000000",
            Role.Highlight: "#0078d4", Role.HighlightedText: "#ffffff", Role.Link: "#4cc2ff",
            Role.LinkVisited: "#c58af9", Role.PlaceholderText: "#8a8a8a",
        }, {Role.WindowText: "#7a7a7a", Role.Text: "#7a7a7a", Role.ButtonText: "#7a7a7a"})
    return _palette({
        Role.Window: "#000000", Role.WindowText: "#ffffff", Role.Base: "#000000",
        Role.AlternateBase: "#000000", Role.ToolTipBase: "#000000", Role.ToolTipText: "#ffffff",
        Role.Text: "#ffffff", Role.Button: "#000000", Role.ButtonText: "#ffffff",
        Role.BrightText: "#ffff00", Role.Light: "#ffffff", Role.Midlight: "#ffffff",
        Role.Mid: "#ffffff", Role.Dark: "#ffffff", Role.Shadow: "#ffffff",
        Role.Highlight: "#d6b4fd", Role.HighlightedText: "#2b2b2b", Role.Link: "#8080ff",
        Role.LinkVisited: "#8080ff", Role.PlaceholderText: "#a6a6a6",
    }, {Role.WindowText: "#a6a6a6", Role.Text: "#a6a6a6", Role.ButtonText: "#a6a6a6"})


# --- the running app ------------------------------------------------------------------------------
def _apply_improved_palette() -> None:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if isinstance(app, QApplication):
        improved = improve_palette(app.palette())
        if improved != app.palette():
            app.setPalette(improved)


def install() -> None:
    """After the first window has painted: lift Qt's palette where it misses AA (again after each switch
    between light and dark mode) and draw the focus ring. Not on the way to the first paint: changing
    the palette re-polishes every widget."""
    from PySide6.QtCore import QTimer

    from desktop.ui import focus_ring

    app = QApplication.instance()
    if not isinstance(app, QApplication) or app.property("underretTheme"):
        return  # once per application
    app.setProperty("underretTheme", True)
    style = outlined_style_for(app)
    if style is not None:
        app.setStyle(style)
    _apply_improved_palette()
    focus_ring.install(app)
    hints = QGuiApplication.styleHints()
    changed = getattr(hints, "colorSchemeChanged", None)
    if changed is not None:
        # The system's new palette arrives after the signal: improve it on the next turn.
        changed.connect(lambda *_: QTimer.singleShot(0, _apply_improved_palette))


# --- documents shown on screen ---------------------------------------------------------------------
def document_style(palette: QPalette | None = None) -> tuple[object, float]:
    """How a notification is laid out on screen: the colours for this palette (light = paper's,
    dark, or only the system's colours in high contrast) and the system font's size, so the review
    and the finished copy follow a 150 % font setting. Returns ``(desktop.documents.html.Colours,
    base size in points)``; computed on the GUI thread, handed to the layout on a worker thread."""
    from desktop.documents.html import PAPER, Colours

    palette = palette if palette is not None else QGuiApplication.palette()
    size = QGuiApplication.font().pointSizeF()
    base_pt = size * 10.0 / 9.0 if size > 0 else 10.0
    if high_contrast():
        text = palette.color(Role.Text).name()
        base = palette.color(Role.Base).name()
        link = palette.color(Role.Link).name()
        return Colours(accent=text, muted=text, panel=base, quote_bg=base, quote_ink=text, acute=link,
                       acute_bg=base, text=text), base_pt
    if is_dark(palette):
        return Colours(accent="#8cc4ee", muted="#c9d1da", panel="#2a3340", quote_bg="#17302a",
                       quote_ink="#cfeee0", acute="#ff9e94", acute_bg="#3d1411",
                       text=palette.color(Role.Text).name()), base_pt
    # Paper's colours, with the small grey labels darker: on screen their thin strokes render lighter.
    return replace(PAPER, muted="#353c45"), base_pt


# --- check box and radio outlines -----------------------------------------------------------------
def outline_colour(palette: QPalette) -> QColor:
    """An outline for check boxes and radio buttons with at least 3:1 against the window and the field."""
    if high_contrast():
        return palette.color(Role.WindowText)
    window, base = palette.color(Role.Window), palette.color(Role.Base)
    text = palette.color(Role.WindowText)
    darker_ground = window if luminance(window) < luminance(base) else base
    lighter_ground = base if darker_ground is window else window
    ground = darker_ground if is_dark(palette) else lighter_ground
    colour = _mix_until(text, ground, 3.3)
    other = base if ground is window else window
    return colour if contrast(colour, other) >= 3.0 else text


_OUTLINED = {QStyle.PrimitiveElement.PE_IndicatorCheckBox, QStyle.PrimitiveElement.PE_IndicatorRadioButton,
             QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck}


class OutlinedStyle(QProxyStyle):
    """Fusion with check box and radio outlines that meet 3:1 (Fusion's own have 1.9:1)."""

    def drawPrimitive(self, element: QStyle.PrimitiveElement, option: QStyleOption, painter: QPainter,
                      widget: QWidget | None = None) -> None:
        super().drawPrimitive(element, option, painter, widget)
        if element not in _OUTLINED:
            return
        radio = element == QStyle.PrimitiveElement.PE_IndicatorRadioButton
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, radio)
        pen = QPen(outline_colour(option.palette))  # type: ignore[attr-defined]
        pen.setWidth(1)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        rect = option.rect.adjusted(0, 0, -1, -1)  # type: ignore[attr-defined]
        if radio:
            painter.drawEllipse(rect.adjusted(1, 1, -1, -1))
        else:
            painter.drawRect(rect)
        painter.restore()


def outlined_style_for(app: QApplication) -> QStyle | None:
    """The outlined proxy of the application's style when it is Fusion (native styles draw their own)."""
    if isinstance(app.style(), OutlinedStyle) or app.style().name().lower() != "fusion":
        return None
    return OutlinedStyle(QStyleFactory.create("Fusion"))
