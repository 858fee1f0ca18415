"""The app checks for a new guideline pack at start and daily, without blocking the window."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from desktop.config.pack_schedule import PackUpdateSchedule
from desktop.config.pack_signing import PackSigningKey, sign_pack
from desktop.config.pack_updates import PackUpdater, PackUpdateStatus, UpdateOutcome, active_pack_path
from desktop.config.policy import Policy


def _share(tmp_path: Path, data: bytes, key: PackSigningKey) -> Path:
    share = tmp_path / "share"
    share.mkdir(exist_ok=True)
    (share / "demo-kommune.yaml").write_bytes(data)
    (share / "demo-kommune.yaml.sig").write_bytes(sign_pack(data, key))
    return share


def test_start_takes_a_new_pack_in_the_background_and_announces_it(
        qtbot: QtBot, tmp_path: Path, pack_yaml: Callable[..., bytes], signing_key: PackSigningKey) -> None:
    data = pack_yaml(version="2026.5")
    share = _share(tmp_path, data, signing_key)
    policy = Policy(municipality="demo-kommune", pack_source=str(share),
                    trusted_pack_keys=[signing_key.public_key()])
    schedule = PackUpdateSchedule(policy)
    with qtbot.waitSignal(schedule.updated, timeout=10_000) as blocker:
        schedule.start()
    assert blocker.args[0].outcome is UpdateOutcome.UPDATED
    assert active_pack_path(policy).read_bytes() == data
    schedule.stop()


class _RecordingUpdater(PackUpdater):
    """The real updater, noting the time of each check it runs (on the schedule's worker thread)."""

    def __init__(self, policy: Policy) -> None:
        super().__init__(policy)
        self.checks: list[datetime] = []

    def check(self, now: datetime) -> PackUpdateStatus:
        self.checks.append(now)
        return super().check(now)


def test_next_check_waits_a_day(qtbot: QtBot, tmp_path: Path, pack_yaml: Callable[..., bytes],
                                signing_key: PackSigningKey) -> None:
    share = _share(tmp_path, pack_yaml(version="2026.5"), signing_key)
    policy = Policy(municipality="demo-kommune", pack_source=str(share),
                    trusted_pack_keys=[signing_key.public_key()])
    start = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
    now = [start]
    updater = _RecordingUpdater(policy)
    schedule = PackUpdateSchedule(policy, updater=updater, clock=lambda: now[0])
    with qtbot.waitSignal(schedule.checked, timeout=10_000):
        schedule.start()
    now[0] += timedelta(hours=23)
    schedule.check_if_due()
    schedule.stop()  # waits for a check that call may have started (there must be none)
    assert updater.checks == [start]

    # The app starts again an hour later: the morning's check is a day old now, so one runs.
    now[0] += timedelta(hours=1)
    again = PackUpdateSchedule(policy, updater=updater, clock=lambda: now[0])
    with qtbot.waitSignal(again.checked, timeout=10_000) as blocker:
        again.check_if_due()
    assert blocker.args[0].outcome is UpdateOutcome.UNCHANGED
    assert updater.checks == [start, start + timedelta(days=1)]
    again.stop()


def test_without_a_pack_source_nothing_is_scheduled(qtbot: QtBot) -> None:
    updater = _RecordingUpdater(Policy())
    schedule = PackUpdateSchedule(Policy(), updater=updater)
    checks: list[object] = []
    schedule.checked.connect(checks.append)
    schedule.start()
    schedule.check_now()
    schedule.stop()  # waits for a check either call may have started (there must be none)
    QCoreApplication.processEvents()  # a report a check had queued would arrive now
    assert updater.checks == []
    assert checks == []
