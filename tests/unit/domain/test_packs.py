"""Guideline packs: the shipped ones are sound, and each kind of broken pack is refused precisely."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

from desktop.domain.cpr import is_fictitious, parse_cpr
from desktop.domain.document import AgeBand
from desktop.domain.packs import (
    ContactKind,
    GuidelinePack,
    PackInvalid,
    load_pack,
    load_pack_bytes,
    packs_dir,
    shipped_packs,
)

NATIONAL_TEXT = (packs_dir() / "national.yaml").read_text("utf-8")
_NATIONAL_DATA: dict[str, Any] = yaml.load(NATIONAL_TEXT, Loader=yaml.CSafeLoader)


def _data() -> dict[str, Any]:
    """A fresh, editable copy of the national pack's data."""
    return copy.deepcopy(_NATIONAL_DATA)


def _dump(data: dict[str, Any]) -> bytes:
    return yaml.dump(data, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False).encode("utf-8")


REQUIRED_CATEGORIES = {
    "neglect",
    "physical_violence",
    "psychological_violence",
    "sexual_abuse",
    "parental_substance_abuse",
    "parental_mental_illness",
    "domestic_violence",
    "school_absence",
    "self_harm",
    "honour_radicalisation",
    "unborn",
}


def _broken(edit: str, replacement: str, count: int = 1) -> bytes:
    assert edit in NATIONAL_TEXT
    return NATIONAL_TEXT.replace(edit, replacement, count).encode("utf-8")


def _refusal(data: bytes) -> PackInvalid:
    with pytest.raises(PackInvalid) as caught:
        load_pack_bytes(data, "kommune.yaml")
    error = caught.value
    assert error.message_id == "pack.invalid"
    assert error.details["file"] == "kommune.yaml"
    return error


def _line_of(snippet: str, occurrence: int = 1) -> int:
    lines = NATIONAL_TEXT.splitlines()
    hits = [i + 1 for i, line in enumerate(lines) if snippet in line]
    return hits[occurrence - 1]


def test_shipped_packs_load_national_first() -> None:
    paths = shipped_packs()
    assert [p.name for p in paths] == ["national.yaml", "demo-kommune.yaml"]
    for path in paths:
        assert isinstance(load_pack(path), GuidelinePack)


def test_the_national_pack_covers_every_required_category_and_age_band(national: GuidelinePack) -> None:
    assert {c.id for c in national.categories} >= REQUIRED_CATEGORIES
    for band in AgeBand:
        assert national.signals_for(band), f"no signals for {band}"
    assert 60 <= len(national.signals) <= 150
    used = {s.category for s in national.signals}
    assert used == {c.id for c in national.categories}, "every category has signals"


def test_the_national_pack_has_112_the_scale_and_no_real_endpoint(national: GuidelinePack) -> None:
    police = national.contact_of(ContactKind.POLICE)
    assert police is not None and police.phone == "112" and police.acute
    assert [level.id for level in national.scale.levels] == ["green", "yellow", "red"]
    assert not national.intake.required and national.intake.endpoint is None
    assert national.municipality.code == "000"
    assert any(ref.citation == "Barnets lov § 133" for ref in national.legal_references)
    assert national.contact_of(ContactKind.CONSULTATION) is not None


def test_violence_and_sexual_abuse_mean_parents_are_not_told_first(national: GuidelinePack) -> None:
    for category in ("physical_violence", "sexual_abuse"):
        assert national.category(category).parents_not_told_first
    assert "parents_not_told_first" in national.signal_flags(national.signal("sexual.child_tells"))
    assert "parents_not_told_first" not in national.signal_flags(national.signal("neglect.hunger"))
    assert national.signal_flags(national.signal("violence.bruise_immobile_baby")) == {
        "acute",
        "parents_not_told_first",
    }


def test_the_demo_pack_is_clearly_fictitious_with_a_loopback_intake() -> None:
    demo = load_pack(packs_dir() / "demo-kommune.yaml")
    assert demo.demo and demo.municipality.name == "Demo Kommune" and demo.municipality.code == "999"
    assert demo.intake.endpoint is not None and demo.intake.endpoint.startswith("https://127.0.0.1:")
    assert demo.intake.key_id == "demo-2026"
    for contact in demo.contacts:
        assert contact.phone is not None
        # Danish subscriber numbers never start with 0; only the real emergency number is kept.
        assert contact.phone == "112" or contact.phone.startswith("0")
    assert is_fictitious(parse_cpr("150317-4001"))


def test_signals_are_shown_for_the_right_ages(national: GuidelinePack) -> None:
    baby = {s.id for s in national.signals_for(AgeBand.AGE_0_2)}
    teen = {s.id for s in national.signals_for(AgeBand.AGE_13_17)}
    unborn = {s.id for s in national.signals_for(AgeBand.UNBORN)}
    assert "violence.bruise_immobile_baby" in baby and "violence.bruise_immobile_baby" not in teen
    assert "selfharm.wants_to_die" in teen and "selfharm.wants_to_die" not in baby
    assert unborn and all(s.startswith("unborn.") for s in unborn)
    assert len(national.signals_for(None)) == len(national.signals)
    groups = national.grouped_signals(AgeBand.AGE_3_5)
    assert [c.id for c, _ in groups] == [
        c.id
        for c in national.categories
        if any(s.category == c.id for s in national.signals_for(AgeBand.AGE_3_5))
    ]


