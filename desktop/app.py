"""The composition root: builds the services and wires them to the windows.

This is the only module that knows every part. The start-up flow:

1. load the policy (an invalid policy stops the app with a message naming the
   file, the setting and the problem);
2. load the settings, install the translations for the chosen language;
3. no profile yet -> first-run screen; otherwise the unlock window (a profile
   kept in the OS keyring opens at once);
4. the main window, with the session lock watching for idle time.

The services themselves (and their plug points) are in :mod:`desktop.ui.services`, below
every window; nothing under ``desktop/ui`` imports this module. Demo mode gets
:func:`build_services` handed in to build its own throwaway set.

Guideline-pack updates (not in demo mode): when the policy names a
``pack_source``, ``services.pack_schedule`` checks it at start and daily in the
background; a newly installed pack is used from the next ``services.pack()`` on.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication

from desktop import paths
from desktop.ui.services import LANGUAGES, OpenedVault, Services, Translations, active_pack_path

if TYPE_CHECKING:
    from desktop.store.profiles import ProfileDirectory

__all__ = ["LANGUAGES", "OpenedVault", "Services", "Translations", "active_pack_path", "build_services",
           "run_gui", "run_smoke_test"]

log = logging.getLogger(__name__)

def build_services(*, demo: bool = False, language: str | None = None,
                   profiles: ProfileDirectory | None = None,
                   idle_seconds: float | None = None) -> Services:
    """Load policy and settings and build the services; raises ``PolicyInvalid``."""
    from desktop.config.policy import load_policy
    from desktop.config.settings import Settings
    from desktop.store.profiles import ProfileDirectory

    policy, source = load_policy()
    settings = Settings.load(policy)
    app = QCoreApplication.instance()
    translations = Translations(app) if app is not None else None
    services = Services(policy=policy, policy_source=source, settings=settings,
                        profiles=profiles if profiles is not None else ProfileDirectory(),
                        translations=translations, demo=demo, idle_seconds=idle_seconds)
    if translations is not None:
        translations.install(language or str(settings.value("language")))
    from desktop.ui import wizard

    wizard.install(services)  # the guided notification window, and crash recovery on unlock
    from desktop.ui import delivery

    if demo:  # demo mode runs its own outbox towards the built-in intake: only the list's words
        delivery.install_views(services)
    else:
        delivery.install(services)  # outbox worker, finalising, states and badge, retention
    if not demo:
        # Profiles an older version left readable by other users of the PC are made private at start:
        # on Linux and macOS a few chmods, at once; on Windows (an access list per file, through ctypes)
        # once the first window is up.
        import sys

        if sys.platform == "win32":
            QTimer.singleShot(WINDOWS_PRIVATE_FILES_DELAY_MS, services, services.profiles.make_private)
        else:
            services.profiles.make_private()
    if not demo and policy.pack_source:
        _schedule_pack_updates(services)
    if not demo:
        # Demo data left by a demo run that was killed: swept once the app has settled, off the GUI thread.
        QTimer.singleShot(STALE_DEMO_SWEEP_DELAY_MS, services, lambda: _sweep_stale_demo_data(services))

        def try_demo() -> None:
            from desktop.ui.demo.app import launch_from_first_run

            launch_from_first_run(services, build_services)

        services.demo_launcher = try_demo  # "Try the demo" on the first-run screen
    return services


#: How long after start, on Windows, existing profile folders get their owner-only access lists.
WINDOWS_PRIVATE_FILES_DELAY_MS = 1000

#: How long after start the demo folders left by killed demo runs are swept away.
STALE_DEMO_SWEEP_DELAY_MS = 3000


def _sweep_stale_demo_data(services: Services) -> None:
    from desktop.demo.folder import sweep_stale_demo_folders
    from desktop.ui.operations import run_in_background

    def swept(removed: list[Path]) -> None:
        if removed:
            log.info("removed %d demo folder(s) left by demo runs that were stopped", len(removed))

    def failed(error: Exception) -> None:
        log.warning("could not sweep old demo folders (%s)", type(error).__name__)

    run_in_background(services, sweep_stale_demo_folders, on_success=swept, on_failure=failed)


def _schedule_pack_updates(services: Services) -> None:
    """Check the policy's pack source now (in the background) and daily; reload on a new pack."""
    from desktop.config.pack_schedule import PackUpdateSchedule

    schedule = PackUpdateSchedule(services.policy, parent=services)
    schedule.updated.connect(lambda _status: services.reload_pack())
    services.pack_schedule = schedule
    # Once the app has settled: the first window and the unlock come first, and the check's thread
    # does not compete with them for the interpreter.
    QTimer.singleShot(FIRST_PACK_CHECK_DELAY_MS, schedule, schedule.start)
    # The municipality directory comes from the same source, checked and installed the same way.
    from desktop.config.directory_updates import DIRECTORY
    from desktop.config.pack_updates import SignedUpdater

    directory_schedule = PackUpdateSchedule(services.policy, parent=services,
                                            updater=SignedUpdater(DIRECTORY, services.policy))
    directory_schedule.updated.connect(lambda _status: services.reload_directory())
    services.directory_schedule = directory_schedule  # stopped at quit
    QTimer.singleShot(FIRST_PACK_CHECK_DELAY_MS, directory_schedule, directory_schedule.start)


