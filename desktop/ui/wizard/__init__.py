"""The guided notification wizard: pages drawn from the form definition, autosaved drafts.

The domain (:mod:`desktop.domain.flow`, ``validation``, ``building``) decides
which pages and fields show, what is valid and what the municipality receives;
this package only draws it and saves what is typed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from desktop.app import Services
    from desktop.domain.document import NotificationDocument


def open_wizard_window(services: Services, draft_id: str | None) -> QWidget:
    """``services.wizard_factory``: the window for a new notification or an existing one."""
    from desktop.ui.wizard.window import WizardWindow

    return WizardWindow(services, draft_id)


def install(services: Services) -> None:
    """Wire the wizard into the app: the window factory and crash recovery on unlock."""
    from desktop.ui.wizard.recovery import SessionRecovery

    services.wizard_factory = open_wizard_window
    if getattr(services, "finalise", None) is None:
        # The composition root (or demo mode) may already have set its own.
        setattr(services, "finalise", _LazyOutboxFinaliser(services))  # noqa: B010 - Services has no such slot yet
    SessionRecovery(services)


class _LazyOutboxFinaliser:
    """``OutboxFinaliser``, its module (and the pydantic document models) imported on first use.

    Importing them in :func:`install` cost start-up time before the first window.
    """

    def __init__(self, services: Services) -> None:
        self._services = services

    def __call__(self, draft_id: str, document: NotificationDocument) -> None:
        from desktop.ui.wizard.finalising import OutboxFinaliser

        OutboxFinaliser(self._services)(draft_id, document)
