"""``underret-desk --smoke-test``: the desk starts, as installed, from a fresh folder to its inbox.

For the frozen bundle and the packages (``tests/integration/packaging``): a new desk with a passphrase,
made through the desk's own first-run window; the inbox opens; the yearly report renders as a PDF
(the charts and fonts the bundle must carry). Uses ``UNDERRET_DATA_DIR`` (a temporary folder when
unset, never the real user folder); exits 0 when every step worked.
"""

from __future__ import annotations

import os
import tempfile
from datetime import date

from PySide6.QtCore import QDeadlineTimer, QEventLoop
from PySide6.QtWidgets import QApplication

from desktop import paths

SMOKE_PASSPHRASE = "smoke-test-passphrase"  # noqa: S105 - a throwaway desk in a test folder


def run_desk_smoke_test() -> int:
    """Make a desk, open its inbox, render the yearly report; 0 when all of it worked."""
    temporary: tempfile.TemporaryDirectory[str] | None = None
    if not os.environ.get(paths.DATA_DIR_ENV):
        temporary = tempfile.TemporaryDirectory(prefix="underret-desk-smoke-")
        os.environ[paths.DATA_DIR_ENV] = temporary.name
    app = QApplication.instance() or QApplication([])
    try:
        from desktop.desk.report import render_report_pdf
        from desktop.ui.desk.main import DeskShell, desk_profiles

        shell = DeskShell(desk_profiles())
        shell.start()
        unlock = shell.unlock
        unlock.name.setText("Smoke test")
        unlock.passphrase.setText(SMOKE_PASSPHRASE)
        unlock.repeat.setText(SMOKE_PASSPHRASE)
        unlock.go()
        deadline = QDeadlineTimer(120_000)
        while (shell.inbox is None or not shell.inbox.isVisible()) and not deadline.hasExpired():
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        if shell.inbox is None or shell.context is None or not shell.inbox.isVisible():
            print(f"desk smoke test: the inbox did not open ({unlock.message.text()})")
            return 1
        today = date.today()
        report, labels = shell.context.service.report(date(today.year, 1, 1), today)
        pdf = render_report_pdf(report, unit="Smoke test", category_labels=labels)
        if not pdf.startswith(b"%PDF-"):
            print("desk smoke test: the yearly report did not render")
            return 1
        shell.shutdown()
        print("desk smoke test: OK")
        return 0
    finally:
        if temporary is not None:
            temporary.cleanup()
