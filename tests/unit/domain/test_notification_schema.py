"""notification.json v2: strict, versioned, codes only; v1 stays published and readable."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from pydantic import ValidationError

from desktop.domain.building import build_document
from desktop.domain.codes import shipped_code_lists
from desktop.domain.document import NotificationDocument
from desktop.domain.document_reading import read_document
from desktop.domain.forms import FormDefinition
from desktop.domain.packs import GuidelinePack, load_pack
from desktop.domain.text import localise
from desktop.paths import forms_dir
from protocol.notification_v1 import NotificationUnreadable, upgrade_v1

SCHEMAS = forms_dir() / "schema"
V2 = json.loads((SCHEMAS / "notification.schema.json").read_text("utf-8"))
V1 = json.loads((SCHEMAS / "notification.v1.schema.json").read_text("utf-8"))
EXAMPLES = sorted((SCHEMAS / "examples").glob("*.json"))
FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "v1"
ID = "0b7f1f2e-3c1a-4d1e-9a51-5e3b0a4f9c11"


def _validator(schema: dict[str, Any]) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def _build(form: FormDefinition, pack: GuidelinePack, answers: dict[str, Any], lang: str) -> dict[str, Any]:
    now = datetime(2026, 11, 23, 10, 30, tzinfo=UTC)
    document = build_document(form, pack, answers, notification_id=ID, created_at=now, finalised_at=now,
                               language=lang)
    data: dict[str, Any] = json.loads(document.to_json_bytes())
    return data


def test_the_version_is_in_the_schema_id_and_in_every_document(
    form: FormDefinition, national: GuidelinePack, complete_answers: dict[str, Any]
) -> None:
    assert V2["$id"] == "https://schemas.underret.dk/notification/2"
    assert V1["$id"] == "https://schemas.underret.dk/notification/1"
    assert "schema_version" in V2["required"]
    data = _build(form, national, complete_answers, "da")
    assert data["schema_version"] == 2
    _validator(V2).validate(data)
    del data["schema_version"]
    assert not _validator(V2).is_valid(data)


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda d: d["child"].update(cpr="abc"), "cpr"),
        (lambda d: d["child"].update(cpr="1503174001"), "cpr"),  # v2 writes DDMMYY-SSSS
        (lambda d: d["child"].update(cpr="320117-4001"), "cpr"),
        (lambda d: d["custody_holders"][0].update(cpr="12345"), "cpr"),
        (lambda d: d.update(notification_id="not-a-uuid"), "notification_id"),
        (lambda d: d.update(notification_id="0b7f1f2e-3c1a-1d1e-9a51-5e3b0a4f9c11"), "notification_id"),  # v1
        (lambda d: d.update(notification_id="0B7F1F2E-3C1A-4D1E-9A51-5E3B0A4F9C11"), "notification_id"),
        (lambda d: d["child"].update(municipality_code="1010"), "municipality_code"),
        (lambda d: d["pack"].update(municipality_code="Demo"), "municipality_code"),
        (lambda d: d["concern"].update(frequency="Nogle gange"), "frequency"),
        (lambda d: d["child"].update(shoe_size=31), "shoe_size"),
        (lambda d: d.update(schema_version=1), "schema_version"),
        # Found checking issue 14 from outside: a label in a list of codes, a form version the
        # envelope would not name, no ground, the national pack's "000" as where a child lives, a
        # child identified by CPR without one, a CPR number beside a birth date, an expectant mother
        # of a born child.
        (lambda d: d["concern"].update(sources=["Jeg har selv set det"]), "sources"),
        (lambda d: d["form"].update(version="2.0"), "version"),
        (lambda d: d.update(grounds=[]), "grounds"),
        (lambda d: d["child"].update(municipality_code="000"), "municipality_code"),
        (lambda d: d["child"].update(cpr=None), "cpr"),
        (lambda d: d["child"].update(identity="birth_date"), "cpr"),
        (lambda d: d["child"].update(expectant_mother={"name": "Karin Hansen", "cpr": None, "address": None}),
         "expectant_mother"),
    ],
)
def test_the_schema_and_the_model_refuse_what_a_case_system_could_not_trust(
    form: FormDefinition, national: GuidelinePack, complete_answers: dict[str, Any],
    change: Callable[[dict[str, Any]], object], where: str,
) -> None:
    data = _build(form, national, complete_answers, "da")
    change(data)
    errors = list(_validator(V2).iter_errors(data))
    assert errors, "the published schema accepted it"
    assert any(where in json.dumps([*list(e.absolute_path), e.message]) for e in errors)
    with pytest.raises(ValidationError):
        NotificationDocument.model_validate(data)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_every_shipped_example_validates_against_the_schema_it_names(path: Path) -> None:
    data = json.loads(path.read_text("utf-8"))
    _validator(V2 if data["schema_version"] == 2 else V1).validate(data)
    document = read_document(path.read_bytes())  # and every one opens as a v2 document
    _validator(V2).validate(json.loads(document.to_json_bytes()))


def _labels(pack: GuidelinePack) -> set[str]:
    """Every word shown for a code: code list labels (da, en) and the pack's signals, categories, levels."""
    words = {text for code_list in shipped_code_lists().values() for code in code_list
             for text in code.label.values()}
    for lang in ("da", "en"):
        words |= {localise(s.label, lang) for s in pack.signals}
        words |= {localise(c.label, lang) for c in pack.categories}
        words |= {localise(level.label, lang) for level in pack.scale.levels}
    return words


