"""A kvittering the desk could not keep is never claimed at the intake, and one claimed is never lost.

"Send kvittering" seals the message, keeps it in the desk's vault, claims the step at the intake (so no
other desk sends one too) and hands it over. Claimed first and kept second, a vault that cannot be
written (disk full, the PC switched off between the two) left the intake saying "kvittering sent" for a
message that exists nowhere: every desk then shows it done, and the notifier waits in vain and is told
to phone. Real intake over TLS, real desk vaults, real notifier apps.
"""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from desktop.desk.inbox_client import InboxUnavailable
from desktop.desk.service import StepTaken
from desktop.desk.store.handling import Step
from intake.server import BackgroundIntake
from tests.integration.desk.conftest import CHILD, desk_for
from tests.support.roundtrip import Municipality, NotifierApp, document_for


def _filed(app: NotifierApp) -> str:
    name, cpr, birth = CHILD
    nid = app.file(document_for(str(uuid.uuid4()), name=name, cpr=cpr, birth=birth, acute=False,
                                observation="Set i dag."))
    app.deliver()
    return nid


def test_a_kvittering_that_cannot_be_kept_is_not_claimed(
        tmp_path: Path, municipality: Municipality, intake: BackgroundIntake, notifiers: list[NotifierApp],
        monkeypatch: pytest.MonkeyPatch) -> None:
    nid = _filed(notifiers[0])
    desk = desk_for(tmp_path, municipality, intake, "MK")
    other = desk_for(tmp_path, municipality, intake, "LB")
    try:
        desk.service.sync()
        other.service.sync()
        with monkeypatch.context() as broken:
            def full(*_args: object) -> None:
                raise OSError(28, "No space left on device")

            broken.setattr(desk.service.vault.outgoing, "add", full)
            with pytest.raises(OSError):
                desk.service.acknowledge(nid)
        # Nothing claimed: the other desk (or this one, once it can write) sends it.
        other.service.sync()
        assert other.service.vault.handling.get(nid).done(Step.ACKNOWLEDGED) is None
        other.service.acknowledge(nid)
        desk.service.sync()
        assert desk.service.vault.handling.get(nid).done(Step.ACKNOWLEDGED).by == "LB"  # type: ignore[union-attr]
    finally:
        desk.close()
        other.close()
    notifiers[0].deliver()
    assert [m.kind for m in notifiers[0].messages(nid)] == ["acknowledgement"]


def test_a_kvittering_refused_because_another_desk_sent_one_is_not_sent_too(
        tmp_path: Path, municipality: Municipality, intake: BackgroundIntake,
        notifiers: list[NotifierApp]) -> None:
    nid = _filed(notifiers[0])
    desk = desk_for(tmp_path, municipality, intake, "MK")
    other = desk_for(tmp_path, municipality, intake, "LB")
    try:
        desk.service.sync()
        other.service.sync()
        desk.service.acknowledge(nid)
        with pytest.raises(StepTaken):
            other.service.acknowledge(nid)  # LB had not seen MK's yet
        assert other.service.vault.outgoing.waiting() == []
        other.service.sync()
    finally:
        desk.close()
        other.close()
    notifiers[0].deliver()
    assert [m.kind for m in notifiers[0].messages(nid)] == ["acknowledgement"]


def test_a_kvittering_tried_while_the_intake_was_away_goes_once_when_sent_again(
        tmp_path: Path, municipality: Municipality, intake: BackgroundIntake, notifiers: list[NotifierApp],
        monkeypatch: pytest.MonkeyPatch) -> None:
    nid = _filed(notifiers[0])
    desk = desk_for(tmp_path, municipality, intake, "MK")
    try:
        desk.service.sync()
        with monkeypatch.context() as away:
            def unreachable(*_args: object) -> None:
                raise InboxUnavailable("the intake did not answer")

            away.setattr("desktop.desk.inbox_client.InboxClient.record_step", unreachable)
            with pytest.raises(InboxUnavailable):
                desk.service.acknowledge(nid)
        desk.service.sync()  # nothing claimed: nothing goes to the notifier yet
        notifiers[0].deliver()
        assert notifiers[0].messages(nid) == []
        desk.service.acknowledge(nid)  # the caseworker presses again
        desk.service.sync()
    finally:
        desk.close()
    notifiers[0].deliver()
    assert [m.kind for m in notifiers[0].messages(nid)] == ["acknowledgement"]


def test_a_kvittering_whose_claim_reached_the_intake_but_not_its_answer_goes_on_the_next_pass(
        tmp_path: Path, municipality: Municipality, intake: BackgroundIntake, notifiers: list[NotifierApp],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The connection broke after the intake recorded the step: the shared status says it is this desk's,
    so the kept message goes with the next pass, once."""
    from desktop.desk.inbox_client import InboxClient

    nid = _filed(notifiers[0])
    desk = desk_for(tmp_path, municipality, intake, "MK")
    real = InboxClient.record_step
    try:
        desk.service.sync()
        with monkeypatch.context() as broken:
            def answer_lost(client: InboxClient, *args: str) -> None:
                real(client, *args)
                raise InboxUnavailable("the connection broke")

            broken.setattr(InboxClient, "record_step", answer_lost)
            with pytest.raises(InboxUnavailable):
                desk.service.acknowledge(nid)
        assert desk.service.sync().relayed == 1
        assert desk.service.sync().relayed == 0
    finally:
        desk.close()
    notifiers[0].deliver()
    assert [m.kind for m in notifiers[0].messages(nid)] == ["acknowledgement"]
