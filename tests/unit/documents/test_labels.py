"""The copy's printed words exist in both languages the notification can be written in."""

from __future__ import annotations

import re

from desktop.documents.labels import LABELS, LANGUAGES, MONTHS, label


def test_danish_and_english_carry_exactly_the_same_labels() -> None:
    assert set(LABELS) == set(LANGUAGES)
    assert set(LABELS["da"]) == set(LABELS["en"])
    for language in LANGUAGES:
        assert all(text.strip() for text in LABELS[language].values())
        assert len(MONTHS[language]) == 12


def test_both_languages_use_the_same_placeholders() -> None:
    for key in LABELS["da"]:
        placeholders = [set(re.findall(r"{(\w+)}", LABELS[lang][key])) for lang in LANGUAGES]
        assert placeholders[0] == placeholders[1], key


def test_page_numbers_read_naturally_in_each_language() -> None:
    assert label("da", "doc.page_of", page=2, pages=5) == "Side 2 af 5"
    assert label("en", "doc.page_of", page=2, pages=5) == "Page 2 of 5"


def test_the_danish_copy_uses_the_glossary_s_words() -> None:
    # The wording review (December 2026): findings 7, 18, 21, 22, 35, 36 and the glossary.
    danish = LABELS["da"]
    assert danish["concern.section"] == "Bekymringstegn"
    assert danish["child.group_or_class"] == "Klasse, stue eller gruppe"
    assert danish["professional.role"] == "Stilling"
    # The copy's own number (printed before it is sent) is not the receiving system's referencenummer.
    assert danish["doc.reference"] == "Underretningsnummer"
    assert danish["doc.finalised"] == "Gjort færdig"
    assert danish["doc.not_finalised"] == "Ikke gjort færdig endnu"
    assert danish["about.pack"] == "Retningslinjer"
    assert danish["technical.section"] == "Teknisk kontrol (til kommunen)"
    # The form asks »som fagperson … eller som privatperson«: the copy names both duties the same way.
    assert danish["duty.enhanced"] == "Skærpet underretningspligt (fagperson)"
    assert danish["duty.general"] == "Almindelig underretningspligt (privatperson)"
    for key, text in danish.items():
        lowered = text.lower()
        assert "—" not in text and '"' not in text, f"{key}: »…« and – in Danish"
        assert "vejledning" not in lowered and "afslut" not in lowered, f"{key}: retningslinjer, gjort færdig"
        assert "kontrolsum" not in lowered, f"{key}: checksum jargon (»Teknisk kontrol«)"
