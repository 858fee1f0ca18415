"""What the desk's windows are handed: the desk's services, the session lock and a few hooks.

The composition root (``desktop.ui.desk.main``) builds one :class:`DeskContext` per unlocked desk
profile. Windows run the service's calls on worker threads and announce changes with
``changed`` so every open window reloads what it shows.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from desktop.errors import UnderretError
from desktop.ui.desk.wording import reason_text
from desktop.ui.messages import message_for

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from desktop.desk.service import DeskService
    from desktop.ui.session import SessionLock

#: Asks where to save or write something: (parent, title, suggested name) -> path or None (cancelled).
PathChooser = Callable[["QWidget", str, str], "Path | None"]


def error_text(error: BaseException) -> str:
    """The sentence for an error: the desk's own ids, then the app's (vault, profile)."""
    if isinstance(error, UnderretError) and error.message_id.startswith(("desk.", "export.")):
        return reason_text(error.message_id)
    return message_for(error)


class DeskContext(QObject):
    """The open desk: ``changed`` is emitted after anything that changes the inbox."""

    changed = Signal()

    def __init__(self, service: DeskService, session: SessionLock, *,
                 choose_save_path: PathChooser | None = None, choose_folder: PathChooser | None = None,
                 choose_open_path: PathChooser | None = None) -> None:
        super().__init__()
        self.service = service
        self.session = session
        self.choose_save_path = choose_save_path or _ask_save_path
        self.choose_folder = choose_folder or _ask_folder
        self.choose_open_path = choose_open_path or _ask_open_path
        #: Opens (or raises) the window of one notification; set by the inbox window.
        self.open_notification: Callable[[str], object] | None = None


def _ask_save_path(parent: QWidget, title: str, suggested: str) -> Path | None:
    from PySide6.QtWidgets import QFileDialog

    name, _ = QFileDialog.getSaveFileName(parent, title, suggested)
    return Path(name) if name else None


def _ask_folder(parent: QWidget, title: str, suggested: str) -> Path | None:
    from PySide6.QtWidgets import QFileDialog

    name = QFileDialog.getExistingDirectory(parent, title, suggested)
    return Path(name) if name else None


def _ask_open_path(parent: QWidget, title: str, suggested: str) -> Path | None:
    from PySide6.QtWidgets import QFileDialog

    name, _ = QFileDialog.getOpenFileName(parent, title, suggested)
    return Path(name) if name else None
