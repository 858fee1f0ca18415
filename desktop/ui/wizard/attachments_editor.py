"""The attachments field: PDF, PNG and JPEG files chosen with a file dialog, cleaned, kept in the vault.

Each chosen file is read into memory and cleaned on a worker thread (images re-encoded without
metadata, PDFs checked: :mod:`desktop.documents.sanitise`); only the cleaned bytes are stored, in
the vault with the draft (:class:`.attachment_store.AttachmentStore`). Nothing is written anywhere
else. A file that cannot be attached gets one clear sentence and changes nothing. The answer lists
the files (name, type, size, hash); the list shows them with their size and the total of 10 MB.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from desktop.domain.attachments import MAX_FILES, MAX_TOTAL_BYTES, format_size
from desktop.errors import UnderretError
from desktop.ui import theme
from desktop.ui.accessible import name_as_shown
from desktop.ui.messages import message_for
from desktop.ui.theme import Tone
from desktop.ui.wizard.attachment_store import AttachmentStore
from desktop.ui.wizard.base import FieldEditor, as_sentences

translate = QCoreApplication.translate
log = logging.getLogger(__name__)

ATTACHMENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1


def refusal_text(message_id: str) -> str:
    """Why a file could not be attached, in the UI language."""
    texts: dict[str, Callable[[], str]] = {
        "attachment.too_large": lambda: translate(
            "Attachments", "The file is too large: all attachments together may be at most 10 MB."),
        "attachment.too_many": lambda: translate("Attachments", "At most 20 files can be attached."),
        "attachment.wrong_type": lambda: translate(
            "Attachments", "Only PDF, PNG and JPEG files can be attached, and this file is none of them."),
        "attachment.damaged_image": lambda: translate(
            "Attachments", "The picture is damaged and cannot be read. Save it again, or take a new "
                           "picture of the document."),
        "attachment.too_many_pixels": lambda: translate(
            "Attachments", "The picture has too many pixels. Make it smaller and try again."),
        "attachment.damaged_pdf": lambda: translate(
            "Attachments", "The PDF file is damaged or incomplete and cannot be attached."),
        "attachment.unreadable": lambda: translate(
            "Attachments", "The file cannot be read. Check that it still exists and that you may open it."),
        "attachment.not_saved": lambda: translate(
            "Attachments", "The notification could not be saved, so the file was not attached. Try again."),
        "attachment.missing": lambda: translate(
            "Attachments", "An attachment is missing from the notification. Remove it and add it again."),
    }
    maker = texts.get(message_id)
    return maker() if maker is not None else ""


def choose_with_dialog(parent: QWidget) -> list[str]:
    """Ask for files with Qt's own file dialog.

    Not the system's dialog: those record chosen files in the system's "recent files" lists, and a
    file's name may name the child.
    """
    patterns = "*.pdf *.PDF *.png *.PNG *.jpg *.JPG *.jpeg *.JPEG"
    filters = (translate("Attachments", "PDF, PNG and JPEG files") + f" ({patterns});;"
               + translate("Attachments", "All files") + " (*)")
    paths, _filter = QFileDialog.getOpenFileNames(
        parent, translate("Attachments", "Choose files to attach"), "", filters,
        options=QFileDialog.Option.DontUseNativeDialog)
    return list(paths)


@dataclass(frozen=True)
class _Stored:
    entry: dict[str, Any]
    picture: bool


def _clean_and_store(store: AttachmentStore, draft_id: str, path: str, total_before: int) -> _Stored:
    """Worker thread: read the file into memory, clean it, store the cleaned bytes in the vault."""
    from desktop.documents.sanitise import read_chosen_file, sanitise

    clean = sanitise(Path(path).name, read_chosen_file(Path(path)))
    if total_before + clean.size > MAX_TOTAL_BYTES:
        raise UnderretError("too large", message_id="attachment.too_large")
    entry = store.add(draft_id, clean.name, clean.media_type, clean.data)
    return _Stored(entry, clean.media_type.startswith("image/"))


class AttachmentsEditor(FieldEditor):
    """Files carried with the notification; stored as a list of entries (None when there are none)."""

    #: How files are chosen (tests hand in their own; the person gets the file dialog).
    choose_files: Callable[[QWidget], list[str]] = staticmethod(choose_with_dialog)

    def build(self) -> None:
        self.entries: list[dict[str, Any]] = []
        self._queue: list[str] = []
        self.busy = False
        self.list = QListWidget()
        self.list.setObjectName("attachmentList")
        self.list.setMinimumHeight(self.list.fontMetrics().lineSpacing() * 4)
        self.total_label = QLabel()
        self.total_label.setObjectName("attachmentTotal")
        self.add_button = QPushButton()
        self.add_button.setObjectName("attachmentAdd")
        self.add_button.clicked.connect(lambda _checked=False: self.add_files(self.choose_files(self)))
        self.remove_button = QPushButton()
        self.remove_button.setObjectName("attachmentRemove")
        self.remove_button.clicked.connect(lambda _checked=False: self.remove_current())
        self.status = QLabel()
        self.status.setObjectName("attachmentStatus")
        self.status.setWordWrap(True)
        self.status.hide()
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.total_label)
        self.layout_.addWidget(self.list)
        self.layout_.addLayout(buttons)
        self.layout_.addWidget(self.status)
        self.retranslate()

    def retranslate(self) -> None:
        self.add_button.setText(translate("Attachments", "&Attach files…"))
        name_as_shown(self.add_button)
        self._describe_add_button()
        self.remove_button.setText(translate("Attachments", "Remo&ve file"))
        name_as_shown(self.remove_button, translate("Attachments", "Remove the chosen file"))
        self.list.setAccessibleName(translate("Attachments", "Attached files"))
        self._show_entries()

    # --- FieldEditor -----------------------------------------------------------------------------
    def value(self) -> Any:
        return [dict(entry) for entry in self.entries] or None

    def load(self, value: Any) -> None:
        self.entries = [dict(e) for e in value if isinstance(e, dict)] if isinstance(value, list) else []
        self._show_entries()

    def focus_target(self) -> QWidget:
        return self.add_button

    def interactive_widgets(self) -> list[QWidget]:
        return [self.add_button, self.list, self.remove_button]

    def apply_accessible_name(self, name: str) -> None:
        self.list.setAccessibleDescription(name)
        self._field_name = name
        self._describe_add_button()
        self.label.setBuddy(self.add_button)

    def _describe_add_button(self) -> None:
        """After the button's own words: which question it answers and what may be attached."""
        self.add_button.setAccessibleDescription(as_sentences(
            getattr(self, "_field_name", ""), translate("Attachments", "Attach files: PDF, PNG or JPEG")))

    # --- adding and removing ---------------------------------------------------------------------
    def add_files(self, paths: list[str]) -> None:
        """Clean and store each file in turn (one at a time, so the 10 MB total is checked in order)."""
        self._queue += [p for p in paths if p]
        self._next()

    def _next(self) -> None:
        if self.busy or not self._queue:
            self._update_buttons()
            return
        path = self._queue.pop(0)
        name = Path(path).name
        if len(self.entries) >= MAX_FILES:
            self._queue.clear()
            self._say(name, refusal_text("attachment.too_many"), problem=True)
            return
        store = self.context.attachments
        try:
            if store is None:
                raise UnderretError("no draft", message_id="attachment.not_saved")
            draft_id = store.begin()
        except UnderretError as error:
            self._refused(name, error)
            return
        self.busy = True
        self._update_buttons()
        self._say(name, translate("Attachments", "Reading and cleaning the file…"))
        total = sum(int(e.get("size", 0)) for e in self.entries)
        from desktop.ui.operations import run_in_background

        run_in_background(self, lambda: _clean_and_store(store, draft_id, path, total),
                          on_success=lambda stored: self._stored(name, stored),
                          on_failure=lambda error: self._refused(name, error))

    def _stored(self, name: str, stored: _Stored) -> None:
        self.busy = False
        self.entries.append(stored.entry)
        self._show_entries(select=len(self.entries) - 1)
        cleaned = (translate("Attachments", "Attached. The picture was saved without hidden information such "
                                            "as where and with what it was taken.")
                   if stored.picture else translate("Attachments", "Attached."))
        self._say(name, cleaned)
        self._emit()
        self._next()

    def _refused(self, name: str, error: Exception) -> None:
        self.busy = False
        message_id = error.message_id if isinstance(error, UnderretError) else "attachment.unreadable"
        text = refusal_text(message_id) or message_for(error) or refusal_text("attachment.unreadable")
        self._say(name, text, problem=True)
        self._next()

    def remove_current(self) -> None:
        row = self.list.currentRow()
        if not 0 <= row < len(self.entries) or self.busy:
            return
        entry = self.entries.pop(row)
        self._show_entries(select=min(row, len(self.entries) - 1))
        self._emit()  # the answers lose it first (saved now) ...
        name = str(entry.get("name", ""))
        store = self.context.attachments
        draft_id = store.before_removal() if store is not None else None
        if store is None or draft_id is None:
            self._say(name, translate("Attachments", "Removed."))  # its bytes go with the draft
            return
        self.busy = True
        self._update_buttons()
        from desktop.ui.operations import run_in_background

        run_in_background(self, lambda: store.remove(draft_id, str(entry["id"])),  # ... then its bytes
                          on_success=lambda _none: self._removed(name),
                          on_failure=lambda error: self._removal_failed(name, error))

    def _removed(self, name: str) -> None:
        self.busy = False
        self._say(name, translate("Attachments", "Removed."))
        self._next()

    def _removal_failed(self, name: str, error: Exception) -> None:
        # The answers no longer name it, so it is not part of the notification: its bytes go when the
        # notification is finalised (or discarded).
        log.warning("attachment bytes not deleted yet: %s", type(error).__name__)
        self._removed(name)

    # --- showing ---------------------------------------------------------------------------------
    def _say(self, name: str, text: str, *, problem: bool = False) -> None:
        self.status.setText(f"{name}: {text}" if name else text)
        theme.paint(self.status, Tone.DANGER if problem else Tone.GOOD, fill=False)
        self.status.show()
        self.list.setAccessibleDescription(self.status.text())
        from desktop.ui.announce import announce

        # The file dialog has closed and the focus is back on the button: what became of the file is said
        # (a refusal at once).
        announce(self.status, self.status.text(), urgent=problem)

    def _show_entries(self, select: int | None = None) -> None:
        lang = self.context.language
        self.list.blockSignals(True)
        self.list.clear()
        kinds = {"application/pdf": "PDF", "image/png": "PNG", "image/jpeg": "JPEG"}
        for entry in self.entries:
            size = format_size(int(entry.get("size", 0)), lang)
            kind = kinds.get(str(entry.get("media_type")), "?")
            item = QListWidgetItem(f"{entry.get('name', '')} – {kind}, {size}")
            item.setData(ATTACHMENT_ID_ROLE, entry.get("id"))
            self.list.addItem(item)
        if select is not None and 0 <= select < len(self.entries):
            self.list.setCurrentRow(select)
        self.list.blockSignals(False)
        total = sum(int(e.get("size", 0)) for e in self.entries)
        self.total_label.setText(translate("Attachments", "%1 of 10 MB in all").replace(
            "%1", format_size(total, lang) if total else "0 MB"))
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.add_button.setEnabled(not self.busy and len(self.entries) < MAX_FILES)
        self.remove_button.setEnabled(not self.busy and 0 <= self.list.currentRow() < len(self.entries))
