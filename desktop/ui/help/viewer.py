"""The help window: the guideline pack's help for one place, with the municipality's procedure, whom to
call and the legal references under it, in the UI language.

Every sentence of content comes from the pack (:func:`desktop.domain.help.help_text`); this window adds
only the headings. One help window per window that asked for it; it stays open beside that window
(not modal), follows a language switch, and closes with Escape.

The text is a :class:`~desktop.ui.document_view.DocumentView`: a screen reader meets its headings as
headings, its lists as list items and a legal reference's web address as a link (Tab reaches it, Enter
opens it in the browser); ``QTextBrowser`` gave one flat label full of private separator characters.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from desktop.domain.help import HelpText, help_text
from desktop.ui.document_view import DocumentView

if TYPE_CHECKING:
    from desktop.ui.services import Services

WINDOW_NAME = "helpWindow"


def _e(text: str) -> str:
    return html.escape(text, quote=True)


class HelpWindow(QDialog):
    """Shows :class:`~desktop.domain.help.HelpText` for a topic; :meth:`show_topic` changes it."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(WINDOW_NAME)
        self.setModal(False)
        self._services = services
        self.topic = ""
        self.content: HelpText | None = None
        self.document = DocumentView()
        self.document.setObjectName("helpText")
        self.document.anchorClicked.connect(self.open_link)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_button = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.document, 1)
        layout.addWidget(self.buttons)
        from desktop.ui.geometry import place

        place(self, "help", share=0.8, cap=(860, 720))

    @property
    def language(self) -> str:
        language = self._services.language
        return language if language in ("da", "en") else "da"

    def show_topic(self, topic: str) -> None:
        """Show the help for ``topic`` from the pack in force, in the UI language."""
        self.topic = topic
        self.show_content(help_text(topic, self._services.pack(), self.language))

    def show_content(self, content: HelpText) -> None:
        """Show ``content`` (the pack's help for :attr:`topic`)."""
        self.content = content
        self._render()

    def _render(self) -> None:
        content = self.content
        if content is None:
            return
        title = content.title
        self.setWindowTitle(self.tr("Help – %1").replace("%1", title) if title else self.tr("Help"))
        self.close_button.setText(self.tr("&Close"))
        self.close_button.setAccessibleName(self.tr("Close the help"))
        self.document.setAccessibleName(self.tr("Help text"))
        self.document.setHtml(self.html(content))

    @staticmethod
    def open_link(url: QUrl) -> None:
        """A legal reference's web address, in the browser (only https: a pack cannot open anything else)."""
        if url.scheme() == "https":
            QDesktopServices.openUrl(url)

    def html(self, content: HelpText) -> str:
        """The help as HTML: the page's text, then procedure, contacts and legal references."""
        no_text = self.tr("The guidelines have no help text for this window.")
        procedure_heading = self.tr("What to do when you are worried")
        contacts_heading = self.tr("Whom you can contact")
        legal_heading = self.tr("Legal references")
        parts = [f"<h2>{_e(content.title or self.tr('Help'))}</h2>"]  # tr("Help") is in _render too
        if not content.has_page_text:
            parts.append(f"<p><i>{_e(no_text)}</i></p>")
        for block in content.blocks:
            if block.items:
                parts.append("<ul>" + "".join(f"<li>{_e(item)}</li>" for item in block.items) + "</ul>")
            else:
                parts.append(f"<p>{_e(block.text)}</p>")
        if content.procedure:
            parts.append(f"<h3>{_e(procedure_heading)}</h3><ol>")
            parts += [f"<li><b>{_e(title)}</b><br/>{_e(text)}</li>" for title, text in content.procedure]
            parts.append("</ol>")
        if content.contacts:
            parts.append(f"<h3>{_e(contacts_heading)}</h3><ul>")
            for contact in content.contacts:
                first = " – ".join(_e(p) for p in (contact.phone, contact.hours) if p)
                line = f"<b>{_e(contact.name)}</b>" + (f": {first}" if first else "")
                for extra in (contact.note, contact.email):
                    if extra:
                        line += f"<br/>{_e(extra)}"
                parts.append(f"<li>{line}</li>")
            parts.append("</ul>")
        if content.legal:
            # A table of "citation: title" rows: a row whose title has a web address is read as the citation
            # and a link (the document's links are the values of labelled rows).
            parts.append(f'<h3>{_e(legal_heading)}</h3><table width="100%" cellpadding="3" cellspacing="0">')
            for ref in content.legal:
                title = (f'<a href="{_e(ref.url)}">{_e(ref.title)}</a>' if ref.url.startswith("https://")
                         else _e(ref.title))
                parts.append(f'<tr><td width="32%">{_e(ref.citation)}</td><td>{title}</td></tr>')
            parts.append("</table>")
        source = self.tr("From the guidelines: %1 (version %2)").replace("%1", content.guidelines).replace(
            "%2", content.guidelines_version)
        parts.append(f"<p><i>{_e(source)}</i></p>")
        return "".join(parts)

    def done(self, result: int) -> None:
        super().done(result)
        # Back to where the person was reading from (the page they pressed F1 on).
        owner = self.parentWidget()
        if owner is not None and owner.isVisible():
            owner.activateWindow()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and self.topic:
            self.show_topic(self.topic)  # the pack's text in the new language, too
        super().changeEvent(event)


def help_window_of(window: QWidget) -> HelpWindow | None:
    """The help window ``window`` opened, if it is still there."""
    return window.findChild(HelpWindow, WINDOW_NAME, Qt.FindChildOption.FindDirectChildrenOnly)


def show_help(window: QWidget, services: Services, topic: str) -> HelpWindow:
    """Open (or bring forward) ``window``'s help window, showing ``topic``."""
    helper = help_window_of(window)
    if helper is None:
        helper = HelpWindow(services, window)
        services.adopt_window(helper)
    helper.show_topic(topic)
    helper.show()
    helper.raise_()
    helper.activateWindow()
    helper.document.setFocus()
    return helper
