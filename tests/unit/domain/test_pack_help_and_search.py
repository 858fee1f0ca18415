"""Guideline packs carry help for every place in the app, search words per signal, and examples per age band.

What a worried person relies on: typing an everyday word finds the sign they mean, a teenager's list
never talks about nappies, F1 shows the municipality's own procedure and numbers, and a municipality's
pack written before any of this still loads, signs and verifies.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

from desktop.config.pack_cli import main as pack_tool
from desktop.domain.document import AgeBand
from desktop.domain.forms import FormDefinition
from desktop.domain.help import HelpBlock, blocks_of, help_text, help_topics, wizard_topic
from desktop.domain.packs import GuidelinePack, PackInvalid, load_pack, load_pack_bytes, packs_dir

SHIPPED = ("national", "demo-kommune")


def _data(pack_id: str = "national") -> dict[str, Any]:
    text = (packs_dir() / f"{pack_id}.yaml").read_text("utf-8")
    data: dict[str, Any] = yaml.load(text, Loader=yaml.CSafeLoader)
    return copy.deepcopy(data)


def _dump(data: dict[str, Any]) -> bytes:
    return yaml.dump(data, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False).encode("utf-8")


def _without_new_fields(data: dict[str, Any]) -> dict[str, Any]:
    """The pack as municipalities wrote it before help pages, search words and age examples existed."""
    data.pop("help_pages", None)
    for signal in data["signals"]:
        signal.pop("help_by_age", None)
        signal.pop("keywords", None)
    return data


def _signal(data: dict[str, Any], signal_id: str) -> dict[str, Any]:
    return next(s for s in data["signals"] if s["id"] == signal_id)


# --- search words ----------------------------------------------------------------------------------------
EVERYDAY_WORDS = [
    # (what the person types, the child's age band, a sign it must find), in both languages
    ("da", "faldt", AgeBand.AGE_3_5, "violence.explanation_mismatch"),
    ("da", "hemmelig", AgeBand.AGE_6_12, "sexual.child_tells"),
    ("da", "drikker", AgeBand.AGE_6_12, "substance.child_tells"),
    ("da", "forsvinde", AgeBand.AGE_13_17, "selfharm.wants_to_die"),
    ("en", "fell", AgeBand.AGE_3_5, "violence.explanation_mismatch"),
    ("en", "secret", AgeBand.AGE_6_12, "sexual.child_tells"),
    ("en", "drinks", AgeBand.AGE_6_12, "substance.child_tells"),
    ("en", "disappear", AgeBand.AGE_13_17, "selfharm.wants_to_die"),
]


@pytest.mark.parametrize("pack_id", SHIPPED)
@pytest.mark.parametrize(("lang", "word", "band", "expected"), EVERYDAY_WORDS)
def test_an_everyday_word_finds_the_sign_a_worried_person_means(pack_id: str, lang: str, word: str,
                                                                band: AgeBand, expected: str) -> None:
    pack = load_pack(packs_dir() / f"{pack_id}.yaml")
    assert expected in [s.id for s in pack.search(word, band, lang)]
    assert expected in [s.id for s in pack.search(word.upper(), None, lang)], "case does not matter"


def test_the_search_words_come_from_the_pack() -> None:
    # Without the pack's search words, "faldt" is in no label or example: the words are what finds it.
    bare = load_pack_bytes(_dump(_without_new_fields(_data())), "kommune.yaml")
    assert "violence.explanation_mismatch" not in [s.id for s in bare.search("faldt", None, "da")]
    # A municipality adds its own words (its local slang) and the search uses them at once.
    data = _without_new_fields(_data())
    _signal(data, "neglect.clothing")["keywords"] = {"da": "forfrossen gummistøvler", "en": "frozen wellies"}
    pack = load_pack_bytes(_dump(data), "kommune.yaml")
    assert [s.id for s in pack.search("gummistøvler", AgeBand.AGE_3_5, "da")] == ["neglect.clothing"]
    assert [s.id for s in pack.search("wellies", AgeBand.AGE_3_5, "en")] == ["neglect.clothing"]
    assert pack.search("wellies", AgeBand.AGE_3_5, "da") == [], "each language has its own words"


@pytest.mark.parametrize("pack_id", SHIPPED)
def test_every_signal_has_search_words_in_both_languages(pack_id: str) -> None:
    pack = load_pack(packs_dir() / f"{pack_id}.yaml")
    for signal in pack.signals:
        assert signal.keywords is not None, signal.id
        assert len(signal.keywords.da.split()) >= 3 and len(signal.keywords.en.split()) >= 3, signal.id


# --- examples per age band ----------------------------------------------------------------------------
NAPPY_WORDS = {"ble", "bleen", "bleer", "bleerne", "bleudslæt", "bleskift", "bleskiftet", "nappy", "nappies"}


@pytest.mark.parametrize("pack_id", SHIPPED)
def test_a_teenagers_signs_never_mention_nappies(pack_id: str) -> None:
    pack = load_pack(packs_dir() / f"{pack_id}.yaml")
    teen = AgeBand.AGE_13_17
    for signal in pack.signals_for(teen):
        for lang in ("da", "en"):
            text = f"{signal.label[lang]} {signal.help_for(teen)[lang]}".casefold()
            assert not NAPPY_WORDS & set(text.replace(",", " ").replace(".", " ").split()), (signal.id, lang)
    # The examples really differ by age: a baby's hygiene sign still names nappy rash.
    hygiene = pack.signal("neglect.hygiene")
    assert "bleudslæt" in hygiene.help_for(AgeBand.AGE_0_2).da
    assert "nappy rash" in hygiene.help_for(AgeBand.AGE_3_5).en
    assert "bleudslæt" not in hygiene.help_for(teen).da
    # While the age is unknown the general examples show, and the search follows the band's examples.
    assert hygiene.help_for(None) == hygiene.help
    assert pack.search("bleudslæt", teen, "da") == []
    assert [s.id for s in pack.search("bleudslæt", AgeBand.AGE_0_2, "da")] == ["neglect.hygiene"]


def test_examples_for_an_age_the_signal_is_not_shown_at_are_refused() -> None:
    data = _data()
    _signal(data, "neglect.tired")["help_by_age"] = [
        {"age_bands": ["0-2"], "help": {"da": "Sover", "en": "Sleeps"}}]
    with pytest.raises(PackInvalid) as caught:
        load_pack_bytes(_dump(data), "kommune.yaml")
    assert caught.value.kind == "unknown_reference"
    assert caught.value.path.endswith("help_by_age[0].age_bands[0]")
    assert caught.value.line is not None


def test_two_sets_of_examples_for_one_age_are_refused() -> None:
    data = _data()
    _signal(data, "neglect.tired")["help_by_age"] = [
        {"age_bands": ["3-5"], "help": {"da": "A", "en": "A"}},
        {"age_bands": ["6-12", "3-5"], "help": {"da": "B", "en": "B"}}]
    with pytest.raises(PackInvalid) as caught:
        load_pack_bytes(_dump(data), "kommune.yaml")
    assert caught.value.kind == "duplicate_id"
    assert caught.value.path.endswith("help_by_age[1].age_bands[1]")


def test_examples_need_both_languages() -> None:
    data = _data()
    _signal(data, "neglect.tired")["help_by_age"] = [{"age_bands": ["3-5"], "help": {"da": "Sover"}}]
    with pytest.raises(PackInvalid) as caught:
        load_pack_bytes(_dump(data), "kommune.yaml")
    assert caught.value.kind == "missing_translation"


# --- help pages -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("pack_id", SHIPPED)
def test_every_place_in_the_app_has_help_in_danish_and_english(pack_id: str, form: FormDefinition) -> None:
    pack = load_pack(packs_dir() / f"{pack_id}.yaml")
    topics = help_topics(s.id for s in form.sections)
    assert wizard_topic("signals") in topics and "unlock" in topics
    for topic in topics:
        page = pack.help_page(topic)
        assert page is not None, topic
        assert page.text.da != page.text.en and page.title.da and page.title.en, topic


def test_help_shows_the_municipalitys_procedure_contacts_and_legal_references() -> None:
    pack = load_pack(packs_dir() / "demo-kommune.yaml")
    danish = help_text(wizard_topic("signals"), pack, "da")
    assert danish.title == "Bekymringstegn"
    assert "»faldt«" in danish.plain()
    assert ("Tal med din leder", pack.procedure[0].text.da) == danish.procedure[0]
    intake = next(c for c in danish.contacts if c.phone == "00 00 01 01")
    assert intake.name == "Demo Kommune, børne- og familieafdelingen" and intake.email
    assert any(r.citation == "Barnets lov § 133" and "Skærpet" in r.title for r in danish.legal)
    english = help_text(wizard_topic("signals"), pack, "en")
    assert english.title == "Signs of concern"
    assert english.procedure[0][0] == "Talk to your manager"
    assert any(c.name == "Demo Kommune, children's services" for c in english.contacts)
    assert english.guidelines == "Demo Kommune (training)" and english.municipality == "Demo Kommune"


def test_a_pack_from_before_help_pages_still_loads_and_gets_the_national_help(tmp_path: Path) -> None:
    data = _without_new_fields(_data("demo-kommune"))
    pack = load_pack_bytes(_dump(data), "demo-kommune.yaml")
    assert pack.help_pages == [] and all(not s.help_by_age and s.keywords is None for s in pack.signals)
    text = help_text(wizard_topic("family"), pack, "da")
    assert text.title == "Familien", "the national pack's text for the place"
    assert text.procedure[0][0] == "Tal med din leder", "the pack's own procedure under it"
    assert text.has_page_text
    # A place nobody wrote help for still shows the procedure, contacts and references.
    unknown = help_text("wizard.not_a_page", pack, "en")
    assert not unknown.has_page_text and unknown.contacts and unknown.legal


@pytest.mark.parametrize("old_format", [False, True], ids=["with-help-fields", "before-help-fields"])
def test_a_signed_pack_with_or_without_the_help_fields_verifies_as_the_app_checks_it(
        tmp_path: Path, old_format: bool, capsys: pytest.CaptureFixture[str]) -> None:
    data = _data("demo-kommune")
    if old_format:
        data = _without_new_fields(data)
    data["version"] = "2026.7"
    pack_file = tmp_path / "demo-kommune.yaml"
    pack_file.write_bytes(_dump(data))
    keys = tmp_path / "keys"
    assert pack_tool(["keygen", "--out", str(keys), "--id", "kommune-2026"]) == 0
    assert pack_tool(["sign", str(pack_file), "--key", str(keys / "kommune-2026.key")]) == 0
    assert pack_tool(["verify", str(pack_file), "--trusted", str(keys / "kommune-2026.pub")]) == 0
    assert "OK demo-kommune.yaml" in capsys.readouterr().out


def test_help_text_is_split_into_paragraphs_and_lists() -> None:
    assert blocks_of("One line\nand its rest.\n\n- first\n- second\n\n\nLast.") == (
        HelpBlock(text="One line and its rest."), HelpBlock(items=("first", "second")),
        HelpBlock(text="Last."))


def test_help_for_each_page_follows_the_shipped_form(national: GuidelinePack, form: FormDefinition) -> None:
    # A page added to the form without help in the national pack fails here, not in front of a user.
    missing = [s.id for s in form.sections if national.help_page(wizard_topic(s.id)) is None]
    assert missing == []
