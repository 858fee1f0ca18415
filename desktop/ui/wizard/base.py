"""What every field editor shares: label (marked when required), help, input, problem message.

An editor knows nothing of rules: the page asks the domain what shows and what
is required and tells the editor; the window turns the domain's problems into
sentences and hands them over.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtWidgets import QApplication, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from desktop.domain.forms import FormField
from desktop.domain.packs import GuidelinePack
from desktop.domain.text import localise
from desktop.errors import UnderretError
from desktop.ui.wizard.attachment_store import AttachmentStore

translate = QCoreApplication.translate

#: How long after the last keystroke a message that appeared in a field is said aloud.
SAY_NOTE_MS = 600


def as_sentences(*parts: str) -> str:
    """``parts`` as one spoken text (an accessible description): each part once, in order, each ending as
    a sentence - a full stop only where the part has no end of its own ("Hvor bekymret er du? Barnet …",
    never "du?. Barnet")."""
    said: list[str] = []
    for part in (p.strip() for p in parts):
        if part and part not in said:
            said.append(part)
    return " ".join(p if p[-1] in ".?!:…" else p + "." for p in said)


@dataclass(frozen=True)
class EditorContext:
    """What every editor may need: the language of the texts, the pack, today's date, and where a
    draft's attachments are kept (None where no draft can hold any, e.g. a read-only view).
    ``unreachable(code)`` says why a notification about a child living in that municipality cannot be
    sent from this PC (None when it can, or where nothing is sent, e.g. a read-only view)."""

    language: str
    pack: GuidelinePack
    today: date
    attachments: AttachmentStore | None = None
    unreachable: Callable[[str], UnderretError | None] | None = None


class PlainTextEdit(QPlainTextEdit):
    """A multi-line text box where Tab moves on (keyboard users must be able to leave it)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)