def _strings(value: Any, path: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, f"{path}[{index}]")


@pytest.mark.parametrize("identity", ["cpr", "birth_date", "unborn"])
@pytest.mark.parametrize("language", ["da", "en"])
def test_a_v2_document_holds_no_label_text_for_coded_answers(
    form: FormDefinition, answers_for: Callable[[str], dict[str, Any]], identity: str, language: str
) -> None:
    pack = load_pack(forms_dir() / "packs" / "demo-kommune.yaml")
    answers = answers_for(identity)
    # Every coded answer given, so there is something to find if a label slipped in.
    answers.update({"events.frequency": "long_time", "others.earlier_known": "yes",
                    "others.earlier_notifications": "Skolen underrettede i 2025.",
                    "events.sources": ["seen", "heard", "child_told", "parent_told"],
                    "knowledge.duration": "over_3_years"})
    data = _build(form, pack, answers, language)
    words = _labels(pack)
    found = [(where, text) for where, text in _strings(data) if text in words]
    assert found == []
    assert data["concern"]["frequency"] == "long_time"
    assert data["earlier_notifications"] == {"known": "yes", "details": "Skolen underrettede i 2025."}


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("notification-v1-*.json")), ids=lambda p: p.name)
def test_a_v1_notification_is_read_as_v2_with_codes_for_its_labels(path: Path) -> None:
    v1 = json.loads(path.read_text("utf-8"))
    _validator(V1).validate(v1)
    v2 = upgrade_v1(v1)
    _validator(V2).validate(v2)
    assert v2["upgraded_from"] == 1 and v2["notification_id"] == v1["notification_id"]
    assert v2["concern"]["frequency"] == "several"  # "Nogle gange" / "A few times"
    assert v2["concern"]["sources"] == ["seen", "child_told"]
    assert v2["concern"]["worry_level"] == v1["concern"]["worry_level_id"]
    assert v2["earlier_notifications"] == {"known": "no", "details": None}
    assert v2["child"]["municipality_code"] == v1["pack"]["municipality_code"]
    assert [s["id"] for s in v2["concern"]["signals"]] == [s["id"] for s in v1["concern"]["signals"]]
    # Nothing written is lost: every free text of v1 is somewhere in v2.
    v2_texts = {text for _w, text in _strings(v2)}
    for key in ("observations", "child_words", "actions_taken", "assessment"):
        if v1["concern"].get(key):
            assert v1["concern"][key] in v2_texts
    if v1["child"].get("cpr"):
        digits = v1["child"]["cpr"]
        assert v2["child"]["cpr"] == f"{digits[:6]}-{digits[6:]}"


def test_a_v1_label_no_code_list_knows_is_refused_not_dropped() -> None:
    v1 = json.loads((FIXTURES / "notification-v1-cpr-da.json").read_text("utf-8"))
    v1["concern"]["frequency"] = "Hver anden tirsdag"
    with pytest.raises(NotificationUnreadable):
        upgrade_v1(v1)


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda d: d["child"].update(expectant_mother=None), "expectant_mother"),
        (lambda d: d["child"].update(cpr="010190-4002"), "cpr"),
        (lambda d: d["child"]["expectant_mother"].update(cpr="0101904002"), "cpr"),
    ],
)
def test_an_unborn_child_is_identified_by_the_expectant_mother(
    change: Callable[[dict[str, Any]], object], where: str
) -> None:
    data = json.loads((SCHEMAS / "examples" / "notification-v2-unborn.json").read_text("utf-8"))
    _validator(V2).validate(data)
    change(data)
    errors = list(_validator(V2).iter_errors(data))
    assert errors, "the published schema accepted it"
    assert any(where in json.dumps([*list(e.absolute_path), e.message]) for e in errors)
    with pytest.raises(ValidationError):
        NotificationDocument.model_validate(data)


def test_an_upgraded_v1_unborn_notification_needs_no_expectant_mother_it_never_had() -> None:
    v1 = json.loads((FIXTURES / "notification-v1-unborn-en.json").read_text("utf-8"))
    v2 = upgrade_v1(v1)
    assert v2["child"]["expectant_mother"] is None
    _validator(V2).validate(v2)
    NotificationDocument.model_validate(v2)
