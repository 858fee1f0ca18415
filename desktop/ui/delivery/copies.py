"""Print and Export as PDF for the selected finalised notification in the main window's list.

The stored copy (document and PDF) is read from the vault in the background only when the person
asks for it, handed to the documents area's action, and dropped again right after (and on lock).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from desktop.errors import UnderretError
from desktop.ui.documents import DocumentActions, PrintableCopy
from desktop.ui.messages import message_for
from desktop.ui.notification_table_model import ID_ROLE, STATE_ROLE
from desktop.ui.operations import run_in_background

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow
    from desktop.ui.services import Services

log = logging.getLogger(__name__)

#: States whose stored copy (document and PDF) can be printed or exported.
PRINTABLE_STATES = frozenset({"queued", "sending", "sent", "receipted", "failed"})


class StoredCopies(QObject):
    """The main window's Print and Export actions, over the stored copy of the selected notification."""

    def __init__(self, window: MainWindow, services: Services, say_problem: Callable[[str], None]) -> None:
        super().__init__(window)
        self.window = window
        self._services = services
        self._say_problem = say_problem  # in full above the list (the status bar would cut it)
        self._copy: PrintableCopy | None = None
        self._copy_id: str | None = None
        self.documents = DocumentActions(window, lambda: self._copy)
        self.documents.set_enabled(False)
        self.documents.print_action.triggered.disconnect()
        self.documents.print_action.triggered.connect(lambda: self.with_copy(self.documents.print_current))
        self.documents.export_action.triggered.disconnect()
        self.documents.export_action.triggered.connect(lambda: self.with_copy(self.documents.export_current))
        window.add_menu_action(self.documents.print_action)
        window.add_menu_action(self.documents.export_action)
        window.addAction(self.documents.print_action)
        window.addAction(self.documents.export_action)
        services.session.locking.connect(self.forget)

    def _selected(self) -> tuple[str, str] | None:
        view = self.window.views[self.window.current_group()]
        rows = view.selectionModel().selectedRows()
        if not rows:
            return None
        notification_id, state = rows[0].data(ID_ROLE), rows[0].data(STATE_ROLE)
        return (str(notification_id), str(state)) if notification_id is not None else None

    def with_copy(self, act: Callable[[], object]) -> None:
        """Read the selected notification's stored document and PDF in the background, then ``act``."""
        selected = self._selected()
        if selected is None or selected[1] not in PRINTABLE_STATES or self._copy_id is not None:
            return
        notification_id = selected[0]
        self._copy_id = notification_id
        services = self._services
        demo = services.demo

        def load() -> PrintableCopy:
            from desktop.domain.document_reading import read_document

            reader = services.open_reader()
            try:
                # schema v1 (finalised before Notification 2.0) or v2
                document = read_document(reader.notifications.get_document(notification_id))
                return PrintableCopy(document, reader.notifications.get_pdf(notification_id), demo)
            finally:
                reader.close()

        def loaded(copy: PrintableCopy) -> None:
            if self._copy_id != notification_id or self._services.vault is None:
                return  # locked meanwhile
            self._copy = copy
            try:
                act()
            finally:
                self._copy = None
                self._copy_id = None

        def failed(error: Exception) -> None:
            self._copy_id = None
            self.failed(error)

        run_in_background(self, load, on_success=loaded, on_failure=failed)

    def failed(self, error: Exception) -> None:
        """Say above the list why something could not be read (a lock is no problem)."""
        from desktop.store.errors import VaultLocked

        if isinstance(error, VaultLocked):
            return
        if not isinstance(error, UnderretError):
            log.error("loading the stored copy failed", exc_info=error)
        self._say_problem(message_for(error))

    def forget(self) -> None:
        self._copy = None
        self._copy_id = None
