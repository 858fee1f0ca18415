"""What delivery adds to the main window: states in plain words, a badge, "Send now", print/export.

:class:`MainWindowDelivery` is attached to each new main window by the hook
``install`` puts in ``services.main_window_hooks``. It

* words the State column of every list (reason, reference number, overdue
  acknowledgement with the municipality's phone number) and shows a notice
  above the lists while an acknowledgement is overdue;
* shows in the status bar how many notifications wait, from the worker's
  signals and from each reload of the list, with a "Send now" button (F9);
* offers Print and Export as PDF for the selected finalised notification,
  loading its stored copy in the background;
* warns once (a ``services.quit_guards`` entry) when the window is closed
  while notifications still wait (they stay queued in the vault and go out
  after the next unlock).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QBoxLayout, QLabel, QMessageBox, QPushButton, QWidget

from desktop.errors import UnderretError
from desktop.ui.delivery.wording import ACKNOWLEDGED_EVENT, WAITING_STATES, StateWording
from desktop.ui.documents import DocumentActions, PrintableCopy
from desktop.ui.messages import message_for, text_for
from desktop.ui.notification_table_model import ID_ROLE, STATE_ROLE, NotificationTableModel
from desktop.ui.operations import run_in_background

if TYPE_CHECKING:
    from desktop.domain.packs import GuidelinePack
    from desktop.store.notifications import NotificationSummary
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
        self.waiting = 0
        self._confirmed_quit = False
        self.close_warning: QMessageBox | None = None
        self.close_warnings_shown = 0
        self._copy: PrintableCopy | None = None
        self._copy_id: str | None = None
        #: Notifications whose acknowledgement the person has noted (from the vault's audit log).
        self.acknowledged: set[str] = set()
        self._audit_checked: set[str] = set()
        self._audit_generation = 0  # a read started before a lock or a new note is out of date
        self.wording = StateWording(self._pack, delivery.today if delivery else date.today,
                                    lambda: services.language, self.acknowledged.__contains__)
        for model in _models(window):
            model.set_state_wording(self.wording.text, self.wording.tooltip)

        self.badge = QLabel()
        self.badge.setObjectName("deliveryBadge")
        self.badge.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a screen-reader user can reach the count
        self.send_now_action = QAction(self)
        self.send_now_action.setObjectName("sendNow")
        self.send_now_action.setShortcut(QKeySequence("F9"))
        self.send_now_action.triggered.connect(self.send_now)
        self.send_now_button = QPushButton()
        self.send_now_button.setObjectName("sendNowButton")
        self.send_now_button.clicked.connect(self.send_now_action.trigger)
        window.add_status_widget(self.badge)
        if delivery is not None:  # demo mode sends by itself, to its built-in intake
            window.add_status_widget(self.send_now_button)
            window.add_menu_action(self.send_now_action)
            window.addAction(self.send_now_action)

        self.notice = QLabel()
        self.notice.setObjectName("acknowledgementNotice")
        self.notice.setWordWrap(True)
        self.notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                            | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.notice.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.notice.setStyleSheet("background: #fff4ce; border: 1px solid #d8b200; padding: 6px;")
        self.notice.hide()
        body = window.centralWidget()
        central = body.layout() if body is not None else None
        if isinstance(central, QBoxLayout):
            central.insertWidget(1, self.notice)  # above the lists, below the buttons

        self.acknowledged_action = QAction(self)
        self.acknowledged_action.setObjectName("acknowledgementReceived")
        self.acknowledged_action.triggered.connect(self.note_acknowledged)
        window.add_menu_action(self.acknowledged_action)
        window.addAction(self.acknowledged_action)

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
        services.session.locking.connect(self._forget_acknowledgements)
        if delivery is not None:
            delivery.waitingCountChanged.connect(self._set_waiting)
            delivery.problem.connect(self._show_problem)
            delivery.started.connect(self.retranslate)
            delivery.startPending.connect(self.retranslate)  # "Send now" works before the start
            if delivery.waiting is not None:
                self.waiting = delivery.waiting
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
        self._retranslate(None)

    def _retranslate(self, overdue: list[NotificationSummary] | None) -> None:
        self.acknowledged_action.setText(translate("Delivery", "I have received the municipality's "
                                                               "&acknowledgement"))
        self.acknowledged_action.setToolTip(translate("Delivery", "Note that the municipality has "
                                                                  "acknowledged the selected notification"))
        self.send_now_action.setText(translate("Delivery", "Send &now"))
        self.send_now_action.setToolTip(translate("Delivery",
                                                  "Try to send every waiting notification now (F9)"))
        self.send_now_button.setText(translate("Delivery", "Send now"))
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
        self.badge.setToolTip(text_for(problem) if problem else "")
        self.send_now_action.setEnabled(self._delivery is not None
                                        and (self._delivery.running or self._delivery.start_pending))
        self.send_now_button.setEnabled(self.send_now_action.isEnabled())
        self._update_notice(overdue)

    def _update_notice(self, overdue: list[NotificationSummary] | None = None) -> None:
        if overdue is None:
            overdue = self.wording.overdue_among(_rows(self.window))
        if not overdue:
            self.notice.hide()
            self.notice.clear()
            return
        references = ", ".join(s.reference or "?" for s in overdue)
        if len(overdue) == 1:
            head = translate("Delivery", "The municipality has not acknowledged notification %1 within 6 "
                                         "working days.").replace("%1", references)
        else:
            head = translate("Delivery", "The municipality has not acknowledged %1 notifications within 6 "
                                         "working days (references %2).").replace(
                "%1", str(len(overdue))).replace("%2", references)
        text = f"{head} {self.wording.call_advice(overdue[0].municipality)}"
        self.notice.setText(text)
        self.notice.setAccessibleName(text)
        self.notice.show()

    # --- the waiting count ---------------------------------------------------------------------
    def _set_waiting(self, count: int) -> None:
        if count == self.waiting:
            return  # the words would not change
        self.waiting = count
        self.retranslate()

    def _on_loaded(self) -> None:
        # Reloaded about once a second while a long queue is sent: walk the rows once.
        rows = _rows(self.window)
        self.waiting = sum(1 for s in rows if str(s.state) in WAITING_STATES)
        overdue = self.wording.overdue_among(rows)
        self._retranslate(overdue)
        self._selection_changed()
        self._check_acknowledgements([s.id for s in overdue])

    # --- acknowledgements ----------------------------------------------------------------------
    def _check_acknowledgements(self, overdue_ids: list[str]) -> None:
        """Read from the audit log (background) which overdue notifications were acknowledged."""
        unknown = [i for i in overdue_ids if i not in self._audit_checked]
        if not unknown:
            return
        services = self._services
        generation = self._audit_generation

        def read() -> set[str]:
            reader = services.open_reader()
            try:
                return {i for i in unknown
                        if any(e.event == ACKNOWLEDGED_EVENT for e in reader.audit.entries_for(i))}
            finally:
                reader.close()

        def done(found: set[str]) -> None:
            if generation != self._audit_generation:
                return
            self._audit_checked.update(unknown)
            if found:
                self.acknowledged.update(found)
                self._words_changed()

        run_in_background(self, read, on_success=done, on_failure=self._copy_failed)

    def _forget_acknowledgements(self) -> None:
        # Read again from the vault after the next unlock (it may be another person's profile).
        self.acknowledged.clear()
        self._audit_checked.clear()
        self._audit_generation += 1

    def _words_changed(self) -> None:
        for model in _models(self.window):
            model.retranslate()
        self.retranslate()
        self._update_acknowledged_action()

    def _selected_summary(self) -> NotificationSummary | None:
        view = self.window.views[self.window.current_group()]
        rows = view.selectionModel().selectedRows()
        if not rows:
            return None
        notification_id = rows[0].data(ID_ROLE)
        for summary in _rows(self.window):
            if summary.id == notification_id:
                return summary
        return None

    def _update_acknowledged_action(self) -> None:
        summary = self._selected_summary()
        self.acknowledged_action.setEnabled(summary is not None and self.wording.overdue(summary))

    def note_acknowledged(self) -> None:
        """The person got the municipality's acknowledgement: note it, and stop the reminder."""
        summary = self._selected_summary()
        vault = self._services.vault
        if summary is None or vault is None or not self.wording.overdue(summary):
            return
        try:
            vault.audit.record(ACKNOWLEDGED_EVENT, summary.id)
        except UnderretError as error:
            self.window.statusBar().showMessage(message_for(error), 15000)
            return
        self._audit_generation += 1
        self.acknowledged.add(summary.id)
        self._words_changed()

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

    def _selection_changed(self) -> None:
        self._update_acknowledged_action()
        selected = self._selected()
        self.documents.set_enabled(selected is not None and selected[1] in _PRINTABLE_STATES)

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
            from desktop.domain.document import NotificationDocument

            reader = services.open_reader()
            try:
                document = NotificationDocument.model_validate_json(reader.notifications.get_document(
                    notification_id))
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
        if (window is not self.window or self._confirmed_quit or self.waiting <= 0
                or self._services.vault is None
                or self._delivery is None):  # demo mode: nothing real waits, the demo is thrown away
            return True
        if self.close_warning is not None:
            self.close_warning.raise_()
            self.close_warning.activateWindow()
            return False
        self.close_warnings_shown += 1
        title = translate("Delivery", "Notifications are waiting to be sent")
        if self.waiting == 1:
            text = translate("Delivery", "1 notification has not been sent yet.")
        else:
            text = translate("Delivery", "%1 notifications have not been sent yet.").replace(
                "%1", str(self.waiting))
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
