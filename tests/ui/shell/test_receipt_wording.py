"""The municipality's kvittering in the words the person reads, in Danish and English (wording review 1-3).

The overdue warning is the one message that asks the person to act: it says kvittering and hverdage
(never »bekræftet« and »arbejdsdage«); the list's column says »Kvittering senest« (not »Svar senest«,
as if the municipality had to decide by then); a secure e-mail's panel does not say »no kvittering«
about exactly the kvittering the person must wait for.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.app import Translations
from desktop.store.notifications import NotificationState, NotificationSummary
from desktop.ui.delivery.wording import StateWording
from desktop.ui.notification_table_model import Column, NotificationTableModel

NOTIFICATION_ID = "5f0c6a3e-4c1b-4a57-9f5e-0d6f1f1b8a11"


@pytest.fixture(params=["da", "en"])
def language(request: pytest.FixtureRequest, qapp: QApplication,
             compiled_translations: Path) -> Iterator[str]:
    translations = Translations(qapp, compiled_translations)
    translations.install(request.param)
    yield request.param
    translations.uninstall()


def _summary(due: date, *, mailed: bool) -> NotificationSummary:
    at = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)
    return NotificationSummary(
        id=NOTIFICATION_ID, state=NotificationState.SENT if mailed else NotificationState.RECEIPTED,
        child_initials="AB", created_at=at, updated_at=at, finalised_at=at, sent_at=at,
        receipted_at=None if mailed else at, reference="5F0C6A3E", last_error=None, attempts=1,
        municipality="Demo Kommune", acute=False, acknowledgement_due=due, corrects=None)


OVERDUE = {
    "da": ("Ingen kvittering – ring til kommunen",
           "Demo Kommune har ikke sendt kvittering inden for seks hverdage.",
           "Kommunen skulle have sendt dig en kvittering senest 5. november 2026.",
           "Ingen kvittering fra Demo Kommune for underretningen om AB (referencenummer 5F0C6A3E)."),
    "en": ("No receipt – phone the municipality",
           "Demo Kommune has not sent a receipt within six working days.",
           "The municipality should have sent you a receipt by 5 November 2026.",
           "No receipt from Demo Kommune for the notification about AB (reference number 5F0C6A3E)."),
}


def test_the_overdue_warning_says_kvittering_and_hverdage(language: str) -> None:
    wording = StateWording(lambda: None, lambda: date(2026, 11, 6), lambda: language)
    late = _summary(date(2026, 11, 5), mailed=False)
    state, headline, line, alert = OVERDUE[language]
    assert wording.text(late) == state
    details = wording.details(late)
    assert details is not None and details.headline == headline
    assert line in details.lines
    assert (wording.alert(late) or "").startswith(alert)


def test_the_column_says_when_the_kvittering_is_due(language: str) -> None:
    model = NotificationTableModel()
    heading = model.headerData(Column.ACKNOWLEDGEMENT_DUE, Qt.Orientation.Horizontal)
    assert heading == {"da": "Kvittering senest", "en": "Receipt due"}[language]


def test_secure_email_does_not_say_there_is_no_kvittering(language: str) -> None:
    wording = StateWording(lambda: None, lambda: date(2026, 11, 6), lambda: language)
    details = wording.details(_summary(date(2026, 11, 10), mailed=True))
    assert details is not None
    expected = {
        "da": ("Sikker mail giver ingen automatisk besked om modtagelse.",
               "Kommunen skal sende dig en kvittering senest 10. november 2026 (seks hverdage). "
               "Får du ingen, så ring til kommunen."),
        "en": ("Secure e-mail gives no automatic message of receipt.",
               "The municipality must send you a receipt by 10 November 2026 (six working days). "
               "If none comes, phone them."),
    }[language]
    for line in expected:
        assert line in details.lines
    assert not any("ingen kvittering" in line.lower() for line in details.lines)
