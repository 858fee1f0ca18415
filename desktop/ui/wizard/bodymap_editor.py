"""The body map field: the child's outline front and back, marks placed by mouse or keyboard, described.

Mouse: click on the body where the mark is; drag a mark to move it. Keyboard: choose a place from
the list and press "Add mark"; in a view, Page Up/Down chooses a mark and the arrow keys move it.
Every mark is listed ("1. Bruise – Left upper arm (front)") and described in the form below the
list (:mod:`.bodymap_details`). The outline follows the child's age band; for an unborn child the
form hides the field. The answer is the list of marks (shape in ``desktop.domain.observations``).
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.answers import parse_path
from desktop.domain.bodymap import BodyView, Figure, figure_for, geometry, place
from desktop.domain.document import AgeBand
from desktop.domain.observations import MAX_MARKS, code_lists, describe_mark
from desktop.ui.accessible import name_as_shown
from desktop.ui.wizard.base import FieldEditor
from desktop.ui.wizard.bodymap_canvas import BodyMapCanvas
from desktop.ui.wizard.bodymap_details import MarkDetails, narrow_combo

translate = QCoreApplication.translate

MARK_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class BodyMapEditor(FieldEditor):
    """Marks on the child's outline; stored as a list of marks (None when there are none)."""

    def build(self) -> None:
        self._title = ""
        self.figure: Figure = Figure.SCHOOL_CHILD
        self.marks: list[dict[str, Any]] = []
        self.current: str | None = None
        lang = self.context.language
        self.how_label = QLabel()
        self.how_label.setWordWrap(True)
        self.layout_.addWidget(self.how_label)
        self.canvases = {view: BodyMapCanvas(view) for view in BodyView}
        row = QHBoxLayout()
        row.addStretch(1)
        for view, canvas in self.canvases.items():
            canvas.placed.connect(self._placed)
            canvas.chosen.connect(self._choose)
            canvas.moved.connect(self._moved)
            canvas.remove_requested.connect(self._remove)
            canvas.details_requested.connect(lambda _mark_id: self._focus_details("kind"))
            column = QVBoxLayout()
            caption = QLabel(code_lists().label("view", view.value, lang))
            caption.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            column.addWidget(caption)
            column.addWidget(canvas)
            row.addLayout(column)
        row.addStretch(1)
        self.layout_.addLayout(row)
        # Keyboard path to a new mark: choose the place, then Add.
        self.place_label = QLabel()
        self.place = narrow_combo("bodyMapPlace")
        self.place_label.setBuddy(self.place)
        self.add_button = QPushButton()
        self.add_button.setObjectName("bodyMapAdd")
        self.add_button.clicked.connect(lambda _checked=False: self._add_at_chosen_place())
        add_row = QHBoxLayout()
        add_row.addWidget(self.place_label)
        add_row.addWidget(self.place, 1)
        add_row.addWidget(self.add_button)
        self.layout_.addLayout(add_row)
        self.list_label = QLabel()
        self.list = QListWidget()
        self.list.setObjectName("bodyMapMarks")
        self.list.setMaximumHeight(self.list.fontMetrics().lineSpacing() * 7)
        self.list_label.setBuddy(self.list)
        self.list.currentItemChanged.connect(
            lambda item, _old: self._choose(item.data(MARK_ID_ROLE)) if item is not None else None)
        # Delete in the list removes the chosen mark too (as in the views).
        remove_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.list)
        remove_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        remove_key.activated.connect(lambda: self._remove(self.current))
        self.remove_button = QPushButton()
        self.remove_button.setObjectName("bodyMapRemove")
        self.remove_button.clicked.connect(lambda _checked=False: self._remove(self.current))
        self.layout_.addWidget(self.list_label)
        self.layout_.addWidget(self.list)
        self.layout_.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.details = MarkDetails(lang)
        self.details.changed.connect(self._detail_changed)
        self.layout_.addWidget(self.details)
        self._fill_places()
        self.retranslate()
        self._refresh()

    def retranslate(self) -> None:
        """The editor's own words in the UI language (the figure's labels stay in the notification's)."""
        self.how_label.setText(translate(
            "BodyMap", "Click on the body where you saw the mark, or choose the place in the list and press "
                       "Add mark. Describe each mark below."))
        for view, canvas in self.canvases.items():
            canvas.setAccessibleName(translate("BodyMap", "Body map, front") if view is BodyView.FRONT
                                     else translate("BodyMap", "Body map, back"))
        self.place_label.setText(translate("BodyMap", "&Place on the body"))
        self.place.setAccessibleName(translate("BodyMap", "Place on the body for a new mark"))
        self.add_button.setText(translate("BodyMap", "&Add mark"))
        name_as_shown(self.add_button, translate("BodyMap", "Add a mark at the chosen place"))
        self.list_label.setText(translate("BodyMap", "&Marks"))
        self.list.setAccessibleName(translate("BodyMap", "Marks on the body"))
        self.remove_button.setText(translate("BodyMap", "&Remove mark"))
        name_as_shown(self.remove_button, translate("BodyMap", "Remove the chosen mark"))
        self.details.retranslate()
        self._describe_canvases()

    # --- FieldEditor -----------------------------------------------------------------------------
    def value(self) -> Any:
        return [dict(mark) for mark in self.marks] or None

    def load(self, value: Any) -> None:
        marks = value if isinstance(value, list) else []
        self.marks = [dict(mark) for mark in marks if isinstance(mark, dict)]
        if self.current not in self._ids():
            self.current = self.marks[0]["id"] if self.marks else None
        self._refresh()

    def focus_target(self) -> QWidget:
        return self.canvases[BodyView.FRONT]

    def interactive_widgets(self) -> list[QWidget]:
        return [*self.canvases.values(), self.place, self.add_button, self.list, self.remove_button,
                *self.details.fields().values()]

    def apply_accessible_name(self, name: str) -> None:
        # Each part has its own name; the field's title goes into the views' descriptions.
        self._title = name
        self._describe_canvases()
        self.label.setBuddy(self.focus_target())

    def describe(self) -> None:
        self._describe_canvases()

    def problem_target_for(self, path: str, message_id: str) -> QWidget:
        """A problem with one mark (``…[2].kind``): choose that mark, and the focus goes to that part."""
        parsed = parse_path(path)
        if parsed.index is not None and parsed.index < len(self.marks):
            self._choose(self.marks[parsed.index]["id"])
            return self.details.fields().get(parsed.sub or "", self.details.kind)
        return self.focus_target()

    # --- the child's age -------------------------------------------------------------------------
    def set_band(self, band: AgeBand | None) -> None:
        """Draw the outline for the child's age band (marks keep their place on the body)."""
        figure = figure_for(band) or Figure.SCHOOL_CHILD
        if figure is not self.figure:
            self.figure = figure
            self._fill_places()
            self._refresh()

    # --- changes ---------------------------------------------------------------------------------
    def _ids(self) -> list[str]:
        return [str(mark["id"]) for mark in self.marks]

    def _mark(self, mark_id: str | None) -> dict[str, Any] | None:
        return next((mark for mark in self.marks if mark["id"] == mark_id), None)

    def _new_mark(self, view: str, x: float, y: float, region: str) -> None:
        if len(self.marks) >= MAX_MARKS:
            self.show_problem(translate("WizardProblems", "At most {max} can be added here.")
                              .replace("{max}", str(MAX_MARKS)))
            return
        mark_id = f"m-{uuid.uuid4().hex[:12]}"
        self.marks.append({"id": mark_id, "view": view, "x": x, "y": y, "region": region, "kind": None,
                           "colours": [], "size": "", "seen_on": None, "explained_by": None,
                           "explanation": "", "notes": ""})
        self.current = mark_id
        self._refresh()
        self._emit()

    def _placed(self, view: str, x: float, y: float, region: str) -> None:
        self._new_mark(view, x, y, region)

    def _add_at_chosen_place(self) -> None:
        chosen = self.place.currentData()
        if not isinstance(chosen, str) or ":" not in chosen:
            return
        view, region = chosen.split(":", 1)
        point = place(self.figure, BodyView(view), region)
        if point is None:
            return
        self._new_mark(view, point[0], point[1], region)
        self._focus_details("kind")

    def _choose(self, mark_id: object) -> None:
        if isinstance(mark_id, str) and mark_id != self.current and self._mark(mark_id) is not None:
            self.current = mark_id
            self._refresh()

    def _moved(self, mark_id: str, x: float, y: float, region: str) -> None:
        mark = self._mark(mark_id)
        if mark is None:
            return
        mark.update(x=x, y=y, region=region)
        self.current = mark_id
        self._refresh()
        self._emit()

    def _remove(self, mark_id: str | None) -> None:
        mark = self._mark(mark_id)
        if mark is None:
            return
        index = self.marks.index(mark)
        self.marks.remove(mark)
        self.current = (self.marks[min(index, len(self.marks) - 1)]["id"] if self.marks else None)
        self._refresh()
        self._emit()

    def _detail_changed(self, key: str, value: object) -> None:
        mark = self._mark(self.current)
        if mark is None:
            return
        if key == "region" and isinstance(value, str) and value != mark.get("region"):
            # A place chosen from the list: the mark moves to that place on the body.
            point = place(self.figure, BodyView(mark["view"]), value)
            if point is not None:
                mark.update(x=point[0], y=point[1])
        mark[key] = value
        self._refresh(details=False)
        self._emit()

    def _focus_details(self, key: str) -> None:
        widget = self.details.fields().get(key)
        if widget is not None and self.current is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- drawing ---------------------------------------------------------------------------------
    def _fill_places(self) -> None:
        self.place.blockSignals(True)
        self.place.clear()
        lang = self.context.language
        geo = geometry(self.figure)
        for view in BodyView:
            present = {r.code for r in geo.view(view).regions}
            view_label = code_lists().label("view", view.value, lang)
            for code, label in code_lists().choices("region", lang):
                if code in present:
                    self.place.addItem(f"{view_label}: {label}", f"{view.value}:{code}")
        self.place.blockSignals(False)

    def _refresh(self, *, details: bool = True) -> None:
        for canvas in self.canvases.values():
            canvas.show_marks(self.figure, self.marks, self.current)
        self.list.blockSignals(True)
        self.list.clear()
        for number, mark in enumerate(self.marks, start=1):
            text = describe_mark(mark, self.context.language)
            if not mark.get("kind"):
                text = translate("BodyMap", "%1 (kind not chosen yet)").replace("%1", text)
            item = QListWidgetItem(f"{number}. {text}")
            item.setData(MARK_ID_ROLE, mark["id"])
            self.list.addItem(item)
            if mark["id"] == self.current:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        chosen = self._mark(self.current)
        self.remove_button.setEnabled(chosen is not None)
        self.details.setVisible(chosen is not None)
        if chosen is not None and details:
            self.details.show_mark(self.marks.index(chosen) + 1, chosen, self.figure)
        self._describe_canvases()

    def _describe_canvases(self) -> None:
        """What a screen reader says about each view: the keys, and the marks on it."""
        keys = translate("BodyMap", "Click on the body to place a mark. Page Up and Page Down choose a mark, "
                                    "the arrow keys move it, Delete removes it.")
        for view, canvas in self.canvases.items():
            here = [f"{number}. {describe_mark(mark, self.context.language)}"
                    for number, mark in enumerate(self.marks, start=1) if mark.get("view") == view.value]
            marks = "; ".join(here) if here else translate("BodyMap", "No marks yet.")
            # The problem label is made after build(), which already draws.
            label = getattr(self, "problem_label", None)
            problem = label.text() if label is not None and not label.isHidden() else ""
            canvas.setAccessibleDescription(" ".join(p for p in (problem, self._title, marks, keys) if p))
