"""The signs page in the wizard: everyday words find the sign a worried person means, and the words and
examples of each sign fit the child's age (a teenager's list never talks about nappies, a 7-year-old's
says »Barnet …« where a teenager's says »Den unge …«)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from desktop.app import Services
from desktop.domain.packs import load_pack, packs_dir
from desktop.ui.wizard.review import ReviewPage
from desktop.ui.wizard.signal_checklist import SignalChecklistEditor
from tests.ui.wizard.conftest import Wizard

TEEN_CPR = "120511-4003"  # 15 years old on the tests' day (23 November 2026)
BABY_CPR = "120126-4007"  # 10 months old
CHILD_CPR = "120519-4001"  # 7 years old


def _signs_page(wizard: Wizard, cpr: str) -> SignalChecklistEditor:
    wizard.choose("acute.in_danger", "no")
    wizard.fill_child(cpr=cpr, name="Maja Demo Olsen")
    wizard.go_on_to("signals")
    editor = wizard.editor("signals.checked")
    assert isinstance(editor, SignalChecklistEditor)
    return editor


def _shown_text(editor: SignalChecklistEditor) -> str:
    return "\n".join(editor.items[sid].text(0) for sid in editor.shown_ids())


def test_a_teenagers_signs_show_no_nappy_rash_and_a_babys_do(
        qtbot: QtBot, services: Services, open_wizard: Callable[..., Wizard]) -> None:
    services.set_pack(load_pack(packs_dir() / "demo-kommune.yaml"))
    first = open_wizard()
    teen = _signs_page(first, TEEN_CPR)
    assert teen.band is not None and teen.band.value == "13-17"
    assert teen.is_shown("neglect.hygiene")
    words = set(_shown_text(teen).casefold().replace(",", " ").replace(".", " ").split())
    assert not words & {"ble", "bleen", "bleer", "bleudslæt", "bleskift"}
    hygiene = teen.items["neglect.hygiene"]
    assert "den unge kan ikke vaske sig" in hygiene.text(0)
    assert "bleudslæt" not in hygiene.toolTip(0), "a screen reader and the tooltip say the same"

    first.window.close()
    qtbot.waitUntil(lambda: not first.window.isVisible())
    baby = _signs_page(open_wizard(), BABY_CPR)
    assert baby.band is not None and baby.band.value == "0-2"
    assert "bleudslæt, der ikke går væk" in baby.items["neglect.hygiene"].text(0)


def test_everyday_words_typed_in_the_search_find_the_sign(
        qtbot: QtBot, services: Services, open_wizard: Callable[..., Wizard]) -> None:
    services.set_pack(load_pack(packs_dir() / "demo-kommune.yaml"))
    wizard = open_wizard()
    editor = _signs_page(wizard, TEEN_CPR)
    for word, expected in [("faldt", "violence.explanation_mismatch"), ("hemmelig", "sexual.child_tells"),
                           ("drikker", "substance.child_tells"), ("forsvinde", "selfharm.wants_to_die")]:
        wizard.tab_to(editor.search)
        editor.search.selectAll()
        QTest.keyClicks(editor.search, word)
        shown = editor.shown_ids()
        assert expected in shown, word
        assert len(shown) < len(editor.items) // 4, f"{word} narrows the list"
    # Ticking a found sign by keyboard still works after the search.
    wizard.tick_signal("selfharm.wants_to_die", "forsvinde")
    assert "selfharm.wants_to_die" in wizard.window.answers["signals.checked"]


def test_a_search_says_how_many_signs_it_found_to_a_screen_reader(
        qtbot: QtBot, services: Services, open_wizard: Callable[..., Wizard]) -> None:
    """The list changes while the focus stays in the search field: the result is announced (how many
    signs fit, or none), a moment after the typing stops (screen-reader review, finding 7)."""
    wizard = open_wizard()
    editor = _signs_page(wizard, BABY_CPR)
    wizard.tab_to(editor.search)
    QTest.keyClicks(editor.search, "blå")
    found = len(editor.shown_ids())
    assert found > 0
    said = f"{found} tegn passer til søgningen."
    qtbot.waitUntil(lambda: editor.search.property("announced") == said)
    editor.search.selectAll()
    QTest.keyClicks(editor.search, "blåxq")
    qtbot.waitUntil(lambda: editor.search.property("announced") == "Ingen tegn passer til søgningen.")
    assert editor.empty_label.isVisibleTo(wizard.window)


def test_a_seven_year_olds_signs_and_copy_say_barnet_and_a_teenagers_den_unge(
        qtbot: QtBot, services: Services, open_wizard: Callable[..., Wizard]) -> None:
    """The pack words a sign for the child's age (``label_by_age``): the list and the review page's copy
    (the layout the PDF has) say »Barnet …« for a 7-year-old; a school child's list has no boyfriend."""
    services.set_pack(load_pack(packs_dir() / "demo-kommune.yaml"))
    first = open_wizard()
    child = _signs_page(first, CHILD_CPR)
    assert child.band is not None and child.band.value == "6-12"
    drugs = child.items["risk.drugs_alcohol"]
    assert drugs.text(0).startswith("Barnet bruger alkohol eller stoffer\n")
    assert drugs.data(0, Qt.ItemDataRole.AccessibleTextRole) == "Barnet bruger alkohol eller stoffer"
    assert child.items["honour.threats"].text(0).startswith("Barnet bliver truet af familien\n")
    shown = _shown_text(child).casefold()
    assert "den unge" not in shown and "kæreste" not in shown
    first.tick_signal("risk.drugs_alcohol", "alkohol")
    first.go_on_to("review")
    review = first.window.current_page()
    assert isinstance(review, ReviewPage)
    qtbot.waitUntil(lambda: "Barnet bruger alkohol eller stoffer" in review.document_view.toPlainText(),
                    timeout=10000)
    assert "Den unge" not in review.document_view.toPlainText()

    first.window.close()
    qtbot.waitUntil(lambda: not first.window.isVisible())
    teen = _signs_page(open_wizard(), TEEN_CPR)
    assert teen.items["risk.drugs_alcohol"].text(0).startswith("Den unge bruger alkohol eller stoffer\n")
    assert teen.items["honour.threats"].text(0).startswith("Den unge bliver truet af familien\n")
