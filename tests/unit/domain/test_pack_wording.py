"""The guideline packs' and training cases' Danish says what the law says, in one way (wording review).

Beyond the glossary's ruled-out terms (tests/unit/i18n/test_glossary.py): the places the review's
findings point at are read again from the shipped files, as the wizard, the help and the feedback show
them, so a later edit cannot bring the misleading sentence back.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from desktop.domain.glossary import danish_texts
from desktop.domain.packs import load_pack, packs_dir
from desktop.paths import forms_dir

PACKS = ("national", "demo-kommune")


def _files() -> list[Path]:
    forms = forms_dir()
    return [forms / "notification.yaml", *sorted((forms / "packs").glob("*.yaml")),
            *sorted((forms / "demo").glob("*.yaml")), *sorted((forms / "directory").glob("*.yaml"))]


def _texts() -> Iterator[tuple[str, str]]:
    for path in _files():
        yield from danish_texts(yaml.safe_load(path.read_text("utf-8")), path.name)


def test_not_telling_the_parents_says_until_when_not_an_unclear_first() -> None:
    # Finding 12: »Fortæl ikke forældrene om underretningen først« - first before what? The form says
    # »Vent med at fortælle forældrene …, før kommunen har set underretningen«; the packs and cases too.
    unclear = re.compile(r"(ikke få (det )?at vide|om underretningen|familien) først\b", re.IGNORECASE)
    found = [(where, text) for where, text in _texts() if unclear.search(text)]
    assert found == []
    national = load_pack(packs_dir() / "national.yaml")
    parents = next(step for step in national.procedure if step.id == "parents")
    assert "før kommunen har set underretningen" in parents.text.da
    assert "before the municipality has seen the notification" in parents.text.en


def test_ranges_of_time_and_age_use_the_en_dash() -> None:
    hyphenated = re.compile(r"\d\s?-\s?\d")
    assert [(where, text) for where, text in _texts() if hyphenated.search(text)] == []


@pytest.mark.parametrize("pack_id", PACKS)
def test_the_duty_to_notify_is_put_in_the_law_s_words(pack_id: str) -> None:
    # The law: grund til at antage, at et barn kan have brug for særlig støtte - not »har brug for«.
    pack = load_pack(packs_dir() / f"{pack_id}.yaml")
    assert pack.notifying_in_local_model is not None
    assert "grund til at antage, at" in pack.notifying_in_local_model.da
    assert "kan have brug for særlig støtte" in pack.notifying_in_local_model.da
    assert "may need special support" in pack.notifying_in_local_model.en


@pytest.mark.parametrize("pack_id", PACKS)
def test_the_honour_category_says_who_contacts_the_family(pack_id: str) -> None:
    honour = load_pack(packs_dir() / f"{pack_id}.yaml").category("honour_radicalisation")
    assert honour.description is not None
    assert "Kontakt ikke selv familien – kommunen beslutter" in honour.description.da
    assert "Do not contact the family yourself" in honour.description.en


@pytest.mark.parametrize("pack_id", PACKS)
def test_f1_help_is_titled_as_the_page_it_helps_with(pack_id: str) -> None:
    # One name per place: F1 on »Barnets egen stemme« opens »Barnets egen stemme«, not »Barnets eget syn«.
    # The signs page is named after its one question, »Bekymringstegn« (the glossary's term).
    from desktop.domain.forms import load_form
    from desktop.domain.help import wizard_topic

    pack = load_pack(packs_dir() / f"{pack_id}.yaml")
    for section in load_form().sections:
        page = pack.help_page(wizard_topic(section.id))
        assert page is not None, section.id
        if section.id == "signals":
            assert (page.title.da, page.title.en) == ("Bekymringstegn", "Signs of concern")
        else:
            assert (page.title.da, page.title.en) == (section.title.da, section.title.en), section.id
