"""The alert a refused or overdue notification raises: a banner that stays until it is seen, and a
desktop notification where the system has one.

The banner sits at the top of the main window and names each notification that
needs the person (refused by the municipality, or no acknowledgement within six
working days), with the municipality's phone number. "Show" selects the first
in the list (its whole story is in the delivery panel); "I have seen it" records
in the vault's audit log that the person saw these alerts (``delivery.alert_seen``
with the alert's key), so they do not come back after the next start. A new
refusal after "Send again" is a new alert.

A desktop notification (``QSystemTrayIcon.showMessage``) is shown once for each
new alert where the platform has a system tray.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.ui import theme
from desktop.ui.accessible import name_as_shown

translate = QCoreApplication.translate

#: Audit event: the person has seen the alert about a notification (detail: the alert's key).
ALERT_SEEN_EVENT = "delivery.alert_seen"


class AlertBanner(QFrame):
    """The banner; ``show_requested(id)`` for "Show", ``dismissed()`` for "I have seen it"."""

    show_requested = Signal(str)
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deliveryAlert")
        self.setFrameShape(QFrame.Shape.Box)
        self.setLineWidth(2)
        theme.paint(self, theme.Tone.DANGER)
        self.heading = QLabel()
        self.heading.setObjectName("deliveryAlertHeading")
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.heading.setFont(font)
        self.lines = QLabel()
        self.lines.setObjectName("deliveryAlertText")
        self.lines.setWordWrap(True)
        self.show_button = QPushButton()
        self.show_button.setObjectName("showAlerted")
        self.show_button.clicked.connect(self._show_first)
        self.seen_button = QPushButton()
        self.seen_button.setObjectName("alertSeen")
        self.seen_button.clicked.connect(self.dismissed.emit)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.show_button)
        buttons.addWidget(self.seen_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.lines)
        layout.addLayout(buttons)
        self.alerts: list[tuple[str, str]] = []
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.heading.setText(translate("Delivery", "A notification needs you"))
        self.show_button.setText(translate("Delivery", "S&how it"))
        name_as_shown(self.show_button, translate("Delivery", "Show the notification in the list"))
        self.seen_button.setText(translate("Delivery", "I have s&een it"))
        name_as_shown(self.seen_button, translate("Delivery", "I have seen it: hide this message"))

    def set_alerts(self, alerts: list[tuple[str, str]]) -> None:
        """``(notification id, sentence)`` for each alert not seen yet; none hides the banner."""
        self.alerts = alerts
        if not alerts:
            self.hide()
            self.lines.clear()
            return
        text = "\n".join(sentence for _id, sentence in alerts)
        self.lines.setText(text)
        self.setAccessibleName(self.heading.text())
        self.setAccessibleDescription(text)
        self.show()

    def _show_first(self) -> None:
        if self.alerts:
            self.show_requested.emit(self.alerts[0][0])


class DesktopNotifier:
    """Shows a message in the system's notification area (only where the platform has a tray)."""

    def __init__(self, parent: QWidget) -> None:
        self._parent = parent
        self._tray: object | None = None
        #: What was shown (tests read it; the platform shows the real thing).
        self.shown: list[tuple[str, str]] = []

    def available(self) -> bool:
        from PySide6.QtWidgets import QSystemTrayIcon

        return QSystemTrayIcon.isSystemTrayAvailable() and QSystemTrayIcon.supportsMessages()

    def notify(self, title: str, text: str) -> bool:
        """Show ``text``; False where the platform has no notification area."""
        if not self.available():
            return False
        from PySide6.QtWidgets import QStyle, QSystemTrayIcon

        tray = self._tray
        if not isinstance(tray, QSystemTrayIcon):
            icon = self._parent.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
            tray = QSystemTrayIcon(icon, self._parent)
            tray.setToolTip("Underret")
            tray.messageClicked.connect(self._bring_forward)
            self._tray = tray
        tray.show()
        tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Warning, 30_000)
        self.shown.append((title, text))
        return True

    def _bring_forward(self) -> None:
        window = self._parent.window()
        window.showNormal()
        window.raise_()
        window.activateWindow()
