"""The desk writes a time as Danes do, with a dot (»24.11.2026 14.05«), like the rest of Underret.

The glossary (i18n/GLOSSARY.md, »Times and dates«) rules out »14:05«; the desk formats its times in
Python, where the glossary test over the translations cannot see them.
"""

from __future__ import annotations

from datetime import UTC, datetime

from desktop.ui.desk.wording import done_text, local_time


def test_a_received_time_is_written_with_a_dot() -> None:
    moment = datetime(2026, 11, 24, 13, 5, tzinfo=UTC)  # 14.05 in Copenhagen (winter time)
    assert local_time(moment) == "24.11.2026 14.05"
    assert done_text("AB", moment).endswith("24.11.2026 14.05")
    assert ":" not in local_time(datetime(2026, 6, 1, 22, 59, tzinfo=UTC))
