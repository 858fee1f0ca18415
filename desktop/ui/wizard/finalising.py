"""Finalising: the one step that turns a draft into a locked, queued notification.

The wizard validates and builds the document (domain); the rest (PDF, sealed
envelope, the vault transaction that locks the draft and queues it) belongs to
the delivery area. The wizard calls it through :class:`NotificationFinaliser`,
which the composition root sets as ``services.finalise``. It runs on a worker
thread, so it must open its own vault connection (``services.open_reader()``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication

from desktop.domain.document import NotificationDocument
from desktop.errors import UnderretError
from desktop.ui import messages

if TYPE_CHECKING:
    from desktop.ui.services import Services


class NotificationFinaliser(Protocol):
    """Render, seal and queue a validated notification, locking the draft (worker thread)."""

    def __call__(self, draft_id: str, document: NotificationDocument) -> None: ...


class OutboxFinaliser:
    """The default ``services.finalise``: seal to the intake of the pack/policy in force and queue.

    Demo mode replaces it with its own (watermarked PDF, the demo intake's key).
    """

    def __init__(self, services: Services) -> None:
        self._services = services

    def __call__(self, draft_id: str, document: NotificationDocument) -> None:
        from desktop.outbox.finalise import finalise_and_queue  # the same step the delivery service runs

        services = self._services
        finalise_and_queue(services.open_reader, services.pack(), services.policy, draft_id, document,
                           demo=services.demo, directory=services.directory())


class FinaliseUnavailable(UnderretError):  # noqa: N818 - house style: errors named for the situation
    """This installation cannot send yet (no finaliser wired); the draft stays as it is."""

    message_id = "wizard.finalise_unavailable"


messages.register("wizard.finalise_unavailable", lambda: QCoreApplication.translate(
    "WizardMessages", "This PC is not set up to send notifications yet. What you wrote is kept as a "
                      "draft. Please contact IT, and phone the municipality if the matter is urgent."))
messages.register("delivery.municipality_not_reachable", lambda: QCoreApplication.translate(
    "WizardMessages", "{name} cannot receive notifications through Underret yet, so this notification "
                      "cannot be sent from here. It is kept here as a draft and is not sent by itself; "
                      "nothing is lost. Phone {name} on {number} today and tell them about your concern."))
messages.register("delivery.municipality_not_reachable_no_phone", lambda: QCoreApplication.translate(
    "WizardMessages", "{name} cannot receive notifications through Underret yet, so this notification "
                      "cannot be sent from here. It is kept here as a draft and is not sent by itself; "
                      "nothing is lost. Phone {name} today (the number is on the municipality's website) and "
                      "tell them about your concern."))
messages.register("delivery.municipality_not_reachable_by_policy", lambda: QCoreApplication.translate(
    "WizardMessages", "{name} receives notifications through Underret over the internet, and this PC may "
                      "only send them by secure e-mail (set by the IT department). So this notification "
                      "cannot be sent from here. It is kept here as a draft and is not sent by itself; "
                      "nothing is lost. Phone {name} on {number} today and tell them about your concern."))
messages.register("delivery.municipality_not_reachable_by_policy_no_phone",
                  lambda: QCoreApplication.translate(
    "WizardMessages", "{name} receives notifications through Underret over the internet, and this PC may "
                      "only send them by secure e-mail (set by the IT department). So this notification "
                      "cannot be sent from here. It is kept here as a draft and is not sent by itself; "
                      "nothing is lost. Phone {name} today (the number is on the municipality's website) "
                      "and tell them about your concern."))
messages.register("notification.incomplete", lambda: QCoreApplication.translate(
    "WizardMessages", "Something is still missing in the notification. Please look at the marked field."))
messages.register("wizard.save_failed", lambda: QCoreApplication.translate(
    "WizardMessages", "Your latest changes could not be saved. Keep this window open and try again."))
