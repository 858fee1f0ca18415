"""Finalising a draft: build the document, render the PDF, seal the envelope once, queue it.

The envelope is sealed here and only here; every later delivery attempt
resends these exact bytes. The vault then locks the content and puts the
envelope in the outbox in one transaction, so a notification is either
still a draft or finalised and queued, never half of each.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from desktop.domain.building import build_document
from desktop.domain.codes import municipality_name
from desktop.domain.document import NotificationDocument
from protocol.envelope import RecipientKey, envelope_sha256, seal
from protocol.replies import ReplyKey

if TYPE_CHECKING:
    from desktop.config.policy import Policy
    from desktop.domain.directory import MunicipalityDirectory
    from desktop.domain.forms import FormDefinition
    from desktop.domain.packs import GuidelinePack
    from desktop.store.vault import Vault

log = logging.getLogger(__name__)

#: ``render_pdf(document, demo=...) -> bytes`` (desktop.documents.pdf.render_pdf).
PdfRenderer = Callable[..., bytes]


@dataclass(frozen=True)
class FinalisedNotification:
    """What finalising produced (the content itself stays in the vault)."""

    notification_id: str
    envelope_sha256: str
    acute: bool


def finalise_notification(
    vault: Vault,
    draft_id: str,
    form: FormDefinition,
    pack: GuidelinePack,
    recipients: Sequence[RecipientKey],
    language: str,
    now: datetime,
    render_pdf: PdfRenderer | None = None,
    *,
    corrects: str | None = None,
    demo: bool | None = None,
    attachments: Mapping[str, bytes] | None = None,
) -> FinalisedNotification:
    """Finalise ``draft_id``: raises NotificationIncomplete (domain) if a blocking problem remains.

    ``demo`` defaults to the pack's demo flag (the PDF then carries a DEMO watermark).
    ``attachments`` names must be content-free (e.g. ``attachment-1.jpg``).
    """
    if render_pdf is None:
        from desktop.documents.pdf import render_pdf as default_renderer

        render_pdf = default_renderer
    draft = vault.notifications.get_draft(draft_id)
    document = build_document(
        form,
        pack,
        draft.answers,
        notification_id=draft_id,
        created_at=draft.created_at,
        finalised_at=now,
        language=language,
        corrects=corrects,
    )
    return finalise_document(
        vault,
        document,
        recipients,
        render_pdf,
        demo=pack.demo if demo is None else demo,
        attachments=attachments,
    )


def finalise_document(
    vault: Vault,
    document: NotificationDocument,
    recipients: Sequence[RecipientKey],
    render_pdf: PdfRenderer,
    *,
    demo: bool = False,
    attachments: Mapping[str, bytes] | None = None,
) -> FinalisedNotification:
    """Render, seal and queue an already built document (its id is the draft's id).

    A fresh reply key per notification goes inside the envelope (its seed into the vault, in the
    same transaction), so the municipality's acknowledgement and orientation can reach this PC.
    The attachments the document lists travel beside it, their cleaned bytes read from the vault
    (``attachments`` gives them instead, by their names in the envelope).
    """
    if attachments is None:
        attachments = vault.attachments.envelope_files(document.notification_id, document.attachments)
        vault.attachments.keep_listed(document.notification_id, document.attachments)
    document_json = document.to_json_bytes()
    pdf = render_pdf(document, demo=demo)
    files = {"notification.json": document_json, "notification.pdf": pdf, **attachments}
    reply_key = ReplyKey.generate()
    envelope = seal(
        notification_id=document.notification_id,
        form_version=document.form.version,
        files=files,
        recipients=list(recipients),
        sender_seed=vault.profile.sender_key_seed(),
        reply_key=reply_key.public(),
    )
    vault.notifications.finalise(
        document.notification_id,
        document_json=document_json,
        pdf=pdf,
        envelope=envelope,
        # The municipality it goes to: where the child lives (named, for the person's lists).
        municipality=municipality_name(document.child.municipality_code),
        acute=document.acute,
        corrects=document.corrects,
        reply_seed=reply_key.seed,
    )
    log.info("finalise: %s sealed and queued", document.notification_id)
    return FinalisedNotification(document.notification_id, envelope_sha256(envelope), document.acute)


def finalise_and_queue(
    open_vault: Callable[[], Vault],
    pack: GuidelinePack,
    policy: Policy | None,
    draft_id: str,
    document: NotificationDocument,
    *,
    demo: bool = False,
    render_pdf: PdfRenderer | None = None,
    directory: MunicipalityDirectory | None = None,
) -> FinalisedNotification:
    """The app's finalise step (``services.finalise``, the wizard's default and the delivery service's).

    Checks that ``document`` belongs to ``draft_id``, finds the intake of the municipality where the
    child lives (the PC's own from policy and pack, any other from the municipality directory;
    ``IntakeNotConfigured`` or ``MunicipalityNotReachable`` before anything is changed: the draft is
    kept), then renders, seals to that municipality's keys and queues on a connection of its own from
    ``open_vault`` (finalising runs on a worker thread), closed afterwards.
    """
    from desktop.outbox.target import route

    if document.notification_id != draft_id:
        raise ValueError("the document belongs to another draft")
    target = route(document.child.municipality_code, pack, policy, directory)
    if render_pdf is None:
        from desktop.documents.pdf import render_pdf as default_renderer

        render_pdf = default_renderer
    vault = open_vault()
    try:
        return finalise_document(vault, document, target.recipients, render_pdf, demo=demo or pack.demo)
    finally:
        vault.close()
