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
