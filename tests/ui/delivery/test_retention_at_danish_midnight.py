"""The app's own retention run keeps a delivered copy through the whole Danish due day and no longer.

Through the entry point the app uses (DeliveryService.run_retention with its clock in UTC) after a
real delivery: one minute before Danish midnight at the end of the due day the copy is kept, one minute
after it is gone - though in UTC both moments fall on the due day (Danish time is 1-2 hours ahead).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, time, timedelta
from typing import TYPE_CHECKING

from pytestqt.qtbot import QtBot

from desktop.config.policy import Policy
from desktop.domain.deadlines import DANISH_TIME
from desktop.ui.operations import wait_for_all
from intake.server import BackgroundIntake

if TYPE_CHECKING:
    from tests.ui.delivery.conftest import DeliveryApp

WAIT_MS = 30_000


def test_the_retention_run_purges_in_the_first_danish_minute_after_the_due_day_not_the_first_utc_one(
    qtbot: QtBot, delivery_app: Callable[..., DeliveryApp], start_intake: Callable[[], BackgroundIntake],
    answers: dict[str, object],
) -> None:
    start_intake()
    shift = [timedelta(0)]  # the app's clock runs on (the sender needs that), moved ahead below
    app = delivery_app(policy=Policy(retention_days=1), clock=lambda: datetime.now(UTC) + shift[0])
    app.unlock()
    notification_id = app.finalise_draft(answers)
    qtbot.waitUntil(lambda: app.summary_state(notification_id) == "receipted", timeout=WAIT_MS)
    due = app.services.require_vault().notifications.get_summary(notification_id).acknowledgement_due
    assert due is not None
    last_minute = datetime.combine(due, time(23, 59), tzinfo=DANISH_TIME).astimezone(UTC)
    first_minute_after = datetime.combine(due + timedelta(days=1), time(0, 1),
                                          tzinfo=DANISH_TIME).astimezone(UTC)
    assert first_minute_after.date() == due  # UTC has not reached the next day yet

    shift[0] = last_minute - datetime.now(UTC)  # seconds of drift stay well inside the minute
    app.delivery.run_retention()
    assert wait_for_all()  # the run (on a worker) is over: nothing was purged
    assert app.summary_state(notification_id) == "receipted"

    shift[0] = first_minute_after - datetime.now(UTC)
    app.delivery.run_retention()
    qtbot.waitUntil(lambda: app.summary_state(notification_id) == "purged", timeout=WAIT_MS)