class FieldEditor(QWidget):
    """Base of all editors: label, help, input, problem message; ``changed`` on every edit."""

    changed = Signal()

    def __init__(self, field: FormField, path: str, context: EditorContext,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.path = path
        self.context = context
        self.required = False
        self._loading = False
        # The message last said aloud, and the pause after typing before a new one is said.
        self._note_said = ""
        self._note_timer: QTimer | None = None
        self.setObjectName(f"field:{path}")
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 4, 0, 4)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setObjectName("fieldLabel")
        bold = self.label.font()
        bold.setBold(True)
        self.label.setFont(bold)
        self.layout_.addWidget(self.label)
        self.help_label = QLabel(localise(field.help, context.language))
        self.help_label.setWordWrap(True)
        self.help_label.setObjectName("fieldHelp")
        self.layout_.addWidget(self.help_label)
        # Only once it has a parent: a parentless widget that is shown becomes a window of its own.
        self.help_label.setVisible(field.help is not None)
        self.build()
        self.problem_label = QLabel()
        self.problem_label.setWordWrap(True)
        self.problem_label.setObjectName("fieldProblem")
        # Coloured (by the theme, in light, dark and high contrast) when a problem is first shown: a
        # colour per editor made every page slower to build.
        self.problem_label.hide()
        self.layout_.addWidget(self.problem_label)
        self.set_required(False)

    # --- to override ---------------------------------------------------------------------------
    def build(self) -> None:
        """Create the input widgets and add them to ``layout_``."""
        raise NotImplementedError

    def value(self) -> Any:
        """The answer as stored in the answers dict (``None`` when empty)."""
        raise NotImplementedError

    def load(self, value: Any) -> None:
        """Show ``value`` without emitting ``changed``."""
        raise NotImplementedError

    def focus_target(self) -> QWidget:
        """The widget that gets the keyboard focus for this field (first problem, Edit)."""
        raise NotImplementedError

    def interactive_widgets(self) -> list[QWidget]:
        """Every widget that takes input (accessible names are set on each)."""
        return [self.focus_target()]

    def problem_target(self, message_id: str) -> QWidget:
        """Where the focus goes for a problem with this field (usually :meth:`focus_target`)."""
        return self.focus_target()

    def problem_target_for(self, path: str, message_id: str) -> QWidget:
        """Where the focus goes for a problem at ``path``: an editor with parts (the body map's marks)
        picks the part; the others use :meth:`problem_target`."""
        return self.problem_target(message_id)

    # --- shared --------------------------------------------------------------------------------
    def title(self) -> str:
        return localise(self.field.label, self.context.language)

    def set_value(self, value: Any) -> None:
        self._loading = True
        try:
            self.load(value)
        finally:
            self._loading = False

    def _emit(self) -> None:
        if not self._loading:
            if self.problem_label.isVisibleTo(self):
                self.show_problem(None)  # the person is fixing it; the check runs again on finalise
            self.changed.emit()

    def set_required(self, required: bool) -> None:
        """Mark the field (a visible asterisk and the word "required" for screen readers)."""
        self.required = required
        title = self.title()
        self.label.setText(f"{title} *" if required else title)
        name = title
        if required:
            name = translate("Wizard", "%1 (required)").replace("%1", title)
        self.apply_accessible_name(name)

    def apply_accessible_name(self, name: str) -> None:
        target = self.focus_target()
        target.setAccessibleName(name)
        # The whole description again (a problem or a live note shown now stays in it, e.g. the CPR
        # note when the page marks the field required).
        self.describe()
        self.label.setBuddy(target)

    def show_problem(self, text: str | None) -> None:
        """Show (or clear) the domain's complaint about this field."""
        if text and not self.problem_label.property("painted"):
            from desktop.ui import theme

            theme.paint(self.problem_label, theme.Tone.DANGER, fill=False)
            self.problem_label.setProperty("painted", True)
        self.problem_label.setText(text or "")
        self.problem_label.setVisible(bool(text))
        self.describe()

    def live_note(self) -> str:
        """A note the editor shows while typing (e.g. "not a real date"), or ""."""
        return ""

    def describe(self) -> None:
        """What a screen reader says after the name: the problem, the live note, the help."""
        problem = self.problem_label.text() if not self.problem_label.isHidden() else ""
        parts = [problem, self.live_note(), localise(self.field.help, self.context.language)]
        self.focus_target().setAccessibleDescription(as_sentences(*parts))
        self._note_changed(as_sentences(problem, self.live_note()))

    def _note_changed(self, note: str) -> None:
        """A message that appears while the person types in the field is said once, when the typing
        pauses: a changed description alone is not spoken while the focus stays in the field."""
        if note == self._note_said:
            if self._note_timer is not None:
                self._note_timer.stop()  # back to what was said already: nothing new to say
            return
        if not note:
            self._note_said = ""
            return
        focused = QApplication.focusWidget()
        if focused is None or not self.isAncestorOf(focused):
            # Shown before the focus comes here (a problem from the review, a refused "Next"): the field's
            # description says it as the focus arrives; said again it would be heard twice.
            self._note_said = note
            return
        if self._note_timer is None:
            self._note_timer = QTimer(self)
            self._note_timer.setSingleShot(True)
            self._note_timer.setInterval(SAY_NOTE_MS)
            self._note_timer.timeout.connect(self._say_note)
        self._note_timer.start()

    @property
    def note_pending(self) -> bool:
        """Whether a message waits for the typing to pause before it is said."""
        return self._note_timer is not None and self._note_timer.isActive()

    def _say_note(self) -> None:
        problem = self.problem_label.text() if not self.problem_label.isHidden() else ""
        note = as_sentences(problem, self.live_note())
        focused = QApplication.focusWidget()
        if not note or focused is None or not self.isAncestorOf(focused):
            return  # gone again, or the focus left: the field's description says it when it is reached
        self._note_said = note
        from desktop.ui.announce import announce

        announce(self.focus_target(), note)
