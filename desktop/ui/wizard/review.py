"""The review page: what is still missing, the notification as the municipality will read it,
an "Edit" button per part, and what happens next.

When every rule is met, the page shows the document the domain builds
(:func:`desktop.domain.building.build_document`) laid out like the PDF. While
something is missing it lists the problems (each a button to the field) and a
summary of the answers per part, so the person still sees everything written.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.answers import get_answer, is_answered
from desktop.domain.document import NotificationDocument
from desktop.domain.flow import WizardFlow
from desktop.domain.forms import FieldType, FormField, Section, SectionKind
from desktop.domain.packs import GuidelinePack
from desktop.domain.text import Localised, localise
from desktop.domain.validation import Problem
from desktop.ui.wizard.dates import format_date, format_datetime
from desktop.ui.wizard.guidance import GuidanceBlock
from desktop.ui.wizard.problems import problem_text

translate = QCoreApplication.translate


def _plain(field: FormField, value: Any, pack: GuidelinePack, lang: str) -> str:
    """A value as the person typed or chose it, in words."""
    if field.type in (FieldType.YES_NO,):
        return translate("Wizard", "Yes") if value is True else translate("Wizard", "No")
    if field.type is FieldType.YES_NO_WHY and isinstance(value, dict):
        yes = value.get("value")
        text = ""
        if yes is not None:
            text = translate("Wizard", "Yes") if yes is True else translate("Wizard", "No")
        why = value.get("why_not")
        return f"{text}: {why}" if yes is False and why else text
    if field.type is FieldType.SINGLE_CHOICE and isinstance(value, str):
        option = field.option(value)
        return localise(option.label, lang) if option is not None else value
    if field.type is FieldType.MULTI_CHOICE and isinstance(value, list):
        return ", ".join(localise(o.label, lang) for o in field.options if o.id in value)
    if field.type is FieldType.SCALE and isinstance(value, str):
        level = next((lv for lv in pack.scale.levels if lv.id == value), None)
        return localise(level.label, lang) if level is not None else value
    if field.type is FieldType.SIGNAL_CHECKLIST and isinstance(value, list):
        labels = [localise(s.label, lang) for s in pack.signals if s.id in value]
        return "; ".join(labels)
    if field.type is FieldType.PERSON and isinstance(value, dict):
        return ", ".join(str(v) for v in value.values() if v)
    if field.type is FieldType.DATE and isinstance(value, str):
        return format_date(value)
    if field.type is FieldType.DATETIME and isinstance(value, str):
        return format_datetime(value)
    return str(value)


def section_summary_html(section: Section, flow: WizardFlow, answers: dict[str, Any],
                         pack: GuidelinePack, lang: str) -> str:
    """The answered, visible fields of a section as a small table (escaped)."""
    rows: list[str] = []
    for field in flow.visible_fields(section.id):
        value = get_answer(answers, field.id)
        if not field.holds_answer or not is_answered(value):
            continue
        label = escape(localise(field.label, lang))
        if field.type is FieldType.REPEATABLE_GROUP and isinstance(value, list):
            item_label = localise(field.item_label, lang)
            for index, item in enumerate(value):
                if not isinstance(item, dict):
                    continue
                parts = []
                for sub in field.fields:
                    sub_value = item.get(sub.id)
                    if is_answered(sub_value) and flow.is_visible(f"{field.id}[{index}].{sub.id}"):
                        parts.append(f"{escape(localise(sub.label, lang))}: "
                                     f"{escape(_plain(sub, sub_value, pack, lang))}")
                rows.append(f"<tr><td><i>{escape(item_label)} {index + 1}</i></td>"
                            f"<td>{'<br/>'.join(parts)}</td></tr>")
            continue
        text = escape(_plain(field, value, pack, lang)).replace("\n", "<br/>")
        if field.type is FieldType.QUOTE:
            text = f"<blockquote><i>“{text}”</i></blockquote>"
        rows.append(f'<tr><td width="35%">{label}</td><td>{text}</td></tr>')
    if not rows:
        return "<p><i>" + escape(translate("Wizard", "Nothing filled in yet.")) + "</i></p>"
    return '<table width="100%" cellpadding="3">' + "".join(rows) + "</table>"


def document_html(document: NotificationDocument) -> str:
    """The finalised layout, from the documents area (the same outline as the PDF)."""
    from desktop.documents.html import render_html

    return render_html(document)


class ReviewPage(QScrollArea):
    """The last page; ``edit_requested(section_id)`` and ``problem_requested(problem)`` via callbacks."""

    def __init__(self, section: Section, sections: list[Section], pack: GuidelinePack, lang: str,
                 on_edit: Callable[[str], None], on_problem: Callable[[Problem], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.section = section
        self.pack = pack
        self.lang = lang
        self._on_edit = on_edit
        self._on_problem = on_problem
        self.setObjectName(f"page:{section.id}")
        self.setWidgetResizable(True)
        # No tab stop of its own: Tab goes from field to field and the area scrolls to follow.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        layout = QVBoxLayout(body)
        title = QLabel(localise(section.title, lang))
        title.setObjectName("pageTitle")
        title.setWordWrap(True)
        font = title.font()
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        if section.intro is not None:
            intro = QLabel(localise(section.intro, lang))
            intro.setWordWrap(True)
            layout.addWidget(intro)
        self.problems_box = QFrame()
        self.problems_box.setObjectName("reviewProblems")
        self.problems_layout = QVBoxLayout(self.problems_box)
        layout.addWidget(self.problems_box)
        self.problem_buttons: list[QPushButton] = []
        self.document_view = QTextBrowser()
        self.document_view.setObjectName("documentView")
        self.document_view.setAccessibleName(
            translate("Wizard", "The notification as the municipality will read it"))
        self.document_view.setMinimumHeight(self.document_view.fontMetrics().lineSpacing() * 20)
        self.document_view.setOpenLinks(False)
        layout.addWidget(self.document_view)
        self.edit_buttons: dict[str, QPushButton] = {}
        self.parts_box = QWidget()
        parts_layout = QGridLayout(self.parts_box)
        parts_layout.setContentsMargins(0, 0, 0, 0)
        editable = [other for other in sections if other.kind is not SectionKind.REVIEW]
        for number, other in enumerate(editable):
            name = localise(other.title, lang)
            button = QPushButton(translate("Wizard", "Edit: %1").replace("%1", name))
            button.setObjectName(f"edit:{other.id}")
            button.setAccessibleName(translate("Wizard", "Edit: %1").replace("%1", name))
            button.clicked.connect(lambda _checked=False, sid=other.id: self._on_edit(sid))
            parts_layout.addWidget(button, number // 3, number % 3)
            self.edit_buttons[other.id] = button
        layout.addWidget(self.parts_box)
        for field in section.fields:
            if field.holds_answer:
                continue
            if field.id.endswith("next_steps") and pack.next_steps is not None:
                # The municipality's own words about what happens next replace the general ones.
                locked = translate("Wizard", "Once sent, the notification cannot be changed; "
                                             "a correction is sent as a new notification.")
                own = Localised(da=f"{locked} {pack.next_steps.da}", en=f"{locked} {pack.next_steps.en}")
                field = field.model_copy(update={"help": own})
            self.next_steps = GuidanceBlock(field, pack, lang)
            layout.addWidget(self.next_steps)
        layout.addStretch(1)
        self.setWidget(body)

    def show_state(self, flow: WizardFlow, answers: dict[str, Any], problems: list[Problem],
                   sections: list[Section], document: NotificationDocument | None) -> None:
        """Redraw for the current answers: problems first, then the notification."""
        for button in self.problem_buttons:
            button.deleteLater()
        self.problem_buttons = []
        while self.problems_layout.count():
            taken = self.problems_layout.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None:
                widget.deleteLater()
        blocking = [p for p in problems if p.blocking]
        if blocking:
            heading = QLabel(translate("Wizard", "Before you can send it, please look at these:"))
            heading.setWordWrap(True)
            self.problems_layout.addWidget(heading)
        titles = {s.id: localise(s.title, self.lang) for s in sections}
        for problem in blocking:
            try:
                label = localise(flow.form.field(problem.field_path.split("[", 1)[0]).label, self.lang)
            except KeyError:
                label = ""
            text = f"{titles.get(problem.section_id, '')} › {label}: {problem_text(problem)}"
            button = QPushButton(text)
            button.setObjectName(f"problem:{problem.field_path}")
            button.setAccessibleName(text)
            button.clicked.connect(lambda _checked=False, p=problem: self._on_problem(p))
            self.problems_layout.addWidget(button)
            self.problem_buttons.append(button)
        self.problems_box.setVisible(bool(blocking))
        visible = set(flow.pages())
        for section_id, button in self.edit_buttons.items():
            button.setVisible(section_id in visible)
        if document is not None:
            self.document_view.setHtml(document_html(document))
            return
        parts = []
        for section in sections:
            if section.kind is SectionKind.REVIEW or section.id not in visible:
                continue
            parts.append(f"<h3>{escape(localise(section.title, self.lang))}</h3>")
            parts.append(section_summary_html(section, flow, answers, self.pack, self.lang))
        self.document_view.setHtml("".join(parts))
