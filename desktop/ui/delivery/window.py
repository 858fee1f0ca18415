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
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget

from desktop.errors import UnderretError
from desktop.ui import theme
from desktop.ui.announce import announce
from desktop.ui.delivery.alerts import ALERT_SEEN_EVENT, AlertBanner, DesktopNotifier
from desktop.ui.delivery.panel import DeliveryPanel
from desktop.ui.delivery.wording import (
    ACKNOWLEDGED_EVENT,
    TRACKED_STATES,
    WAITING_STATES,
    StateWording,
    alert_key,
)
from desktop.ui.documents import DocumentActions, PrintableCopy
from desktop.ui.messages import message_for, text_for
from desktop.ui.notification_table_model import ID_ROLE, STATE_ROLE, NotificationTableModel
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

#: States whose stored copy (document and PDF) can be printed or exported.
_PRINTABLE_STATES = frozenset({"queued", "sending", "sent", "receipted", "failed"})


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
        self._confirmed_quit = False
        self.close_warning: QMessageBox | None = None
        self.close_warnings_shown = 0
        self._copy: PrintableCopy | None = None
        self._copy_id: str | None = None
        #: Notifications whose acknowledgement the person has noted (from the vault's audit log).
        self.acknowledged: set[str] = set()
        #: Alerts the person has seen: (notification id, alert key), from the audit log.
        self.seen_alerts: set[tuple[str, str]] = set()
        self._notified: set[tuple[str, str]] = set()
        self._audit_checked: set[str] = set()
        self._audit_generation = 0  # a read started before a lock or a new note is out of date
        self._locks = 0  # a read of the municipality's kvitteringer started before a lock is out of date
        from desktop.ui.dates import today_in_denmark

        self.wording = StateWording(self._pack, delivery.today if delivery else today_in_denmark,
                                    lambda: services.language, self.acknowledged.__contains__)
        for model in _models(window):
            model.set_state_wording(self.wording.text, self.wording.tooltip)

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

        # The documents area's actions and texts; the copy is read from the vault (in the background)
        # only when the person asks for it, and dropped again right after.
        self.documents = DocumentActions(window, lambda: self._copy)
        self.documents.set_enabled(False)
        self.documents.print_action.triggered.disconnect()
        self.documents.print_action.triggered.connect(lambda: self._with_copy(self.documents.print_current))
        self.documents.export_action.triggered.disconnect()
        self.documents.export_action.triggered.connect(lambda: self._with_copy(self.documents.export_current))
        window.add_menu_action(self.documents.print_action)
        window.add_menu_action(self.documents.export_action)
        window.addAction(self.documents.print_action)
        window.addAction(self.documents.export_action)

        window.loaded.connect(self._on_loaded)
        window.tabs.currentChanged.connect(lambda _: self._selection_changed())
        for view in window.views.values():
            view.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        services.session.locking.connect(self._forget_copy)
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
        services.quit_guards.append(self.may_quit)
        self.retranslate()

    def _pack(self) -> GuidelinePack | None:
        try:
            return self._services.pack()
        except (UnderretError, OSError):
            return None

    # --- texts ---------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.acknowledged_action.setText(translate("Delivery", "I have received the municipality's "
                                                               "&acknowledgement"))
        self.acknowledged_action.setToolTip(translate("Delivery", "Note that the municipality has sent an "
                                                                  "acknowledgement for the selected "
                                                                  "notification"))
        self.send_again_action.setText(translate("Delivery", "Send the refused notification &again"))
        self.send_now_action.setText(translate("Delivery", "Send &now"))
        self.send_now_action.setToolTip(translate("Delivery",
                                                  "Try to send every waiting notification now (F9)"))
        self.send_now_button.setText(translate("Delivery", "Send now (F9)"))
        self.send_now_button.setAccessibleName(translate("Delivery", "Send waiting notifications now"))
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
        self.problem_label.setText(text_for(problem) if problem else "")
        self.problem_label.setVisible(bool(problem) and self.window.has_loaded)
        self.send_now_action.setEnabled(self._delivery is not None
                                        and (self._delivery.running or self._delivery.start_pending))
        self.send_now_button.setEnabled(self.send_now_action.isEnabled())
        self.alert.retranslate()
        self.panel.retranslate()
        self._update_alerts()
        self._selection_changed()

    # --- the waiting count ---------------------------------------------------------------------
    # The count shown is the list's (the worker's state changes reload it within a second), so the
    # count and the Waiting tab never disagree; closing asks the vault itself (see may_quit).
    def _on_loaded(self) -> None:
        # Reloaded about once a second while a long queue is sent: walk the rows once.
        rows = _rows(self.window)
        self.waiting = sum(1 for s in rows if str(s.state) in WAITING_STATES)
        self.retranslate()
        self._check_audit([s.id for s in rows if self._alerting(s)])

    # --- alerts --------------------------------------------------------------------------------
    def _alerting(self, summary: NotificationSummary) -> bool:
        return str(summary.state) == "failed" or self.wording.overdue(summary)

    def _update_alerts(self) -> None:
        if not self.window.is_complete or not self.window.has_loaded:
            self.alert.set_alerts([])
            return
        alerts = []
        for summary in _rows(self.window):
            if not self._alerting(summary) or summary.id not in self._audit_checked:
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
            self.window.statusBar().showMessage(message_for(error), 15000)
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

        run_in_background(self, read, on_success=done, on_failure=self._copy_failed)

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

        run_in_background(self, read, on_success=done, on_failure=self._copy_failed)

    def _forget_audit(self) -> None:
        # Read again from the vault after the next unlock (it may be another person's profile).
        self.acknowledged.clear()
        self.seen_alerts.clear()
        self._audit_checked.clear()
        self._locks += 1
        self._audit_generation += 1
        self.alert.set_alerts([])

    def _words_changed(self) -> None:
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
        self.documents.set_enabled(summary is not None and str(summary.state) in _PRINTABLE_STATES)
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
            self.window.statusBar().showMessage(message_for(error), 15000)
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
        self.window.statusBar().showMessage(text_for(message_id), 15000)
        self.retranslate()

    # --- print and export ----------------------------------------------------------------------
    def _selected(self) -> tuple[str, str] | None:
        view = self.window.views[self.window.current_group()]
        rows = view.selectionModel().selectedRows()
        if not rows:
            return None
        notification_id, state = rows[0].data(ID_ROLE), rows[0].data(STATE_ROLE)
        return (str(notification_id), str(state)) if notification_id is not None else None

    def _with_copy(self, act: Callable[[], object]) -> None:
        """Read the selected notification's stored document and PDF in the background, then ``act``."""
        selected = self._selected()
        if selected is None or selected[1] not in _PRINTABLE_STATES or self._copy_id is not None:
            return
        notification_id = selected[0]
        self._copy_id = notification_id
        services = self._services
        demo = services.demo

        def load() -> PrintableCopy:
            from desktop.domain.document_reading import read_document

            reader = services.open_reader()
            try:
                # schema v1 (finalised before Notification 2.0) or v2
                document = read_document(reader.notifications.get_document(notification_id))
                return PrintableCopy(document, reader.notifications.get_pdf(notification_id), demo)
            finally:
                reader.close()

        def loaded(copy: PrintableCopy) -> None:
            if self._copy_id != notification_id or self._services.vault is None:
                return  # locked meanwhile
            self._copy = copy
            try:
                act()
            finally:
                self._copy = None
                self._copy_id = None

        def failed(error: Exception) -> None:
            self._copy_id = None
            self._copy_failed(error)

        run_in_background(self, load, on_success=loaded, on_failure=failed)

    def _copy_failed(self, error: Exception) -> None:
        from desktop.store.errors import VaultLocked

        if isinstance(error, VaultLocked):
            return
        if not isinstance(error, UnderretError):
            log.error("loading the stored copy failed", exc_info=error)
        self.window.statusBar().showMessage(message_for(error), 15000)

    def _forget_copy(self) -> None:
        self._copy = None
        self._copy_id = None

    # --- closing with notifications waiting ----------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def may_quit(self, window: QWidget) -> bool:
        """``services.quit_guards``: with notifications waiting, ask once (not modal) and keep the app open.

        "Quit anyway" closes the window again, and this time the answer is yes.
        """
        vault = self._services.vault
        if (window is not self.window or self._confirmed_quit or vault is None
                or self._delivery is None):  # demo mode: nothing real waits, the demo is thrown away
            return True
        try:
            waiting = vault.outbox.waiting_count()  # now, not as the list last showed it
        except UnderretError:
            waiting = self.waiting
        if waiting <= 0:
            return True
        if self.close_warning is not None:
            self.close_warning.raise_()
            self.close_warning.activateWindow()
            return False
        self.close_warnings_shown += 1
        title = translate("Delivery", "Notifications are waiting to be sent")
        if waiting == 1:
            text = translate("Delivery", "1 notification has not been sent yet.")
        else:
            text = translate("Delivery", "%1 notifications have not been sent yet.").replace(
                "%1", str(waiting))
        text += " " + translate("Delivery", "They are kept safely on this PC and are sent the next time you "
                                            "open Underret while the PC is online. If the matter is urgent, "
                                            "phone the municipality.")
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.NoButton,
                          self.window)
        box.setObjectName("waitingOnClose")
        box.setAccessibleName(title)
        quit_button = box.addButton(translate("Delivery", "&Quit anyway"), QMessageBox.ButtonRole.AcceptRole)
        quit_button.setObjectName("quitAnyway")
        quit_button.setAccessibleName(translate("Delivery", "Quit anyway"))
        stay_button = box.addButton(translate("Delivery", "&Keep Underret open"),
                                    QMessageBox.ButtonRole.RejectRole)
        stay_button.setObjectName("keepOpen")
        stay_button.setAccessibleName(translate("Delivery", "Keep Underret open"))
        box.setDefaultButton(stay_button)
        box.setEscapeButton(stay_button)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered() -> None:
            chosen = box.clickedButton()
            self.close_warning = None
            if chosen is quit_button:
                self._confirmed_quit = True
                self.window.close()

        box.finished.connect(lambda _result: answered())
        self.close_warning = box
        box.open()
        return False
