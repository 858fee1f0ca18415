"""Table model of the person's notifications, grouped by state for the main window's tabs.

The rows are :class:`desktop.store.notifications.NotificationSummary` objects
loaded off the GUI thread. Each tab has its own model (see :func:`split_by_group`)
and sorts in Python in one step, so no proxy calls back into Python per row:
10,000 rows cost nothing until they scroll into view.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime
from enum import IntEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from desktop.ui.dates import short_date, short_datetime

if TYPE_CHECKING:
    from desktop.store.notifications import NotificationSummary

_Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    """The model's columns; each tab of the main window shows the ones it needs."""

    CHILD = 0
    STATE = 1
    UPDATED = 2
    FINALISED = 3
    SENT = 4
    RECEIPTED = 5
    REFERENCE = 6
    MUNICIPALITY = 7
    ACKNOWLEDGEMENT_DUE = 8


class Group(IntEnum):
    """The main window's tabs, in their order: what is not sent yet comes before what is."""

    DRAFTS = 0
    WAITING = 1
    REFUSED = 2
    SENT = 3


_GROUP_OF_STATE = {
    "draft": Group.DRAFTS,
    "queued": Group.WAITING,
    "sending": Group.WAITING,
    "failed": Group.REFUSED,
    "sent": Group.SENT,
    "receipted": Group.SENT,
    "purged": Group.SENT,
}

#: Role carrying the notification id of a row.
ID_ROLE = Qt.ItemDataRole.UserRole + 1
#: Role carrying the state value ("draft", "queued", ...) of a row.
STATE_ROLE = Qt.ItemDataRole.UserRole + 2

#: Words a row's state another way (delivery: reason, reference, overdue); ``None`` keeps the default.
StateWords = Callable[["NotificationSummary"], "str | None"]


def _longest(texts: Iterable[str], keep: int = 3) -> list[str]:
    """The ``keep`` longest texts (by length: the widest is among them, near enough)."""
    return heapq.nlargest(keep, set(texts), key=len)


def group_of(state: str) -> Group:
    """Which tab a notification in ``state`` belongs to."""
    return _GROUP_OF_STATE.get(str(state), Group.WAITING)


def split_by_group(rows: list[NotificationSummary]) -> dict[Group, list[NotificationSummary]]:
    """The rows of each tab, keeping their order."""
    split: dict[Group, list[NotificationSummary]] = {group: [] for group in Group}
    for summary in rows:
        split[_GROUP_OF_STATE.get(summary.state, Group.WAITING)].append(summary)
    return split


SortSpec = tuple[Column, Qt.SortOrder]


def prepare_tabs(rows: list[NotificationSummary],
                 sorts: dict[Group, SortSpec | None]) -> dict[Group, list[NotificationSummary]]:
    """Split and sort the rows of every tab; pure work, run on a worker thread before ``set_rows``."""
    split = split_by_group(rows)
    for group, spec in sorts.items():
        if spec is not None:
            split[group].sort(key=_sort_key(spec[0]), reverse=spec[1] == Qt.SortOrder.DescendingOrder)
    return split


def _sort_key(column: Column) -> Callable[[NotificationSummary], tuple[bool, Any]]:
    attribute = {
        Column.CHILD: "child_initials", Column.STATE: "state", Column.UPDATED: "updated_at",
        Column.FINALISED: "finalised_at", Column.SENT: "sent_at", Column.RECEIPTED: "receipted_at",
        Column.REFERENCE: "reference", Column.MUNICIPALITY: "municipality",
        Column.ACKNOWLEDGEMENT_DUE: "acknowledgement_due",
    }[column]

    def key(summary: NotificationSummary) -> tuple[bool, Any]:
        value = getattr(summary, attribute)
        if isinstance(value, str):
            value = value.casefold()
        return (value is None, value if value is not None else "")

    return key


