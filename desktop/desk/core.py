"""The desk's services' common part: the vault under one lock, the clock, the intake's client, errors.

:class:`DeskCore` is what the service's parts share (``desktop.desk.service.DeskService`` is made of
it, :class:`desktop.desk.syncing.Syncing` and :class:`desktop.desk.enrolling.Enrolling`). One lock
serialises all use of the vault, which one connection serves.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime

from desktop.desk.inbox_client import InboxClient
from desktop.desk.store.vault import DeskVault
from desktop.errors import UnderretError
from desktop.store.clock import utc_now


class StepTaken(UnderretError):  # noqa: N818 - what the caseworker is told
    """Another desk already did this step; ``details`` hold its initials and time (no content)."""

    message_id = "desk.step_taken"


class DeskNotSetUp(UnderretError):  # noqa: N818 - what the caseworker is told
    """Something the action needs is missing (initials, the intake, a signing key)."""

    message_id = "desk.not_set_up"


class DeskCore:
    """The vault under one lock, the clock and (when enrolled) the intake's client."""

    def __init__(self, vault: DeskVault, *, clock: Callable[[], datetime] = utc_now,
                 client_factory: Callable[[DeskVault], InboxClient | None] | None = None) -> None:
        self.vault = vault
        self._clock = clock
        self._lock = threading.RLock()
        self._client_factory = client_factory or default_client
        self._client: InboxClient | None = None

    # --- plumbing ------------------------------------------------------------------------------
    @contextmanager
    def _locked(self) -> Iterator[DeskVault]:
        with self._lock:
            yield self.vault

    def now(self) -> datetime:
        return self._clock()

    def close(self) -> None:
        with self._lock:
            if self._client is not None:
                self._client.close()
                self._client = None

    def close_vault(self) -> None:
        """Lock: the intake's client and the vault closed under the lock every vault use holds.

        A background job (inbox load, summary, sync) may be in a query: the vault goes
        after it, never from under it; a later job meets VaultLocked.
        """
        with self._lock:
            self.close()
            self.vault.close()

    def _intake(self) -> InboxClient | None:
        if self._client is None:
            self._client = self._client_factory(self.vault)
        return self._client


def default_client(vault: DeskVault) -> InboxClient | None:
    """The enrolled intake's client from the vault's settings; None for a desk without one."""
    url = vault.settings.get("intake_url")
    credential = vault.settings.get("desk_credential")
    if not url or not credential:
        return None
    return InboxClient(url, ca_pem=vault.settings.get("intake_ca_pem") or None, credential=credential)
