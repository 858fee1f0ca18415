"""Locking the desk while a background job reads its vault: the vault closes after the job's query.

The desk's background jobs (inbox load, daily summary, sync) use the vault under the service's lock.
Closing the vault outside that lock could pull the connection from under a query in flight.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from desktop.desk.replies import ProtocolSealer
from desktop.desk.service import DeskService
from desktop.desk.store.vault import DeskVault
from desktop.store.errors import VaultLocked
from desktop.store.keys import KeyProtection, zero
from desktop.store.profiles import ProfileDirectory
from tests.support.roundtrip import CHEAP_SCRYPT, PASSPHRASE


def test_the_vault_closes_only_after_the_query_a_background_job_is_in(tmp_path: Path) -> None:
    profiles = ProfileDirectory(tmp_path / "desk", scrypt=CHEAP_SCRYPT, vault_type=DeskVault)
    info, key = profiles.create("Modtagelsen", KeyProtection.PASSPHRASE, PASSPHRASE)
    vault = DeskVault.open(info.vault_path, key)
    zero(key)
    service = DeskService(vault, sealer=ProtocolSealer())
    service.set_caseworker("MK", "Ærø Kommune")
    in_query = threading.Event()
    go_on = threading.Event()
    seen: list[object] = []

    def background_job() -> None:
        with service._locked() as held:  # what every service call does around its vault work
            in_query.set()
            go_on.wait(10)
            seen.append(held.settings.get("initials"))  # still usable: not closed under it

    job = threading.Thread(target=background_job)
    job.start()
    assert in_query.wait(10)
    closer = threading.Thread(target=service.close_vault)  # the lock, from the UI thread
    closer.start()
    closer.join(0.2)
    assert closer.is_alive() and not vault.closed  # waits for the job's query
    go_on.set()
    job.join(10)
    closer.join(10)
    assert seen == ["MK"] and vault.closed
    with pytest.raises(VaultLocked):
        _ = service.initials
