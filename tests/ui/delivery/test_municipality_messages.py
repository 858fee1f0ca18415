"""The municipality's messages in the notifier's main window: the kvittering and the § 137 orientation.

The delivery worker reads and verifies them on its pass (``desktop.outbox.replies``, tested with a real
intake and desk in tests/integration/desk) and keeps them in the vault; here they are kept as the
worker keeps them and the worker's ``messagesReceived`` is given, as after a pass. The list then says
"Receipt received", the panel names the date and the unit, an overdue reminder ends at once,
and after the next unlock the list still knows (read from the vault's messages).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

from pytestqt.qtbot import QtBot

from desktop.store.replies import ReplyMessage
from desktop.ui.dates import long_date
from desktop.ui.delivery.wording import ACKNOWLEDGED_EVENT
from intake.server import BackgroundIntake

if TYPE_CHECKING:
    from tests.ui.delivery.conftest import DeliveryApp

WAIT_MS = 30_000
UNIT = "Demo Kommune, Børn og Familie"


def _keep(app: DeliveryApp, notification_id: str, kind: str, at: datetime,
          outcome: str | None = None) -> None:
    """What the worker does with a verified message, then its signal after the pass."""
    vault = app.services.require_vault()
    reference = vault.notifications.get_summary(notification_id).reference or ""
    message = ReplyMessage(str(uuid.uuid4()), notification_id, kind, at, at, UNIT, reference, outcome)
    vault.reply_keys.record_message(message, audit_event=ACKNOWLEDGED_EVENT if kind == "acknowledgement"
                                    else None)
    app.delivery.messagesReceived.emit([notification_id])


def _received(app: DeliveryApp, qtbot: QtBot, answers: dict[str, object]) -> str:
    notification_id = app.finalise_draft(answers)
    qtbot.waitUntil(lambda: app.summary_state(notification_id) == "receipted", timeout=WAIT_MS)
    return notification_id


def test_the_kvittering_and_the_orientation_show_with_date_and_unit_also_after_the_next_unlock(
    qtbot: QtBot, delivery_app: Callable[..., DeliveryApp], start_intake: Callable[[], BackgroundIntake],
    answers: dict[str, object],
) -> None:
    start_intake()
    app = delivery_app()
    app.unlock()
    notification_id = _received(app, qtbot, answers)
    qtbot.waitUntil(lambda: app.state_text(notification_id) == "Received by the municipality",
                    timeout=WAIT_MS)
    assert app.part.panel.details is None or "kvittering" not in app.panel_text(notification_id)

    at = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
    _keep(app, notification_id, "acknowledgement", at)

    qtbot.waitUntil(lambda: app.state_text(notification_id) == "Receipt received", timeout=WAIT_MS)
    said = f"The municipality has sent a receipt on {long_date(date(2026, 3, 2), 'en')} ({UNIT})."
    assert said in app.panel_text(notification_id)
    assert not app.part.panel.acknowledgement_button.isVisible()  # nothing left to note by hand

    _keep(app, notification_id, "orientation", at + timedelta(days=30), "support")
    oriented = (f"The municipality has told you on {long_date(date(2026, 4, 1), 'en')} ({UNIT}): the "
                "notification has led to support for the child or the family.")
    qtbot.waitUntil(lambda: oriented in app.panel_text(notification_id), timeout=WAIT_MS)

    app.services.session.lock()
    app.unlock()
    qtbot.waitUntil(lambda: app.state_text(notification_id) == "Receipt received", timeout=WAIT_MS)
    text = app.panel_text(notification_id)
    assert said in text and oriented in text


def test_a_kvittering_ends_an_overdue_reminder_at_once(
    qtbot: QtBot, delivery_app: Callable[..., DeliveryApp], start_intake: Callable[[], BackgroundIntake],
    answers: dict[str, object],
) -> None:
    start_intake()
    three_weeks_later = date.today() + timedelta(days=21)
    app = delivery_app(today=lambda: three_weeks_later)
    app.unlock()
    notification_id = _received(app, qtbot, answers)
    qtbot.waitUntil(lambda: app.part.alert.isVisible(), timeout=WAIT_MS)
    assert app.state_text(notification_id) == "No receipt – phone the municipality"

    _keep(app, notification_id, "acknowledgement", datetime.now(UTC))

    qtbot.waitUntil(lambda: not app.part.alert.isVisible(), timeout=WAIT_MS)
    assert app.state_text(notification_id) == "Receipt received"
    text = app.panel_text(notification_id)
    assert "has not sent a receipt" not in text
    assert f"({UNIT})" in text
