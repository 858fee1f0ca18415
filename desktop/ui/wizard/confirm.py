"""Asking once before the irreversible step: "Finish and send?" with a short summary.

Finishing locks the notification and queues it for the municipality; nothing can
be changed afterwards (a correction is a new notification). The question names
the child, the receiving municipality, whether the person judged the child in
danger right now (then: phone as well, with the number), whether it corrects an
earlier notification, and what happens next. Enter (the default button) finishes
and sends; Escape goes back to the review.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from desktop.domain.codes import municipality_name
from desktop.domain.document import ChildIdentity, DutyType, NotificationDocument
from desktop.domain.packs import GuidelinePack
from desktop.ui import theme
from desktop.ui.accessible import name_as_shown
from desktop.ui.wizard.base import as_sentences

if TYPE_CHECKING:
    from collections.abc import Callable

translate = QCoreApplication.translate


def _child(document: NotificationDocument, language: str) -> str:
    from desktop.ui.dates import long_date

    child = document.child
    if child.identity is ChildIdentity.UNBORN:
        due = long_date(child.due_date, language) if child.due_date else "?"
        return translate("Wizard", "An unborn child (due %1)").replace("%1", due)
    name = child.name or translate("Wizard", "(no name given)")
    if child.birth_date is not None:
        return translate("Wizard", "%1, born %2").replace("%1", name).replace(
            "%2", long_date(child.birth_date, language))
    return name


def summary_lines(document: NotificationDocument, pack: GuidelinePack, language: str,
                  corrects: Callable[[str], str] | None = None,
                  danger_unknown: bool = False) -> list[tuple[str, str]]:
    """(what, the answer) rows of the summary: child, municipality, acute, correction, what happens.
    ``danger_unknown``: the person answered "Don't know" to "Is the child in danger right now?"."""
    rows = [(translate("Wizard", "Child"), _child(document, language)),
            # Where the notification goes: the child's municipality, not the pack's (the national pack's
            # is "Danmark (national standard)"; a municipality's own pack may serve a child living elsewhere).
            (translate("Wizard", "Sent to"), municipality_name(document.child.municipality_code, language))]
    phones = "; ".join(f"{c.name.get(language) or c.name.get('da')}: {c.phone}"
                       for c in pack.acute_contacts() if c.phone)
    if document.acute:
        rows.append((translate("Wizard", "Child in danger right now"), translate(
            "Wizard", "Yes. Writing is not enough: phone now as well. %1").replace("%1", phones)))
    elif danger_unknown:
        rows.append((translate("Wizard", "Child in danger right now"), translate(
            "Wizard", "Don't know. If you are in doubt, phone as well. %1").replace("%1", phones)))
    else:
        rows.append((translate("Wizard", "Child in danger right now"), translate("Wizard", "No")))
    if document.corrects:
        what = corrects(document.corrects) if corrects is not None else document.corrects
        rows.append((translate("Wizard", "Corrects"), what))
    rows.append((translate("Wizard", "What happens now"), _what_happens(document)))
    return rows


def _what_happens(document: NotificationDocument) -> str:
    """What follows, as the law has it: the receipt and the § 137 message are owed to a professional only."""
    sent = translate(
        "Wizard", "The notification is locked and can no longer be changed (a correction is sent as a new "
                  "notification). It is sent securely to the municipality as soon as this PC is online.")
    if document.notifier.duty is DutyType.ENHANCED:
        then = translate(
            "Wizard",
            "Within 24 hours the municipality must assess whether the child needs help at once, and "
            "within six working days it must send you a receipt. Later it must tell you whether the "
            "notification has led to an investigation or support, unless that could harm the child.")
    else:
        then = translate(
            "Wizard", "Within 24 hours the municipality must assess whether the child needs help at once.")
    return f"{sent} {then}"


class FinaliseConfirmation(QDialog):
    """The question; ``accepted`` finishes and sends, ``rejected`` goes back to the review."""

    def __init__(self, document: NotificationDocument, pack: GuidelinePack, language: str,
                 parent: QWidget | None = None, corrects: Callable[[str], str] | None = None,
                 danger_unknown: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("finaliseConfirmation")
        self.setWindowTitle(translate("Wizard", "Finish and send?"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        layout = QVBoxLayout(self)
        heading = QLabel(translate("Wizard", "Finish and send the notification?"))
        heading.setObjectName("confirmationHeading")
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        heading.setFont(font)
        heading.setWordWrap(True)
        layout.addWidget(heading)
        self.rows = summary_lines(document, pack, language, corrects, danger_unknown)
        spoken = []
        danger = translate("Wizard", "Child in danger right now")
        for what, answer in self.rows:
            caption = QLabel(what)
            bold = caption.font()
            bold.setBold(True)
            caption.setFont(bold)
            caption.setWordWrap(True)
            value = QLabel(answer)
            value.setWordWrap(True)
            value.setObjectName("confirmationValue")
            if (document.acute or danger_unknown) and what == danger:
                value.setContentsMargins(6, 4, 6, 4)
                theme.paint(value, theme.Tone.DANGER)
            layout.addWidget(caption)
            layout.addWidget(value)
            spoken.append(f"{what}: {answer}")
        self.buttons = QDialogButtonBox()
        self.send_button = self.buttons.addButton(translate("Wizard", "&Finish and send"),
                                                  QDialogButtonBox.ButtonRole.AcceptRole)
        self.send_button.setObjectName("confirmFinalise")
        # Named by its words as the window's own button is (voice control says what it sees), explained after.
        name_as_shown(self.send_button, translate("Wizard", "Finish and send the notification"))
        self.back_button = self.buttons.addButton(translate("Wizard", "&Go back"),
                                                  QDialogButtonBox.ButtonRole.RejectRole)
        self.back_button.setObjectName("cancelFinalise")
        self.back_button.setAccessibleName(translate("Wizard", "Go back to the review"))
        self.send_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setAccessibleName(self.windowTitle())
        self.setAccessibleDescription(as_sentences(*spoken))
        metrics = self.fontMetrics()
        self.setMinimumWidth(metrics.averageCharWidth() * 70)
        self.send_button.setFocus()
