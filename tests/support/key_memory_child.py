"""A real app session that unlocks, works, locks, then waits to have its memory scanned.

Run by ``tests/integration/store/test_key_memory.py`` as its own process (``python -m
tests.support.key_memory_child KIND``, ``KIND`` = ``passphrase`` or ``keyring``), with
``UNDERRET_DATA_DIR`` naming a folder that holds one profile of that kind. The whole app is built as
``underret`` builds it (policy, services, wizard, delivery; the passphrase in ``UNDERRET_TEST_PASSPHRASE``,
a keyring profile's key in the benchmarks' file keyring), offscreen: the unlock window is typed
into, the main window opens, a notification window writes a draft, the outbox worker's reader and a
second reader connection open and close, then Ctrl+L's lock runs. It prints ``LOCKED`` and waits on
stdin while the test reads ``/proc/<pid>/mem``: the test, not this process, holds the key it looks for,
so the needle itself is never in the memory being searched.
"""

from __future__ import annotations

import gc
import os
import sys

#: The passphrase of a passphrase profile (the test's own throwaway profile).
PASSPHRASE_ENV = "UNDERRET_TEST_PASSPHRASE"

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(kind: str) -> int:
    from PySide6.QtCore import QDeadlineTimer, QEventLoop
    from PySide6.QtWidgets import QApplication

    from desktop.app import build_services
    from desktop.ui.shell import Shell

    app = QApplication([])

    def run_until(done: object, timeout_ms: int = 60_000) -> None:
        deadline = QDeadlineTimer(timeout_ms)
        while not done() and not deadline.hasExpired():  # type: ignore[operator]
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        if not done():  # type: ignore[operator]
            raise SystemExit("timed out")

    services = build_services(language="en")
    shell = Shell(services)
    shell.start()
    if kind == "passphrase":
        unlock = shell.unlock_window
        assert unlock is not None
        unlock.passphrase_edit.setText(os.environ[PASSPHRASE_ENV])
        unlock.unlock()
    run_until(lambda: services.vault is not None and shell.main_window is not None
              and shell.main_window.isVisible())
    vault = services.require_vault()
    vault.notifications.create_draft({"concern": "a draft written in this session"}, "start", "KM")
    reader = services.open_reader()  # what finalising and the delivery window do on their threads
    reader.notifications.list_summaries()
    reader.close()
    window = services.open_wizard(None)
    run_until(lambda: window.isVisible())
    for _ in range(20):
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    services.session.lock()  # what Ctrl+L, idle time, sleep and the screen lock all do
    run_until(lambda: services.vault is None and shell.unlock_window is not None
              and shell.unlock_window.isVisible())
    from desktop.ui.operations import wait_for_all

    wait_for_all()
    gc.collect()
    print("LOCKED", flush=True)
    sys.stdin.readline()  # the test scans now, then closes our stdin
    shell.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1]))
