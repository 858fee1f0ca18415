"""Where the wizard keeps a draft's attachments: the open draft's rows in the vault.

The attachments editor only knows :class:`AttachmentStore`; the window hands it a
:class:`DraftAttachments`, which makes sure the draft exists in the vault before the first file is
stored with it, and saves the answers without a file before that file's bytes are deleted (so a
crash in between never leaves the answers naming bytes that are gone).
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

    def add(self, name: str, media_type: str, data: bytes) -> dict[str, Any]:
        """Store sanitised bytes; the entry the answers keep (``id``, ``name``, ``media_type``...)."""
        ...

    def remove(self, attachment_id: str) -> None:
        """Delete one stored attachment (its entry is already gone from the answers)."""
        ...


class DraftNotSaved(UnderretError):  # noqa: N818 - house style: errors named for what happened
    """The draft could not be saved, so there is nothing to keep the attachment with yet."""

    message_id = "attachment.not_saved"


class DraftAttachments:
    """The attachment store of one wizard window's draft."""

    def __init__(self, vault: Callable[[], Vault], keeper: DraftKeeper) -> None:
        self._vault = vault
        self._keeper = keeper

    def add(self, name: str, media_type: str, data: bytes) -> dict[str, Any]:
        if self._keeper.draft_id is None:
            self._keeper.changed()  # a new draft is created on its first save
            if not self._keeper.save_now() or self._keeper.draft_id is None:
                raise DraftNotSaved()
        stored = self._vault().attachments.add(self._keeper.draft_id, name=name, media_type=media_type,
                                               data=data)
        return stored.as_answer()

    def remove(self, attachment_id: str) -> None:
        draft_id = self._keeper.draft_id
        if draft_id is None:
            return
        if not self._keeper.save_now():
            return  # the answers still name it; its bytes stay until the draft saves
        self._vault().attachments.remove(draft_id, attachment_id)
