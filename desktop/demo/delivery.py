"""Finalising and sending in demo mode: PDF with the DEMO watermark, sealed to the demo key.

The same steps as a real notification (render, seal once, lock and queue in
one vault transaction), but the PDF always carries the watermark and the
envelope is sealed only to the built-in intake's key. Runs on a worker
thread with its own vault connection.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from desktop.demo.transport import DemoTarget, demo_transport
from desktop.documents.pdf import render_pdf
from desktop.domain.document import NotificationDocument
from desktop.outbox.finalise import finalise_document
from desktop.outbox.sender import OutboxSender

if TYPE_CHECKING:
    from desktop.domain.directory import MunicipalityDirectory
    from desktop.store.vault import Vault

log = logging.getLogger(__name__)


def make_demo_finaliser(
    open_vault: Callable[[], Vault], target: Callable[[], DemoTarget],
    directory: Callable[[], MunicipalityDirectory | None] = lambda: None,
) -> Callable[[str, NotificationDocument], None]:
    """``services.finalise`` for demo mode (see :mod:`desktop.ui.wizard.finalising`).

    Routed like the real thing through the training directory: a child living in Demo Kommune or
    Nabolund goes to the built-in intake; any other municipality cannot be reached, and the trainee
    is told to phone (MunicipalityNotReachable), exactly as for real.
    """

    def finalise(draft_id: str, document: NotificationDocument) -> None:
        if document.notification_id != draft_id:
            raise ValueError("the document belongs to another draft")
        known = directory()
        if known is not None:
            from desktop.outbox.target import directory_target

            code = document.child.municipality_code
            directory_target(code, known.entry(code))  # MunicipalityNotReachable before anything changes
        recipient = target().recipient
        vault = open_vault()
        try:
            # The real finalising step (reply key included), to the demo intake's key.
            finalise_document(vault, document, [recipient], render_pdf, demo=True)
        finally:
            vault.close()
        log.info("demo: %s finalised and queued", draft_id)

    return finalise


def make_demo_sender(open_vault: Callable[[], Vault], target: DemoTarget) -> OutboxSender:
    """The outbox sender for demo mode: only to the built-in intake (loopback enforced)."""
    return OutboxSender(open_vault, demo_transport(target), target.receipt_key)
