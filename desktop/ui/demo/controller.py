"""Runs demo mode inside the app: windows, training cases, delivery to the built-in intake, reset.

:class:`DemoController` plugs into the shell's hooks (``window_decorators`` for
the banner, ``main_window_hooks`` for the Demo menu actions), sets
``services.finalise`` to the demo finaliser (watermarked PDF, sealed to the
demo key), runs its own outbox worker towards the loopback intake, and
remembers which draft belongs to which training case so the trainee gets
feedback once the notification is finalised.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QHBoxLayout, QMainWindow, QMessageBox, QToolButton, QWidget

from desktop.demo.delivery import make_demo_finaliser, make_demo_sender
from desktop.demo.environment import DemoEnvironment
from desktop.demo.scenarios import Scenario, feedback_for, load_scenarios
from desktop.documents.formatting import format_datetime
from desktop.domain.building import child_initials
from desktop.domain.forms import initial_answers, load_form
from desktop.outbox.worker import OutboxWorker
from desktop.ui import geometry, messages
from desktop.ui.demo.banner import DemoWindowWatcher, add_demo_banner
from desktop.ui.demo.feedback import FeedbackWindow
from desktop.ui.demo.municipality_view import MunicipalityView
from desktop.ui.demo.picker import ScenarioPicker
from desktop.ui.main_window import MainWindow

if TYPE_CHECKING:
    from desktop.ui.services import Services

log = logging.getLogger(__name__)
translate = QCoreApplication.translate

messages.register("demo.not_allowed", lambda: translate(
    "DemoMessages", "Demo mode is switched off on this PC by your organisation's settings."))
messages.register("demo.endpoint_refused", lambda: translate(
    "DemoMessages", "Demo mode only sends to its own built-in test receiver on this PC. Nothing was sent."))
messages.register("demo.start_failed", lambda: translate(
    "DemoMessages", "Demo mode could not start. Please try again, or restart the PC."))
messages.register("demo.scenario_invalid", lambda: translate(
    "DemoMessages", "A training case file is damaged and cannot be used."))

#: How long to gather changes before asking the outbox to try (draft saves come in bursts).
_SEND_SOON_MS = 300


class DemoController(QObject):
    """Owns one demo run's windows and outbox; ``shutdown()`` removes every trace."""

    feedback_shown = Signal(object)  # FeedbackWindow
    reset_done = Signal()
    shut_down = Signal()

    def __init__(self, services: Services, environment: DemoEnvironment, *,
                 scenarios: list[Scenario] | None = None, today: Callable[[], date] | None = None) -> None:
        super().__init__()
        self.services = services
        self.environment = environment
        self.scenarios = scenarios if scenarios is not None else load_scenarios()
        self._today = today or date.today
        self.worker: OutboxWorker | None = None
        self.main_window: MainWindow | None = None
        self.municipality_view: MunicipalityView | None = None
        self.picker: ScenarioPicker | None = None
        #: "Reset the demo?" while it is asked.
        self.reset_question: QMessageBox | None = None
        #: Puts the banner on every window shown while the demo runs (dialogs of any part of the app).
        self._window_watcher = DemoWindowWatcher(self)
        self.feedback_windows: dict[str, FeedbackWindow] = {}
        self._scenario_of: dict[str, Scenario] = {}
        self._wizards: list[QWidget] = []
        self._closed = False
        self._send_soon = QTimer(self)
        self._send_soon.setSingleShot(True)
        self._send_soon.setInterval(_SEND_SOON_MS)
        self._send_soon.timeout.connect(self._send_now)
        self._inner_factory = services.wizard_factory

    # --- wiring --------------------------------------------------------------------------------
    def install(self) -> None:
        """Hook into the services; open the demo vault and start the outbox."""
        services = self.services
        services.window_decorators.append(add_demo_banner)
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self._window_watcher)
        services.main_window_hooks.append(self._add_demo_actions)
        services.wizard_factory = self._open_wizard
        setattr(services, "finalise",  # noqa: B010 - the attribute the wizard reads (ui/wizard/finalising.py)
                make_demo_finaliser(services.open_reader, self.environment.target,
                                    lambda: self.environment.directory))
        self._use_pack()
        services.notifications_changed.connect(self._send_soon.start)
        services.session.locked.connect(self._reopen_after_lock)
        self._open_vault()
        self._start_worker()

    def _use_pack(self) -> None:
        # The demo pack (with this run's intake) replaces the configured one.
        pack = self.environment.pack
        if pack is None:  # the environment is not running: nothing of the demo's to show
            self.services.reload_pack()
        else:
            self.services.set_pack(pack)
        directory = self.environment.directory
        if directory is None:
            self.services.reload_directory()
        else:
            self.services.set_directory(directory)

    def _open_vault(self) -> None:
        self.services.open_vault(self.environment.profile, self.environment.vault_key())

    def _start_worker(self) -> None:
        sender = make_demo_sender(self.services.open_reader, self.environment.target())
        self.worker = OutboxWorker(sender, self, watch_network=False)
        self.worker.itemStateChanged.connect(self._on_item_state)
        self.worker.start()

    def _stop_worker(self) -> None:
        if self.worker is not None:
            self.worker.stop()
            self.worker.deleteLater()
            self.worker = None

    def _send_now(self) -> None:
        if self.worker is not None and self.services.vault is not None:
            self.worker.send_now()

    # --- windows -------------------------------------------------------------------------------
    def show_main_window(self, *, activate: bool = True) -> MainWindow:
        """The main window (no unlock: the demo vault is already open).

        ``activate=False`` when the case picker opens over it at once: the main window then takes no
        focus, so a screen reader hears the picker's case list first, not 'Ny underretning' before it.
        """
        if self.main_window is None:
            window = MainWindow(self.services)
            self.services.adopt_window(window)
            for hook in self.services.main_window_hooks:
                hook(window)
            window.installEventFilter(self)
            self.main_window = window
        self.main_window.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, not activate)
        self.main_window.show()
        if activate:
            self.main_window.raise_()
            self.main_window.activateWindow()
        self.main_window.refresh()
        self.services.session.finish_unlock()
        return self.main_window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.main_window and event.type() == QEvent.Type.LanguageChange:
            self._retranslate_actions()
        if watched is self.main_window and event.type() == QEvent.Type.Close:
            # Closing the demo's main window ends the demo (after the close is accepted).
            QTimer.singleShot(0, self._main_window_closed)
        return False

    def _main_window_closed(self) -> None:
        if self.main_window is not None and not self.main_window.isVisible():
            QApplication.quit()

    def _add_demo_actions(self, window: MainWindow) -> None:
        self.cases_action = QAction(window)
        self.cases_action.setObjectName("demoCases")
        self.cases_action.setShortcut(QKeySequence("Ctrl+T"))
        self.cases_action.triggered.connect(self.open_picker)
        self.municipality_action = QAction(window)
        self.municipality_action.setObjectName("demoMunicipalityView")
        self.municipality_action.setShortcut(QKeySequence("Ctrl+M"))
        self.municipality_action.triggered.connect(lambda: self.open_municipality_view())
        self.reset_action = QAction(window)
        self.reset_action.setObjectName("demoReset")
        self.reset_action.triggered.connect(self.ask_reset)
        self.demo_buttons: list[QToolButton] = []
        bar = QWidget(window)
        bar.setObjectName("demoButtons")
        row = QHBoxLayout(bar)
        row.setContentsMargins(0, 0, 0, 0)
        for action in (self.cases_action, self.municipality_action, self.reset_action):
            window.add_menu_action(action)
            window.addAction(action)
            # The same actions as buttons: a trainer in front of a class clicks rather than opens menus.
            button = QToolButton(bar)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            row.addWidget(button)
            self.demo_buttons.append(button)
        window.add_status_widget(bar)
        self._retranslate_actions()

    def _retranslate_actions(self) -> None:
        self.cases_action.setText(translate("Demo", "&Training cases…"))
        self.municipality_action.setText(translate("Demo", "&Municipality view"))
        self.reset_action.setText(translate("Demo", "&Reset the demo"))
        for button in self.demo_buttons:
            button.setAccessibleName(button.defaultAction().text().replace("&", "").rstrip("…").strip())

    def open_picker(self) -> ScenarioPicker:
        """Choose a training case; accepting it opens the wizard with the case's people filled in."""
        if self.picker is not None:
            self.picker.raise_()
            self.picker.activateWindow()
            return self.picker
        picker = ScenarioPicker(self.scenarios, self.services.language, self.main_window)
        self.services.adopt_window(picker)
        picker.accepted.connect(lambda: self._picked(picker))
        picker.finished.connect(lambda _code: self._picker_closed(picker))
        self.picker = picker
        picker.show()
        picker.activateWindow()
        return picker

    def _picker_closed(self, picker: ScenarioPicker) -> None:
        if self.picker is picker:
            self.picker = None
        picker.deleteLater()

    def _picked(self, picker: ScenarioPicker) -> None:
        scenario = picker.selected_scenario()
        if scenario is not None:
            self.start_scenario(scenario)

    def start_scenario(self, scenario: Scenario) -> QWidget:
        """A new draft pre-filled from ``scenario`` (not the signals), opened in the wizard."""
        form = load_form()
        answers = initial_answers(form)
        answers.update(scenario.prefilled_answers(self._today()))
        vault = self.services.require_vault()
        draft_id = vault.notifications.create_draft(answers, form.sections[0].id, child_initials(answers))
        self._scenario_of[draft_id] = scenario
        log.info("demo: training case %s started as %s", scenario.id, draft_id)
        self.services.notifications_changed.emit()
        return self.services.open_wizard(draft_id)

    def scenario_for(self, notification_id: str) -> Scenario | None:
        return self._scenario_of.get(notification_id)

    def _open_wizard(self, services: Services, draft_id: str | None) -> QWidget:
        window = self._inner_factory(services, draft_id)
        scenario = self._scenario_of.get(draft_id) if draft_id is not None else None
        if scenario is not None and isinstance(window, QMainWindow):
            from desktop.ui.demo.story_panel import attach_story

            # The story stays in view while filling in, in the language the person reads.
            attach_story(window, scenario, lambda: services.language)
        self._wizards.append(window)
        window.destroyed.connect(lambda *_: self._forget_wizard(window))
        finalised = getattr(window, "finalised", None)
        if finalised is not None:
            finalised.connect(self._on_finalised)
        return window

    def _forget_wizard(self, window: QWidget) -> None:
        self._wizards = [w for w in self._wizards if w is not window]

    def _on_finalised(self, notification_id: str) -> None:
        self._send_now()
        scenario = self._scenario_of.get(notification_id)
        if scenario is None:
            return
        answers = self.services.require_vault().notifications.get_answers(notification_id)
        checked = answers.get("signals.checked") or []
        feedback = feedback_for(scenario, [str(s) for s in checked])
        pack = self.environment.pack
        assert pack is not None
        window = FeedbackWindow(scenario, feedback, pack, self.services.language, notification_id)
        window.municipality_view_requested.connect(self.open_municipality_view)
        self.services.adopt_window(window)
        self.feedback_windows[notification_id] = window
        self._update_delivery(notification_id)
        window.show()
        window.activateWindow()
        self.feedback_shown.emit(window)

    def open_municipality_view(self, notification_id: str | None = None) -> MunicipalityView:
        """What arrived at the built-in intake, decrypted with the demo key."""
        intake = self.environment.intake
        if self.municipality_view is None:
            view = MunicipalityView(lambda: intake.received() if intake is not None else [],
                                    self.services.language)
            self.services.adopt_window(view)
            view.finished.connect(lambda _code: self._municipality_view_closed(view))
            self.municipality_view = view
        else:
            self.municipality_view.refresh()
        if notification_id:
            self.municipality_view.select(notification_id)
        self.municipality_view.show()
        self.municipality_view.raise_()
        self.municipality_view.activateWindow()
        return self.municipality_view

    def _municipality_view_closed(self, view: MunicipalityView) -> None:
        if self.municipality_view is view:
            self.municipality_view = None
        view.deleteLater()

    # --- delivery ------------------------------------------------------------------------------
    def _on_item_state(self, notification_id: str, state: str, reason: str) -> None:
        self.services.notifications_changed.emit()
        self._update_delivery(notification_id, state, reason)
        if state == "receipted" and self.municipality_view is not None:
            self.municipality_view.refresh()

    def _update_delivery(self, notification_id: str, state: str = "", reason: str = "") -> None:
        window = self.feedback_windows.get(notification_id)
        vault = self.services.vault
        if window is None or vault is None:
            return
        summary = vault.notifications.get_summary(notification_id)
        if summary.reference and summary.receipted_at:
            received = format_datetime(summary.receipted_at, self.services.language)
            window.show_receipt(summary.reference, received)
        elif state == "failed":
            window.show_failure(messages.text_for(reason or "delivery.failed"))

    # --- lock, reset, shutdown -----------------------------------------------------------------
    def _reopen_after_lock(self) -> None:
        # The demo key exists only in memory and nothing real is inside: "locking" just reopens.
        if self._closed:
            return
        self._stop_worker()
        self.services.close_vault()
        self._open_vault()
        self._start_worker()
        self.show_main_window()

    def _close_windows(self) -> None:
        for window in list(self._wizards) + list(self.feedback_windows.values()):
            window.close()
        self.feedback_windows.clear()
        for dialog in (self.picker, self.municipality_view):
            if dialog is not None:
                dialog.close()

    def ask_reset(self) -> QMessageBox:
        """Ask first: resetting removes everything written in the demo (non-modal; "Keep it" is the
        default)."""
        if self.reset_question is not None:
            self.reset_question.raise_()
            return self.reset_question
        title = translate("Demo", "Reset the demo?")
        box = QMessageBox(QMessageBox.Icon.Question, title, translate(
            "Demo", "Everything written in the demo is removed: drafts, notifications and what the "
                    "municipality received. The training cases stay."),
            QMessageBox.StandardButton.NoButton, self.main_window)
        box.setObjectName("demoResetQuestion")
        box.setAccessibleName(title)
        reset = box.addButton(translate("Demo", "&Reset"), QMessageBox.ButtonRole.DestructiveRole)
        reset.setObjectName("confirmReset")
        keep = box.addButton(translate("Demo", "&Keep it"), QMessageBox.ButtonRole.RejectRole)
        keep.setObjectName("keepDemo")
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.services.adopt_window(box)

        def answered() -> None:
            self.reset_question = None
            if box.clickedButton() is reset:
                self.reset()

        box.finished.connect(lambda _result: answered())
        self.reset_question = box
        box.open()
        return box

    def reset(self) -> None:
        """Back to a clean demo in one step: new empty vault and intake, same app window."""
        log.info("demo: reset")
        self._close_windows()
        self._send_soon.stop()
        self._stop_worker()
        self.services.close_vault()
        self._scenario_of.clear()
        self.environment.reset()
        self._use_pack()
        self._open_vault()
        self._start_worker()
        if self.main_window is not None:
            self.main_window.refresh()
        self.services.notifications_changed.emit()
        self.reset_done.emit()

    def shutdown(self) -> None:
        """Stop sending, close the vault and delete the demo folder (safe to call twice)."""
        if self._closed:
            return
        self._closed = True
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self._window_watcher)
        self._send_soon.stop()
        self._stop_worker()
        self.services.session.stop()
        from desktop.ui.operations import wait_for_all

        wait_for_all()
        self.services.close_vault()
        geometry.stop_remembering()  # windows closing after this must not make the folder again
        self.environment.close()
        log.info("demo: shut down, demo folder removed")
        self.shut_down.emit()
