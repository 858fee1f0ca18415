"""The inbox as a table model: one row per received notification, most urgent first (the store's order).

Rows are the store's :class:`InboxRow` tuples, loaded off the GUI thread; a cell is formatted only
when it is shown, so 10,000 rows cost nothing until they scroll into view. Times left are counted
from ``now``, which the window moves on every minute (:meth:`InboxModel.set_now`).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush

from desktop.desk.store.received import InboxRow, split_list
from desktop.domain.deadlines import DANISH_TIME
from desktop.store.clock import to_text
from desktop.ui.desk.wording import (
    age_from_row,
    cpr_text,
    due_day_text,
    grounds_text,
    local_time,
    short_date,
    time_left,
)

_Index = QModelIndex | QPersistentModelIndex

#: Role carrying the notification id of a row.
ID_ROLE = Qt.ItemDataRole.UserRole + 1
#: Role carrying whether a row needs attention now (acute unassessed, or a deadline passed).
URGENT_ROLE = Qt.ItemDataRole.UserRole + 2



class Column(IntEnum):
    """The inbox's columns; a cell may hold two lines (the rows are two lines high)."""

    RECEIVED = 0
    CHILD = 1  # "ACUTE" and the name; CPR number and age
    CONCERN = 2  # § 133 grounds; concern categories
    NOTIFIER = 3  # name; workplace
    ASSESSMENT = 4
    ACKNOWLEDGEMENT = 5
    STATUS = 6


# The roles and columns as plain ints: comparing with Qt's enum members costs an attribute lookup each.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole.value)
_ACCESSIBLE_TEXT = int(Qt.ItemDataRole.AccessibleTextRole.value)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
_ID = int(ID_ROLE)
_URGENT = int(URGENT_ROLE)
#: Every role :meth:`InboxModel.data` answers.
_ANSWERED = frozenset((_DISPLAY, _FOREGROUND, _ACCESSIBLE_TEXT, _TOOLTIP, _ID, _URGENT))
_CHILD, _ASSESSMENT, _ACKNOWLEDGEMENT = int(Column.CHILD), int(Column.ASSESSMENT), int(Column.ACKNOWLEDGEMENT)


class InboxModel(QAbstractTableModel):
    """The received notifications, in the order given."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[InboxRow] = []
        self._now = datetime.now(UTC)
        self._now_text = to_text(self._now)
        self._today = self._now.astimezone(DANISH_TIME).date()
        self._headers: list[str] = []
        self.retranslate()

    def retranslate(self) -> None:
        self._headers = [self.tr("Received"), self.tr("Child"),
                         self.tr("Grounds"), self.tr("Notifier"), self.tr("Assess by"),
                         self.tr("Receipt by"), self.tr("Status")]
        from desktop.ui import theme

        self._late_brush = QBrush(theme.text_colour(theme.Tone.DANGER))
        if self._rows:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Column) - 1)

    def set_rows(self, rows: list[InboxRow]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def set_now(self, now: datetime, today: date | None = None) -> None:
        """Count times left from ``now`` (the window calls this every minute)."""
        self._now = now
        self._now_text = to_text(now)
        self._today = today or now.astimezone(DANISH_TIME).date()
        if self._rows:
            self.dataChanged.emit(self.index(0, Column.CHILD), self.index(len(self._rows) - 1, Column.STATUS))

    def row_at(self, row: int) -> InboxRow:
        return self._rows[row]

    def row_of(self, notification_id: str) -> int:
        for number, item in enumerate(self._rows):
            if item.notification_id == notification_id:
                return number
        return -1

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def _assessment_late(self, row: InboxRow) -> bool:
        return row.assessed_at is None and row.assessment_due <= self._now_text

    def _acknowledgement_late(self, row: InboxRow) -> bool:
        return row.acknowledged_at is None and row.acknowledgement_due <= self._now_text

    def _late(self, row: InboxRow) -> bool:
        return (self._assessment_late(row) or (row.assessed_at is None and bool(row.acute))
                or self._acknowledgement_late(row))

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # A view asks ~10 roles of every cell it paints (font, alignment, decoration, …) and this model
        # answers six: the others return at once, before any lookup (about a third of a repaint of the
        # 10,000-row inbox was spent here).
        if role not in _ANSWERED or not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == _DISPLAY:
            return self._text(row, column)
        if role == _ID:
            return row.notification_id
        if role == _URGENT:
            return self._late(row)
        if role == _FOREGROUND:
            if column == _CHILD:
                return self._late_brush if row.acute and row.assessed_at is None else None
            if column == _ASSESSMENT:
                return self._late_brush if self._assessment_late(row) else None
            if column == _ACKNOWLEDGEMENT:
                return self._late_brush if self._acknowledgement_late(row) else None
            return None
        if role == _ACCESSIBLE_TEXT:
            return f"{self._headers[column]}: {self._text(row, column)}"
        return self._tooltip(row, column)  # ToolTipRole

    def _tooltip(self, row: InboxRow, column: int) -> str | None:
        """The long form of a cell the column shows short."""
        if column == Column.CONCERN:
            return grounds_text(row.grounds)
        if column == Column.NOTIFIER:
            return f"{row.notifier_name}, {row.notifier_role}, {row.workplace}"
        if column == Column.ASSESSMENT:
            return local_time(row.assessed_at or row.assessment_due)
        if column == Column.ACKNOWLEDGEMENT:
            return local_time(row.acknowledged_at) if row.acknowledged_at else due_day_text(
                row.acknowledgement_due)
        return None

    def _text(self, row: InboxRow, column: int) -> str:
        if column == Column.RECEIVED:
            return local_time(row.received_at).replace(" ", "\n", 1)
        if column == Column.CHILD:
            age = age_from_row(row.child_birth_date, bool(row.unborn), self._today)
            second = " · ".join(part for part in (cpr_text(row.child_cpr), age) if part)
            name = self.tr("ACUTE – %1").replace("%1", row.child_name) if row.acute else row.child_name
            return f"{name}\n{second}"
        if column == Column.CONCERN:
            concern = ", ".join(label for label in split_list(row.category_labels) if label)
            return f"{grounds_text(row.grounds, short=True)}\n{concern}"
        if column == Column.NOTIFIER:
            return f"{row.notifier_name}\n{row.workplace}"
        if column == Column.ASSESSMENT:
            if row.assessed_at is not None:
                return self.tr("Done %1 (%2)").replace("%1", short_date(row.assessed_at)).replace(
                    "%2", row.assessed_by or "")
            return time_left(datetime.fromisoformat(row.assessment_due) - self._now)
        if column == Column.ACKNOWLEDGEMENT:
            if row.acknowledged_at is not None:
                return self.tr("Sent %1 (%2)").replace("%1", short_date(row.acknowledged_at)).replace(
                    "%2", row.acknowledged_by or "")
            return time_left(datetime.fromisoformat(row.acknowledgement_due) - self._now)
        return self._status(row)

    def _status(self, row: InboxRow) -> str:
        if row.handed_over_at:
            return self.tr("Handed over")
        if row.acknowledged_at:
            return self.tr("Receipt sent")
        if row.assessed_at:
            return self.tr("Assessed")
        if row.opened_by:
            return self.tr("Opened by %1").replace("%1", row.opened_by)
        return self.tr("New")
