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
from desktop.outbox.sender import OutboxSender
from protocol.envelope import seal

if TYPE_CHECKING:
    from desktop.store.vault import Vault

log = logging.getLogger(__name__)


def make_demo_finaliser(open_vault: Callable[[], Vault],
                        target: Callable[[], DemoTarget]) -> Callable[[str, NotificationDocument], None]:
    """``services.finalise`` for demo mode (see :mod:`desktop.ui.wizard.finalising`)."""

    def finalise(draft_id: str, document: NotificationDocument) -> None:
        recipient = target().recipient
        vault = open_vault()
        try:
            document_json = document.to_json_bytes()
            pdf = render_pdf(document, demo=True)
            envelope = seal(notification_id=draft_id, form_version=document.form.version,
                            files={"notification.json": document_json, "notification.pdf": pdf},
                            recipients=[recipient], sender_seed=vault.profile.sender_key_seed())
            vault.notifications.finalise(draft_id, document_json=document_json, pdf=pdf, envelope=envelope,
                                         municipality=document.pack.municipality_name,
                                         acute=document.acute, corrects=document.corrects)
        finally:
            vault.close()
        log.info("demo: %s finalised and queued", draft_id)

    return finalise


def make_demo_sender(open_vault: Callable[[], Vault], target: DemoTarget) -> OutboxSender:
    """The outbox sender for demo mode: only to the built-in intake (loopback enforced)."""
    return OutboxSender(open_vault, demo_transport(target), target.receipt_key)
