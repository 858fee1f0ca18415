"""Dates and times show in Danish time, in the UI language's format, whatever the PC's locale and zone.

The same list is rendered in processes of their own under ``LANG=C``, ``en_US.UTF-8`` and
``da_DK.UTF-8`` with ``TZ=UTC`` (as on a PC set to UTC or a badly set-up one): every time is
Copenhagen's, written the Danish way in Danish and the English way in English.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]

# 23:30 UTC on 6 December is 00:30 on 7 December in Copenhagen (winter time, UTC+1); the summer
# moment checks the hour of summer time (UTC+2).
_SCRIPT = """
import json
from datetime import UTC, date, datetime
from PySide6.QtWidgets import QApplication
from desktop.store.notifications import NotificationState, NotificationSummary
from desktop.ui.notification_table_model import Column, NotificationTableModel
from desktop.ui.delivery.wording import StateWording

app = QApplication([])
winter = datetime(2026, 12, 6, 23, 30, tzinfo=UTC)
summer = datetime(2026, 6, 30, 22, 5, tzinfo=UTC)
row = NotificationSummary(
    id="00000000-0000-4000-8000-000000000001", state=NotificationState.RECEIPTED, child_initials="EH",
    created_at=winter, updated_at=winter, finalised_at=winter, sent_at=summer, receipted_at=winter,
    reference="K-2026-17", last_error=None, attempts=1, municipality="Demo Kommune", acute=False,
    acknowledgement_due=date(2026, 12, 15), corrects=None)
out = {}
for language in ("da", "en"):
    model = NotificationTableModel()
    model.language = language
    model.set_rows([row])
    wording = StateWording(lambda: None, lambda: date(2026, 12, 8), lambda: language)
    details = wording.details(row)
    out[language] = {
        "finalised": model.index(0, Column.FINALISED).data(),
        "sent": model.index(0, Column.SENT).data(),
        "due": model.index(0, Column.ACKNOWLEDGEMENT_DUE).data(),
        "panel": details.lines if details is not None else [],
    }
print(json.dumps(out))
"""


@pytest.mark.parametrize("lang", ["C", "en_US.UTF-8", "da_DK.UTF-8"])
def test_the_list_shows_danish_time_in_the_ui_languages_format_whatever_the_pcs_locale(lang: str) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_")}
    env.update({"LANG": lang, "LC_ALL": lang, "TZ": "UTC", "QT_QPA_PLATFORM": "offscreen"})
    done = subprocess.run([sys.executable, "-c", _SCRIPT], cwd=ROOT, env=env, capture_output=True, text=True,
                          check=True, timeout=120)
    shown = json.loads(done.stdout.strip().splitlines()[-1])

    assert shown["da"]["finalised"] == "07-12-2026 kl. 00.30"
    assert shown["da"]["sent"] == "01-07-2026 kl. 00.05"
    assert shown["da"]["due"] == "15-12-2026"
    assert shown["en"]["finalised"] == "7 Dec 2026, 00:30"
    assert shown["en"]["sent"] == "1 Jul 2026, 00:05"
    assert shown["en"]["due"] == "15 Dec 2026"
    assert "Received: 7 December 2026 at 00:30." in shown["en"]["panel"]
    assert any("by 15 December 2026" in line for line in shown["en"]["panel"])
