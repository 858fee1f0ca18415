"""What delivery adds to the main window: the alert, the count, the panel, "Send again", print/export.

:class:`MainWindowDelivery` is attached to each new main window by the hook
``install`` puts in ``services.main_window_hooks``. It

* words the State column of every list (a short phrase that always fits) and
  shows the whole truth about the selected notification in the delivery panel
  under the lists (:mod:`.panel`): why it waits and when it is tried next, why
  it was refused and what to do, the reference number, time of receipt and the
  date the acknowledgement is due, whom to phone when it is late;
* raises an alert (:mod:`.alerts`) for a refused notification or an overdue
  acknowledgement: a banner at the top that stays until the person has seen it,
  and a desktop notification where the system has one;
* shows above the lists how many notifications wait (the same count as the
  Waiting tab: both come from the same list), with "Send now" (F9), and, when
  sending is not set up on this PC, says so there in full;
* puts a refused notification back in the queue with "Send again"
  (``DeliveryService.send_again``: exactly once, recorded in the audit log);
* offers Print and Export as PDF for the selected finalised notification;
* warns once (a ``services.quit_guards`` entry) when the window is closed while
  notifications still wait (they stay queued and go out after the next unlock).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from desktop.errors import UnderretError
from desktop.ui import theme
from desktop.ui.accessible import name_as_shown
from desktop.ui.announce import announce
from desktop.ui.delivery.alerts import ALERT_SEEN_EVENT, AlertBanner, DesktopNotifier
from desktop.ui.delivery.copies import PRINTABLE_STATES, StoredCopies
from desktop.ui.delivery.panel import DeliveryPanel
from desktop.ui.delivery.quitting import QuitGuard
from desktop.ui.delivery.wording import (
    ACKNOWLEDGED_EVENT,
    TRACKED_STATES,
    WAITING_STATES,
    StateWording,
    alert_key,
)
from desktop.ui.messages import message_for, text_for
from desktop.ui.notification_table_model import ID_ROLE, NotificationTableModel
from desktop.ui.operations import run_in_background

if TYPE_CHECKING:
    from desktop.domain.packs import GuidelinePack
    from desktop.store.notifications import NotificationSummary
    from desktop.store.replies import ReplyMessage
    from desktop.ui.delivery.service import DeliveryService
    from desktop.ui.main_window import MainWindow
    from desktop.ui.services import Services

log = logging.getLogger(__name__)
translate = QCoreApplication.translate
#: How long a passing problem stays said above the list (as long as a status-bar message used to).
PASSING_PROBLEM_MS = 15_000



_NOT_SENT_YET = WAITING_STATES | {"new"}


def _models(window: MainWindow) -> list[NotificationTableModel]:
    """The window's list models, one per tab."""
    return list(window.models.values())


def _rows(window: MainWindow) -> list[NotificationSummary]:
    return [model.summary(row) for model in _models(window) for row in range(model.rowCount())]


