"""Sending starts by itself after unlock, but only once the main window has shown its list."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pytest
from pytestqt.qtbot import QtBot

from intake.server import BackgroundIntake

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow
    from tests.ui.delivery.conftest import DeliveryApp

WAIT_MS = 20_000


def test_sending_starts_by_itself_after_the_main_window_has_shown_the_list(
    qtbot: QtBot, delivery_app: Callable[..., DeliveryApp], start_intake: Callable[[], BackgroundIntake],
    answers: dict[str, object],
) -> None:
    intake = start_intake()
    app = delivery_app()
    events: list[str] = []

    def watch(window: MainWindow) -> None:
        window.loaded.connect(lambda: events.append("list shown"))

    app.services.main_window_hooks.append(watch)
    app.delivery.started.connect(lambda: events.append("sending started"))

    app.unlock()

    assert events[:2] == ["list shown", "sending started"]
    notification_id = app.finalise_draft(answers)
    qtbot.waitUntil(lambda: app.summary_state(notification_id) == "receipted", timeout=WAIT_MS)
    assert intake.store.count(notification_id) == 1


def test_send_now_right_after_unlock_starts_sending_at_once(
    qtbot: QtBot, delivery_app: Callable[..., DeliveryApp],
) -> None:
    from tests.ui.delivery.conftest import PASSPHRASE

    app = delivery_app()
    unlock = app.shell.unlock_window
    assert unlock is not None
    unlock.passphrase_edit.setText(PASSPHRASE)
    unlock.unlock()
    qtbot.waitUntil(lambda: app.delivery.start_pending, timeout=WAIT_MS)

    app.window.delivery.send_now_action.trigger()  # type: ignore[attr-defined]

    assert not app.delivery.start_pending
    qtbot.waitUntil(lambda: app.delivery.running, timeout=WAIT_MS)


def test_without_a_main_window_sending_still_starts_by_itself_after_unlock(
    qtbot: QtBot, delivery_app: Callable[..., DeliveryApp], start_intake: Callable[[], BackgroundIntake],
) -> None:
    from tests.ui.delivery.conftest import PASSPHRASE

    start_intake()
    app = delivery_app()
    profile = app.services.profiles.list()[0]
    app.services.open_vault(profile, app.services.profiles.unlock(profile.id, PASSPHRASE))

    app.services.session.finish_unlock()

    assert app.shell.main_window is None
    qtbot.waitUntil(lambda: app.delivery.running, timeout=WAIT_MS)


def test_installing_delivery_at_start_up_loads_no_outbox_network_or_pack_code() -> None:
    script = textwrap.dedent(
        """
        import sys
        from pathlib import Path
        from PySide6.QtWidgets import QApplication

        app = QApplication([])
        from desktop.app import Services
        from desktop.config.policy import Policy, PolicySource
        from desktop.config.settings import Settings
        from desktop.store.profiles import ProfileDirectory

        policy = Policy()
        services = Services(policy=policy, policy_source=PolicySource("none", "(test)"),
                            settings=Settings.load(policy, Path(sys.argv[1]) / "settings.json"),
                            profiles=ProfileDirectory())
        before = set(sys.modules)
        from desktop.ui import delivery

        delivery.install(services)
        loaded = set(sys.modules) - before
        heavy = sorted(name for name in loaded if name.startswith(
            ("desktop.outbox", "PySide6.QtNetwork", "httpx", "httpcore", "yaml", "holidays",
             "desktop.domain.packs", "cryptography")))
        print("heavy:", ",".join(heavy))
        """
    )
    import os
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", UNDERRET_DATA_DIR=folder)
        done = subprocess.run([sys.executable, "-c", script, folder], capture_output=True, text=True, env=env,
                              timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert "heavy: \n" in done.stdout


def test_a_list_that_takes_long_to_read_is_re_read_less_often_while_states_pour_in(
    qtbot: QtBot, delivery_app: Callable[..., DeliveryApp], monkeypatch: pytest.MonkeyPatch,
) -> None:
    import time

    from desktop.store.notifications import NotificationRepository
    from desktop.ui.delivery.service import LIST_REFRESH_MS

    app = delivery_app()
    app.unlock()
    assert app.delivery._refresh.interval() == LIST_REFRESH_MS
    slow_list = NotificationRepository.list_summaries

    def slow(self: NotificationRepository) -> Any:
        time.sleep(0.5)  # thousands of rows on a slow PC
        return slow_list(self)

    monkeypatch.setattr(NotificationRepository, "list_summaries", slow)

    app.delivery._refresh_list()  # what a burst of state changes from the worker leads to

    # Re-reading took at least 0.5 s, so the next one waits at least 0.5 s / LIST_REFRESH_SHARE (2.5 s).
    qtbot.waitUntil(lambda: app.delivery._refresh.interval() >= 2_500, timeout=30_000)
