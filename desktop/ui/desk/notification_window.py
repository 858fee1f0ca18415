"""One received notification: earlier notifications about the child first, then deadlines, actions, text.

At the top, when the child (or a sibling) was notified about before: "3. underretning om dette barn
på 12 måneder" and each earlier notification's date, grounds and notifier. Then who did what and
the two deadlines, the caseworker's actions, and the notification as its printed copy.

Opening the window tells the other desks (shared status "opened"). The window closes itself when
the session locks; it is opened again after unlocking.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.desk.deadlines import Deadlines
from desktop.desk.linking import Linked
from desktop.desk.store.handling import Step, StepDone
from desktop.domain.deadlines import DANISH_TIME
from desktop.ui import geometry, theme
from desktop.ui.accessible import name_as_shown
from desktop.ui.desk.context import error_text
from desktop.ui.desk.dialogs import AssessmentDialog, OrientationDialog
from desktop.ui.desk.wording import (
    age_text,
    cpr_text,
    done_text,
    due_day_text,
    ground_text,
    handling_state,
    local_time,
    reason_text,
    repeat_headline,
    step_text,
    time_left,
)
from desktop.ui.document_view import DocumentView
from desktop.ui.operations import run_in_background

#: Lines of earlier notifications shown before the list scrolls.
HISTORY_LINES = 5

if TYPE_CHECKING:
    from desktop.desk.service import NotificationDetail
    from desktop.ui.desk.context import DeskContext


class _HistoryScroll(QScrollArea):
    """The earlier notifications: as tall as their lines, at most :data:`HISTORY_LINES`, then it scrolls."""

    def __init__(self, label: QLabel) -> None:
        super().__init__()
        self._label = label
        self.setObjectName("historyScroll")
        self.setWidget(label)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        label.setAutoFillBackground(False)
        self.viewport().setAutoFillBackground(False)  # the box's notice colour shows through
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # arrow keys / Page Down read the rest

    def sizeHint(self) -> QSize:
        label = self._label
        width = max(self.viewport().width(), 200)
        wanted = label.heightForWidth(width) if label.hasHeightForWidth() else label.sizeHint().height()
        most = label.fontMetrics().lineSpacing() * HISTORY_LINES + 2 * self.frameWidth()
        return QSize(super().sizeHint().width(), max(1, min(wanted + 2 * self.frameWidth(), most)))

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), self._label.fontMetrics().lineSpacing() * 2)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Home and End too (a scroll area knows only the arrows and Page Up/Down)."""
        bar = self.verticalScrollBar()
        if event.key() in (Qt.Key.Key_Home, Qt.Key.Key_End) and not event.modifiers():
            bar.setValue(bar.minimum() if event.key() == Qt.Key.Key_Home else bar.maximum())
            return
        super().keyPressEvent(event)


