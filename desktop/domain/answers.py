"""The answers the wizard fills in and drafts store, and how to reach into them.

Answers are one JSON-serialisable ``dict`` keyed by field id (ids may contain
dots, e.g. ``child.cpr``). Repeatable groups hold a list of dicts keyed by the
group's sub-field ids. A *field path* names one value:

* ``child.cpr`` — a top-level field;
* ``family.custody_holders[1].informed`` — a sub-field of the second item of a group.

The value shapes per field type are documented in ``forms/README.md``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, MutableMapping
from dataclasses import dataclass
from typing import Any

from desktop.errors import UnderretError

_PATH = re.compile(r"^(?P<field>[A-Za-z0-9_.]+?)(?:\[(?P<index>\d+)\]\.(?P<sub>[A-Za-z0-9_]+))?$")


class FieldPathInvalid(UnderretError):  # noqa: N818 - house style: errors named for what happened
    """A field path that does not have the documented shape."""

    message_id = "answers.path_invalid"


@dataclass(frozen=True)
class FieldPath:
    """A parsed field path: the field id, and for a group item its index and sub-field."""

    field: str
    index: int | None = None
    sub: str | None = None

    def __str__(self) -> str:
        if self.index is None:
            return self.field
        return f"{self.field}[{self.index}].{self.sub}"


def parse_path(path: str) -> FieldPath:
    """Split ``group[2].sub`` into its parts; raises FieldPathInvalid for other shapes."""
    match = _PATH.match(path)
    if match is None:
        raise FieldPathInvalid(path=path)
    index = match.group("index")
    return FieldPath(match.group("field"), int(index) if index is not None else None, match.group("sub"))


def get_answer(answers: Mapping[str, Any], path: str) -> Any:
    """The value at ``path``, or ``None`` when it has not been answered."""
    parsed = parse_path(path)
    value = answers.get(parsed.field)
    if parsed.index is None:
        return value
    if not isinstance(value, list) or parsed.index >= len(value):
        return None
    item = value[parsed.index]
    if not isinstance(item, Mapping):
        return None
    return item.get(parsed.sub or "")


def set_answer(answers: MutableMapping[str, Any], path: str, value: Any) -> None:
    """Store ``value`` at ``path``; a group grows with empty items up to the index."""
    parsed = parse_path(path)
    if parsed.index is None:
        answers[parsed.field] = value
        return
    items = answers.get(parsed.field)
    if not isinstance(items, list):
        items = []
        answers[parsed.field] = items
    while len(items) <= parsed.index:
        items.append({})
    if not isinstance(items[parsed.index], dict):
        items[parsed.index] = {}
    items[parsed.index][parsed.sub or ""] = value


def is_answered(value: Any) -> bool:
    """Whether a value counts as filled in (blank text, empty lists and unanswered yes/no do not)."""
    if value is None:
        return False
    if isinstance(value, str):
        return value.strip() != ""
    if isinstance(value, bool | int | float):
        return True
    if isinstance(value, list):
        return len(value) > 0
    if isinstance(value, Mapping):
        if "value" in value:
            return value.get("value") is not None
        return any(is_answered(v) for v in value.values())
    return True


def scalar_of(value: Any) -> Any:
    """The value a condition compares: the yes/no of a yes/no-why answer, else the value itself."""
    if isinstance(value, Mapping) and "value" in value:
        return value.get("value")
    return value
