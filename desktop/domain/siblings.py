"""A new notification about a sibling, started from a finished one with the family part filled in.

The municipality assesses siblings too, and a worried professional often knows them. "Underret
også om en søskende" starts a new draft that keeps what is the same for the whole family (the
parents and custody holders, their CPR numbers and addresses, the interpreter needs, the
suspicion of violence at home, the home address and municipality, the languages, the notifier's
own details) and leaves out what belongs to the first child's notification: what was seen and
heard, the signs, the child's own words, whether the parents were told about *this* notification
and how they reacted (asked again), the body map and attachments.

The chosen sibling becomes the child of the new draft (name, CPR number or birth date); the first
child becomes one of the new child's siblings, beside the others.

Pure Python: no Qt, no store.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from desktop.domain.answers import is_answered
from desktop.domain.migration import FORM_VERSION_KEY

#: Answers that describe the family and the notifier, carried to the sibling's notification as they are.
FAMILY_FIELDS = ("child.address", "child.municipality", "child.languages", "family.abuse_in_household",
                 "notifier.name", "notifier.role", "notifier.workplace", "notifier.work_address",
                 "notifier.phone", "notifier.email", "notifier.duty", "notifier.manager_informed",
                 "notifier.manager", "notifier.manager_cosigns")
#: What each parent keeps; whether they were told, and their reaction, are about one notification.
PARENT_KEYS = ("name", "relation", "cpr", "has_custody", "address", "phone", "interpreter_language")


def known_siblings(answers: Mapping[str, Any]) -> list[str]:
    """The names of the siblings listed in a notification, in order (those without a name left out)."""
    return [str(item["name"]).strip() for item in _named(answers)]


def _named(answers: Mapping[str, Any]) -> list[dict[str, Any]]:
    items = answers.get("child.siblings")
    if not isinstance(items, list):
        return []
    return [dict(item) for item in items if isinstance(item, Mapping) and isinstance(item.get("name"), str)
            and item["name"].strip()]


def sibling_answers(answers: Mapping[str, Any], form_version: str,
                    sibling: int | None = None) -> dict[str, Any]:
    """The answers a notification about a sibling starts with.

    ``sibling`` is the index of one of the named siblings (see :func:`known_siblings`) who becomes
    the child; None starts with the child left blank ("another child in the family").
    """
    out: dict[str, Any] = {FORM_VERSION_KEY: form_version}
    for field_id in FAMILY_FIELDS:
        if is_answered(answers.get(field_id)):
            out[field_id] = copy.deepcopy(answers[field_id])
    holders = answers.get("family.custody_holders")
    if isinstance(holders, list):
        out["family.custody_holders"] = [
            {key: copy.deepcopy(item[key]) for key in PARENT_KEYS if is_answered(item.get(key))}
            for item in holders if isinstance(item, Mapping) and is_answered(item.get("name"))]
    listed = _named(answers)
    chosen = listed.pop(sibling) if sibling is not None and 0 <= sibling < len(listed) else None
    first = _first_child_as_sibling(answers)
    out["child.siblings"] = [item for item in ([first] if first else []) + listed if item]
    if chosen is not None:
        out["child.name"] = chosen["name"].strip()
        if is_answered(chosen.get("cpr")):
            out["child.identity"] = "cpr"
            out["child.cpr"] = chosen["cpr"]
        elif is_answered(chosen.get("birth_date")):
            out["child.identity"] = "birth_date"
            out["child.birth_date"] = chosen["birth_date"]
    if not out["child.siblings"]:
        del out["child.siblings"]
    return out


def _first_child_as_sibling(answers: Mapping[str, Any]) -> dict[str, Any] | None:
    """The first notification's child, as a sibling of the new one (an unborn child is no sibling yet)."""
    name = answers.get("child.name")
    if answers.get("child.identity") == "unborn" or not isinstance(name, str) or not name.strip():
        return None
    item: dict[str, Any] = {"name": name.strip()}
    if answers.get("child.identity") == "cpr" and is_answered(answers.get("child.cpr")):
        item["cpr"] = answers["child.cpr"]
    if answers.get("child.identity") == "birth_date" and is_answered(answers.get("child.birth_date")):
        item["birth_date"] = answers["child.birth_date"]
    return item
