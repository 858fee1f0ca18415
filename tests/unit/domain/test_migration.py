"""Drafts written under form 1.x open under form 2.0 with every answer kept (saved v1 drafts)."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from desktop.domain.answers import is_answered
from desktop.domain.building import build_document
from desktop.domain.flow import apply_presets
from desktop.domain.forms import FormDefinition
from desktop.domain.migration import (
    FORM_VERSION_KEY,
    MOVED_FIELDS,
    DraftTooNew,
    draft_form_version,
    migrate_answers,
)
from desktop.domain.packs import load_pack
from desktop.domain.validation import first_blocking, validate
from desktop.paths import forms_dir

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "v1"
DRAFTS = sorted(FIXTURES.glob("draft-*.json"))
TODAY = date(2026, 12, 1)


def _saved(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text("utf-8"))
    return data


@pytest.mark.parametrize("path", DRAFTS, ids=lambda p: p.stem)
def test_every_answer_of_a_v1_draft_is_kept_where_form_2_asks_for_it(
    form: FormDefinition, path: Path
) -> None:
    old = _saved(path)["answers"]
    assert draft_form_version(old) == "1.0.0"
    new = migrate_answers(old, form.version)
    assert new[FORM_VERSION_KEY] == "2.0.0"
    field_ids = {f.id for _s, f in form.iter_fields()}
    for key, value in old.items():
        if not is_answered(value):
            continue
        places = MOVED_FIELDS.get(key, (key,))
        assert any(new.get(place) == value for place in places), f"{key} was lost"
        assert any(place in field_ids for place in places), f"{key} has no place in form 2"
    assert old == _saved(path)["answers"], "the saved draft itself is never changed"


def test_an_unborn_childs_address_becomes_the_expectant_mothers(form: FormDefinition) -> None:
    old = _saved(FIXTURES / "draft-unborn-complete.json")["answers"]
    old["child.address"] = "Skolevej 1, 9999 Demoby"
    new = migrate_answers(old, form.version)
    assert new["mother.address"] == "Skolevej 1, 9999 Demoby" and "child.address" not in new


def test_the_notifiers_relation_to_the_child_becomes_how_they_know_the_child(form: FormDefinition) -> None:
    old = _saved(FIXTURES / "draft-cpr-complete.json")["answers"]
    old["notifier.relation_to_child"] = "Klasselærer i 3.B"
    new = migrate_answers(old, form.version)
    assert new["knowledge.role"] == "Klasselærer i 3.B" and "notifier.relation_to_child" not in new


@pytest.mark.parametrize("name", ["draft-cpr-complete.json", "draft-birth-date-complete.json"])
def test_a_complete_v1_draft_finalises_under_form_2_once_the_new_questions_are_answered(
    form: FormDefinition, name: str
) -> None:
    pack = load_pack(forms_dir() / "packs" / "demo-kommune.yaml")
    answers = migrate_answers(_saved(FIXTURES / name)["answers"], form.version)
    # What the wizard does on the first change: the pack's municipality and the suggested grounds.
    apply_presets(form, pack, answers, TODAY)
    assert answers["child.municipality"] == "999"
    assert "special_support" in answers["grounds.section_133"]
    assert first_blocking(validate(form, pack, answers, today=TODAY)) is None
    now = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    document = build_document(form, pack, answers, notification_id="3f2a9c1b-5d4e-4f60-8a7b-9c0d1e2f3a4b",
                              created_at=now, finalised_at=now, language="da")
    assert document.child.name == "Emma Louise Hansen"
    assert document.concern.observations == answers["events.observations"]


def test_a_v1_unborn_draft_asks_for_the_expectant_mother_before_it_can_be_sent(form: FormDefinition) -> None:
    pack = load_pack(forms_dir() / "packs" / "demo-kommune.yaml")
    answers = migrate_answers(_saved(FIXTURES / "draft-unborn-complete.json")["answers"], form.version)
    apply_presets(form, pack, answers, TODAY)
    problem = first_blocking(validate(form, pack, answers, today=TODAY))
    assert problem is not None and problem.field_path == "mother.name"


def test_a_draft_from_a_newer_form_is_not_touched(form: FormDefinition) -> None:
    with pytest.raises(DraftTooNew):
        migrate_answers({FORM_VERSION_KEY: "3.0.0", "child.name": "X"}, form.version)


def test_a_current_draft_is_left_as_it_is(form: FormDefinition, complete_answers: dict[str, Any]) -> None:
    assert migrate_answers(complete_answers, form.version) == complete_answers
