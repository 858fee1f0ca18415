"""The same notification written in Danish and in English gives the municipality the same codes.

A person picks answers by the words on the screen ("Et par gange" in Danish, "A few times" in
English); the notification.json the vault keeps, and that goes into the envelope, carries codes only.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.app import Services
from desktop.ui.wizard.choices import ChoiceEditor, MultiChoiceEditor
from protocol.codes import code_lists
from protocol.envelope import RecipientPrivateKey

#: What the person clicks, in the words each language shows.
WORDS: dict[str, dict[str, Any]] = {
    "da": {"acute": "Nej", "frequency": "Et par gange",
           "sources": ["Jeg har selv set det", "Barnet har fortalt det"],
           "earlier": "Ved ikke", "has_marks": "Nej"},
    "en": {"acute": "No", "frequency": "A few times", "sources": ["I saw it myself", "The child told me"],
           "earlier": "Don't know", "has_marks": "No"},
}


def _choose_by_words(wizard: Any, path: str, words: str) -> None:
    editor = wizard.editor(path)
    assert isinstance(editor, ChoiceEditor)
    shown = {button.text().replace("&", ""): code for code, button in editor.buttons.items()}
    assert words in shown, f"{path} shows {sorted(shown)}"
    wizard.choose(path, shown[words])


def _tick_by_words(wizard: Any, path: str, words: list[str]) -> None:
    editor = wizard.editor(path)
    assert isinstance(editor, MultiChoiceEditor)
    for text in words:
        box = next((b for b in editor.boxes.values() if b.text().replace("&", "") == text), None)
        assert box is not None, f"{path} shows no {text!r}"
        wizard.tab_to(box)
        wizard.press(Qt.Key.Key_Space)
        assert box.isChecked()


def _write_in(
    language: str, services: Services, open_wizard: Callable[..., Any], qtbot: QtBot
) -> dict[str, Any]:
    assert services.translations is not None
    services.translations.install(language)
    words = WORDS[language]
    wizard = open_wizard()
    _choose_by_words(wizard, "acute.in_danger", words["acute"])
    wizard.fill_child(cpr="120522-4006", name="Emma Louise Hansen")
    wizard.fill_events()
    _choose_by_words(wizard, "events.frequency", words["frequency"])
    _tick_by_words(wizard, "events.sources", words["sources"])
    wizard.go_on_to("observations")
    _choose_by_words(wizard, "observations.has_marks", words["has_marks"])
    wizard.go_on_to("others")
    _choose_by_words(wizard, "others.earlier_known", words["earlier"])
    wizard.fill_notifier()
    wizard.go_on_to("review")
    wizard.finish_and_send()
    qtbot.waitUntil(lambda: wizard.window.read_only, timeout=30000)
    draft_id = wizard.window.draft_id
    assert draft_id is not None
    stored: dict[str, Any] = json.loads(services.require_vault().notifications.get_document(draft_id))
    wizard.window.close()
    return stored


def _every_string(node: Any) -> list[str]:
    if isinstance(node, dict):
        return [s for value in node.values() for s in _every_string(value)]
    if isinstance(node, list):
        return [s for value in node for s in _every_string(value)]
    return [node] if isinstance(node, str) else []


def test_a_notification_written_in_danish_and_in_english_stores_the_same_codes(
    open_wizard: Callable[..., Any], services: Services, sending_set_up: RecipientPrivateKey, qtbot: QtBot
) -> None:
    danish = _write_in("da", services, open_wizard, qtbot)
    english = _write_in("en", services, open_wizard, qtbot)

    assert (danish["language"], english["language"]) == ("da", "en")
    assert danish["concern"]["frequency"] == english["concern"]["frequency"] == "several"
    assert danish["concern"]["sources"] == english["concern"]["sources"] == ["seen", "child_told"]
    assert danish["earlier_notifications"]["known"] == english["earlier_notifications"]["known"] == "unknown"
    assert danish["notifier"]["duty"] == english["notifier"]["duty"] == "enhanced"
    assert danish["child"]["municipality_code"] == english["child"]["municipality_code"] == "265"
    # Apart from its own id, times and language tag, the case system receives one and the same document.
    differ = {"notification_id", "created_at", "finalised_at", "language"}
    assert {k: v for k, v in danish.items() if k not in differ} == {
        k: v for k, v in english.items() if k not in differ}
    # And neither carries a coded answer's words in either language.
    labels = {text for codes in code_lists().values() for code in codes for text in code.label.values()}
    for document in (danish, english):
        assert not labels & set(_every_string(document)) - {"Roskilde"}
