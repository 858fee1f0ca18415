"""Where the wizard keeps a draft's attachments: the open draft's rows in the vault.

The attachments editor only knows :class:`AttachmentStore`; the window hands it a
:class:`DraftAttachments`. Storing a file (up to 10 MB) and deleting one take longer than a frame,
so both run on a worker thread, each on a vault connection of its own; what must happen in order
happens first on the GUI thread: the draft is saved (created) before the first file is stored with
it, and the answers without a file are saved before that file's bytes are deleted, so a crash in
between never leaves the answers naming bytes that are gone.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from desktop.errors import UnderretError

if TYPE_CHECKING:
    from desktop.store.vault import Vault
    from desktop.ui.wizard.drafts import DraftKeeper


class AttachmentStore(Protocol):
    """Keeps attachment bytes with the notification being written."""

    def begin(self) -> str:
        """GUI thread, before storing: the draft's id (a new draft is saved first)."""
        ...

    def add(self, draft_id: str, name: str, media_type: str, data: bytes) -> dict[str, Any]:
        """Worker thread: store cleaned bytes; the entry the answers keep (``id``, ``name``...)."""
        ...

    def before_removal(self) -> str | None:
        """GUI thread, after the entry left the answers: save them; the draft's id, or None when the
        answers could not be saved (the bytes then stay)."""
        ...

    def remove(self, draft_id: str, attachment_id: str) -> None:
        """Worker thread: delete one stored attachment."""
        ...


class DraftNotSaved(UnderretError):  # noqa: N818 - house style: errors named for what happened
    """The draft could not be saved, so there is nothing to keep the attachment with yet."""

    message_id = "attachment.not_saved"


class DraftAttachments:
    """The attachment store of one wizard window's draft.

    ``open_connection`` opens a vault connection of its own (``Services.open_reader``): it is called
    on the worker thread, and the connection is closed there.
    """

    def __init__(self, open_connection: Callable[[], Vault], keeper: DraftKeeper) -> None:
        self._open = open_connection
        self._keeper = keeper

    def begin(self) -> str:
        if self._keeper.draft_id is None:
            self._keeper.changed()  # a new draft is created on its first save
        if not self._keeper.save_now() or self._keeper.draft_id is None:
            raise DraftNotSaved()
        return self._keeper.draft_id

    def add(self, draft_id: str, name: str, media_type: str, data: bytes) -> dict[str, Any]:
        vault = self._open()
        try:
            return vault.attachments.add(draft_id, name=name, media_type=media_type, data=data).as_answer()
        finally:
            vault.close()

    def before_removal(self) -> str | None:
        if self._keeper.draft_id is None or not self._keeper.save_now():
            return None
        return self._keeper.draft_id

    def remove(self, draft_id: str, attachment_id: str) -> None:
        vault = self._open()
        try:
            vault.attachments.remove(draft_id, attachment_id)
        finally:
            vault.close()
