"""The review page: what is still missing, the notification as the municipality will read it,
an "Edit" button per part, and what happens next.

The page always shows the municipality's layout, the same outline as the PDF
(:mod:`desktop.documents.outline`): from the strict document
(:func:`desktop.domain.building.build_document`) once every rule is met, and
from the lenient preview (:func:`desktop.domain.preview.build_preview`) while
something is missing. Each gap in the preview is a link ("Not filled in yet —
go to the page …") that Tab reaches inside the document and Enter follows to
the field; the problem list above the document offers the same as buttons.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.answers import parse_path
from desktop.domain.document import NotificationDocument
from desktop.domain.flow import WizardFlow
from desktop.domain.forms import FormDefinition, Section, SectionKind
from desktop.domain.packs import GuidelinePack
from desktop.domain.text import Localised, localise
from desktop.domain.validation import Problem
from desktop.errors import UnderretError
from desktop.ui import theme
from desktop.ui.document_view import DocumentView
from desktop.ui.wizard.guidance import GuidanceBlock
from desktop.ui.wizard.problems import problem_text

if TYPE_CHECKING:
    from desktop.domain.preview import Gap, NotificationPreview

translate = QCoreApplication.translate

#: How a gap's link in the preview starts (``gap:<n>``, see :mod:`desktop.documents.outline`).
GAP_LINK = "gap:"
# How many problems are named aloud when the review opens (the rest are counted; Tab reaches them all).
SAID_PROBLEMS = 3


def question_of(form: FormDefinition, path: str, lang: str) -> list[str]:
    """The question a problem is about, and whose it is: ``["Parent 2", "Have you told this parent …?"]``
    for ``family.custody_holders[1].informed``; ``["Your name"]`` for a plain field."""
    try:
        parsed = parse_path(path)
        field = form.field(parsed.field)
    except (KeyError, ValueError, UnderretError):
        return []
    if parsed.index is None:
        return [localise(field.label, lang)]
    item = localise(field.item_label, lang) or localise(field.label, lang)
    who = f"{item} {parsed.index + 1}"
    sub_field = next((f for f in field.fields if f.id == parsed.sub), None)
    if sub_field is None:
        return [localise(field.label, lang), who]
    return [who, localise(sub_field.label, lang)]


def problem_line(form: FormDefinition, problem: Problem, lang: str) -> str:
    """A problem where the person meets it: "Barnet › CPR-nummer: Udfyld …" (page, question, message)."""
    section = next((s for s in form.sections if s.id == problem.section_id), None)
    parts = [localise(section.title, lang) if section is not None else "",
             *question_of(form, problem.field_path, lang)]
    where = " › ".join(part for part in parts if part)
    # A question keeps its mark: "… underretningen? Udfyld …".
    joint = " " if where.endswith(("?", "!")) else ": "
    return f"{where}{joint}{problem_text(problem)}"


def document_html(document: NotificationDocument, style: tuple[object, float] | None = None, *,
                  finalised: bool = True) -> str:
    """The finalised layout, from the documents area (the same outline as the PDF), in the screen's
    ``style`` (:func:`desktop.ui.theme.document_style`; taken now when not given: GUI thread only).
    ``finalised=False``: the review's copy of a complete notification not finished yet."""
    from desktop.documents.html import Colours, render_html

    colours, base_pt = style if style is not None else theme.document_style()
    assert isinstance(colours, Colours)
    return render_html(document, colours, base_pt, finalised=finalised)


def preview_html(preview: NotificationPreview, style: tuple[object, float]) -> str:
    """The same layout for a notification still being written, each gap a link."""
    from desktop.documents.html import Colours, render_preview_html

    colours, base_pt = style
    assert isinstance(colours, Colours)
    return render_preview_html(preview, colours, base_pt)


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
        self.preview_note = QLabel(translate(
            "Wizard", "Where it says “Not filled in yet”, an answer is still missing. "
                      "Tab to it in the text and press Enter to go there."))
        self.preview_note.setObjectName("previewNote")
        self.preview_note.setWordWrap(True)
        layout.addWidget(self.preview_note)
        self.document_view = DocumentView()
        self.document_view.setObjectName("documentView")
        self.document_view.setAccessibleName(
            translate("Wizard", "The notification as the municipality will read it"))
        self.document_view.setMinimumHeight(self.document_view.fontMetrics().lineSpacing() * 20)
        # A whole notification (even an empty draft's, with its gaps) is taller than the view: with its
        # scroll bar always there, its ~70 parts are laid out once, not at the whole width and then again.
        self.document_view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.document_view.anchorClicked.connect(self._follow_gap)
        self._gaps: tuple[Gap, ...] = ()
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

    def show_problems(self, flow: WizardFlow, problems: list[Problem], sections: list[Section]) -> None:
        """Redraw the problem list (each a button to its field) and which parts can be edited."""
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
            self.problems_box.setAccessibleName(heading.text())
        for problem in blocking:
            text = problem_line(flow.form, problem, self.lang)
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

    def problems_said(self) -> str:
        """What a screen reader is told when the page opens with problems ("" without any): how many,
        then the first few, as their buttons say them (the focus is on the first)."""
        if not self.problem_buttons:
            return ""
        # self.tr: lupdate finds plural forms only there.
        said = self.tr("%n thing(s) to put right before you can send it:", "", len(self.problem_buttons))
        named = [button.text() for button in self.problem_buttons[:SAID_PROBLEMS]]
        more = len(self.problem_buttons) - len(named)
        if more:
            named.append(self.tr("and %n more.", "", more))
        return f"{said} {' '.join(t if t.endswith(('.', '?', '!')) else t + '.' for t in named)}"

    def refused_said(self, form: FormDefinition, problem: Problem, count: int) -> str:
        """Why "Finish and send" did not send: how many things to put right, and the first one."""
        said = self.tr("Not sent: %n thing(s) to put right first.", "", count)
        return f"{said} {problem_line(form, problem, self.lang)}"

    def show_document(self, html: str, gaps: Sequence[Gap] = ()) -> None:
        """Show the notification laid out as ``html``; ``gaps`` are what its ``gap:<n>`` links lead to."""
        self.preview_note.setVisible(bool(gaps))
        self._gaps = tuple(gaps)
        self.document_view.setHtml(html, slices=True)  # ~70 parts: made a few at a time

    def _follow_gap(self, url: QUrl) -> None:
        """A gap's link (mouse or Enter): open its page with the focus in its field."""
        target = url.toString()
        if not target.startswith(GAP_LINK):
            return
        number = target.removeprefix(GAP_LINK)
        if number.isdigit() and int(number) < len(self._gaps):
            self._on_problem(self._gaps[int(number)].problem())
