"""The signal checklist: the pack's concern signals for the child's age band, by category, searchable.

Every signal of the pack gets its tree item once; the age band and the search
only hide and show items, so a pack with hundreds of signals filters within a
frame. Which signals fit the band and which match the search is the domain's
answer (``GuidelinePack.signals_for`` / ``search``); a signal whose examples differ by
age (``help_by_age``) gets the band's examples when the band changes, and one whose label differs
by age (``label_by_age``: »Barnet …« / »Den unge …«) the band's label.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTreeWidgetItem,
    QWidget,
)

from desktop.domain.document import AgeBand
from desktop.domain.text import localise
from desktop.ui.wizard.base import as_sentences
from desktop.ui.wizard.fields import FieldEditor
from desktop.ui.wizard.signal_tree import SignalTree
from desktop.ui.wrapping import wrap_items

translate = QCoreApplication.translate

SIGNAL_ID_ROLE = Qt.ItemDataRole.UserRole + 1
#: How long after the last keystroke in the search the number of signs found is said.
SAY_FOUND_MS = 600


def _hidden(item: QTreeWidgetItem | None) -> bool:
    return item is None or item.isHidden()


class SignalChecklistEditor(FieldEditor):
    """Check the signals seen; stored as the list of ticked signal ids in pack order."""

    def build(self) -> None:
        self.band: AgeBand | None = None
        self.band_label = QLabel()
        self.band_label.setWordWrap(True)
        self.band_label.setObjectName("ageBand")
        self.search = QLineEdit()
        self.search.setObjectName("signalSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(translate("Wizard", "Search, e.g. bruise, hunger, absence"))
        self.search.setAccessibleName(translate("Wizard", "Search the signs"))
        self.search.textChanged.connect(lambda _text: self.apply_filter())
        # What the search found is said a moment after the typing stops (the focus stays in the field,
        # so a screen reader would not notice the list change).
        self._say_found = QTimer(self)
        self._say_found.setSingleShot(True)
        self._say_found.setInterval(SAY_FOUND_MS)
        self._say_found.timeout.connect(self._announce_found)
        self.search.textEdited.connect(lambda _text: self._say_found.start())
        self.tree = SignalTree()
        self.tree.setObjectName("signalTree")
        self.tree.setHeaderHidden(True)
        self.tree.setColumnCount(1)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setStretchLastSection(True)
        self.tree.setMinimumHeight(self.tree.fontMetrics().lineSpacing() * 20)
        wrap_items(self.tree)  # a sign's help (safety advice among it) is never cut off with "…"
        self.empty_label = QLabel(translate("Wizard", "No signs match the search."))
        self.empty_label.hide()
        self.items: dict[str, QTreeWidgetItem] = {}
        self.category_items: dict[str, QTreeWidgetItem] = {}
        lang = self.context.language
        pack = self.context.pack
        for category in pack.categories:
            parent = QTreeWidgetItem([localise(category.label, lang)])
            parent.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            font = parent.font(0)
            font.setBold(True)
            parent.setFont(0, font)
            self.category_items[category.id] = parent
            self.tree.addTopLevelItem(parent)
        for signal in pack.signals:
            label = localise(signal.label, lang)
            help_text = localise(signal.help, lang)
            item = QTreeWidgetItem()
            self.category_items[signal.category].addChild(item)
            self._set_item_text(item, label, help_text)
            item.setData(0, SIGNAL_ID_ROLE, signal.id)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                          | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, Qt.CheckState.Unchecked)
            self.items[signal.id] = item
        # The categories open; a sign has nothing to open (expandAll marked every sign "expanded" too).
        for parent in self.category_items.values():
            parent.setExpanded(True)
        self.tree.itemChanged.connect(lambda _item, _column: self._emit())
        self.layout_.addWidget(self.band_label)
        self.layout_.addWidget(self.search)
        self.layout_.addWidget(self.tree, 1)
        self.layout_.addWidget(self.empty_label)
        self.tree.setAccessibleDescription(translate(
            "Wizard", "Use the arrow keys to move and Space to tick a sign."))

    # --- filtering -----------------------------------------------------------------------------
    def set_band(self, band: AgeBand | None) -> None:
        """Show the signals for ``band`` (all of them while the child's age is not known)."""
        self.band = band
        lang = self.context.language
        if band is None:
            text = translate("Wizard", "The child's age is not known yet, so all signs are shown.")
        else:
            text = translate("Wizard", "Signs for the age group: %1").replace(
                "%1", self.context.pack.age_band_label(band, lang))
        self.band_label.setText(text)
        self._show_examples_for(band)
        self.apply_filter()

    def _show_examples_for(self, band: AgeBand | None) -> None:
        """The label and examples the pack gives for this age band (no nappy rash for a teenager's
        hygiene, »Barnet …« for a 7-year-old where a 15-year-old reads »Den unge …«)."""
        lang = self.context.language
        self.tree.blockSignals(True)  # a text change is not a tick: no autosave, no problems redrawn
        try:
            for signal in self.context.pack.signals:
                if signal.help_by_age or signal.label_by_age:
                    self._set_item_text(self.items[signal.id], localise(signal.label_for(band), lang),
                                        localise(signal.help_for(band), lang))
        finally:
            self.tree.blockSignals(False)

    @staticmethod
    def _set_item_text(item: QTreeWidgetItem, label: str, help_text: str) -> None:
        item.setText(0, f"{label}\n{help_text}")
        item.setData(0, Qt.ItemDataRole.AccessibleTextRole, label)
        # Qt tells a screen reader no tree level: the sign's category is said with its examples.
        category = item.parent()
        said = as_sentences(category.text(0) if category is not None else "", help_text)
        item.setData(0, Qt.ItemDataRole.AccessibleDescriptionRole, said)
        item.setToolTip(0, help_text)

    def apply_filter(self) -> None:
        """Hide what does not fit the age band or the search (ticked signals stay ticked)."""
        pack = self.context.pack
        query = self.search.text().strip()
        if query:
            shown = {s.id for s in pack.search(query, self.band, self.context.language)}
        else:
            shown = {s.id for s in pack.signals_for(self.band)}
        self.tree.setUpdatesEnabled(False)
        try:
            for signal_id, item in self.items.items():
                hidden = signal_id not in shown
                if item.isHidden() != hidden:
                    item.setHidden(hidden)
            for parent in self.category_items.values():
                hidden = all(_hidden(parent.child(i)) for i in range(parent.childCount()))
                if parent.isHidden() != hidden:
                    parent.setHidden(hidden)
        finally:
            self.tree.setUpdatesEnabled(True)
        self.empty_label.setVisible(not shown)
        current = self.tree.cursor_item()
        if current is None or current.isHidden() or current.parent() is None:
            # Tabbing into the list lands on the first sign, ready for Space.
            first = next((self.items[sid] for sid in self.items if sid in shown), None)
            if first is not None:
                self.tree.set_cursor(first)

    def _announce_found(self) -> None:
        from desktop.ui.announce import announce

        if not self.search.text().strip():
            return
        found = len(self.shown_ids())
        # self.tr: lupdate finds plural forms only there.
        said = self.tr("%n sign(s) match the search.", "", found)
        announce(self.search, said if found else self.empty_label.text())

    def is_shown(self, signal_id: str) -> bool:
        """Whether the signal is in the list right now (tests and the review use this)."""
        item = self.items[signal_id]
        parent = item.parent()
        return not item.isHidden() and parent is not None and not parent.isHidden()

    def shown_ids(self) -> list[str]:
        return [sid for sid in self.items if self.is_shown(sid)]

    # --- value ---------------------------------------------------------------------------------
    def value(self) -> Any:
        return [sid for sid, item in self.items.items() if item.checkState(0) == Qt.CheckState.Checked]

    def load(self, value: Any) -> None:
        ticked = set(value) if isinstance(value, list) else set()
        for sid, item in self.items.items():
            state = Qt.CheckState.Checked if sid in ticked else Qt.CheckState.Unchecked
            if item.checkState(0) != state:
                item.setCheckState(0, state)

    def focus_target(self) -> QWidget:
        return self.search

    def interactive_widgets(self) -> list[QWidget]:
        return [self.search, self.tree]

    def apply_accessible_name(self, name: str) -> None:
        self.tree.setAccessibleName(name)
        self.tree.setHeaderLabels([name])  # its hidden column header is still read out ("1" before)
        self.label.setBuddy(self.search)
