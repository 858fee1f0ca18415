"""Sending not set up on this PC: the one warning is said in full above the list, once, and never cut
in the status bar (issue 15: "cut mid-word in the status bar and overdrawn by 'Intet venter på at blive
sendt', even full-screen")."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel

from desktop.domain.packs import GuidelinePack, Intake

if TYPE_CHECKING:
    from tests.ui.delivery.conftest import DeliveryApp


def test_sending_not_set_up_is_said_in_full_above_the_list_and_not_in_the_status_bar(
    delivery_app: Callable[..., DeliveryApp], pack: GuidelinePack
) -> None:
    app = delivery_app(pack=pack.model_copy(update={"intake": Intake()}))  # no intake named: not set up
    app.unlock()
    app.qtbot.waitUntil(lambda: app.delivery.configuration_problem is not None, timeout=20_000)
    window = app.window
    window.showMaximized()
    app.qtbot.waitUntil(lambda: app.part.problem_label.isVisible())

    label: QLabel = app.part.problem_label
    said = label.text()
    assert said.startswith("Sending is not set up on this PC yet")
    assert "contact IT" in said and "phone the municipality" in said
    assert label.wordWrap() and label.heightForWidth(label.width()) <= label.height() + 1  # all of it shows
    assert not label.geometry().intersects(app.part.badge.geometry())  # not drawn over the count
    # Said once, where it stays: the status bar (which cuts long sentences) does not repeat it.
    assert window.statusBar().currentMessage() == ""


def test_a_notification_left_being_sent_reads_as_waiting_while_sending_cannot_run() -> None:
    """A notification a crash left 'being sent' must not say 'Being sent now' beside 'Sending is not set
    up on this PC': it waits, and says so (every sentence agrees with the others)."""
    from datetime import UTC, date, datetime

    from desktop.store.notifications import NotificationState, NotificationSummary
    from desktop.ui.delivery.wording import StateWording

    at = datetime(2026, 12, 6, 8, tzinfo=UTC)
    left = NotificationSummary(
        id="a" * 32, state=NotificationState.SENDING, child_initials="OJ", created_at=at, updated_at=at,
        finalised_at=at, sent_at=None, receipted_at=None, reference=None, last_error=None, attempts=1,
        municipality="Demo Kommune", acute=False, acknowledgement_due=None, corrects=None)
    runs = [True]
    wording = StateWording(lambda: None, lambda: date(2026, 12, 6), lambda: "en",
                           sending_runs=lambda: runs[0])
    assert wording.text(left) == "Being sent now"
    runs[0] = False
    assert wording.text(left) == "Waiting to be sent"
    details = wording.details(left)
    assert details is not None and details.headline == "Waiting to be sent to Demo Kommune."
