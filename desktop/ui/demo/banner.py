"""The demo banner: a bright strip on every window saying that everything here is fictitious."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QBoxLayout, QLabel, QMainWindow, QSizePolicy, QToolBar, QWidget

from desktop.ui import theme

BANNER_NAME = "demoBanner"


class DemoBanner(QLabel):
    """"DEMO – fictitious data only. Nothing is sent to a real municipality." (translated)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(BANNER_NAME)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        # The same strong colours on every theme (the system's own in high contrast); sizes follow the font.
        theme.paint(self, theme.Tone.BANNER)
        bold = self.font()
        bold.setBold(True)
        self.setFont(bold)
        self.setMargin(max(4, self.fontMetrics().height() // 3))
        self.retranslate()

    def retranslate(self) -> None:
        self.setText(self.tr("DEMO – fictitious data only. Nothing is sent to a real municipality."))
        self.setAccessibleName(self.tr("Demo mode"))
        self.setAccessibleDescription(self.text())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def banner_of(window: QWidget) -> DemoBanner | None:
    """The banner shown on ``window``, if any."""
    return window.findChild(DemoBanner, BANNER_NAME)


def add_demo_banner(window: QWidget) -> None:
    """``services.window_decorators`` hook: put the banner at the top of ``window`` (once)."""
    if banner_of(window) is not None:
        return
    banner = DemoBanner()
    if isinstance(window, QMainWindow):
        bar = QToolBar(window)
        bar.setObjectName("demoBannerBar")
        bar.setMovable(False)
        bar.setFloatable(False)
        bar.toggleViewAction().setVisible(False)
        bar.addWidget(banner)
        banner.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
    else:
        layout = window.layout()
        banner.setParent(window)
        if isinstance(layout, QBoxLayout):
            layout.insertWidget(0, banner)
        elif layout is not None:
            layout.addWidget(banner)
    marker = _TitleMarker(window)
    marker.mark()
    window.installEventFilter(marker)


TITLE_PREFIX = "[DEMO] "


class _TitleMarker(QObject):
    """Keeps "[DEMO]" in front of the window title, also after the window retranslates it."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window

    def mark(self) -> None:
        title = self._window.windowTitle()
        if not title.startswith(TITLE_PREFIX):
            self._window.setWindowTitle(TITLE_PREFIX + (title or "Underret"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.WindowTitleChange:
            self.mark()
        return False
