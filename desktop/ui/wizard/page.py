"""One wizard page: a section of the form, drawn as a scrollable column of editors.

Editors are made once per page; the domain's :class:`WizardFlow` says which of
them show and which are required each time the answers change.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from desktop.domain.answers import get_answer, parse_path
from desktop.domain.flow import WizardFlow, field_required, field_visible
from desktop.domain.forms import FieldType, FormField, Section
from desktop.domain.text import localise
from desktop.ui.wizard.editors import make_editor
from desktop.ui.wizard.fields import EditorContext, FieldEditor
from desktop.ui.wizard.group_editor import RepeatableGroupEditor
from desktop.ui.wizard.guidance import GuidanceBlock
from desktop.ui.wizard.signal_checklist import SignalChecklistEditor

translate = QCoreApplication.translate


def _show(widget: QWidget, visible: bool) -> None:
    if widget.isHidden() == visible:
        widget.setVisible(visible)


class SectionPage(QScrollArea):
    """The editors of one section; ``on_change(editor)`` is called after each edit.

    With ``build_now=False`` only the title is made; :meth:`build_step` adds one field
    at a time (the window builds pages in idle time in such small steps) and
    :meth:`finish` the rest. The page is ready to show once :attr:`complete`.
    """

    def __init__(self, section: Section, context: EditorContext,
                 on_change: Callable[[FieldEditor], None], parent: QWidget | None = None, *,
                 build_now: bool = True) -> None:
        super().__init__(parent)
        self.section = section
        self.setObjectName(f"page:{section.id}")
        self.setWidgetResizable(True)
        # No tab stop of its own: Tab goes from field to field and the area scrolls to follow.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._context = context
        self._on_change = on_change
        # Filled while it has no parent, and put into the page in the last step: a widget added
        # to a page inside a window costs more than one added to a widget of its own.
        self._body = QWidget()
        self._layout = QVBoxLayout(self._body)
        lang = context.language
        self.title_label = QLabel(localise(section.title, lang))
        self.title_label.setObjectName("pageTitle")
        self.title_label.setWordWrap(True)
        font = self.title_label.font()
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title_label.setFont(font)
        self._layout.addWidget(self.title_label)
        if section.intro is not None:
            intro = QLabel(localise(section.intro, lang))
            intro.setWordWrap(True)
            intro.setObjectName("pageIntro")
            self._layout.addWidget(intro)
        #: "Fields with * must be filled in", shown while the page has a required field.
        self.required_note = QLabel()
        self.required_note.setObjectName("requiredNote")
        self.required_note.setWordWrap(True)
        self.required_note.setText(translate("Wizard", "Fields marked * must be filled in."))
        self.required_note.hide()
        self._layout.addWidget(self.required_note)
        self.editors: dict[str, FieldEditor] = {}
        self.guidance: dict[str, GuidanceBlock] = {}
        self._pending = list(section.fields)
        self.complete = False
        if build_now:
            self.finish()

    def build_step(self) -> bool:
        """Add the next field (or, after the last, put the page together); True once complete."""
        if self.complete:
            return True
        if self._pending:
            self._add(self._pending.pop(0))
            return False
        if not any(isinstance(e, SignalChecklistEditor) for e in self.editors.values()):
            self._layout.addStretch(1)
        self.setWidget(self._body)
        self.complete = True
        return True

    def finish(self) -> None:
        """Build whatever is left now."""
        while not self.build_step():
            pass

    def _add(self, field: FormField) -> None:
        if not field.holds_answer:
            block = GuidanceBlock(field, self._context.pack, self._context.language)
            self.guidance[field.id] = block
            self._layout.addWidget(block)
            return
        editor = make_editor(field.type)(field, field.id, self._context)
        # A bound method, not a lambda holding the page: an editor's connection must never keep the page
        # (and through ``on_change`` the whole window) alive after the window has gone.
        editor.changed.connect(self._editor_changed)
        self.editors[field.id] = editor
        # The signal list takes the room the page has; other pages keep their fields at the top.
        self._layout.addWidget(editor, 1 if isinstance(editor, SignalChecklistEditor) else 0)

    @Slot()
    def _editor_changed(self) -> None:
        editor = self.sender()
        if isinstance(editor, FieldEditor):
            self._on_change(editor)

    def abandon(self) -> None:
        """The window closes before this page was complete: its unfinished fields, not yet inside the
        page (see ``_body``), are deleted now; nothing else would ever delete them."""
        if not self.complete:
            self._pending = []
            self._body.deleteLater()

    def load(self, answers: dict[str, object]) -> None:
        """Show the saved answers."""
        for path, editor in self.editors.items():
            editor.set_value(get_answer(answers, path))

    def refresh(self, flow: WizardFlow, answers: Mapping[str, Any]) -> None:
        """Show/hide and mark required what the domain says, for the current answers.

        The derived facts (age band, ticked signals) are worked out once per refresh and
        handed to the domain's rules, so a keystroke costs one evaluation, not one per field.
        """
        ctx = flow.context()
        any_required = False
        for block in self.guidance.values():
            shown = field_visible(block.field, answers, ctx)
            appears = shown and block.isHidden() and block.contacts is not None and self.isVisible()
            _show(block, shown)
            if appears and block.contacts is not None:
                # Whom to call appears while the focus stays on the answer: said aloud at once (the
                # numbers come next in the Tab order, see AcuteContacts.numbers).
                from desktop.ui.announce import announce

                announce(block, f"{block.accessibleName()}: {block.contacts.text()}", urgent=True)
        for path, editor in self.editors.items():
            visible = field_visible(editor.field, answers, ctx)
            _show(editor, visible)
            if visible:
                required = field_required(editor.field, answers, ctx)
                if required != editor.required:
                    editor.set_required(required)
                any_required = any_required or required
            if isinstance(editor, RepeatableGroupEditor):
                items = answers.get(path)
                for row in editor.rows:
                    item = items[row.index] if isinstance(items, list) and row.index < len(items) else {}
                    item = item if isinstance(item, dict) else {}
                    for sub in row.editors.values():
                        sub_visible = field_visible(sub.field, answers, ctx, item=item)
                        _show(sub, sub_visible)
                        sub_required = sub_visible and field_required(sub.field, answers, ctx, item=item)
                        if sub_required != sub.required:
                            sub.set_required(sub_required)
            if isinstance(editor, SignalChecklistEditor):
                band = ctx.age_band
                if band != editor.band or not editor.band_label.text():
                    editor.set_band(band)
            elif visible and editor.field.type is FieldType.BODY_MAP:
                # Imported here: make_editor loads the body map's modules only for a form that has one.
                from desktop.ui.wizard.bodymap_editor import BodyMapEditor

                if isinstance(editor, BodyMapEditor):
                    editor.set_band(ctx.age_band)  # the outline for the child's age
        _show(self.required_note, any_required)

    def editor_for(self, path: str) -> FieldEditor | None:
        """The editor showing ``path`` (a group sub-field's own editor when it exists)."""
        parsed = parse_path(path)
        editor = self.editors.get(parsed.field)
        if editor is None or parsed.index is None:
            return editor
        if isinstance(editor, RepeatableGroupEditor):
            for sub in editor.sub_editors():
                if sub.path == path:
                    return sub
        return editor

    def first_focus(self) -> QWidget | None:
        """Where the keyboard focus goes when the page opens: its first visible editor."""
        for editor in self.editors.values():
            if not editor.isHidden():
                return editor.focus_target()
        return None
