"""Drafts written under an older form, moved to the current one without losing an answer.

A draft is the answers object keyed by field id (``forms/README.md``). Since form
2.0 it carries the form version it was written under in ``meta.form_version``;
a draft without one was written under form 1.x. :func:`migrate_answers` runs
the steps from the draft's major version up to the form's, in order, like
Picard's option upgrades: each step only moves or renames answers whose
meaning did not change, and never drops one. Answers to new questions are
simply absent (the wizard asks them).

Pure Python: no Qt, no store.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping
from typing import Any

from desktop.domain.answers import is_answered
from desktop.errors import UnderretError

#: Reserved answers key: the form version a draft's answers follow (not a form field).
FORM_VERSION_KEY = "meta.form_version"


class DraftTooNew(UnderretError):  # noqa: N818 - house style: errors named for what happened
    """The draft was written by a newer Underret (a newer form major version): it is not touched."""

    message_id = "draft.too_new"


def major_of(version: str) -> int:
    """The major number of a form version ("2.0.0" -> 2); 1 for anything unreadable (the oldest)."""
    head = version.split(".", 1)[0]
    return int(head) if head.isdigit() else 1


def draft_form_version(answers: Mapping[str, Any]) -> str:
    """The form version a draft's answers follow ("1.0.0" for drafts from before versions were kept)."""
    value = answers.get(FORM_VERSION_KEY)
    return value if isinstance(value, str) and value else "1.0.0"


def _move(answers: dict[str, Any], old: str, new: str) -> None:
    """Move ``old``'s answer to ``new``; if ``new`` has a different text already, keep both texts."""
    if old not in answers:
        return
    value = answers.pop(old)
    if not is_answered(value):
        return
    present = answers.get(new)
    if is_answered(present) and present != value and isinstance(present, str) and isinstance(value, str):
        answers[new] = f"{present}\n{value}"  # cannot happen from form 1; never lose a text if it does
    elif not is_answered(present):
        answers[new] = value


def _form_1_to_2(answers: dict[str, Any]) -> None:
    """Form 1.x -> 2.0.

    - ``notifier.relation_to_child`` ("fx klasselærer") is the role in the new section on what
      the notifier knows of the child: ``knowledge.role``.
    - For an unborn child, form 1 asked for "the pregnant woman's address" in ``child.address``;
      form 2 asks for the expectant mother's name, CPR number and address: ``mother.address``.
    Every coded answer already was a code in form 1 drafts (option ids); the codes are unchanged.
    """
    _move(answers, "notifier.relation_to_child", "knowledge.role")
    if answers.get("child.identity") == "unborn":
        _move(answers, "child.address", "mother.address")


#: Step from major version N to N + 1, by N.
STEPS: Mapping[int, Callable[[dict[str, Any]], None]] = {1: _form_1_to_2}

#: Field ids a step moves away from (so a test can check that nothing of an old draft is dropped).
MOVED_FIELDS: Mapping[str, tuple[str, ...]] = {
    "notifier.relation_to_child": ("knowledge.role",),
    "child.address": ("child.address", "mother.address"),
}


def needs_migration(answers: Mapping[str, Any], form_version: str) -> bool:
    """Whether the draft follows an older form than ``form_version``."""
    return major_of(draft_form_version(answers)) < major_of(form_version)


def migrate_answers(answers: Mapping[str, Any], form_version: str) -> dict[str, Any]:
    """A copy of ``answers`` moved to ``form_version`` (the input is never changed).

    Raises :class:`DraftTooNew` for a draft from a newer form: opening it here could
    lose answers this version does not know.
    """
    out = copy.deepcopy(dict(answers))
    have, want = major_of(draft_form_version(out)), major_of(form_version)
    if have > want:
        raise DraftTooNew("the draft was written by a newer version of Underret",
                          draft_version=draft_form_version(out), form_version=form_version)
    for major in range(have, want):
        STEPS[major](out)
    out[FORM_VERSION_KEY] = form_version
    return out
