"""Fixtures for the print/export UI tests: the same rich fictitious notification as the unit tests."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QMessageBox

from desktop.domain.document import NotificationDocument
from tests.support.document import sample_document


@pytest.fixture
def rich_document() -> NotificationDocument:
    """A finalised notification about a fictitious child, every field filled, æøå everywhere."""
    return sample_document()


class DialogAnswerer:
    """Answers the real modal dialogs as a user would, one answer per dialog, in order.

    An answer is the text of the message box button to click, or a function
    given the dialog (e.g. to accept a print dialog). The dialogs shown are
    kept so a test can read what the user was told.
    """

    def __init__(self) -> None:
        self.answers: list[Callable[[QDialog], None]] = []
        self.seen: list[QDialog] = []
        self.errors: list[BaseException] = []
        self._timer = QTimer()
        self._timer.setInterval(20)
        self._timer.timeout.connect(self._poll)

    def queue(self, *answers: str | Callable[[QDialog], None]) -> None:
        self.answers.extend(click_button(a) if isinstance(a, str) else a for a in answers)
        self._timer.start()

    def _poll(self) -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog) or dialog in self.seen or not dialog.isVisible():
            return
        self.seen.append(dialog)
        if self.answers:
            try:
                self.answers.pop(0)(dialog)
            except BaseException as exc:  # an unanswered modal dialog would wait for ever: close it
                self.errors.append(exc)
                dialog.reject()
        else:
            dialog.reject()

    def message(self, index: int) -> str:
        """The text of the ``index``-th dialog shown, which must be a message box."""
        dialog = self.seen[index]
        assert isinstance(dialog, QMessageBox), dialog
        return dialog.text()

    def stop(self) -> None:
        self._timer.stop()


def click_button(text: str) -> Callable[[QDialog], None]:
    """An answer that clicks the message box button whose text contains ``text``."""

    def answer(dialog: QDialog) -> None:
        assert isinstance(dialog, QMessageBox)
        buttons: list[QAbstractButton] = dialog.buttons()
        matching = [b for b in buttons if text.lower() in b.text().replace("&", "").lower()]
        assert matching, [b.text() for b in buttons]
        matching[0].click()

    return answer


@pytest.fixture
def dialogs(qapp: QApplication) -> Iterator[DialogAnswerer]:
    """Answers the modal dialogs the code under test opens."""
    answerer = DialogAnswerer()
    yield answerer
    answerer.stop()
    if answerer.errors:
        raise answerer.errors[0]
