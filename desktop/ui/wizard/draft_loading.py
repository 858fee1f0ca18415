"""What a notification window opens: a new draft with the notifier's details, a saved draft, or a
finalised notification (read-only, or gone after the retention period).

No widgets here: the window asks :func:`open_notification` and draws what comes back.
"""

from __future__ import annotations

import functools
import threading
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from desktop.domain.forms import FormDefinition, initial_answers, load_form
from desktop.domain.migration import migrate_answers
from desktop.errors import UnderretError
from desktop.store.errors import DiskFull, NotADraft, VaultIOError, VaultReadOnly
from desktop.ui.messages import message_for

if TYPE_CHECKING:
    from desktop.domain.document import NotificationDocument
    from desktop.store.vault import Vault

#: Reserved answers key: the notification a correction corrects (not a form field).
CORRECTS_KEY = "meta.corrects"

#: Form fields filled from (and remembered in) the person's profile: field id -> profile attribute.
PROFILE_FIELDS = {
    "notifier.name": "name", "notifier.role": "role", "notifier.workplace": "workplace",
    "notifier.work_address": "work_address", "notifier.phone": "phone", "notifier.email": "email",
}


_FORM_LOCK = threading.Lock()


def shipped_form() -> FormDefinition:
    """The shipped form, read once per run (it is immutable; opening a window need not parse YAML).

    The wizard reads it ahead on a worker thread after the first unlock; a window opened
    meanwhile waits for that reading instead of parsing the file a second time.
    """
    with _FORM_LOCK:
        return _read_shipped_form()


@functools.cache
def _read_shipped_form() -> FormDefinition:
    return load_form()


@dataclass
class OpenedNotification:
    """What the window shows: answers to edit, or a finalised document (``read_only``)."""

    answers: dict[str, Any] = field(default_factory=dict)
    page: str | None = None
    created_at: datetime | None = None
    read_only: bool = False
    finalised_id: str | None = None
    document: NotificationDocument | None = None
    #: Why a finalised notification cannot be shown (e.g. its content was purged), in words.
    unavailable: str = ""
    #: The vault could not be written while opening (a full disk): the draft opens all the same, and
    #: the window says so at once.
    write_problem: UnderretError | None = None


def open_notification(vault: Vault, draft_id: str | None, form: FormDefinition,
                      profile_name: str = "") -> OpenedNotification:
    """Read ``draft_id`` (or start a new notification) and note an open draft for crash recovery.

    A new notification starts with the notifier's details from the last one; the very first with
    the name the person gave their profile (``profile_name``) as "Your name".
    """
    if draft_id is None:
        answers = initial_answers(form)
        profile = vault.profile.get()
        for field_id, attribute in PROFILE_FIELDS.items():
            value = getattr(profile, attribute)
            if value:
                answers[field_id] = value
        if profile_name.strip() and not answers.get("notifier.name") and "notifier.name" in PROFILE_FIELDS:
            answers["notifier.name"] = profile_name.strip()
        return OpenedNotification(answers=answers)
    try:
        draft = vault.notifications.get_draft(draft_id)
    except NotADraft:
        return _open_finalised(vault, draft_id)
    write_problem: UnderretError | None = None
    try:
        vault.profile.note_open_draft(draft_id)
    except (DiskFull, VaultReadOnly, VaultIOError) as error:
        # Only crash recovery's note: the draft still opens (it used to stay shut on a full disk).
        write_problem = error
    # A draft written under an older form (1.x) opens under this one with every answer kept.
    answers = migrate_answers(draft.answers, form.version)
    page = draft.page if draft.page in {s.id for s in form.sections} else None
    return OpenedNotification(answers=answers, page=page, created_at=draft.created_at,
                              write_problem=write_problem)


def _open_finalised(vault: Vault, notification_id: str) -> OpenedNotification:
    from desktop.domain.document_reading import read_document

    opened = OpenedNotification(read_only=True, finalised_id=notification_id)
    try:
        stored = vault.notifications.get_document(notification_id)
    except UnderretError as error:  # e.g. the content was purged after the retention period
        opened.unavailable = message_for(error)
        return opened
    opened.document = read_document(stored)  # schema v1 (before Notification 2.0) or v2
    return opened


def remember_notifier(vault: Vault, answers: dict[str, Any]) -> None:
    """Keep the notifier's work details for the next notification."""
    from desktop.store.profile_repo import UserProfile

    values = {attribute: answers.get(field_id) for field_id, attribute in PROFILE_FIELDS.items()}
    vault.profile.save(UserProfile(**{k: v if isinstance(v, str) else "" for k, v in values.items()}))
