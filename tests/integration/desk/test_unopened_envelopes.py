"""An envelope the desk cannot open is kept with why, named in the daily summary, and opened after the key
import that was missing: no notification is ever silently lost."""

from __future__ import annotations

import uuid
from pathlib import Path

from desktop.desk.replies import ProtocolSealer
from desktop.desk.service import DeskService
from desktop.desk.store.vault import DeskVault
from desktop.store.keys import KeyProtection, zero
from desktop.store.profiles import ProfileDirectory
from intake.server import BackgroundIntake
from tests.integration.desk.conftest import CHILD
from tests.support.roundtrip import CHEAP_SCRYPT, PASSPHRASE, Municipality, NotifierApp, document_for


def test_an_envelope_waiting_for_a_key_is_kept_and_opened_after_the_import(
        tmp_path: Path, municipality: Municipality, intake: BackgroundIntake,
        notifiers: list[NotifierApp]) -> None:
    name, cpr, birth = CHILD
    nid = notifiers[0].file(document_for(str(uuid.uuid4()), name=name, cpr=cpr, birth=birth, acute=True,
                                         observation="Set i dag."))
    notifiers[0].deliver()
    profiles = ProfileDirectory(tmp_path / "desk", scrypt=CHEAP_SCRYPT, vault_type=DeskVault)
    info, key = profiles.create("Modtagelsen", KeyProtection.PASSPHRASE, PASSPHRASE)
    vault = DeskVault.open(info.vault_path, key)
    zero(key)
    service = DeskService(vault, sealer=ProtocolSealer())
    try:
        service.set_caseworker("MK", "Ærø Kommune")
        service.enrol(intake.url, municipality.desk_token(str(tmp_path / "intake.sqlite")),
                      ca_pem=municipality.ca_pem.decode(), name="MK")  # no key imported yet
        result = service.sync()
        assert (result.new, result.unopened) == (0, 1)
        [waiting] = service.unopened()
        assert (waiting.notification_id, waiting.reason) == (nid, "envelope.no_key")
        assert service.inbox_state().unopened == 1
        assert service.sync().unopened == 0  # kept once, not fetched again
        service.import_key(municipality.key_files.recipient_private)
        assert service.unopened() == []
        assert [row.notification_id for row in service.inbox()] == [nid]
    finally:
        service.close()
        vault.close()
