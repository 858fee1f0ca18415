"""Facts the rules derive from the answers: the child's birth date, age band, ticked signals.

The field ids read here are the fixed part of the contract between
``forms/notification.yaml`` and the code (see ``forms/README.md``).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from desktop.domain.age import try_age_band
from desktop.domain.conditions import ConditionContext
from desktop.domain.cpr import CprInvalid, parse_cpr
from desktop.domain.document import AgeBand, ChildIdentity
from desktop.domain.forms import FieldType, FormDefinition
from desktop.domain.packs import GuidelinePack

ACUTE_FIELD = "acute.in_danger"
IDENTITY_FIELD = "child.identity"
CPR_FIELD = "child.cpr"
BIRTH_DATE_FIELD = "child.birth_date"
DUE_DATE_FIELD = "child.due_date"


def parse_iso_date(value: Any) -> date | None:
    """A ``YYYY-MM-DD`` answer as a date, or None when empty or malformed."""
    if not isinstance(value, str) or not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def child_identity(answers: Mapping[str, Any]) -> ChildIdentity | None:
    """How the child is identified, once the user has said."""
    value = answers.get(IDENTITY_FIELD)
    try:
        return ChildIdentity(value) if isinstance(value, str) else None
    except ValueError:
        return None


def child_birth_date(answers: Mapping[str, Any]) -> date | None:
    """The birth date from the CPR number or the birth-date field, whichever identifies the child."""
    identity = child_identity(answers)
    if identity is ChildIdentity.CPR:
        raw = answers.get(CPR_FIELD)
        if not isinstance(raw, str):
            return None
        try:
            return parse_cpr(raw).birth_date
        except CprInvalid:
            return None
    if identity is ChildIdentity.BIRTH_DATE:
        return parse_iso_date(answers.get(BIRTH_DATE_FIELD))
    return None


def derived_age_band(answers: Mapping[str, Any], today: date) -> AgeBand | None:
    """The child's age band, or None while it cannot be told (no or odd date)."""
    identity = child_identity(answers)
    if identity is None:
        return None
    if identity is ChildIdentity.UNBORN:
        return AgeBand.UNBORN
    return try_age_band(child_birth_date(answers), unborn=False, today=today)


def ticked_signal_ids(form: FormDefinition, pack: GuidelinePack, answers: Mapping[str, Any]) -> list[str]:
    """Ids of ticked signals that exist in the pack, in pack order, without duplicates."""
    ticked: set[str] = set()
    for _section, f in form.iter_fields():
        if f.type is FieldType.SIGNAL_CHECKLIST:
            value = answers.get(f.id)
            if isinstance(value, list):
                ticked.update(v for v in value if isinstance(v, str))
    if not ticked:
        return []
    return [s.id for s in pack.signals if s.id in ticked]


def build_context(
    form: FormDefinition, pack: GuidelinePack, answers: Mapping[str, Any], today: date
) -> ConditionContext:
    """Everything a condition may ask about besides the answers themselves."""
    ids = ticked_signal_ids(form, pack, answers)
    flags: set[str] = set()
    categories: set[str] = set()
    for sid in ids:
        signal = pack.signal(sid)
        categories.add(signal.category)
        flags |= pack.signal_flags(signal)
    acute = answers.get(ACUTE_FIELD)
    return ConditionContext(
        age_band=derived_age_band(answers, today),
        acute=acute if isinstance(acute, bool) else None,
        ticked_signals=frozenset(ids),
        ticked_categories=frozenset(categories),
        signal_flags=frozenset(flags),
    )