class NotificationTableModel(QAbstractTableModel):
    """Notifications, one row each, in the order given or as sorted by the person."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[NotificationSummary] = []
        #: The UI language: dates are written its way (in Danish time, whatever the PC's locale).
        self.language = "da"
        self._state_text: StateWords | None = None
        self._state_tooltip: StateWords | None = None
        self._state_phrases: Callable[[], list[str]] | None = None
        self._sort: tuple[Column, Qt.SortOrder] | None = None

    # --- data in -------------------------------------------------------------------------------
    @property
    def sort_spec(self) -> SortSpec | None:
        """The column and order the person sorted by (``prepare_tabs`` applies it off the GUI thread)."""
        return self._sort

    def set_rows(self, rows: list[NotificationSummary], *, presorted: bool = False) -> None:
        """Replace every row (after a background load), keeping the chosen sort order."""
        self.beginResetModel()
        self._rows = list(rows)
        if self._sort is not None and not presorted:
            self._sort_rows(*self._sort)
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in one Python pass (a header click); remembered for the next load."""
        if not 0 <= column < len(Column):
            return
        self.layoutAboutToBeChanged.emit()
        self._sort = (Column(column), order)
        self._sort_rows(Column(column), order)
        self.layoutChanged.emit()

    def _sort_rows(self, column: Column, order: Qt.SortOrder) -> None:
        self._rows.sort(key=_sort_key(column), reverse=order == Qt.SortOrder.DescendingOrder)

    def set_state_wording(self, text: StateWords, tooltip: StateWords,
                          phrases: Callable[[], list[str]] | None = None) -> None:
        """Let the delivery area word the State column and its tooltip (see ``desktop.ui.delivery``);
        ``phrases`` gives every short phrase the column can show (for its width)."""
        self._state_text, self._state_tooltip = text, tooltip
        self._state_phrases = phrases
        self.retranslate()

    def clear(self) -> None:
        """Drop every row from memory (on lock)."""
        self.set_rows([])

    def summary(self, row: int) -> NotificationSummary:
        return self._rows[row]

    def row_of(self, notification_id: str) -> int | None:
        for number, summary in enumerate(self._rows):
            if summary.id == notification_id:
                return number
        return None

    def retranslate(self) -> None:
        """Headers and state names follow a language switch."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Column) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(Column) - 1))

    # --- Qt model API --------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = {
            Column.CHILD: self.tr("Child"),
            Column.STATE: self.tr("State"),
            Column.UPDATED: self.tr("Last change"),
            Column.FINALISED: self.tr("Finalised"),
            Column.SENT: self.tr("Sent"),
            Column.RECEIPTED: self.tr("Received"),
            Column.REFERENCE: self.tr("Reference number"),
            Column.MUNICIPALITY: self.tr("Municipality"),
            Column.ACKNOWLEDGEMENT_DUE: self.tr("Receipt due"),
        }
        return headers.get(Column(section)) if 0 <= section < len(Column) else None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        summary = self._rows[index.row()]
        if role == ID_ROLE:
            return summary.id
        if role == STATE_ROLE:
            return str(summary.state)
        column = Column(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(summary, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == Column.STATE and self._state_tooltip is not None:
            return self._state_tooltip(summary)
        return None

    # --- widths --------------------------------------------------------------------------------
    def widest_texts(self, column: Column) -> list[str]:
        """The texts that may be the widest in ``column``: every phrase a state can have, a date of
        the widest shape, or the longest few of the rows' own texts. Cheap on 10,000 rows (no cell is
        formatted), so the columns can be fitted on every reload."""
        if column == Column.STATE:
            phrases = self._state_phrases() if self._state_phrases is not None else []
            return phrases + [self.state_text(state) for state in _GROUP_OF_STATE]
        sample = datetime(2026, 12, 28, 23, 58, tzinfo=UTC)
        if column in (Column.UPDATED, Column.FINALISED, Column.SENT, Column.RECEIPTED):
            return [short_datetime(sample, self.language)]
        if column == Column.ACKNOWLEDGEMENT_DUE:
            return [short_date(sample.date(), self.language)]
        if column == Column.CHILD:
            return [self.tr("(not yet given)"), *_longest(s.child_initials for s in self._rows)]
        attribute = "reference" if column == Column.REFERENCE else "municipality"
        return _longest(getattr(s, attribute) or "" for s in self._rows)

    # --- formatting ----------------------------------------------------------------------------
    @staticmethod
    def _raw(summary: NotificationSummary, column: Column) -> object:
        return {
            Column.CHILD: summary.child_initials,
            Column.STATE: summary.state,
            Column.UPDATED: summary.updated_at,
            Column.FINALISED: summary.finalised_at,
            Column.SENT: summary.sent_at,
            Column.RECEIPTED: summary.receipted_at,
            Column.REFERENCE: summary.reference,
            Column.MUNICIPALITY: summary.municipality,
            Column.ACKNOWLEDGEMENT_DUE: summary.acknowledgement_due,
        }[column]

    def _display(self, summary: NotificationSummary, column: Column) -> str:
        raw = self._raw(summary, column)
        if column == Column.CHILD:
            return summary.child_initials or self.tr("(not yet given)")
        if column == Column.STATE:
            worded = self._state_text(summary) if self._state_text is not None else None
            return worded or self.state_text(str(summary.state))
        if isinstance(raw, datetime):
            return short_datetime(raw, self.language)
        if isinstance(raw, date):
            return short_date(raw, self.language)
        return "" if raw is None else str(raw)

    def state_text(self, state: str) -> str:
        """The state in the person's language."""
        texts = {
            "draft": self.tr("Draft"),
            "queued": self.tr("Waiting to send"),
            "sending": self.tr("Sending"),
            "sent": self.tr("Sent, not yet confirmed as received"),
            "receipted": self.tr("Received by the municipality"),
            "failed": self.tr("Refused – phone the municipality"),
            "purged": self.tr("Received – content removed"),
        }
        return texts.get(state, state)
