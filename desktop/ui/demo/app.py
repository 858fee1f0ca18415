"""Starting and ending demo mode: ``underret --demo`` and "Try the demo" on the first-run screen.

:func:`start_demo` checks the policy (``demo_allowed``), removes demo folders
left by crashed runs, builds a throwaway environment and demo services (whose
profile folder is inside the demo folder, never the real one), and shows the
main window. The demo folder is removed when the app quits — also on SIGTERM
(the handler quits the Qt loop cleanly), on logging off (``commitDataRequest``)
and, as a last resort, at interpreter exit; after a SIGKILL the next start
removes it.
"""

from __future__ import annotations

import atexit
import contextlib
import logging
import os
import signal
import socket
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QSocketNotifier, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.demo.environment import DemoEnvironment
from desktop.demo.errors import DemoNotAllowed
from desktop.errors import UnderretError
from desktop.ui import geometry
from desktop.ui.demo.controller import DemoController
from desktop.ui.messages import message_for
from desktop.ui.services import Translations

if TYPE_CHECKING:
    from desktop.demo.scenarios import Scenario
    from desktop.ui.services import Services, ServicesBuilder

log = logging.getLogger(__name__)

#: Exit code when policy switches demo mode off, or the demo cannot start.
EXIT_NOT_ALLOWED = 4
EXIT_START_FAILED = 5
#: Practically never: the demo's key is only in memory, so an idle lock would just reopen it.
_DEMO_IDLE_SECONDS = 20 * 24 * 3600.0  # QTimer holds at most ~24 days


def demo_allowed(services: Services) -> bool:
    """Whether policy allows demo mode on this PC."""
    return bool(services.settings.value("demo_allowed"))


def start_demo(build: ServicesBuilder, *, language: str | None = None, temp_root: Path | None = None,
               scenarios: list[Scenario] | None = None,
               today: Callable[[], date] | None = None, pick_a_case: bool = False) -> DemoController:
    """Set up demo mode in the running QApplication and show its main window.

    ``build`` is the composition root's ``build_services`` (demo mode runs its own set of services).
    Raises :class:`DemoNotAllowed` when policy says no, ``DemoStartFailed``
    when the vault or intake cannot be set up (nothing is left behind). ``pick_a_case``: the case
    picker opens over the main window, and takes the focus straight away (the main window takes none).
    """
    from desktop.config.policy import load_policy
    from desktop.config.settings import Settings
    from desktop.store.profiles import ProfileDirectory

    policy, _source = load_policy()
    if not bool(Settings.load(policy).value("demo_allowed")):
        log.info("demo: refused by policy")
        raise DemoNotAllowed("demo mode is switched off by policy")
    environment = DemoEnvironment.start(temp_root)
    geometry.remember_in(environment.folder)
    try:
        services = build(demo=True, language=language,
                                  profiles=ProfileDirectory(root=environment.profiles_root),
                                  idle_seconds=_DEMO_IDLE_SECONDS)
        controller = DemoController(services, environment, scenarios=scenarios, today=today)
        controller.install()
    except BaseException:
        environment.close()
        raise
    app = QCoreApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(controller.shutdown)
        if isinstance(app, QApplication):
            app.commitDataRequest.connect(lambda _manager: end_session(controller))
    atexit.register(environment.close)
    _RUNNING.append(controller)
    controller.shut_down.connect(lambda: _forget(controller))
    controller.show_main_window(activate=not pick_a_case)
    if pick_a_case:
        controller.open_picker()
    return controller


#: Demo runs of this process, kept alive until the app quits (the caller may drop its reference).
_RUNNING: list[DemoController] = []


def _forget(controller: DemoController) -> None:
    if controller in _RUNNING:
        _RUNNING.remove(controller)


def running_demos() -> list[DemoController]:
    """The demo runs of this process (normally none or one)."""
    return list(_RUNNING)


def end_session(controller: DemoController) -> None:
    """Logging off (``commitDataRequest``): remove the demo now, then quit; the session
    manager may not wait for a clean quit."""
    log.info("demo: session ending")
    controller.shutdown()
    QApplication.quit()


class TerminationWatch(QObject):
    """Turns SIGTERM / SIGINT into a clean ``QApplication.quit()`` (Python handlers only run
    when Python gets control; the wake-up socket makes the Qt loop hand it over at once)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._reader, self._writer = socket.socketpair()
        self._reader.setblocking(False)
        self._writer.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno())
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._drain)
        self._previous = {sig: signal.signal(sig, self._on_signal) for sig in (signal.SIGTERM, signal.SIGINT)}

    def _on_signal(self, signum: int, _frame: object) -> None:
        log.info("demo: signal %s received, quitting", signum)
        QApplication.quit()
        # quit() does nothing while the event loop is not running yet (a signal during
        # start-up): a zero timer quits as soon as it runs.
        QTimer.singleShot(0, QApplication.quit)

    def _drain(self) -> None:
        with contextlib.suppress(BlockingIOError):
            self._reader.recv(64)

    def restore(self) -> None:
        """Put the previous handlers back."""
        for sig, handler in self._previous.items():
            signal.signal(sig, handler)
        signal.set_wakeup_fd(self._previous_fd)
        self._notifier.setEnabled(False)
        self._reader.close()
        self._writer.close()


def run_demo_app(build: ServicesBuilder, *, language: str | None = None) -> int:
    """``underret --demo``: run demo mode until the window is closed; returns the exit code."""
    from desktop.config.policy import PolicyInvalid

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Underret")
    app.setOrganizationName("Underret")
    watch = TerminationWatch(app) if os.name != "nt" else None
    try:
        try:
            start_demo(build, language=language, pick_a_case=True)  # a trainer starts with choosing a case
        except (DemoNotAllowed, PolicyInvalid, UnderretError) as error:
            code = EXIT_NOT_ALLOWED if isinstance(error, DemoNotAllowed) else EXIT_START_FAILED
            Translations(app).install(language or "da")
            text = message_for(error)
            print(f"underret: {error.message_id}: {error}", file=sys.stderr)
            if os.environ.get("QT_QPA_PLATFORM") != "offscreen":
                box = QMessageBox(QMessageBox.Icon.Warning, "Underret", text)
                box.setAccessibleName(text)
                box.exec()
            return code
        return app.exec()
    finally:
        if watch is not None:
            watch.restore()


def launch_from_first_run(services: Services, build: ServicesBuilder) -> DemoController | None:
    """``services.demo_launcher``: leave the first-run screen for demo mode in the same app."""
    try:
        controller = start_demo(build, language=services.language, pick_a_case=True)
    except UnderretError as error:
        box = QMessageBox(QMessageBox.Icon.Warning, "Underret", message_for(error),
                          QMessageBox.StandardButton.Ok)
        box.setObjectName("demoStartProblem")
        box.setAccessibleName(message_for(error))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return None
    shell = services.shell
    window = shell.first_run_window if shell is not None else None
    if window is not None:
        window.hide()
    return controller
