"""The notification list model: one row per notification, grouped into the main window's tabs."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from PySide6.QtCore import QCoreApplication, Qt

from desktop.store.notifications import NotificationState, NotificationSummary
from desktop.ui.notification_table_model import (
    ID_ROLE,
    Column,
    Group,
    NotificationTableModel,
    group_of,
    split_by_group,
)

BASE = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def summary(number: int, state: NotificationState, initials: str = "AB", *,
            reference: str | None = None) -> NotificationSummary:
    return NotificationSummary(
        id=f"00000000-0000-4000-8000-{number:012d}", state=state, child_initials=initials,
        created_at=BASE, updated_at=BASE + timedelta(minutes=number),
        finalised_at=None if state == NotificationState.DRAFT else BASE,
        sent_at=BASE if state in (NotificationState.SENT, NotificationState.RECEIPTED) else None,
        receipted_at=BASE if state == NotificationState.RECEIPTED else None,
        reference=reference, last_error=None, attempts=0, municipality="Demo Kommune", acute=False,
        acknowledgement_due=date(2026, 3, 10) if state == NotificationState.RECEIPTED else None,
        corrects=None)


def test_every_state_belongs_to_exactly_one_tab() -> None:
    assert group_of("draft") == Group.DRAFTS
    assert {group_of(s) for s in ("queued", "sending")} == {Group.WAITING}
    assert group_of("failed") == Group.REFUSED  # refused is not "waiting": the counts say the same
    assert {group_of(s) for s in ("sent", "receipted", "purged")} == {Group.SENT}
    assert {group_of(s.value) for s in NotificationState} == set(Group)


def test_tabs_show_only_their_own_notifications(qapp: QCoreApplication) -> None:
    rows = [summary(1, NotificationState.DRAFT, "AB"), summary(2, NotificationState.QUEUED, "CD"),
            summary(3, NotificationState.RECEIPTED, "EF", reference="K-2026-17"),
            summary(4, NotificationState.DRAFT, "")]
    tabs = {}
    for group, group_rows in split_by_group(rows).items():
        model = NotificationTableModel()
        model.set_rows(group_rows)
        tabs[group] = [model.index(r, Column.CHILD).data() for r in range(model.rowCount())]
    assert tabs[Group.DRAFTS] == ["AB", "(not yet given)"]
    assert tabs[Group.WAITING] == ["CD"]
    assert tabs[Group.SENT] == ["EF"]


def test_a_row_shows_reference_state_and_dates_and_carries_its_id(qapp: QCoreApplication) -> None:
    model = NotificationTableModel()
    row = summary(3, NotificationState.RECEIPTED, "EF", reference="K-2026-17")
    model.set_rows([row])
    assert model.index(0, Column.REFERENCE).data() == "K-2026-17"
    assert model.index(0, Column.STATE).data() == "Received by the municipality"
    assert model.index(0, Column.CHILD).data(ID_ROLE) == row.id
    assert model.index(0, Column.ACKNOWLEDGEMENT_DUE).data()  # formatted in the UI language
    assert model.index(0, Column.CHILD).data(Qt.ItemDataRole.AccessibleTextRole) == "EF"
    assert model.headerData(Column.CHILD, Qt.Orientation.Horizontal) == "Child"
    assert model.row_of(row.id) == 0
    assert model.row_of("missing") is None


def test_a_header_click_sorts_and_the_order_survives_a_reload(qapp: QCoreApplication) -> None:
    model = NotificationTableModel()
    model.set_rows([summary(n, NotificationState.DRAFT, f"C{n}") for n in (2, 9, 5)])
    model.sort(Column.UPDATED, Qt.SortOrder.DescendingOrder)
    assert [model.index(r, Column.CHILD).data() for r in range(3)] == ["C9", "C5", "C2"]
    model.sort(Column.CHILD, Qt.SortOrder.AscendingOrder)
    assert [model.index(r, Column.CHILD).data() for r in range(3)] == ["C2", "C5", "C9"]
    model.set_rows([summary(n, NotificationState.DRAFT, f"C{n}") for n in (7, 1)])
    assert [model.index(r, Column.CHILD).data() for r in range(2)] == ["C1", "C7"]


def test_ten_thousand_rows_load_in_one_step_and_clear_leaves_nothing(qapp: QCoreApplication) -> None:
    model = NotificationTableModel()
    resets = []
    model.modelReset.connect(lambda: resets.append(1))
    rows = [summary(n, NotificationState.DRAFT if n % 3 else NotificationState.SENT, "AB")
            for n in range(10_000)]
    model.set_rows(rows)
    assert model.rowCount() == 10_000
    assert resets == [1]  # one reset, not 10,000 inserts
    model.clear()
    assert model.rowCount() == 0
