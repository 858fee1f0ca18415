"""Every desk shows the same state: the shared status reaches a desk however late it comes to it.

Real intake over TLS, real desk vaults. A desk enrolled later, a desk whose key came later, and a
notification another desk handled before this desk had fetched it must all show who assessed and
acknowledged it, or the inbox says "overdue" about done work and the yearly report counts it as late.
"""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path

import pytest

from desktop.desk.core import DeskNotSetUp
from desktop.desk.store.handling import Assessment, Step
from intake.server import BackgroundIntake
from tests.integration.desk.conftest import CHILD, OTHER, desk_for
from tests.support.desk import MARKER
from tests.support.roundtrip import DeskApp, Municipality, NotifierApp, document_for


def _file(app: NotifierApp, who: tuple[str, str, date]) -> str:
    name, cpr, birth = who
    return app.file(document_for(str(uuid.uuid4()), name=name, cpr=cpr, birth=birth, acute=False,
                                 observation=f"Set i dag. {MARKER}"))


def _done(desk: DeskApp, nid: str) -> tuple[str | None, str | None]:
    handling = desk.service.vault.handling.get(nid)
    assessed, acknowledged = handling.done(Step.ASSESSED), handling.done(Step.ACKNOWLEDGED)
    return (assessed.by if assessed else None), (acknowledged.by if acknowledged else None)


def test_a_desk_enrolled_later_learns_every_step_at_once_beyond_one_page(
        tmp_path: Path, municipality: Municipality, intake: BackgroundIntake, notifiers: list[NotifierApp],
        monkeypatch: pytest.MonkeyPatch) -> None:
    from intake import desks as intake_desks

    monkeypatch.setattr(intake_desks, "STATUS_PAGE", 2)  # 6 records: three pages
    ids = [_file(notifiers[0], CHILD), _file(notifiers[0], OTHER), _file(notifiers[1], OTHER)]
    for app in notifiers:
        app.deliver()
    first = desk_for(tmp_path, municipality, intake, "MK")
    try:
        first.service.sync()
        for nid in ids:
            first.service.assess(nid, Assessment.NO_IMMEDIATE_DANGER, "Ingen akut fare.")
            first.service.acknowledge(nid)
    finally:
        first.close()
    later = desk_for(tmp_path, municipality, intake, "LB")
    try:
        result = later.service.sync()
        assert result.status_updates == 6
        assert {nid: _done(later, nid) for nid in ids} == {nid: ("MK", "MK") for nid in ids}
        assert later.service.inbox_state().overdue == 0
    finally:
        later.close()


def test_steps_taken_before_this_desk_could_open_the_notification_are_shown_once_it_opens(
        tmp_path: Path, municipality: Municipality, intake: BackgroundIntake,
        notifiers: list[NotifierApp]) -> None:
    """Desk LB has no recipient key yet: the envelope waits unopened while MK assesses and acknowledges.
    When LB's key is imported and the envelope opens, LB must show MK's steps (its status cursor has
    long passed them)."""
    nid = _file(notifiers[0], CHILD)
    notifiers[0].deliver()
    keyless = DeskApp(tmp_path / "desk-LB", municipality, intake.url, str(tmp_path / "intake.sqlite"),
                      initials="LB", recipient_key=False)
    first = desk_for(tmp_path, municipality, intake, "MK")
    try:
        assert keyless.service.sync().unopened == 1
        first.service.sync()
        first.service.assess(nid, Assessment.NO_IMMEDIATE_DANGER, "Ingen akut fare.")
        first.service.acknowledge(nid)
        keyless.service.sync()  # the status arrives while the envelope is still unopened here
        keyless.service.import_key(municipality.key_files.recipient_private)
        assert _done(keyless, nid) == ("MK", "MK")
        [row] = keyless.service.inbox()
        assert (row.assessed_by, row.acknowledged_by) == ("MK", "MK")
    finally:
        first.close()
        keyless.close()


def test_the_outcome_is_told_only_after_the_kvittering(
        tmp_path: Path, municipality: Municipality, intake: BackgroundIntake,
        notifiers: list[NotifierApp]) -> None:
    """The notifier's app stops asking its mailbox once the § 137 orientation has come: an orientation
    sent first would leave the kvittering unread, and the app would tell the person to phone."""
    nid = _file(notifiers[0], CHILD)
    notifiers[0].deliver()
    desk = desk_for(tmp_path, municipality, intake, "MK")
    try:
        desk.service.sync()
        with pytest.raises(DeskNotSetUp) as refused:
            desk.service.orient(nid, "support")
        assert refused.value.message_id == "desk.acknowledge_first"
        assert desk.service.vault.handling.get(nid).orientation is None
        desk.service.acknowledge(nid)
        desk.service.orient(nid, "support")
    finally:
        desk.close()
    notifiers[0].deliver()
    assert [m.kind for m in notifiers[0].messages(nid)] == ["acknowledgement", "orientation"]
