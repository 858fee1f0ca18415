"""The training feedback names each sign in the words the pack uses for the case's child.

A trainer talks the case through from this window: about Leyla, 16, it says »Den unge bliver
kontrolleret …«; about Freja, 5, tiredness is »mere træt end andre børn på samme alder« (a nap is normal
at five), as the signs list in the wizard said (the pack's ``label_by_age``).
"""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from desktop.demo.scenarios import feedback_for, load_scenarios
from desktop.domain.packs import load_pack, packs_dir
from desktop.ui.demo.feedback import FeedbackWindow


def _feedback_text(qtbot: QtBot, case: str, language: str) -> str:
    scenario = next(s for s in load_scenarios() if s.id == case)
    pack = load_pack(packs_dir() / "demo-kommune.yaml")
    window = FeedbackWindow(scenario, feedback_for(scenario, list(scenario.expected_signals[:1])), pack,
                            language, "00000000-0000-4000-8000-000000000000")
    qtbot.addWidget(window)  # closed and deleted by pytest-qt after the test
    return window.body.toPlainText()


def test_the_feedback_about_a_teenager_says_den_unge(qtbot: QtBot) -> None:
    text = _feedback_text(qtbot, "honour-conflict", "da")
    assert "Den unge bliver kontrolleret for at beskytte familiens ære" in text  # marked
    assert "Den unge bliver truet af familien" in text  # missed
    assert "Trusler fra familien" not in text, "not the general label when the age is known"
    english = _feedback_text(qtbot, "honour-conflict", "en")
    assert "The young person is threatened by the family" in english


def test_the_feedback_about_a_five_year_old_does_not_make_a_nap_a_sign(qtbot: QtBot) -> None:
    text = _feedback_text(qtbot, "parent-mental-illness", "da")
    assert "Barnet er ofte mere træt end andre børn på samme alder" in text
    assert "Barnet er ofte meget træt" not in text
