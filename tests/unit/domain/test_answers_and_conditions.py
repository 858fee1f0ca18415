"""Reaching into the answers by field path, and the declarative conditions."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import TypeAdapter, ValidationError

from desktop.domain.answers import FieldPathInvalid, get_answer, is_answered, parse_path, set_answer
from desktop.domain.conditions import Condition, ConditionContext, evaluate, referenced_fields
from desktop.domain.document import AgeBand

CONDITION: TypeAdapter[Condition] = TypeAdapter(Condition)


def _cond(data: object) -> Condition:
    return CONDITION.validate_python(data)


def test_field_paths_reach_top_level_fields_and_group_items() -> None:
    answers: dict[str, Any] = {"child.cpr": "x"}
    set_answer(answers, "family.custody_holders[1].name", "B")
    assert answers["family.custody_holders"] == [{}, {"name": "B"}]
    assert get_answer(answers, "family.custody_holders[1].name") == "B"
    assert get_answer(answers, "family.custody_holders[0].name") is None
    assert get_answer(answers, "family.custody_holders[7].name") is None
    assert get_answer(answers, "child.cpr") == "x"
    set_answer(answers, "child.cpr", None)
    assert get_answer(answers, "child.cpr") is None
    assert str(parse_path("family.custody_holders[1].name")) == "family.custody_holders[1].name"


@pytest.mark.parametrize("path", ["", "a[1]", "a[x].b", "a[1].b.c", "a b", "[0].x"])
def test_malformed_field_paths_are_refused(path: str) -> None:
    with pytest.raises(FieldPathInvalid):
        parse_path(path)


@pytest.mark.parametrize(
    ("value", "answered"),
    [
        (None, False),
        ("", False),
        ("  ", False),
        ("x", True),
        (False, True),
        ([], False),
        (["a"], True),
        ({"value": None, "why_not": "x"}, False),
        ({"value": False, "why_not": ""}, True),
        ({"name": "", "role": ""}, False),
        ({"name": "A"}, True),
        (0, True),
    ],
)
def test_what_counts_as_answered(value: object, answered: bool) -> None:
    assert is_answered(value) is answered


ANSWERS: dict[str, Any] = {
    "child.identity": "cpr",
    "events.sources": ["seen", "child_told"],
    "family.abuse_in_household": True,
    "family.custody_holders": [{"informed": {"value": False, "why_not": ""}}],
}
CTX = ConditionContext(
    age_band=AgeBand.AGE_6_12,
    acute=False,
    ticked_signals=frozenset({"s1"}),
    ticked_categories=frozenset({"sexual_abuse"}),
    signal_flags=frozenset({"parents_not_told_first"}),
)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"equals": {"field": "child.identity", "value": "cpr"}}, True),
        ({"equals": {"field": "child.identity", "value": "unborn"}}, False),
        ({"equals": {"field": "family.custody_holders[0].informed", "value": False}}, True),
        ({"in": {"field": "child.identity", "values": ["cpr", "birth_date"]}}, True),
        ({"in": {"field": "events.sources", "values": ["heard", "seen"]}}, True),
        ({"in": {"field": "events.sources", "values": ["heard"]}}, False),
        ({"is_set": "events.sources"}, True),
        ({"is_set": "child.cpr"}, False),
        ({"age_band": ["6-12", "13-17"]}, True),
        ({"age_band": ["0-2"]}, False),
        ({"acute": False}, True),
        ({"acute": True}, False),
        ({"signals_flagged": "parents_not_told_first"}, True),
        ({"signals_flagged": "acute"}, False),
        ({"category_ticked": ["neglect", "sexual_abuse"]}, True),
        ({"all": [{"acute": False}, {"is_set": "child.identity"}]}, True),
        ({"all": [{"acute": False}, {"is_set": "child.cpr"}]}, False),
        ({"any": [{"acute": True}, {"is_set": "child.identity"}]}, True),
        ({"any": []}, False),
        ({"not": {"acute": True}}, True),
    ],
)
def test_each_condition_kind(data: dict[str, Any], expected: bool) -> None:
    assert evaluate(_cond(data), ANSWERS, CTX) is expected


def test_no_condition_means_always() -> None:
    assert evaluate(None, {}, ConditionContext())


def test_age_band_conditions_are_false_while_the_age_is_unknown() -> None:
    assert not evaluate(
        _cond({"age_band": ["0-2", "3-5", "6-12", "13-17", "unborn"]}), {}, ConditionContext()
    )


def test_inside_a_group_a_bare_id_reads_the_same_item() -> None:
    item = {"informed": {"value": True}}
    assert evaluate(_cond({"equals": {"field": "informed", "value": True}}), ANSWERS, CTX, item=item)


@pytest.mark.parametrize(
    "data",
    [
        {"eval": "__import__('os')"},
        {"equals": {"field": "x", "value": 1}, "acute": True},
        {},
        "acute",
        {"equals": {"field": "x"}},
        {"age_band": ["7-9"]},
    ],
)
def test_anything_but_a_known_condition_is_refused(data: object) -> None:
    with pytest.raises(ValidationError):
        _cond(data)


def test_the_fields_a_condition_reads_are_listed() -> None:
    cond = _cond(
        {
            "all": [
                {"is_set": "a"},
                {"not": {"equals": {"field": "b", "value": 1}}},
                {"any": [{"in": {"field": "c", "values": [1]}}, {"acute": True}]},
            ]
        }
    )
    assert referenced_fields(cond) == ["a", "b", "c"]
