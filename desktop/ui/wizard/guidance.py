"""Guidance on a page (no answer): the form's text plus pack content such as whom to call.

The phone numbers, the local procedure and the scale come from the guideline
pack, so a municipality changes them without a new release.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from desktop.domain.forms import FormField, PackContent
from desktop.domain.packs import Contact, GuidelinePack
from desktop.domain.text import localise
from desktop.ui import theme

translate = QCoreApplication.translate


def _boxed(frame: QFrame, tone: theme.Tone, width: int) -> None:
    """A framed area in the colours of ``tone`` (light, dark and high contrast alike)."""
    frame.setFrameShape(QFrame.Shape.Box)
    frame.setLineWidth(width)
    theme.paint(frame, tone)


def _scaled_label(text: str, factor: float, *, bold: bool = False, selectable: bool = False) -> QLabel:
    """A label whose font is a multiple of the system font (never a fixed size)."""
    label = QLabel(text)
    label.setWordWrap(True)
    if selectable:
        # Phone numbers can be copied; only those labels pay for a text control.
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    font = label.font()
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(bold)
    label.setFont(font)
    return label


def contact_lines(contacts: list[Contact], lang: str) -> list[tuple[str, str]]:
    """(name, "phone – hours – note") for each contact."""
    lines = []
    for contact in contacts:
        parts = []
        if contact.phone:
            parts.append(contact.phone)
        if contact.hours is not None:
            parts.append(localise(contact.hours, lang))
        if contact.note is not None:
            parts.append(localise(contact.note, lang))
        lines.append((localise(contact.name, lang), " – ".join(parts)))
    return lines


class AcuteContacts(QFrame):
    """Whom to call when the child is in danger right now: the pack's acute numbers, 112 first."""

    def __init__(self, pack: GuidelinePack, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("acuteContacts")
        _boxed(self, theme.Tone.DANGER, 2)
        layout = QVBoxLayout(self)
        heading = _scaled_label(translate("Wizard", "Call now"), 1.3, bold=True)
        layout.addWidget(heading)
        contacts = sorted(pack.acute_contacts(), key=lambda c: (c.phone is None, c.kind != "police"))
        self.lines = contact_lines(contacts, lang)
        spoken = []
        # The numbers, each a Tab stop right after what showed them (the answer, the button, the sign):
        # a person who cannot see the box reaches every number with Tab and hears whose it is.
        self.numbers: list[QLabel] = []
        for name, detail in self.lines:
            layout.addWidget(_scaled_label(name, 1.15, bold=True))
            if detail:
                number = _scaled_label(detail, 1.15, selectable=True)
                number.setObjectName("acuteNumber")
                number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                               | Qt.TextInteractionFlag.TextSelectableByKeyboard)
                number.setFocusPolicy(Qt.FocusPolicy.TabFocus)
                number.setAccessibleName(detail)
                number.setAccessibleDescription(name)
                self.numbers.append(number)
                layout.addWidget(number)
            spoken.append(f"{name}: {detail}" if detail else name)
        self.setAccessibleName(translate("Wizard", "Whom to call now"))
        # One sentence per contact ("…: 112 – Døgnet rundt – Ring 112, når et barn er i akut fare. Demo …"),
        # never ".;" where a contact's note ends a sentence of its own.
        self.setAccessibleDescription(" ".join(line if line.endswith((".", "!", "?")) else f"{line}."
                                               for line in spoken))

    def text(self) -> str:
        """All the numbers as one text (what a screen reader reads)."""
        return self.accessibleDescription()


class GuidanceBlock(QFrame):
    """A guidance field: title, text and the pack content it names."""

    def __init__(self, field: FormField, pack: GuidelinePack, lang: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.path = field.id
        self.setObjectName("guidanceImportant" if field.important else "guidance")
        if field.important:
            _boxed(self, theme.Tone.DANGER, 2)
        else:
            _boxed(self, theme.Tone.GUIDANCE, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(_scaled_label(localise(field.label, lang), 1.0, bold=True))
        if field.help is not None:
            layout.addWidget(_scaled_label(localise(field.help, lang), 1.0))
        content = field.pack_content
        self.contacts: AcuteContacts | None = None
        if content is PackContent.ACUTE_CONTACTS:
            self.contacts = AcuteContacts(pack, lang)
            layout.addWidget(self.contacts)
        elif content in (PackContent.CONTACTS, PackContent.CONSULTATION):
            wanted = pack.contacts if content is PackContent.CONTACTS else [
                c for c in pack.contacts if c.kind == "consultation"]
            for name, detail in contact_lines(wanted, lang):
                layout.addWidget(_scaled_label(f"{name}: {detail}" if detail else name, 1.0, selectable=True))
        elif content is PackContent.PROCEDURE:
            for number, step in enumerate(pack.procedure, start=1):
                layout.addWidget(_scaled_label(f"{number}. {localise(step.title, lang)}", 1.0, bold=True))
                layout.addWidget(_scaled_label(localise(step.text, lang), 1.0))
        elif content is PackContent.LEGAL:
            for ref in pack.legal_references:
                layout.addWidget(_scaled_label(f"{ref.citation}: {localise(ref.title, lang)}", 1.0))
        elif content is PackContent.SCALE:
            for level in pack.scale.levels:
                layout.addWidget(_scaled_label(localise(level.label, lang), 1.0, bold=True))
                layout.addWidget(_scaled_label(localise(level.description, lang), 1.0))
        self.setAccessibleName(localise(field.label, lang))
