"""Declarative conditions for the form: when a section or field shows, or is required.

A condition is data, written in YAML as a mapping with exactly one key::

    {equals: {field: child.identity, value: cpr}}
    {in: {field: events.frequency, values: [weekly, daily]}}
    {is_set: child.cpr}
    {age_band: [0-2, 3-5]}
    {acute: true}
    {signals_flagged: parents_not_told_first}
    {category_ticked: [sexual_abuse]}
    {all: [...]}, {any: [...]}, {not: {...}}

Conditions are evaluated by :func:`evaluate` against the answers and a small
:class:`ConditionContext` derived from them (age band, ticked signals); nothing
is ever passed to ``eval``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag

from desktop.domain.answers import get_answer, is_answered, scalar_of
from desktop.domain.document import AgeBand

JsonScalar = str | bool | int | float | None

SignalFlag = Literal["acute", "parents_not_told_first"]


class _Cond(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class FieldValue(_Cond):
    """A field path and the value to compare it with."""

    field: str
    value: JsonScalar


class FieldValues(_Cond):
    """A field path and the values it may take."""

    field: str
    values: list[JsonScalar]


class All(_Cond):
    """True when every inner condition is true (true for an empty list)."""

    all: list[Condition]


class AnyOf(_Cond):
    """True when at least one inner condition is true."""

    any: list[Condition]


class Not(_Cond):
    """True when the inner condition is false."""

    not_: Condition = Field(alias="not")


class Equals(_Cond):
    """True when the field's value equals ``value`` (for yes/no-why: its yes/no)."""

    equals: FieldValue


class In(_Cond):
    """True when the field's value is one of ``values`` (for lists: any element is)."""

    in_: FieldValues = Field(alias="in")


class IsSet(_Cond):
    """True when the field has a non-empty answer."""

    is_set: str


class AgeBandIn(_Cond):
    """True when the child's derived age band is one of these (false while unknown)."""

    age_band: list[AgeBand]


class Acute(_Cond):
    """True when the user's answer to "in danger right now?" equals this."""

    acute: bool


class SignalsFlagged(_Cond):
    """True when a ticked signal (or its category) carries this flag in the pack."""

    signals_flagged: SignalFlag


class CategoryTicked(_Cond):
    """True when a ticked signal belongs to one of these pack categories."""

    category_ticked: list[str]


_TAGS = {
    "all": "all",
    "any": "any",
    "not": "not",
    "equals": "equals",
    "in": "in",
    "is_set": "is_set",
    "age_band": "age_band",
    "acute": "acute",
    "signals_flagged": "signals_flagged",
    "category_ticked": "category_ticked",
}



def _tag_of(value: Any) -> str | None:
    if isinstance(value, Mapping):
        if len(value) != 1:
            return None
        (key,) = value.keys()
        return _TAGS.get(str(key))
    return _MODEL_TAGS.get(type(value))


Condition = Annotated[
    Union[  # noqa: UP007 - a recursive discriminated union reads better this way
        Annotated[All, Tag("all")],
        Annotated[AnyOf, Tag("any")],
        Annotated[Not, Tag("not")],
        Annotated[Equals, Tag("equals")],
        Annotated[In, Tag("in")],
        Annotated[IsSet, Tag("is_set")],
        Annotated[AgeBandIn, Tag("age_band")],
        Annotated[Acute, Tag("acute")],
        Annotated[SignalsFlagged, Tag("signals_flagged")],
        Annotated[CategoryTicked, Tag("category_ticked")],
    ],
    Discriminator(
        _tag_of,
        custom_error_type="condition",
        custom_error_message=(
            "a condition is a mapping with exactly one of: " + ", ".join(sorted(_TAGS))
        ),
    ),
]

_MODEL_TAGS: dict[type, str] = {
    All: "all",
    AnyOf: "any",
    Not: "not",
    Equals: "equals",
    In: "in",
    IsSet: "is_set",
    AgeBandIn: "age_band",
    Acute: "acute",
    SignalsFlagged: "signals_flagged",
    CategoryTicked: "category_ticked",
}

for _model in (All, AnyOf, Not):
    _model.model_rebuild()


@dataclass(frozen=True)
class ConditionContext:
    """Facts derived from the answers and the pack that conditions may ask about."""

    age_band: AgeBand | None = None
    acute: bool | None = None
    ticked_signals: frozenset[str] = frozenset()
    ticked_categories: frozenset[str] = frozenset()
    signal_flags: frozenset[str] = field(default_factory=frozenset)


def referenced_fields(cond: Condition) -> list[str]:
    """Every field path the condition reads (for checking a form definition)."""
    if isinstance(cond, All):
        return [f for c in cond.all for f in referenced_fields(c)]
    if isinstance(cond, AnyOf):
        return [f for c in cond.any for f in referenced_fields(c)]
    if isinstance(cond, Not):
        return referenced_fields(cond.not_)
    if isinstance(cond, Equals):
        return [cond.equals.field]
    if isinstance(cond, In):
        return [cond.in_.field]
    if isinstance(cond, IsSet):
        return [cond.is_set]
    return []


def _lookup(answers: Mapping[str, Any], path: str, item: Mapping[str, Any] | None) -> Any:
    # Inside a repeatable group a bare sub-field id refers to the same item.
    if item is not None and path in item:
        return item[path]
    return get_answer(answers, path)


def evaluate(
    cond: Condition | None,
    answers: Mapping[str, Any],
    ctx: ConditionContext,
    *,
    item: Mapping[str, Any] | None = None,
) -> bool:
    """Whether ``cond`` holds; no condition means "always"."""
    if cond is None:
        return True
    if isinstance(cond, All):
        return all(evaluate(c, answers, ctx, item=item) for c in cond.all)
    if isinstance(cond, AnyOf):
        return any(evaluate(c, answers, ctx, item=item) for c in cond.any)
    if isinstance(cond, Not):
        return not evaluate(cond.not_, answers, ctx, item=item)
    if isinstance(cond, Equals):
        return bool(scalar_of(_lookup(answers, cond.equals.field, item)) == cond.equals.value)
    if isinstance(cond, In):
        value = scalar_of(_lookup(answers, cond.in_.field, item))
        if isinstance(value, list):
            return any(v in cond.in_.values for v in value)
        return bool(value in cond.in_.values)
    if isinstance(cond, IsSet):
        return is_answered(_lookup(answers, cond.is_set, item))
    if isinstance(cond, AgeBandIn):
        return ctx.age_band is not None and ctx.age_band in cond.age_band
    if isinstance(cond, Acute):
        return ctx.acute is cond.acute
    if isinstance(cond, SignalsFlagged):
        return cond.signals_flagged in ctx.signal_flags
    if isinstance(cond, CategoryTicked):
        return any(c in ctx.ticked_categories for c in cond.category_ticked)
    raise TypeError(f"unknown condition {type(cond).__name__}")  # pragma: no cover - union is closed
