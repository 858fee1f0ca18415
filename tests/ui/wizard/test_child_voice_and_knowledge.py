"""What the notifier knows of the child over time, whether the child knows, the child's own view and the
§ 133 grounds: asked in the wizard, confirmed by the person, and read by the municipality.

By keyboard, in Danish: the answers reach notification.json as codes and texts, and the PDF the
municipality files shows them with their Danish words (read back with pypdf).
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from typing import Any

import pypdf
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.app import Services
from desktop.ui.wizard.choices import MultiChoiceEditor
from protocol.envelope import RecipientPrivateKey

OWN_VIEW = "Jeg vil bare have, at far holder op med at råbe."


def test_the_child_s_voice_what_the_notifier_knows_and_the_confirmed_grounds_reach_the_municipality(
    open_wizard: Callable[..., Any], services: Services, sending_set_up: RecipientPrivateKey, qtbot: QtBot
) -> None:
    wizard = open_wizard()
    wizard.choose("acute.in_danger", "no")
    wizard.fill_child(cpr="120522-4006", name="Emma Louise Hansen")
    wizard.go_on_to("knowledge")
    wizard.type_into("knowledge.role", "Pædagog på Emmas stue")
    wizard.choose("knowledge.duration", "years_1_to_3")
    wizard.type_into("knowledge.development", "Taler i hele sætninger og leger godt med de andre.")
    wizard.type_into("knowledge.wellbeing", "Glad indtil efteråret; siden stille og træt.")
    wizard.fill_events()
    wizard.go_on_to("child_view")
    wizard.choose("child_view.informed", "no")
    wizard.explain_why_not("child_view.informed", "Emma er tre år og for lille til at forstå det.")
    wizard.type_into("child_view.own_view", OWN_VIEW)
    wizard.go_on_to("grounds")
    grounds = wizard.editor("grounds.section_133")
    assert isinstance(grounds, MultiChoiceEditor)
    assert grounds.value() == ["special_support"]  # suggested from the answers, shown to be confirmed
    wizard.tab_to(grounds.boxes["abuse"])  # the person adds one the answers did not point to
    wizard.press(Qt.Key.Key_Space)
    assert grounds.value() == ["special_support", "abuse"]
    wizard.fill_notifier()
    wizard.go_on_to("review")
    wizard.finish_and_send()
    qtbot.waitUntil(lambda: wizard.window.read_only, timeout=30000)
    draft_id = wizard.window.draft_id
    assert draft_id is not None
    vault = services.require_vault()

    document = json.loads(vault.notifications.get_document(draft_id))
    assert document["grounds"] == ["special_support", "abuse"]
    assert document["knowledge"] == {
        "role": "Pædagog på Emmas stue", "duration": "years_1_to_3",
        "development": "Taler i hele sætninger og leger godt med de andre.",
        "wellbeing": "Glad indtil efteråret; siden stille og træt.", "earlier_support": None}
    child = document["child"]
    assert (child["informed"], child["not_informed_reason"], child["own_view"]) == (
        False, "Emma er tre år og for lille til at forstå det.", OWN_VIEW)

    pdf = pypdf.PdfReader(io.BytesIO(vault.notifications.get_pdf(draft_id)))
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in pdf.pages)
    for words in ("Underretterens kendskab til barnet", "Pædagog på Emmas stue", "1–3 år",
                  "Glad indtil efteråret; siden stille og træt.", "Barnets egen stemme",
                  "Emma er tre år og for lille til at forstå det.", "far holder op med at råbe",
                  "Grundlag for underretningen (barnets lov § 133)", "Barnet kan have brug for særlig støtte",
                  "Barnet kan have været udsat for overgreb"):
        assert words in text, words
