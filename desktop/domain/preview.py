"""A lenient preview of a notification that is still being written.

The municipality's layout (the outline in :mod:`desktop.documents.outline`) is
drawn from a :class:`~desktop.domain.document.NotificationDocument`, whose
model requires the child's identity and age band, each parent's "informed"
answer and the notifier's details. While the notification is incomplete,
:func:`build_preview` assembles the same document without checking the rules
(missing answers become neutral placeholders) and lists every blocking problem
as a :class:`Gap`: the page and field to open, and the place in the document
(``part``) where the layout shows "not filled in yet" instead of the placeholder.

Finalising never uses this: :func:`desktop.domain.building.build_document`
still refuses an invalid notification. With complete answers the preview's
document is the strict one and it has no gaps.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from desktop.domain.building import assemble_document
from desktop.domain.context import build_context
from desktop.domain.document import NotificationDocument
from desktop.domain.forms import FormDefinition
from desktop.domain.packs import GuidelinePack
from desktop.domain.text import localise
from desktop.domain.validation import Problem, validate

#: Where a repeatable group of the form lives in the document.
_GROUP_PARTS: Mapping[str, str] = {
    "child.siblings": "siblings",
    "family.custody_holders": "custody_holders",
    "others.professionals": "other_professionals",
}

#: Form fields whose place in the document has another name.
_FIELD_PARTS: Mapping[str, str] = {
    "events.when": "concern.observed_when",
    "events.where": "concern.observed_where",
    "child.municipality": "child.municipality_code",
    "grounds.section_133": "grounds",
}

#: Problems that mean "nothing given yet" (the others mean "given, but needs correcting").
_MISSING = frozenset({"field.required", "person.name_required", "field.why_not_required"})

#: The document part of the child's age band: derived from the CPR number or a date, so it is a
#: gap whenever those are.
AGE_BAND_PART = "child.age_band"


@dataclass(frozen=True)
class Gap:
    """A required answer not given yet (or given wrongly): where to go, and where it shows.

    ``section_id`` and ``field_path`` name the wizard page and field (as in
    :class:`~desktop.domain.validation.Problem`); ``part`` names the place in the
    document (``notifier.email``, ``custody_holders[0].informed``); ``page_title``
    and ``field_label`` are in the notification's language.
    """

    section_id: str
    field_path: str
    message_id: str
    part: str
    page_title: str
    field_label: str

    @property
    def missing(self) -> bool:
        """True when nothing was given yet; False when what was given needs correcting."""
        return self.message_id in _MISSING

    def problem(self) -> Problem:
        """The validation problem behind the gap (what the wizard shows at the field)."""
        return Problem(self.section_id, self.field_path, self.message_id)


@dataclass(frozen=True)
class NotificationPreview:
    """The document as far as it is written, and what is still missing from it."""

    document: NotificationDocument
    gaps: tuple[Gap, ...]

    @property
    def complete(self) -> bool:
        """True when nothing blocks finalising."""
        return not self.gaps


def document_part(field_path: str, message_id: str = "field.required") -> str:
    """Where the answer at ``field_path`` (a form path) shows in the document."""
    head, bracket, rest = field_path.partition("[")
    if bracket and head in _GROUP_PARTS:
        part = f"{_GROUP_PARTS[head]}[{rest}"
        if message_id == "field.why_not_required" and part.endswith(".informed"):
            # The "why not" text is its own line under the parent.
            return part.removesuffix("informed") + "not_informed_reason"
        return part
    if field_path in _FIELD_PARTS:
        return _FIELD_PARTS[field_path]
    if field_path.startswith("events."):
        return "concern." + field_path.removeprefix("events.")
    return field_path


def build_preview(
    form: FormDefinition,
    pack: GuidelinePack,
    answers: Mapping[str, Any],
    *,
    notification_id: str,
    created_at: datetime,
    now: datetime,
    language: str,
    corrects: str | None = None,
) -> NotificationPreview:
    """The notification as the municipality would read it now, with every blocking problem as a gap."""
    lang = "en" if language == "en" else "da"
    today = now.date()
    problems = [p for p in validate(form, pack, answers, today=today) if p.blocking]
    document = assemble_document(form, pack, answers, notification_id=notification_id, created_at=created_at,
                                 finalised_at=now, language=lang, corrects=corrects, preview=True)
    gaps = [_gap(form, problem, lang) for problem in problems]
    if build_context(form, pack, answers, today).age_band is None:
        gaps.append(_age_band_gap(form, problems, lang))
    return NotificationPreview(document=document, gaps=tuple(gaps))


def _gap(form: FormDefinition, problem: Problem, lang: str) -> Gap:
    return Gap(
        section_id=problem.section_id,
        field_path=problem.field_path,
        message_id=problem.message_id,
        part=document_part(problem.field_path, problem.message_id),
        page_title=localise(form.section(problem.section_id).title, lang),
        field_label=_field_label(form, problem.field_path, lang),
    )


def _age_band_gap(form: FormDefinition, problems: list[Problem], lang: str) -> Gap:
    """The age band follows from the child's CPR number or dates: it leads to the first of those to fix."""
    cause = next((p for p in problems if p.section_id == "child" and p.field_path.startswith(
        ("child.identity", "child.cpr", "child.birth_date", "child.due_date"))), None)
    field_path = cause.field_path if cause is not None else "child.identity"
    return Gap(
        section_id="child",
        field_path=field_path,
        message_id=cause.message_id if cause is not None else "field.required",
        part=AGE_BAND_PART,
        page_title=localise(form.section("child").title, lang),
        field_label=_field_label(form, field_path, lang),
    )


def _field_label(form: FormDefinition, field_path: str, lang: str) -> str:
    """The field's label; for an item of a group, e.g. "Forælder 1 › Navn"."""
    head, bracket, rest = field_path.partition("[")
    try:
        field = form.field(head)
    except KeyError:
        return ""
    label = localise(field.label, lang)
    if not bracket:
        return label
    index, _, sub_id = rest.partition("]")
    sub = field.sub_field(sub_id.removeprefix("."))
    item = localise(field.item_label, lang) if field.item_label is not None else label
    number = int(index) + 1 if index.isdigit() else 0
    return f"{item} {number} › {localise(sub.label, lang)}" if sub is not None else f"{item} {number}"
