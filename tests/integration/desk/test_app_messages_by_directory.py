"""The notifier app finds its messages through the municipality directory, as the delivery worker runs it.

The municipality's entry in the signed directory names its intake and the keys that sign its messages
(``message_keys``); the app asks that intake's mailbox and trusts only those keys. A municipality
whose entry lists no message keys is not asked: a message nobody can verify would only be refused.
"""

from __future__ import annotations

import base64
import json
import uuid
from pathlib import Path

from desktop.domain.directory import DirectoryEntry, MessageKey, MunicipalityDirectory
from desktop.domain.packs import Intake, IntakeKey, load_pack, packs_dir
from desktop.outbox.replies import DirectoryRoutes, ReplyFetcher
from desktop.outbox.sender import OutboxSender
from desktop.outbox.transport import HttpsIntakeTransport
from desktop.store.vault import Vault
from intake import keys as intake_keys
from intake.server import BackgroundIntake
from tests.integration.desk.conftest import CHILD, desk_for
from tests.support.roundtrip import Municipality, NotifierApp, document_for


def _directory(municipality: Municipality, intake: BackgroundIntake, *,
               with_keys: bool) -> MunicipalityDirectory:
    public = intake_keys.load_recipient_private(municipality.key_files.recipient_private).public()
    section = Intake(required=True, endpoint=intake.url,
                     keys=[IntakeKey(key_id=public.key_id,
                                     public_key=base64.b64encode(public.public_key).decode())],
                     receipt_key=base64.b64encode(municipality.receipt_public).decode(),
                     ca_pem=municipality.ca_pem.decode())
    message = json.loads(municipality.message_public.read_text())
    keys = [MessageKey(key_id=message["key_id"], public_key=message["public_key"])] if with_keys else []
    return MunicipalityDirectory(id="test-directory", version="1", name={"da": "Test", "en": "Test"},
                                 municipalities=[DirectoryEntry(code="492", intake=section,
                                                                message_keys=keys)])


def _pass(app: NotifierApp, routes: DirectoryRoutes) -> list[str]:
    """One delivery pass as the worker runs it; the ids the pass found messages for (the window is told)."""
    key = app._key  # the app's own vault key (the worker opens its own connection with it)
    transport = HttpsIntakeTransport(app._endpoint, ca_pem=app._municipality.ca_pem, timeout=30)
    sender = OutboxSender(lambda: Vault.open(app.folder / "vault.db", key, synchronous="NORMAL"), transport,
                          app._municipality.receipt_public, replies=ReplyFetcher(routes))
    try:
        return sender.run_once().messages
    finally:
        sender.close()


def test_the_kvittering_is_read_from_the_directorys_intake_and_trusted_by_its_message_keys(
        tmp_path: Path, municipality: Municipality, intake: BackgroundIntake,
        notifiers: list[NotifierApp]) -> None:
    pack = load_pack(packs_dir() / "demo-kommune.yaml")
    name, cpr, birth = CHILD
    app = notifiers[0]
    nid = app.file(document_for(str(uuid.uuid4()), name=name, cpr=cpr, birth=birth, acute=False,
                                observation="Set i dag."))  # the child lives in 492, Ærø
    assert app.vault.notifications.get_summary(nid).municipality == "Ærø Kommune"
    without_keys = DirectoryRoutes(pack, None, _directory(municipality, intake, with_keys=False))
    assert without_keys.for_municipality("Ærø Kommune") is None
    assert _pass(app, without_keys) == []  # delivered; no message keys known, so no mailbox is asked
    desk = desk_for(tmp_path, municipality, intake, "MK")
    try:
        desk.service.sync()
        desk.service.acknowledge(nid)
    finally:
        desk.close()
    assert _pass(app, without_keys) == []
    assert app.messages(nid) == []
    assert _pass(app, DirectoryRoutes(pack, None, _directory(municipality, intake, with_keys=True))) == [nid]
    [ack] = app.messages(nid)
    assert (ack.kind, ack.unit) == ("acknowledgement", "Ærø Kommune, Børn og Familie")