class MainWindowDelivery(QObject):
    """The delivery parts of one main window (see the module docstring)."""

    def __init__(self, window: MainWindow, services: Services, delivery: DeliveryService | None) -> None:
        super().__init__(window)
        self.window = window
        self._services = services
        self._delivery = delivery
        #: Waiting to be sent, as the list shows it (the Waiting tab's count).
        self.waiting = 0
        #: The listed notifications that raise an alert, worked out once per reload of the list.
        self._alerting_rows: list[NotificationSummary] = []
        #: Notifications whose acknowledgement the person has noted (from the vault's audit log).
        self.acknowledged: set[str] = set()
        #: Alerts the person has seen: (notification id, alert key), from the audit log.
        self.seen_alerts: set[tuple[str, str]] = set()
        self._notified: set[tuple[str, str]] = set()
        self._audit_checked: set[str] = set()
        self._audit_generation = 0  # a read started before a lock or a new note is out of date
        self._locks = 0  # a read of the municipality's kvitteringer started before a lock is out of date
        self._states: dict[str, str] | None = None  # each listed notification's state, as last read
        from desktop.ui.dates import today_in_denmark

        self.wording = StateWording(self._pack, delivery.today if delivery else today_in_denmark,
                                    lambda: services.language, self.acknowledged.__contains__,
                                    lambda: delivery is None or delivery.configuration_problem is None)
        for model in _models(window):
            model.set_state_wording(self.wording.text, self.wording.tooltip, self.wording.phrases)

        # Above the lists: the alert, then the count with "Send now" and any set-up problem.
        self.alert = AlertBanner()
        self.alert.show_requested.connect(self.show_notification)
        self.alert.dismissed.connect(self.alerts_seen)
        self.notifier = DesktopNotifier(window)
        self.badge = QLabel()
        self.badge.setObjectName("deliveryBadge")
        self.badge.setWordWrap(True)
        self.problem_label = QLabel()
        self.problem_label.setObjectName("deliveryProblem")
        self.problem_label.setWordWrap(True)
        self.problem_label.setContentsMargins(6, 4, 6, 4)
        theme.paint(self.problem_label, theme.Tone.NOTICE)
        self.problem_label.hide()
        # A problem that passes (a pass that could not run, a record not written) is said there too, in
        # full, for a while: the status bar would cut a sentence off at the window's edge.
        self._passing_problem = ""
        self._passing_timer = QTimer(self)
        self._passing_timer.setSingleShot(True)
        self._passing_timer.setInterval(PASSING_PROBLEM_MS)
        self._passing_timer.timeout.connect(lambda: self.say_problem(""))
        self.send_now_action = QAction(self)
        self.send_now_action.setObjectName("sendNow")
        self.send_now_action.setShortcut(QKeySequence("F9"))
        self.send_now_action.triggered.connect(self.send_now)
        self.send_now_button = QPushButton()
        self.send_now_button.setObjectName("sendNowButton")
        self.send_now_button.clicked.connect(self.send_now_action.trigger)
        summary = QWidget()
        summary.setObjectName("deliverySummary")
        row = QHBoxLayout(summary)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.badge, 1)
        row.addWidget(self.send_now_button)
        self.send_now_button.setVisible(delivery is not None)  # demo mode sends by itself
        window.add_above_lists(self.alert)
        window.add_above_lists(self.problem_label)
        window.add_above_lists(summary)
        if delivery is not None:
            window.add_menu_action(self.send_now_action)
            window.addAction(self.send_now_action)

        # Below the lists: the selected notification's whole delivery.
        self.panel = DeliveryPanel()
        self.panel.send_again_requested.connect(self.send_again)
        self.panel.acknowledgement_requested.connect(lambda _id: self.note_acknowledged())
        window.add_below_lists(self.panel)

        self.acknowledged_action = QAction(self)
        self.acknowledged_action.setObjectName("acknowledgementReceived")
        self.acknowledged_action.triggered.connect(self.note_acknowledged)
        window.add_menu_action(self.acknowledged_action)
        window.addAction(self.acknowledged_action)
        self.send_again_action = QAction(self)
        self.send_again_action.setObjectName("sendAgainAction")
        self.send_again_action.triggered.connect(self._send_again_selected)
        window.add_menu_action(self.send_again_action)
        window.addAction(self.send_again_action)

        # Print and Export of the selected notification's stored copy (read only when asked for).
        self.copies = StoredCopies(window, services, self.say_problem)
        self.documents = self.copies.documents

        window.loaded.connect(self._on_loaded)
        window.tabs.currentChanged.connect(lambda _: self._selection_changed())
        for view in window.views.values():
            view.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        services.session.locking.connect(self._forget_audit)
        if delivery is not None:
            delivery.problem.connect(self._show_problem)
            delivery.started.connect(self.retranslate)
            delivery.startPending.connect(self.retranslate)  # "Send now" works before the start
            # The kvitteringer already kept are read once sending has started (after each unlock; not on
            # the start-up path), and again whenever a pass brings new ones.
            delivery.started.connect(self._read_kvitteringer)
            delivery.messagesReceived.connect(lambda _ids: self._read_kvitteringer())
        window.installEventFilter(self)
        # Closing while notifications wait asks once (the vault is asked how many wait at that moment).
        self.quit_guard = QuitGuard(window, services, delivery is not None, lambda: self.waiting)
        services.quit_guards.append(self.quit_guard.may_quit)
        self.retranslate()

    def _pack(self) -> GuidelinePack | None:
        try:
            return self._services.pack()
        except (UnderretError, OSError):
            return None

    # --- texts ---------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.acknowledged_action.setText(translate("Delivery", "I have received the municipality's "
                                                               "&receipt"))
        self.acknowledged_action.setToolTip(translate("Delivery", "Note that the municipality has sent a "
                                                                  "receipt for the selected "
                                                                  "notification"))
        self.send_again_action.setText(translate("Delivery", "Send the refused notification &again"))
        self.send_now_action.setText(translate("Delivery", "Send &now"))
        self.send_now_action.setToolTip(translate("Delivery",
                                                  "Try to send every waiting notification now (F9)"))
        self.send_now_button.setText(translate("Delivery", "Send now (F9)"))
        name_as_shown(self.send_now_button, translate("Delivery", "Send waiting notifications now"))
        self.send_now_button.setToolTip(self.send_now_action.toolTip())
        if self.waiting == 0:
            text = translate("Delivery", "Nothing waiting to be sent")
        elif self.waiting == 1:
            text = translate("Delivery", "1 notification waiting to be sent")
        else:
            text = translate("Delivery", "%1 notifications waiting to be sent").replace(
                "%1", str(self.waiting))
        self.badge.setText(text)
        self.badge.setAccessibleName(text)
        # Until the list is read (the window shows while the vault opens) the count is not known yet.
        self.badge.setVisible(self.window.has_loaded)
        problem = self._delivery.configuration_problem if self._delivery is not None else None
        said = text_for(problem) if problem else self._passing_problem
        self.problem_label.setText(said)
        self.problem_label.setVisible(bool(said) and self.window.has_loaded)
        self.send_now_action.setEnabled(self._delivery is not None
                                        and (self._delivery.running or self._delivery.start_pending))
        self.send_now_button.setEnabled(self.send_now_action.isEnabled())
        self.alert.retranslate()
        self.panel.retranslate()
        self._update_alerts()
        self._selection_changed()

    # --- the waiting count ---------------------------------------------------------------------
    # The count shown is the list's (the worker's state changes reload it within a second), so the
    # count and the Waiting tab never disagree; closing asks the vault itself (QuitGuard).
    def _on_loaded(self) -> None:
        # Reloaded about once a second while a long queue is sent: walk the rows once, and ask for
        # today's date once (not once per row).
        rows = _rows(self.window)
        self.waiting = sum(1 for s in rows if str(s.state) in WAITING_STATES)
        self._alerting_rows = self._alerting_among(rows)
        self.retranslate()
        self._check_audit([s.id for s in self._alerting_rows])
        self._say_deliveries(rows)

    # --- what changed, said aloud --------------------------------------------------------------
    def _say_deliveries(self, rows: list[NotificationSummary]) -> None:
        """A notification sent, or received by the municipality, since the list was last read is said to a
        screen reader (the State column changes where the focus is not). A refusal and a late receipt are
        the alert's (said at once, see :meth:`_update_alerts`)."""
        states = {s.id: str(s.state) for s in rows}
        before, self._states = self._states, states
        if before is None:
            return  # the first reading after the window opened: nothing changed in front of the person
        # A notification finalised since (not listed before) may be sent before the list is read again.
        sent = [s for s in rows if states[s.id] == "sent" and before.get(s.id, "new") in _NOT_SENT_YET]
        received = [s for s in rows if states[s.id] == "receipted"
                    and before.get(s.id, "new") in _NOT_SENT_YET | {"sent"}]
        said = []
        if len(sent) == 1 and sent[0].child_initials:
            said.append(translate("Delivery", "The notification about %1 has been sent.").replace(
                "%1", sent[0].child_initials))
        elif len(sent) == 1:  # no initials (an unborn child, no name given)
            said.append(translate("Delivery", "The notification has been sent."))
        elif sent:
            said.append(self.tr("%n notifications have been sent.", "", len(sent)))
        if len(received) == 1:
            one = received[0]
            said.append((translate("Delivery", "The municipality has received the notification about %1.")
                         .replace("%1", one.child_initials)) if one.child_initials
                        else translate("Delivery", "The municipality has received the notification."))
            if one.reference:
                said.append(translate("Delivery", "Reference number: %1.").replace("%1", one.reference))
        elif received:
            said.append(self.tr("The municipality has received %n notifications.", "", len(received)))
        if said:
            announce(self.badge, " ".join(said))

    # --- alerts --------------------------------------------------------------------------------
    def _alerting_among(self, rows: list[NotificationSummary]) -> list[NotificationSummary]:
        """Refused, or no acknowledgement in time (in the list's order)."""
        overdue = {s.id for s in self.wording.overdue_among(rows)}
        return [s for s in rows if str(s.state) == "failed" or s.id in overdue]

    def _update_alerts(self) -> None:
        if not self.window.is_complete or not self.window.has_loaded:
            self.alert.set_alerts([])
            return
        alerts = []
        for summary in self._alerting_rows:
            if summary.id not in self._audit_checked:
                continue
            key = (summary.id, alert_key(summary))
            if key in self.seen_alerts:
                continue
            sentence = self.wording.alert(summary)
            if sentence is None:
                continue
            alerts.append((summary.id, sentence))
            if key not in self._notified:
                self._notified.add(key)
                self.notifier.notify(translate("Delivery", "Underret: a notification needs you"), sentence)
                announce(self.alert, sentence, urgent=True)  # a screen reader says it at once too
        self.alert.set_alerts(alerts)

    def alerts_seen(self) -> None:
        """"I have seen it": the alerts shown now are recorded as seen (audit log) and the banner goes."""
        vault = self._services.vault
        if vault is None:
            return
        by_id = {s.id: s for s in _rows(self.window)}
        try:
            for notification_id, _sentence in self.alert.alerts:
                summary = by_id.get(notification_id)
                if summary is None:
                    continue
                key = alert_key(summary)
                vault.audit.record(ALERT_SEEN_EVENT, notification_id, key)
                self.seen_alerts.add((notification_id, key))
        except UnderretError as error:
            self.say_problem(message_for(error))
        self._update_alerts()

    def show_notification(self, notification_id: str) -> None:
        """Select the notification in its list (its whole story shows in the panel) and focus the list."""
        if self.window.select_id(notification_id):
            self.window.views[self.window.current_group()].setFocus(Qt.FocusReason.OtherFocusReason)

    def _check_audit(self, ids: list[str]) -> None:
        """Read from the audit log (background) which alerting notifications were acknowledged or seen."""
        unknown = [i for i in ids if i not in self._audit_checked]
        if not unknown:
            return
        services = self._services
        generation = self._audit_generation

        def read() -> tuple[set[str], set[tuple[str, str]]]:
            reader = services.open_reader()
            try:
                acknowledged, seen = set(), set()
                for notification_id in unknown:
                    for entry in reader.audit.entries_for(notification_id):
                        if entry.event == ACKNOWLEDGED_EVENT:
                            acknowledged.add(notification_id)
                        elif entry.event == ALERT_SEEN_EVENT:
                            seen.add((notification_id, entry.detail))
                return acknowledged, seen
            finally:
                reader.close()

        def done(found: tuple[set[str], set[tuple[str, str]]]) -> None:
            if generation != self._audit_generation:
                return
            self._audit_checked.update(unknown)
            self.acknowledged.update(found[0])
            self.seen_alerts.update(found[1])
            self._words_changed()

        run_in_background(self, read, on_success=done, on_failure=self.copies.failed)

    def _read_kvitteringer(self) -> None:
        """Which notifications the municipality has sent a kvittering for (background, one query): they
        read "Acknowledgement received" and their reminder stops (``desktop.outbox.replies`` keeps them)."""
        services = self._services
        locks = self._locks

        def read() -> set[str]:
            reader = services.open_reader()
            try:
                return reader.reply_keys.acknowledged_ids()
            finally:
                reader.close()

        def done(found: set[str]) -> None:
            if locks != self._locks:
                return
            self.acknowledged.update(found)
            self._words_changed()

        run_in_background(self, read, on_success=done, on_failure=self.copies.failed)

    def _forget_audit(self) -> None:
        # Read again from the vault after the next unlock (it may be another person's profile).
        self.acknowledged.clear()
        self.seen_alerts.clear()
        self._audit_checked.clear()
        self._locks += 1
        self._audit_generation += 1
        self._alerting_rows = []
        self._states = None  # the list read after the next unlock is where changes are counted from
        self.alert.set_alerts([])

    def _words_changed(self) -> None:
        # An acknowledgement noted or read: what raises an alert may have changed too.
        self._alerting_rows = self._alerting_among(_rows(self.window))
        for model in _models(self.window):
            model.retranslate()
        self.retranslate()

    # --- the selected notification -------------------------------------------------------------
    def _selected_summary(self) -> NotificationSummary | None:
        if not self.window.is_complete:
            return None
        view = self.window.views[self.window.current_group()]
        rows = view.selectionModel().selectedRows()
        if not rows:
            return None
        notification_id = rows[0].data(ID_ROLE)
        for model in _models(self.window):
            row = model.row_of(str(notification_id))
            if row is not None:
                return model.summary(row)
        return None

    def _selection_changed(self) -> None:
        summary = self._selected_summary()
        self.acknowledged_action.setEnabled(summary is not None and self.wording.overdue(summary))
        self.send_again_action.setEnabled(summary is not None and str(summary.state) == "failed")
        self.documents.set_enabled(summary is not None and str(summary.state) in PRINTABLE_STATES)
        self._show_panel(summary)

    def _show_panel(self, summary: NotificationSummary | None) -> None:
        if summary is None:
            self.panel.show_details(None, None)
            return
        next_attempt = None
        messages: list[ReplyMessage] = []
        vault = self._services.vault
        if str(summary.state) == "queued" and vault is not None:
            try:
                next_attempt = vault.outbox.next_attempt_for(summary.id)
            except UnderretError:
                next_attempt = None
        elif str(summary.state) in TRACKED_STATES and vault is not None:
            try:  # the municipality's kvittering and § 137 orientation (one indexed read)
                messages = vault.reply_keys.messages(summary.id)
            except UnderretError:
                messages = []
        self.panel.show_details(summary.id, self.wording.details(summary, next_attempt, messages))

    def note_acknowledged(self) -> None:
        """The person got the municipality's acknowledgement: note it, and stop the reminder."""
        summary = self._selected_summary()
        vault = self._services.vault
        if summary is None or vault is None or str(summary.state) not in ("sent", "receipted", "purged"):
            return
        try:
            vault.audit.record(ACKNOWLEDGED_EVENT, summary.id)
        except UnderretError as error:
            self.say_problem(message_for(error))
            return
        self._audit_generation += 1
        self.acknowledged.add(summary.id)
        self._words_changed()

    def _send_again_selected(self) -> None:
        summary = self._selected_summary()
        if summary is not None:
            self.send_again(summary.id)

    def send_again(self, notification_id: str) -> bool:
        """"Send again" for a refused notification: back in the queue (audited, exactly once) and tried."""
        if self._delivery is not None:
            done = self._delivery.send_again(notification_id)
        else:  # demo mode: its own worker sends what is queued as soon as the list changes
            vault = self._services.vault
            done = vault is not None and vault.outbox.send_again(notification_id)
            if done:
                self._services.notifications_changed.emit()
        if done:
            said = translate("Delivery", "The notification is being sent again.")
            self.window.statusBar().showMessage(said, 15000)
        return done

    def send_now(self) -> None:
        if self._delivery is None or not (self._delivery.running or self._delivery.start_pending):
            return
        self._delivery.send_now()
        self.window.statusBar().showMessage(translate("Delivery", "Sending…"), 5000)

    def _show_problem(self, message_id: str) -> None:
        configuration = self._delivery.configuration_problem if self._delivery is not None else None
        if message_id != configuration:  # the set-up problem is said above the list for as long as it lasts
            self.say_problem(text_for(message_id))
        else:
            self._words_changed()  # a notification left "being sent" now reads as waiting

    def say_problem(self, text: str) -> None:
        """Say a passing problem in full above the list for a while (``""``: it is over)."""
        self._passing_problem = text
        if text:
            self._passing_timer.start()
        self.retranslate()

    # --- language --------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False