def test_signal_search_matches_words_in_the_users_language(national: GuidelinePack) -> None:
    danish = [s.id for s in national.search("BLÅ mærker", AgeBand.AGE_0_2, "da")]
    assert danish[0] == "violence.bruise_immobile_baby"
    english = [s.id for s in national.search("bruises baby", None, "en")]
    assert english == ["violence.bruise_immobile_baby"]
    assert national.search("omsorgssvigt", AgeBand.AGE_6_12, "da"), "category names are searched too"
    assert national.search("", AgeBand.AGE_6_12, "da") == national.signals_for(AgeBand.AGE_6_12)
    assert national.search("zzzz", None, "en") == []


def test_bad_yaml_names_the_line() -> None:
    error = _refusal(_broken("version: '2026.1'", "version: [unclosed"))
    assert error.kind == "bad_yaml"
    assert error.line is not None and error.line >= _line_of("version: '2026.1'")
    assert "not valid YAML" in error.problem


def test_an_unknown_key_names_its_path_and_line() -> None:
    error = _refusal(_broken("  weight: 2\n", "  weight: 2\n  colour: red\n"))
    assert error.kind == "unknown_key"
    assert error.path == "signals[0].colour"
    assert error.problem == "unknown key 'colour'"
    assert error.line == _line_of("weight: 2") + 1


def test_a_wrong_type_names_its_path() -> None:
    error = _refusal(_broken("  weight: 2\n", "  weight: heavy\n"))
    assert (error.kind, error.path) == ("wrong_value", "signals[0].weight")
    assert "integer" in error.problem
    assert str(error).startswith(f"kommune.yaml:{_line_of('weight: 2')}: signals[0].weight:")


def test_a_missing_english_text_is_a_missing_translation() -> None:
    data = _data()
    del data["signals"][12]["help"]["en"]
    error = _refusal(_dump(data))
    assert (error.kind, error.path) == ("missing_translation", "signals[12].help.en")
    assert error.problem == "missing English text (en)"


def test_an_empty_danish_text_is_a_missing_translation() -> None:
    data = _data()
    data["categories"][2]["label"]["da"] = ""
    error = _refusal(_dump(data))
    assert (error.kind, error.path) == ("missing_translation", "categories[2].label.da")


def test_a_duplicate_signal_id_is_refused() -> None:
    data = _data()
    data["signals"][5]["id"] = data["signals"][1]["id"]
    error = _refusal(_dump(data))
    assert (error.kind, error.path) == ("duplicate_id", "signals[5].id")
    assert data["signals"][1]["id"] in error.problem
    assert error.line is not None


def test_a_signal_in_an_unknown_category_is_refused() -> None:
    data = _data()
    data["signals"][3]["category"] = "gambling"
    error = _refusal(_dump(data))
    assert (error.kind, error.path, error.problem) == (
        "unknown_reference",
        "signals[3].category",
        "unknown category 'gambling'",
    )


def test_a_key_written_twice_is_refused_instead_of_silently_replaced() -> None:
    error = _refusal(_broken("  weight: 2\n", "  weight: 2\n  weight: 3\n"))
    assert (error.kind, error.path) == ("duplicate_key", "signals[0].weight")
    assert error.line == _line_of("weight: 2") + 1


def test_a_missing_required_key_is_named() -> None:
    data = _data()
    del data["scale"]
    error = _refusal(_dump(data))
    assert (error.kind, error.path, error.problem) == (
        "missing_key",
        "scale",
        "required key 'scale' is missing",
    )


def test_an_unknown_age_band_is_refused() -> None:
    error = _refusal(_broken("  - 13-17\n", "  - 18-25\n"))
    assert error.kind == "wrong_value" and error.path.startswith("signals[") and ".age_bands[" in error.path


def test_a_pack_without_an_acute_phone_number_is_refused() -> None:
    data = _data()
    data["contacts"] = [c for c in data["contacts"] if c["id"] != "police"]
    error = _refusal(_dump(data))
    assert error.path == "contacts" and "acute" in error.problem


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"", "wrong_value"),
        (b"- just\n- a list\n", "wrong_value"),
        (b"\xff\xfe not utf-8", "bad_yaml"),
        (b"a: &x [1]\nb: *x\n", "bad_yaml"),
        (b"x" * (5 * 1024 * 1024 + 1), "too_large"),
    ],
)
def test_files_that_are_not_packs_at_all_are_refused(data: bytes, kind: str) -> None:
    assert _refusal(data).kind == kind


def test_a_required_intake_needs_its_key() -> None:
    data = _data()
    data["intake"] = {"required": True, "endpoint": "https://intake.example", "key_id": "k1"}
    error = _refusal(_dump(data))
    assert error.path == "intake" and "public_key" in error.problem


def test_an_unreadable_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(PackInvalid) as caught:
        load_pack(tmp_path / "missing.yaml")
    assert caught.value.kind == "unreadable" and caught.value.file == "missing.yaml"
