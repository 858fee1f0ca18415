"""Code lists: every answer from a fixed list is a stable code with Danish and English words."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from desktop.domain.codes import shipped_code_lists
from desktop.domain.forms import CHOICE_TYPES, FormDefinition, FormField
from desktop.paths import forms_dir
from protocol.codes import CodeListInvalid, load_code_list, parse_code_list

CODES = forms_dir() / "codes"
SCHEMA = json.loads((forms_dir() / "schema" / "codes.schema.json").read_text("utf-8"))


def _files() -> list[Path]:
    return sorted(CODES.glob("*.yaml"))


@pytest.mark.parametrize("path", _files(), ids=lambda p: p.stem)
def test_every_code_list_has_danish_and_english_words_for_every_code(path: Path) -> None:
    data: Any = yaml.safe_load(path.read_text("utf-8"))
    jsonschema.validate(data, SCHEMA)
    code_list = load_code_list(path)
    assert code_list.id == path.stem
    for language in ("da", "en"):
        assert code_list.title[language].strip()
        for code in code_list:
            assert code.label[language].strip(), f"{path.name}: {code.code} has no {language} label"
            if code.help is not None:
                assert code.help[language].strip()
    danish = [c.label["da"] for c in code_list]
    assert len(set(danish)) == len(danish), f"{path.name}: two codes share a Danish label"


def test_the_98_municipalities_are_listed_with_their_official_codes() -> None:
    municipalities = shipped_code_lists()["municipality"]
    real = municipalities.real_codes()
    assert len(real) == 98
    assert len({c.code for c in real}) == 98
    assert all(len(c.code) == 3 and c.code.isdigit() for c in real)
    # A few the DST list (NUTS_V1_2007_DK) fixes: the capital, the island municipalities, the last one.
    assert municipalities.label("101", "da") == "Københavns Kommune"
    assert municipalities.label("147", "da") == "Frederiksberg Kommune"
    assert municipalities.label("400", "da") == "Bornholms Regionskommune"
    assert municipalities.label("492", "da") == "Ærø Kommune"
    assert municipalities.label("825", "da") == "Læsø Kommune"
    assert municipalities.label("860", "da") == "Hjørring Kommune"
    assert "411" not in municipalities  # Christiansø belongs to no municipality
    assert "Danmarks Statistik" in municipalities.source
    assert {c.code for c in municipalities if c.demo} == {"998", "999"}


def test_the_grounds_carry_the_wording_of_section_133() -> None:
    grounds = shipped_code_lists()["grounds"]
    assert [c.code for c in grounds] == ["special_support", "unborn_child", "school_absence", "abuse"]
    for code in grounds:
        assert code.national and code.national.startswith("et barn")


def _choice_fields(form: FormDefinition) -> list[FormField]:
    fields = [f for _s, f in form.iter_fields()]
    fields += [sub for f in list(fields) for sub in f.fields]
    return [f for f in fields if f.type in CHOICE_TYPES]


def test_every_fixed_list_in_the_form_comes_from_a_code_list(form: FormDefinition) -> None:
    raw = yaml.safe_load((forms_dir() / "notification.yaml").read_text("utf-8"))
    inline = [f["id"] for s in raw["sections"] for f in s["fields"] if "options" in f]
    assert inline == [], "write these as code lists in forms/codes"
    lists = shipped_code_lists()
    for field in _choice_fields(form):
        assert field.code_list is not None and field.code_list in lists, field.id
        assert [o.id for o in field.options] == [c.code for c in lists[field.code_list]]


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (lambda d: d["codes"].append(dict(d["codes"][0])), "listed twice"),
        (lambda d: d["codes"][0]["label"].pop("en"), "exactly 'da' and 'en'"),
        (lambda d: d["codes"][0].update(code="Hver Uge"), "is not a code"),
        (lambda d: d["codes"][0]["label"].update(da=" "), "is empty"),
        (lambda d: d.pop("source"), "keys must be"),
    ],
)
def test_a_broken_code_list_is_refused_with_the_file_and_the_problem(change: Any, problem: str) -> None:
    data = yaml.safe_load((CODES / "frequency.yaml").read_text("utf-8"))
    change(data)
    with pytest.raises(CodeListInvalid) as caught:
        parse_code_list(data, "frequency.yaml")
    assert problem in str(caught.value) and "frequency.yaml" in str(caught.value)
