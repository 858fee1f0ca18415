"""The form definition: loads strictly, every text in both languages, schemas published and current."""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from desktop.domain.form_schemas import PUBLISHED, render
from desktop.domain.forms import FieldType, FormDefinition, FormInvalid, initial_answers, load_form
from desktop.domain.packs import shipped_packs
from desktop.domain.text import Localised, localise
from desktop.paths import forms_dir

FORM_TEXT = (forms_dir() / "notification.yaml").read_text("utf-8")
_FORM_DATA: dict[str, Any] = yaml.load(FORM_TEXT, Loader=yaml.CSafeLoader)


def _form_data() -> dict[str, Any]:
    return copy.deepcopy(_FORM_DATA)


def _write(data: dict[str, Any], path: Path) -> Path:
    path.write_text(yaml.dump(data, Dumper=yaml.CSafeDumper, allow_unicode=True), "utf-8")
    return path


def _texts(node: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    """Every mapping that looks like a translated text (has a 'da' or 'en' key)."""
    if isinstance(node, dict):
        if "da" in node or "en" in node:
            yield path, node
            return
        for key, value in node.items():
            yield from _texts(value, f"{path}.{key}" if path else str(key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _texts(value, f"{path}[{index}]")


def _untranslated(data: Any) -> list[str]:
    problems = []
    for path, text in _texts(data):
        for lang in ("da", "en"):
            value = text.get(lang)
            if not isinstance(value, str) or not value.strip():
                problems.append(f"{path}.{lang}")
        extra = set(text) - {"da", "en"}
        if extra:
            problems.append(f"{path}: unexpected {sorted(extra)}")
    return problems


def test_every_text_in_the_form_and_shipped_packs_has_danish_and_english() -> None:
    files = [forms_dir() / "notification.yaml", *shipped_packs()]
    for file in files:
        data = yaml.load(file.read_text("utf-8"), Loader=yaml.CSafeLoader)
        assert _untranslated(data) == [], f"{file.name} has untranslated texts"


def test_the_translation_check_catches_a_missing_language() -> None:
    data = _form_data()
    del data["sections"][1]["fields"][0]["label"]["en"]
    data["sections"][2]["title"]["da"] = " "
    assert _untranslated(data) == ["sections[1].fields[0].label.en", "sections[2].title.da"]


def test_the_form_loader_refuses_a_missing_translation(tmp_path: Path) -> None:
    data = _form_data()
    del data["sections"][0]["fields"][0]["help"]["en"]
    path = _write(data, tmp_path / "form.yaml")
    with pytest.raises(FormInvalid) as caught:
        load_form(path)
    assert caught.value.details["path"] == "sections.0.fields.0.help.en"


@pytest.mark.parametrize(
    ("edit", "problem"),
    [
        (lambda d: d["sections"][1]["fields"][0].update(colour="red"), "Extra inputs"),
        (lambda d: d["sections"][1]["fields"][1].update(visible_if={"eval": "True"}), "exactly one of"),
        (
            lambda d: d["sections"][1]["fields"][1].update(visible_if={"is_set": "child.nope"}),
            "unknown field",
        ),
        (lambda d: d["sections"][1]["fields"][1].update(type="slider"), "Input should be"),
        (lambda d: d["sections"].reverse(), "first section must be 'acute'"),
        (lambda d: d["sections"][1]["fields"].append(d["sections"][1]["fields"][0]), "duplicate field id"),
        (lambda d: (d["sections"][1]["fields"][0].pop("code_list"),
                    d["sections"][1]["fields"][0].update(options=[])), "needs options"),
        (lambda d: d["sections"][1]["fields"][0].update(
            options=[{"id": "x", "label": {"da": "X", "en": "X"}}]), "both options and a code_list"),
        (lambda d: d["sections"][1]["fields"][0].update(code_list="colours"), "unknown code list 'colours'"),
        (lambda d: d["sections"][0]["fields"][1].update(required=True), "cannot be required"),
    ],
)
def test_a_broken_form_definition_is_refused(
    tmp_path: Path, edit: Callable[[dict[str, Any]], object], problem: str
) -> None:
    data = _form_data()
    edit(data)
    path = _write(data, tmp_path / "form.yaml")
    with pytest.raises(FormInvalid) as caught:
        load_form(path)
    assert problem in str(caught.value)


def test_the_form_follows_the_agreed_page_order(form: FormDefinition) -> None:
    assert [s.id for s in form.sections] == [
        "acute",
        "child",
        "knowledge",
        "signals",
        "events",
        "observations",
        "child_view",
        "family",
        "others",
        "grounds",
        "notifier",
        "review",
    ]
    assert form.section("acute").fields[0].id == "acute.in_danger"
    assert form.field("child.siblings").sub_field("name") is not None
    with pytest.raises(KeyError):
        form.section("finalise")


def test_a_new_notification_starts_with_the_enhanced_duty_and_says_which_form_it_follows(
    form: FormDefinition,
) -> None:
    assert initial_answers(form) == {"notifier.duty": "enhanced", "meta.form_version": "2.0.0"}


def test_text_lengths_default_by_type(form: FormDefinition) -> None:
    assert form.field("notifier.name").max_length == 500
    assert form.field("events.observations").max_length == 128 * 1024
    assert form.field("events.child_words").type is FieldType.QUOTE


def test_localise_falls_back_to_danish() -> None:
    text = Localised(da="Hej", en="Hello")
    assert localise(text, "en") == "Hello"
    assert localise(text, "de") == "Hej"
    assert text["da"] == "Hej" and text.as_dict() == {"da": "Hej", "en": "Hello"}
    assert localise({"da": "Hej"}, "en") == "Hej"
    assert localise(None, "da") == ""


@pytest.mark.parametrize("name", sorted(PUBLISHED))
def test_published_schemas_are_current(name: str) -> None:
    published = (forms_dir() / "schema" / name).read_text("utf-8")
    assert published == render(PUBLISHED[name]()), "run: python -m desktop.domain.form_schemas"


def test_shipped_files_validate_against_the_published_schemas() -> None:
    form_schema = json.loads((forms_dir() / "schema" / "form.schema.json").read_text("utf-8"))
    pack_schema = json.loads((forms_dir() / "schema" / "pack.schema.json").read_text("utf-8"))
    jsonschema.validate(_form_data(), form_schema)
    packs = shipped_packs()
    assert packs, "no shipped guideline packs found"
    for pack in packs:
        jsonschema.validate(yaml.load(pack.read_text("utf-8"), Loader=yaml.CSafeLoader), pack_schema)


def test_the_answers_format_documents_every_field_type() -> None:
    readme = (forms_dir() / "README.md").read_text("utf-8")
    missing = [t.value for t in FieldType if f"| `{t.value}` |" not in readme]
    assert missing == [], "describe the JSON shape of these field types in forms/README.md"


def test_the_documented_field_ids_exist_in_the_form(form: FormDefinition) -> None:
    readme = (forms_dir() / "README.md").read_text("utf-8")
    section = readme.split("### Fields with a fixed meaning", 1)[1].split("##", 1)[0]
    ids = set(re.findall(
        r"`((?:acute|child|knowledge|mother|signals|events|child_view|family|others|grounds|notifier)\.[a-z_0-9]+)`",
        section))
    assert len(ids) > 25
    for field_id in ids:
        form.field(field_id)
