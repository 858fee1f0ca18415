"""A date and time as Danes write it (wording review 40: »kl. 8.15«, not »08:15«), read either way."""

from __future__ import annotations

from datetime import datetime

from desktop.ui.wizard.dates import format_datetime, parse_datetime_text


def test_a_stored_time_is_shown_back_with_a_dot_in_danish_and_a_colon_in_english() -> None:
    assert format_datetime("2026-11-16T08:15", "da") == "16-11-2026 08.15"
    assert format_datetime("2026-11-16T08:15", "en") == "16-11-2026 08:15"


def test_what_is_shown_reads_back_as_the_same_moment_and_both_ways_of_typing_are_taken() -> None:
    moment = datetime(2026, 11, 16, 8, 15)
    for language in ("da", "en"):
        assert parse_datetime_text(format_datetime("2026-11-16T08:15", language)) == moment
    assert parse_datetime_text("16-11-2026 8.15") == parse_datetime_text("16.11.2026 08:15") == moment