#: How long after start the first guideline-pack update check runs.
FIRST_PACK_CHECK_DELAY_MS = 2000


def run_gui(*, profile_name: str | None = None, language: str | None = None,
            benchmark_startup: bool = False) -> int:
    """Start the windowed application; returns the exit code."""
    from desktop.config.policy import PolicyInvalid
    from desktop.ui.shell import Shell, show_start_problem

    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    app.setApplicationName("Underret")
    app.setOrganizationName("Underret")
    try:
        services = build_services(language=language)
    except PolicyInvalid as error:
        from desktop.eventlog import refusal

        refusal(error.message_id, file=error.details.get("file", ""),
                setting=error.details.get("setting", ""))
        Translations(app).install(language or "da")
        show_start_problem(error)
        return 3
    shell = Shell(services, profile_name=profile_name)
    services.shell = shell
    if benchmark_startup:
        shell.quit_when_idle_for_benchmark()
    shell.start()
    code = app.exec()
    shell.shutdown()
    for schedule in (services.pack_schedule, services.directory_schedule):
        if schedule is not None:
            schedule.stop()  # a check still running may finish (it writes its status)
    return code


SMOKE_PASSPHRASE = "smoke-test-passphrase"  # noqa: S105 - a throwaway profile in a test folder


def run_smoke_test() -> int:
    """Frozen-build check: a fresh passphrase profile, unlock, main window, notification window.

    Uses ``UNDERRET_DATA_DIR`` (a temporary folder when unset, never the real
    user folder); exits 0 when every step worked.
    """
    import os
    import tempfile

    from PySide6.QtCore import QDeadlineTimer, QEventLoop

    from desktop.store.keys import KeyProtection, zero

    temporary: tempfile.TemporaryDirectory[str] | None = None
    if not os.environ.get(paths.DATA_DIR_ENV):
        temporary = tempfile.TemporaryDirectory(prefix="underret-smoke-")
        os.environ[paths.DATA_DIR_ENV] = temporary.name
    app = QApplication.instance() or QApplication([])
    try:
        services = build_services(language="da")
        profile, key = services.profiles.create("Smoke test", KeyProtection.PASSPHRASE, SMOKE_PASSPHRASE)
        zero(key)
        from desktop.ui.shell import Shell

        shell = Shell(services)
        shell.start()
        unlock = shell.unlock_window
        assert unlock is not None, "unlock window not shown"
        unlock.passphrase_edit.setText(SMOKE_PASSPHRASE)
        unlock.unlock()
        deadline = QDeadlineTimer(120_000)
        while (shell.main_window is None or not shell.main_window.isVisible()) and not deadline.hasExpired():
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        if shell.main_window is None or not shell.main_window.isVisible():
            print(f"smoke test: the main window did not open ({unlock.message_label.text()})")
            return 1
        window = services.open_wizard(None)
        app.processEvents()
        if not window.isVisible():
            print("smoke test: the notification window did not open")
            return 1
        window.close()
        app.processEvents()
        shell.shutdown()
        print(f"smoke test: OK (profile {profile.id})")
        return 0
    finally:
        if temporary is not None:
            temporary.cleanup()
