""""Finish and send?" says where the notification goes and what the law says follows, for this notifier.

The question is the last thing read before the irreversible step, so it must not name the guideline
pack's municipality as the receiver (the national pack's is "Danmark (national standard)", and a
municipality's own pack may be used for a child who lives elsewhere), and it must not promise a
receipt and a § 137 message to someone the law does not owe them to (a private person).
"""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from desktop.domain.document import DutyType
from desktop.domain.packs import national_pack
from desktop.ui.wizard.confirm import summary_lines
from tests.support.document import sample_document


def _rows(duty: DutyType = DutyType.ENHANCED) -> dict[str, str]:
    document = sample_document()
    document = document.model_copy(update={"notifier": document.notifier.model_copy(update={"duty": duty})})
    return dict(summary_lines(document, national_pack(), "en"))


def test_sent_to_names_the_child_s_municipality_not_the_pack_s(qtbot: QtBot) -> None:
    rows = _rows()
    assert rows["Sent to"] == "Ærø Kommune"  # the sample child lives in Ærø (492)
    assert "national" not in rows["Sent to"].lower()


def test_a_professional_is_told_the_24_hours_the_receipt_and_the_section_137_message(qtbot: QtBot) -> None:
    said = _rows()["What happens now"]
    assert "can no longer be changed" in said and "24 hours" in said
    assert "must send you a receipt" in said and "investigation or support" in said
    assert "unless that could harm the child" in said


def test_a_private_person_is_not_promised_a_receipt(qtbot: QtBot) -> None:
    said = _rows(DutyType.GENERAL)["What happens now"]
    assert "24 hours" in said
    assert "receipt" not in said and "investigation" not in said
