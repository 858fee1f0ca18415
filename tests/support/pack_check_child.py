"""One start of the real app with a pack source, the update check at once (the worst moment), then quit.

Run by ``tests/integration/packaging/test_start_up_race.py`` (``python -m tests.support.pack_check_child``)
with ``UNDERRET_DATA_DIR`` holding a keyring profile (the benchmarks' file keyring) and
``UNDERRET_POLICY`` naming a pack source. The app starts as ``underret`` starts it (policy, services,
shell: the keyring profile opens at once, the wizard reads ahead 1 s after the unlock), except that
the first pack check starts after ``PACK_DELAY_MS`` (0 to ~1200: while the unlock and the read-ahead
import their modules) instead of after two seconds. With ``WAIT_FOR_CHECK=1`` it quits once the list
is shown and the check has reported; with ``0`` as soon as the list is shown (a person closing the
window at once, the check perhaps still running). It prints ``CHECKED <outcome>``.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from desktop import app as composition
    from desktop import eventlog
    from desktop.ui.shell import Shell

    eventlog.install()
    composition.FIRST_PACK_CHECK_DELAY_MS = int(os.environ.get("PACK_DELAY_MS", "0"))
    wait_for_check = os.environ.get("WAIT_FOR_CHECK", "1") == "1"
    qt = QApplication([])
    services = composition.build_services(language="en")
    schedule = services.pack_schedule
    assert schedule is not None, "no pack source in the policy"
    outcomes: list[str] = []
    schedule.checked.connect(lambda status: outcomes.append(status.outcome.value))
    shell = Shell(services)
    services.shell = shell
    shell.start()

    def maybe_quit() -> None:
        window = shell.main_window
        listed = window is not None and window.isVisible() and services.vault is not None
        if listed and (outcomes or not wait_for_check):
            qt.quit()

    poll = QTimer()
    poll.timeout.connect(maybe_quit)
    poll.start(20)
    QTimer.singleShot(60_000, qt.quit)
    qt.exec()
    shell.shutdown()
    schedule.stop()  # as run_gui does
    print(f"CHECKED {outcomes[0] if outcomes else 'nothing'}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