class NotificationWindow(QWidget):
    """A received notification and what the caseworker can do with it. ``done`` after each action."""

    done = Signal(str)

    def __init__(self, context: DeskContext, notification_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deskNotificationWindow")
        self._context = context
        self.notification_id = notification_id
        self.detail: NotificationDetail | None = None
        self.history_box = QFrame()
        self.history_box.setObjectName("historyBox")
        self.history_box.setFrameShape(QFrame.Shape.StyledPanel)
        self.history_headline = QLabel()
        self.history_headline.setObjectName("historyHeadline")
        font = self.history_headline.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.history_headline.setFont(font)
        theme.paint(self.history_box, theme.Tone.NOTICE)
        self.history_list = QLabel()
        self.history_list.setObjectName("historyList")
        self.history_list.setTextFormat(Qt.TextFormat.PlainText)
        self.history_list.setWordWrap(True)
        # Eleven earlier notifications at 150 % font would push the notification itself off a laptop's
        # screen: the list scrolls beyond a few lines.
        self.history_scroll = _HistoryScroll(self.history_list)
        self.history_scroll.setAccessibleName(self.tr("Earlier notifications"))
        history_layout = QVBoxLayout(self.history_box)
        history_layout.addWidget(self.history_headline)
        history_layout.addWidget(self.history_scroll)
        self.history_box.hide()
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard
                                             | Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Message"))
        self.assess_button = QPushButton(self.tr("&Assess (24 hours)…"))
        self.acknowledge_button = QPushButton(self.tr("Send &receipt"))
        self.orient_button = QPushButton(self.tr("Tell the &outcome (§ 137)…"))
        self.hand_over_button = QPushButton(self.tr("&Hand over to the case system…"))
        self.close_button = QPushButton(self.tr("&Close"))
        for button, name in ((self.assess_button, self.tr("Record the 24-hour assessment")),
                             (self.acknowledge_button, self.tr("Send the receipt to the notifier")),
                             (self.orient_button, self.tr("Tell the notifier the outcome")),
                             (self.hand_over_button, self.tr("Hand over to the case system")),
                             (self.close_button, "")):
            name_as_shown(button, name)  # the words on the button; what it does is said after them
            button.setEnabled(False)
        self.close_button.setEnabled(True)
        self.assess_button.clicked.connect(self.assess)
        self.acknowledge_button.clicked.connect(self.acknowledge)
        self.orient_button.clicked.connect(self.orient)
        self.hand_over_button.clicked.connect(self.hand_over)
        self.close_button.clicked.connect(self.close)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Cancel), self, self.close)
        self.document = DocumentView()
        self.document.setObjectName("document")
        self.document.setAccessibleName(self.tr("The notification"))
        buttons = QHBoxLayout()
        for button in (self.assess_button, self.acknowledge_button, self.orient_button,
                       self.hand_over_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.history_box)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.document, 1)
        self.setWindowTitle(self.tr("Notification"))  # never the child's name: titles reach task bars
        geometry.place(self, "desk-notification", share=0.8, cap=(1100, 900))  # screen-suited, remembered
        context.session.locking.connect(self._on_locking)
        context.changed.connect(self.reload)
        self.reload()
        run_in_background(self, lambda: context.service.open(notification_id),
                          on_success=lambda _: context.changed.emit(), on_failure=lambda _e: None)

    # --- loading ---------------------------------------------------------------------------------
    def reload(self) -> None:
        style = theme.document_style()  # the screen's colours, taken here on the GUI thread
        run_in_background(self, lambda: self._context.service.detail(self.notification_id, style),
                          on_success=self._show, on_failure=self._failed)

    def _show(self, detail: NotificationDetail) -> None:
        self.detail = detail
        now = self._context.service.now()
        today = now.astimezone(DANISH_TIME).date()
        facts, handling, history = detail.facts, detail.handling, detail.history
        if history.same_child or history.siblings:
            headline = (repeat_headline(history.ordinal_in_window, history.ordinal) if history.is_repeat
                        else "")
            self.history_headline.setText(headline or self.tr("Siblings have been notified about before"))
            lines = [self._link_line(link, detail) for link in history.same_child]
            if history.siblings:
                lines.append(self.tr("About siblings:"))
                lines += [self._link_line(link, detail) for link in history.siblings]
            self.history_list.setText("\n".join(lines))
            self.history_scroll.updateGeometry()
            self.history_box.show()
        else:
            self.history_box.hide()
        assessed, acknowledged = handling.done(Step.ASSESSED), handling.done(Step.ACKNOWLEDGED)
        deadlines = Deadlines(facts.received_at, assessed.at if assessed else None,
                              acknowledged.at if acknowledged else None)
        identity = cpr_text(facts.child_cpr) or self.tr("no CPR number")
        lines = [
            f"{facts.child_name} · {identity} · {age_text(facts, today)}"
            + (" · " + self.tr("ACUTE") if facts.acute else ""),
            self.tr("Received %1 (reference %2)").replace("%1", local_time(facts.received_at))
            .replace("%2", facts.reference),
            self.tr("Notifier: %1, %2, %3").replace("%1", facts.notifier_name)
            .replace("%2", facts.notifier_role).replace("%3", facts.workplace),
            self.tr("Grounds: %1").replace("%1", ", ".join(ground_text(g) for g in facts.grounds)),
            self._deadline_line(self.tr("Assessment within 24 hours"), deadlines.assessment_due,
                                deadlines.assessment_left(now), assessed),
            self._deadline_line(self.tr("Receipt within six working days"), deadlines.acknowledgement_due,
                                deadlines.acknowledgement_left(now), acknowledged, day=True),
        ]
        for step in (Step.OPENED, Step.ORIENTED, Step.HANDED_OVER):
            done = handling.done(step)
            if done is not None:
                lines.append(f"{step_text(step.value)}: {done_text(done.by, done.at)}")
        if handling.assessment is not None:
            lines.append(self.tr("Your assessment note: %1").replace("%1", handling.assessment_note or "–"))
        self.summary.setText("\n".join(lines))
        if not self.document.toPlainText():
            self.document.setHtml(detail.document_html)
        self.assess_button.setEnabled(assessed is None)
        self.acknowledge_button.setEnabled(acknowledged is None)
        # The outcome only after the kvittering (the notifier's app stops reading after the outcome).
        self.orient_button.setEnabled(handling.done(Step.ORIENTED) is None and acknowledged is not None)
        why = reason_text("desk.acknowledge_first") if acknowledged is None else ""
        self.orient_button.setToolTip(why)  # a greyed button says why it is grey
        self.orient_button.setAccessibleDescription(why)
        self.hand_over_button.setEnabled(handling.done(Step.HANDED_OVER) is None)

    def _deadline_line(self, what: str, due: datetime, left: timedelta | None, done: StepDone | None, *,
                       day: bool = False) -> str:
        """A deadline and the time left; ``day``: one that runs to the end of a day, shown as that day."""
        if done is not None:
            return f"{what}: " + self.tr("done (%1)").replace("%1", done_text(done.by, done.at))
        assert left is not None
        return f"{what}: {due_day_text(due) if day else local_time(due)} ({time_left(left)})"

    def _link_line(self, link: Linked, detail: NotificationDetail) -> str:
        """When, on which grounds, from whom, and what became of it (eleven unheeded must show as such)."""
        grounds = ", ".join(ground_text(g) for g in link.grounds)
        when = local_time(link.received_at)
        later = "" if link.earlier else " " + self.tr("(later)")
        state = handling_state(detail.linked_handling.get(link.notification_id))
        return f"• {when}{later} · {grounds} · {link.notifier_role}, {link.workplace} · {state}"

    def _failed(self, error: Exception) -> None:
        self.message.setText(error_text(error))

    # --- actions ---------------------------------------------------------------------------------
    def _run(self, work: object, done_text_: str) -> None:
        self.message.setText(self.tr("Working…"))

        def ok(_: object) -> None:
            self.message.setText(done_text_)
            self.done.emit(self.notification_id)
            self._context.changed.emit()

        def failed(error: Exception) -> None:
            self.message.setText(error_text(error))
            self._context.changed.emit()

        run_in_background(self, work, on_success=ok, on_failure=failed)  # type: ignore[arg-type]

    def assess(self) -> AssessmentDialog | None:
        """Open the assessment dialog (window-modal; the person's choice is recorded when accepted)."""
        if self.detail is None:
            return None
        dialog = AssessmentDialog(self.detail.facts.child_name, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def accepted() -> None:
            choice, note = dialog.choice(), dialog.note_text()
            if choice is not None:
                self._run(lambda: self._context.service.assess(self.notification_id, choice, note),
                          self.tr("The assessment is recorded."))

        dialog.accepted.connect(accepted)
        dialog.open()
        return dialog

    def acknowledge(self) -> None:
        self._run(lambda: self._context.service.acknowledge(self.notification_id),
                  self.tr("The receipt is sent to the notifier."))

    def orient(self) -> OrientationDialog:
        """Open the § 137 dialog; the orientation is sent when it is accepted."""
        dialog = OrientationDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def accepted() -> None:
            outcome = dialog.choice()
            if outcome is not None:
                self._run(lambda: self._context.service.orient(self.notification_id, outcome),
                          self.tr("The notifier will be told the outcome."))

        dialog.accepted.connect(accepted)
        dialog.open()
        return dialog

    def hand_over(self) -> None:
        title = self.tr("Choose a new or empty folder for the case system")
        folder = self._context.choose_folder(self, title, str(Path.home()))
        if folder is None:
            return
        self._run(lambda: self._context.service.hand_over(self.notification_id, folder),
                  self.tr("Handed over: the files are in %1.").replace("%1", str(folder)))

    # --- locking ---------------------------------------------------------------------------------
    def _on_locking(self) -> None:
        notification_id = self.notification_id
        opener = self._context.open_notification
        if opener is not None:
            self._context.session.remember(lambda: opener(notification_id))
        self.document.clear()
        self.summary.clear()
        self.close()
