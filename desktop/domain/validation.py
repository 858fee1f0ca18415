"""Checking the answers against the form's rules, in the order the user meets them.

:func:`validate` returns every :class:`Problem` in form order (page, field,
group item, sub-field), so the first blocking one tells the UI which page to
open and which field to focus. Hidden sections and fields are never checked:
a hidden field is never required. A few problems are warnings
(``blocking=False``): the UI shows them, but they do not stop finalising
(e.g. a CPR number failing the old modulus-11 check).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from desktop.domain.age import age_in_years
from desktop.domain.answers import is_answered
from desktop.domain.conditions import ConditionContext
from desktop.domain.context import ACUTE_FIELD, CPR_FIELD, build_context
from desktop.domain.cpr import CprInvalid, parse_cpr
from desktop.domain.flow import field_required, field_visible, section_visible
from desktop.domain.forms import FormDefinition, FormField, Section, TextFormat
from desktop.domain.observations import attachment_issues, body_map_issues
from desktop.domain.packs import GuidelinePack

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")
_PHONE = re.compile(r"^\+?[0-9][0-9 ()./-]{4,24}$")
_PERSON_KEYS = ("name", "role", "phone", "email")

#: Fields whose CPR number or date identifies the child itself (under 18, already born).
_CHILD_DATE_FIELDS = ("child.cpr", "child.birth_date")


@dataclass(frozen=True)
class Problem:
    """One thing to fix: where (page + field path) and what (a message id the UI translates)."""

    section_id: str
    field_path: str
    message_id: str
    params: dict[str, str] = field(default_factory=dict)
    blocking: bool = True


def first_blocking(problems: list[Problem]) -> Problem | None:
    """The problem the UI focuses when finalising fails."""
    return next((p for p in problems if p.blocking), None)


def validate(
    form: FormDefinition,
    pack: GuidelinePack,
    answers: Mapping[str, Any],
    *,
    today: date,
    section_id: str | None = None,
) -> list[Problem]:
    """Every problem with the answers, in form order (only ``section_id``'s when given)."""
    ctx = build_context(form, pack, answers, today)
    checker = _Checker(pack, answers, ctx, today)
    for section in form.sections:
        if section_id is not None and section.id != section_id:
            continue
        if not section_visible(section, answers, ctx):
            continue
        for f in section.fields:
            if f.holds_answer and field_visible(f, answers, ctx):
                checker.check_field(section, f, f.id, answers.get(f.id), field_required(f, answers, ctx))
        checker.check_section_rules(section)
    return checker.problems


class _Checker:
    def __init__(self, pack: GuidelinePack, answers: Mapping[str, Any], ctx: ConditionContext, today: date):
        self.pack = pack
        self.answers = answers
        self.ctx = ctx
        self.today = today
        self.problems: list[Problem] = []

    def add(self, section: Section, path: str, message_id: str, blocking: bool = True, **params: Any) -> None:
        texts = {k: str(v) for k, v in params.items()}
        self.problems.append(Problem(section.id, path, message_id, texts, blocking))

    # --- one field -------------------------------------------------------------
    def check_field(self, section: Section, f: FormField, path: str, value: Any, required: bool) -> None:
        if not is_answered(value):
            if required:
                self.add(section, path, "field.required")
            return
        checker = getattr(self, f"_check_{f.type.value}")
        checker(section, f, path, value)

    def _text(self, section: Section, f: FormField, path: str, value: Any) -> None:
        if not isinstance(value, str):
            self.add(section, path, "field.wrong_shape")
            return
        if len(value) > f.max_length:
            self.add(section, path, "field.too_long", max=f.max_length, length=len(value))
        if f.validation.min_length is not None and len(value.strip()) < f.validation.min_length:
            self.add(section, path, "field.too_short", min=f.validation.min_length)
        if f.validation.format is TextFormat.EMAIL and not _EMAIL.match(value.strip()):
            self.add(section, path, "field.email")
        if f.validation.format is TextFormat.PHONE and not _valid_phone(value):
            self.add(section, path, "field.phone")

    _check_short_text = _text
    _check_long_text = _text
    _check_quote = _text

    def _check_date(self, section: Section, f: FormField, path: str, value: Any) -> None:
        try:
            day = date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else None
        except ValueError:
            day = None
        if day is None:
            self.add(section, path, "field.date_format")
            return
        self._date_rules(section, f, path, day)
        if path == "child.birth_date":
            self._child_age(section, path, day)

    def _check_datetime(self, section: Section, f: FormField, path: str, value: Any) -> None:
        try:
            moment = datetime.fromisoformat(value) if isinstance(value, str) and "T" in value else None
        except ValueError:
            moment = None
        if moment is None:
            self.add(section, path, "field.datetime_format")
            return
        self._date_rules(section, f, path, moment.date())

    def _date_rules(self, section: Section, f: FormField, path: str, day: date) -> None:
        rules = f.validation
        if rules.not_future and day > self.today:
            self.add(section, path, "field.date_future")
        if rules.not_past and day < self.today:
            self.add(section, path, "field.date_past")
        if rules.max_days_ahead is not None and (day - self.today).days > rules.max_days_ahead:
            self.add(section, path, "field.date_too_far_ahead", days=rules.max_days_ahead)
        if rules.max_days_back is not None and (self.today - day).days > rules.max_days_back:
            self.add(section, path, "field.date_too_far_back", days=rules.max_days_back)

    def _child_age(self, section: Section, path: str, birth: date) -> None:
        if birth > self.today:
            self.add(section, path, "child.not_born")
        elif age_in_years(birth, self.today) >= 18:
            self.add(section, path, "child.adult")

    def _check_single_choice(self, section: Section, f: FormField, path: str, value: Any) -> None:
        if not isinstance(value, str) or f.option(value) is None:
            self.add(section, path, "field.choice_unknown")

    def _check_multi_choice(self, section: Section, f: FormField, path: str, value: Any) -> None:
        if not isinstance(value, list) or any(not isinstance(v, str) or f.option(v) is None for v in value):
            self.add(section, path, "field.choice_unknown")

    def _check_municipality(self, section: Section, f: FormField, path: str, value: Any) -> None:
        from desktop.domain.codes import shipped_code_list

        codes = shipped_code_list(f.code_list or "municipality")
        entry = codes.get(value) if isinstance(value, str) else None
        # The training municipalities are offered only in demo mode; a real municipality directory
        # has no entry for them, so a notification about one would wait rather than leave.
        if entry is None or f.option(entry.code) is None:
            self.add(section, path, "field.choice_unknown")

    def _check_scale(self, section: Section, f: FormField, path: str, value: Any) -> None:
        if not isinstance(value, str) or value not in {level.id for level in self.pack.scale.levels}:
            self.add(section, path, "field.choice_unknown")

    def _check_yes_no(self, section: Section, f: FormField, path: str, value: Any) -> None:
        if not isinstance(value, bool) and not (f.allow_unknown and value == UNKNOWN):
            self.add(section, path, "field.wrong_shape")

    def _check_yes_no_why(self, section: Section, f: FormField, path: str, value: Any) -> None:
        if not isinstance(value, Mapping) or not isinstance(value.get("value"), bool):
            self.add(section, path, "field.wrong_shape")
            return
        why = value.get("why_not", "")
        if not isinstance(why, str):
            self.add(section, path, "field.wrong_shape")
            return
        if value["value"] is False and not why.strip():
            self.add(section, path, "field.why_not_required")
        if len(why) > f.max_length:
            self.add(section, path, "field.too_long", max=f.max_length, length=len(why))

    def _check_person(self, section: Section, f: FormField, path: str, value: Any) -> None:
        if not isinstance(value, Mapping) or any(not isinstance(value.get(k, ""), str) for k in _PERSON_KEYS):
            self.add(section, path, "field.wrong_shape")
            return
        if not str(value.get("name", "")).strip():
            self.add(section, path, "person.name_required")
        if any(len(str(value.get(k, ""))) > f.max_length for k in _PERSON_KEYS):
            self.add(section, path, "field.too_long", max=f.max_length)
        email = str(value.get("email", "")).strip()
        if email and not _EMAIL.match(email):
            self.add(section, path, "field.email")
        phone = str(value.get("phone", "")).strip()
        if phone and not _valid_phone(phone):
            self.add(section, path, "field.phone")

    def _check_cpr(self, section: Section, f: FormField, path: str, value: Any) -> None:
        if not isinstance(value, str):
            self.add(section, path, "field.wrong_shape")
            return
        try:
            cpr = parse_cpr(value)
        except CprInvalid as exc:
            self.add(section, path, exc.message_id)
            return
        if cpr.birth_date > self.today:
            self.add(section, path, "cpr.future")
        elif path == CPR_FIELD:
            self._child_age(section, path, cpr.birth_date)
        if not cpr.passes_modulus11:
            self.add(section, path, "cpr.modulus11", blocking=False)

    def _check_signal_checklist(self, section: Section, f: FormField, path: str, value: Any) -> None:
        if not isinstance(value, list) or any(not isinstance(v, str) for v in value):
            self.add(section, path, "field.wrong_shape")
            return
        unknown = [v for v in value if v not in self.ctx.ticked_signals]
        if unknown:
            # A draft started under an older pack: the signal is gone; say so, do not block.
            self.add(section, path, "signals.unknown", blocking=False, count=len(unknown))

    def _check_repeatable_group(self, section: Section, f: FormField, path: str, value: Any) -> None:
        if not isinstance(value, list) or any(not isinstance(item, Mapping) for item in value):
            self.add(section, path, "field.wrong_shape")
            return
        if f.validation.max_items is not None and len(value) > f.validation.max_items:
            self.add(section, path, "field.too_many_items", max=f.validation.max_items)
        for index, item in enumerate(value):
            for sub in f.fields:
                if not sub.holds_answer or not field_visible(sub, self.answers, self.ctx, item=item):
                    continue
                required = field_required(sub, self.answers, self.ctx, item=item)
                self.check_field(section, sub, f"{path}[{index}].{sub.id}", item.get(sub.id), required)

    def _check_body_map(self, section: Section, f: FormField, path: str, value: Any) -> None:
        for suffix, message_id, params in body_map_issues(value, self.today):
            self.problems.append(Problem(section.id, path + suffix, message_id, params))

    def _check_attachments(self, section: Section, f: FormField, path: str, value: Any) -> None:
        for suffix, message_id, params in attachment_issues(value):
            self.problems.append(Problem(section.id, path + suffix, message_id, params))

    def _check_guidance(self, section: Section, f: FormField, path: str, value: Any) -> None:
        return  # pragma: no cover - display-only fields are skipped before this

    # --- rules across fields -------------------------------------------------
    def check_section_rules(self, section: Section) -> None:
        if section.id != "family":
            return
        suspicion = self.answers.get("family.abuse_in_household") is True
        holders = self.answers.get("family.custody_holders")
        if suspicion and isinstance(holders, list):
            for index, item in enumerate(holders):
                informed = item.get("informed") if isinstance(item, Mapping) else None
                if isinstance(informed, Mapping) and informed.get("value") is True:
                    # Not blocking: they may have been told before the suspicion arose.
                    self.add(section, f"family.custody_holders[{index}].informed",
                             "family.told_despite_suspicion", blocking=False)


def _valid_phone(value: str) -> bool:
    text = value.strip()
    return bool(_PHONE.match(text)) and sum(c.isdigit() for c in text) >= 6


#: The stored answer "don't know" of a yes/no question that allows it (``allow_unknown``).
UNKNOWN = "unknown"


def is_acute(answers: Mapping[str, Any]) -> bool:
    """Whether the user said the child is in danger right now."""
    return answers.get(ACUTE_FIELD) is True
