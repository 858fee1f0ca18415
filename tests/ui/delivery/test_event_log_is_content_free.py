"""What IT can see holds every refusal and no notification content: a marker scan of the event log.

A real app (services, shell, delivery, a real vault) writes a notification whose every text carries a
marker, finalises it, and meets refusals on the way: a wrong passphrase, the intake refusing the
notification, a guideline pack update with the marker in it refused, the session locked. The log then
holds a line with a message id for each refusal, and none of the marker, the child's name or CPR
number, anywhere in any log file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from pytestqt.qtbot import QtBot

from desktop import eventlog
from desktop.config.pack_signing import generate_key_pair, load_signing_key, sign_pack
from desktop.config.pack_updates import PackUpdater, UpdateOutcome
from desktop.config.policy import Policy
from intake.server import BackgroundIntake
from tests.ui.delivery.test_send_again import _refusing_gateway
from tests.unit.config.conftest import make_pack_yaml

if TYPE_CHECKING:
    from tests.ui.delivery.conftest import DeliveryApp, Municipality

MARKER = "ZQXMARKER"
CPR = "120522-4006"
WAIT_MS = 30_000


@pytest.fixture(autouse=True)
def event_log(isolated_user_folders: Path) -> Iterator[Path]:
    eventlog.install()
    try:
        yield eventlog.log_file().parent
    finally:
        eventlog.uninstall()


#: The free-text answers: what a person writes about a child.
TEXTS = ("child.name", "child.address", "events.observations", "events.child_words", "events.actions_taken",
         "events.assessment", "notifier.name", "notifier.workplace")


def _marked(answers: dict[str, object]) -> dict[str, object]:
    """The same notification with the marker in every free-text answer."""
    marked = dict(answers)
    for key in TEXTS:
        marked[key] = f"{answers[key]} {MARKER}"
    marked["child.cpr"] = CPR
    marked["child.name"] = f"Emma {MARKER} Ærøskøbing"
    return marked


def test_the_event_log_holds_every_refusal_with_its_id_and_no_notification_content(
        qtbot: QtBot, delivery_app: Callable[..., DeliveryApp], municipality: Municipality,
        answers: dict[str, object], tmp_path: Path, event_log: Path) -> None:
    real = BackgroundIntake(tmp_path / "intake.sqlite", municipality.receipt_signing,
                            cert_file=municipality.cert_file, key_file=municipality.key_file,
                            reference_prefix="KOM").start()
    gateway = _refusing_gateway(municipality, real.url, tmp_path)
    try:
        app = delivery_app()
        unlock = app.shell.unlock_window
        assert unlock is not None
        unlock.passphrase_edit.setText(f"wrong {MARKER}")  # a wrong passphrase: refused, logged
        unlock.unlock()
        qtbot.waitUntil(lambda: not unlock._busy, timeout=WAIT_MS)
        app.unlock()
        notification_id = app.finalise_draft(_marked(answers))
        qtbot.waitUntil(lambda: app.summary_state(notification_id) == "failed", timeout=WAIT_MS)

        # A pack update carrying the marker, refused (an older version than the one shipped).
        private, _ = generate_key_pair("kommune-2026", tmp_path / "keys")
        key = load_signing_key(private)
        share = tmp_path / "share"
        share.mkdir()
        pack = make_pack_yaml(version="2020.1", note=MARKER)
        (share / "demo-kommune.yaml").write_bytes(pack)
        (share / "demo-kommune.yaml.sig").write_bytes(sign_pack(pack, key))
        policy = Policy(municipality="demo-kommune", pack_source=str(share),
                        trusted_pack_keys=[key.public_key()])
        assert PackUpdater(policy).check(datetime.now(UTC)).outcome is UpdateOutcome.REFUSED

        app.services.session.lock()  # logged with its reason
    finally:
        gateway.stop()
        real.stop()

    ids = {entry.message_id for entry in eventlog.entries(event_log)}
    assert {"vault.wrong_passphrase", "pack.older_version", "session.locked"} <= ids, ids
    # The intake's refusal is among the problems doctor lists, with its id and the notification's.
    refused = [entry for entry in eventlog.recent_problems(event_log, limit=100)
               if entry.message_id == "intake.malformed"]
    assert refused and f"notification={notification_id}" in refused[-1].text, refused
    every_file = b"".join(path.read_bytes() for path in sorted(event_log.iterdir()) if path.is_file())
    for secret in (MARKER, CPR, CPR.replace("-", ""), "Emma", "Ærøskøbing"):
        assert secret.encode("utf-8") not in every_file, f"{secret!r} reached the event log"
