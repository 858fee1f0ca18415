"""The guided notification wizard: pages drawn from the form definition, autosaved drafts.

The domain (:mod:`desktop.domain.flow`, ``validation``, ``building``) decides
which pages and fields show, what is valid and what the municipality receives;
this package only draws it and saves what is typed.

:func:`install` runs before the first window is shown, so it imports nothing of
the wizard itself: the window, crash recovery and the form are loaded when they
are first needed (crash recovery on the first unlock).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from desktop.domain.document import NotificationDocument
    from desktop.ui.services import Services
    from desktop.ui.wizard.read_ahead import ReadAhead
    from desktop.ui.wizard.recovery import SessionRecovery


def open_wizard_window(services: Services, draft_id: str | None) -> QWidget:
    """``services.wizard_factory``: the window for a new notification or an existing one."""
    from desktop.ui.wizard.window import WizardWindow

    return WizardWindow(services, draft_id)


def install(services: Services) -> FirstUnlock:
    """Wire the wizard into the app: the window factory, and crash recovery from the first unlock."""
    services.wizard_factory = open_wizard_window
    if getattr(services, "finalise", None) is None:
        # The composition root (or demo mode) may already have set its own.
        setattr(services, "finalise", _LazyOutboxFinaliser(services))  # noqa: B010 - Services has no such slot yet
    return FirstUnlock(services)


class FirstUnlock(QObject):
    """On the first ``session.unlocked``: start crash recovery (:attr:`recovery`), and get ready for
    the first notification window (:attr:`read_ahead`, see :mod:`.read_ahead`)."""

    def __init__(self, services: Services) -> None:
        super().__init__(services)  # lives as long as the services
        self._services = services
        self.recovery: SessionRecovery | None = None
        self.read_ahead: ReadAhead | None = None
        services.session.unlocked.connect(self._on_unlocked)

    def _on_unlocked(self) -> None:
        from desktop.ui.wizard.read_ahead import ReadAhead
        from desktop.ui.wizard.recovery import SessionRecovery

        self._services.session.unlocked.disconnect(self._on_unlocked)
        # From now on it follows every lock and unlock itself; this first unlock it is told directly
        # (a slot connected while a signal is being emitted is not called for that emission).
        self.recovery = SessionRecovery(self._services)
        self.recovery.begin()
        self.read_ahead = ReadAhead(self._services, self)
        self.read_ahead.start()


class _LazyOutboxFinaliser:
    """``OutboxFinaliser``, its module (and the pydantic document models) imported on first use.

    Importing them in :func:`install` cost start-up time before the first window.
    """

    def __init__(self, services: Services) -> None:
        self._services = services

    def __call__(self, draft_id: str, document: NotificationDocument) -> None:
        from desktop.ui.wizard.finalising import OutboxFinaliser

        OutboxFinaliser(self._services)(draft_id, document)
