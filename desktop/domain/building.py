"""From the wizard's answers to the finalised ``notification.json`` document (schema v2).

Only visible fields are carried over (a hidden field's leftover answer never
reaches the municipality). Answers from fixed lists travel as their codes
(``forms/codes``; signals and the worry level as the pack's ids), never as
labels, so the document means the same whatever language it was written in.
CPR numbers are written ``DDMMYY-SSSS``. The child's own words are kept
exactly as typed.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from desktop.domain.answers import is_answered
from desktop.domain.conditions import ConditionContext
from desktop.domain.context import (
    build_context,
    child_birth_date,
    child_identity,
    parse_iso_date,
    ticked_signal_ids,
)
from desktop.domain.cpr import CprInvalid, parse_cpr
from desktop.domain.document import (
    PREVIEW,
    AgeBand,
    Child,
    ChildIdentity,
    Concern,
    CustodyHolder,
    DutyType,
    EarlierNotifications,
    ExpectantMother,
    FormRef,
    Ground,
    Knowledge,
    NotificationDocument,
    Notifier,
    OtherProfessional,
    PackRef,
    Sibling,
    SignalMark,
    YesNoUnknown,
)
from desktop.domain.flow import field_visible, section_visible
from desktop.domain.forms import FormDefinition, FormField
from desktop.domain.observations import build_attachments, build_body_map
from desktop.domain.packs import GuidelinePack
from desktop.domain.validation import first_blocking, validate
from desktop.errors import UnderretError


class NotificationIncomplete(UnderretError):  # noqa: N818 - house style
    """The answers still have a blocking problem; details name the section and field to open."""

    message_id = "notification.incomplete"


class _Visible:
    """Reads only answers whose section and field are visible."""

    def __init__(self, form: FormDefinition, answers: Mapping[str, Any], ctx: ConditionContext) -> None:
        self.form = form
        self.answers = answers
        self.ctx = ctx

    def value(self, field_id: str) -> Any:
        try:
            section = self.form.section_of(field_id)
            f = self.form.field(field_id)
        except KeyError:  # a form without this field (e.g. a test's small form)
            return None
        if not section_visible(section, self.answers, self.ctx):
            return None
        if not field_visible(f, self.answers, self.ctx):
            return None
        return self.answers.get(field_id)

    def text(self, field_id: str) -> str | None:
        value = self.value(field_id)
        if value is None:
            return None
        return _text(value, short=self.form.field(field_id).type.value == "short_text")

    def code(self, field_id: str) -> str | None:
        """A single choice's code, when it is one of the field's options."""
        value = self.value(field_id)
        if not isinstance(value, str) or self.form.field(field_id).option(value) is None:
            return None
        return value

    def codes(self, field_id: str) -> list[str]:
        """A multiple choice's codes, in the order the form offers them."""
        value = self.value(field_id)
        if not isinstance(value, list):
            return []
        return [o.id for o in self.form.field(field_id).options if o.id in value]

    def items(self, field_id: str) -> list[tuple[FormField, Mapping[str, Any]]]:
        value = self.value(field_id)
        group = self.form.field(field_id)
        if not isinstance(value, list):
            return []
        return [(group, item) for item in value if isinstance(item, Mapping) and is_answered(dict(item))]

    def sub(self, group: FormField, item: Mapping[str, Any], sub_id: str) -> Any:
        sub = group.sub_field(sub_id)
        if sub is None or not field_visible(sub, self.answers, self.ctx, item=item):
            return None
        return item.get(sub_id)

    def sub_text(self, group: FormField, item: Mapping[str, Any], sub_id: str) -> str | None:
        sub = group.sub_field(sub_id)
        short = sub is not None and sub.type.value == "short_text"
        return _text(self.sub(group, item, sub_id), short=short)


def _text(value: Any, *, short: bool) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    # Short texts lose stray spaces; long texts and quotes are kept exactly as written.
    return value.strip() if short else value


def _bool(value: Any) -> bool | None:
    if isinstance(value, Mapping):
        value = value.get("value")
    return value if isinstance(value, bool) else None


def _cpr(value: Any) -> str | None:
    """A CPR number as the document writes it (``DDMMYY-SSSS``); None when empty or not a CPR number."""
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        digits = parse_cpr(value).digits
    except CprInvalid:
        return None
    return f"{digits[:6]}-{digits[6:]}"


def child_initials(answers: Mapping[str, Any]) -> str:
    """Initials of the child's name for lists ("EH" for "Emma Louise Hansen"); "" without a name."""
    if child_identity(answers) is ChildIdentity.UNBORN:
        return ""
    name = answers.get("child.name")
    if not isinstance(name, str):
        return ""
    parts = [p for p in name.replace("-", " ").split() if p]
    letters = [p[0] for p in parts if unicodedata.category(p[0]).startswith("L")]
    if not letters:
        return ""
    chosen = letters[0] + (letters[-1] if len(letters) > 1 else "")
    return chosen.upper()


def build_document(
    form: FormDefinition,
    pack: GuidelinePack,
    answers: Mapping[str, Any],
    *,
    notification_id: str,
    created_at: datetime,
    finalised_at: datetime,
    language: str,
    corrects: str | None = None,
) -> NotificationDocument:
    """The finalised document; raises NotificationIncomplete while a blocking problem remains."""
    today = finalised_at.date()
    problem = first_blocking(validate(form, pack, answers, today=today))
    if problem is not None:
        raise NotificationIncomplete(
            message_id="notification.incomplete",
            section=problem.section_id,
            field=problem.field_path,
            problem=problem.message_id,
        )
    return assemble_document(form, pack, answers, notification_id=notification_id, created_at=created_at,
                             finalised_at=finalised_at, language=language, corrects=corrects)


def assemble_document(
    form: FormDefinition,
    pack: GuidelinePack,
    answers: Mapping[str, Any],
    *,
    notification_id: str,
    created_at: datetime,
    finalised_at: datetime,
    language: str,
    corrects: str | None = None,
    preview: bool = False,
) -> NotificationDocument:
    """The document the answers make, without checking the rules first.

    Never finalise with this: it is :func:`build_document` after validation, and the
    lenient preview (:mod:`desktop.domain.preview`) for a notification still being
    written, where a missing required answer becomes a neutral placeholder that the
    preview marks as a gap.
    """
    lang = "en" if language == "en" else "da"
    ctx = build_context(form, pack, answers, finalised_at.date())
    v = _Visible(form, answers, ctx)
    fields = dict(
        notification_id=notification_id,
        language=lang,
        created_at=created_at,
        finalised_at=finalised_at,
        form=FormRef(id=form.id, version=form.version),
        pack=PackRef(id=pack.id, version=pack.version, municipality_code=pack.municipality.code),
        corrects=corrects,
        acute=answers.get("acute.in_danger") is True,
        grounds=[Ground(code) for code in v.codes("grounds.section_133") if code in _GROUNDS],
        child=_child(v, answers, ctx, pack),
        siblings=_siblings(v),
        custody_holders=_custody_holders(v),
        notifier=_notifier(v),
        knowledge=_knowledge(v),
        concern=_concern(form, pack, v, answers),
        body_map=build_body_map(v.value("observations.body_map"), ctx.age_band),
        other_professionals=_professionals(v),
        earlier_notifications=_earlier(v),
        attachments=build_attachments(v.value("observations.attachments")),
    )
    # A preview may lack what validation guarantees before finalising (a ground, the mother, ...).
    return NotificationDocument.model_validate(fields, context=PREVIEW if preview else None)


_GROUNDS = frozenset(g.value for g in Ground)

#: Stand-ins while the child's identity or age is not known yet (preview only; validation
#: guarantees both before finalising). The preview marks them as gaps, so they are never shown.
PLACEHOLDER_IDENTITY = ChildIdentity.BIRTH_DATE
PLACEHOLDER_AGE_BAND = AgeBand.AGE_6_12
#: Stand-in while the child's municipality is not chosen yet (preview only, shown as a gap).
PLACEHOLDER_MUNICIPALITY = "000"


def _child(v: _Visible, answers: Mapping[str, Any], ctx: ConditionContext, pack: GuidelinePack) -> Child:
    identity = child_identity(answers) or PLACEHOLDER_IDENTITY
    languages = v.text("child.languages") or ""
    unborn = identity is ChildIdentity.UNBORN
    mother_name = v.text("mother.name") if unborn else None
    informed_answer = v.value("child_view.informed")
    informed = _bool(informed_answer)
    why = informed_answer.get("why_not") if isinstance(informed_answer, Mapping) else None
    municipality = v.value("child.municipality")
    return Child(
        identity=identity,
        cpr=_cpr(v.value("child.cpr")) if identity is ChildIdentity.CPR else None,
        name=v.text("child.name"),
        birth_date=child_birth_date(answers),
        due_date=parse_iso_date(v.value("child.due_date")) if unborn else None,
        age_band=ctx.age_band or PLACEHOLDER_AGE_BAND,
        address=v.text("child.address"),
        municipality_code=municipality if isinstance(municipality, str) and municipality.isdigit()
        and len(municipality) == 3 else PLACEHOLDER_MUNICIPALITY,
        expectant_mother=ExpectantMother(name=mother_name, cpr=_cpr(v.value("mother.cpr")),
                                         address=v.text("mother.address")) if mother_name else None,
        institution=v.text("child.institution"),
        group_or_class=v.text("child.group_or_class"),
        languages=[part.strip() for part in languages.split(",") if part.strip()],
        informed=informed,
        not_informed_reason=_text(why, short=False) if informed is False else None,
        own_view=v.text("child_view.own_view"),
    )


def _siblings(v: _Visible) -> list[Sibling]:
    out = []
    for group, item in v.items("child.siblings"):
        birth = v.sub(group, item, "birth_date")
        out.append(
            Sibling(
                name=v.sub_text(group, item, "name") or "",
                birth_date=parse_iso_date(birth),
                cpr=_cpr(v.sub(group, item, "cpr")),
                notes=v.sub_text(group, item, "notes"),
            )
        )
    return out


def _custody_holders(v: _Visible) -> list[CustodyHolder]:
    out = []
    for group, item in v.items("family.custody_holders"):
        informed_answer = v.sub(group, item, "informed")
        informed = _bool(informed_answer) is True
        why = informed_answer.get("why_not") if isinstance(informed_answer, Mapping) else None
        out.append(
            CustodyHolder(
                name=v.sub_text(group, item, "name") or "",
                relation=v.sub_text(group, item, "relation"),
                cpr=_cpr(v.sub(group, item, "cpr")),
                address=v.sub_text(group, item, "address"),
                phone=v.sub_text(group, item, "phone"),
                has_custody=_bool(v.sub(group, item, "has_custody")),
                informed=informed,
                reaction=v.sub_text(group, item, "reaction") if informed else None,
                not_informed_reason=None if informed else _text(why, short=False),
                interpreter_language=v.sub_text(group, item, "interpreter_language"),
            )
        )
    return out


def _notifier(v: _Visible) -> Notifier:
    manager = v.value("notifier.manager")
    manager = manager if isinstance(manager, Mapping) else {}
    duty = v.value("notifier.duty")
    return Notifier(
        name=v.text("notifier.name") or "",
        role=v.text("notifier.role") or "",
        workplace=v.text("notifier.workplace") or "",
        work_address=v.text("notifier.work_address"),
        phone=v.text("notifier.phone") or "",
        email=v.text("notifier.email") or "",
        duty=DutyType(duty) if duty in ("enhanced", "general") else DutyType.ENHANCED,
        manager_informed=_bool(v.value("notifier.manager_informed")),
        manager_name=_text(manager.get("name"), short=True),
        manager_role=_text(manager.get("role"), short=True),
        manager_cosigns=_bool(v.value("notifier.manager_cosigns")),
    )


def _knowledge(v: _Visible) -> Knowledge:
    return Knowledge(
        role=v.text("knowledge.role"),
        duration=v.code("knowledge.duration"),
        development=v.text("knowledge.development"),
        wellbeing=v.text("knowledge.wellbeing"),
        earlier_support=v.text("knowledge.earlier_support"),
    )


def _concern(form: FormDefinition, pack: GuidelinePack, v: _Visible, answers: Mapping[str, Any]) -> Concern:
    marks = []
    if v.value("signals.checked") is not None:
        for sid in ticked_signal_ids(form, pack, answers):
            signal = pack.signal(sid)
            marks.append(SignalMark(id=signal.id, category_id=signal.category, acute=signal.acute))
    level_id = v.value("events.worry_level")
    level = next((lv for lv in pack.scale.levels if lv.id == level_id), None)
    when = v.value("events.when")
    return Concern(
        signals=marks,
        observations=v.text("events.observations") or "",
        sources=v.codes("events.sources"),
        observed_when=when if isinstance(when, str) and when else None,
        observed_where=v.text("events.where"),
        frequency=v.code("events.frequency"),
        child_words=v.text("events.child_words"),
        actions_taken=v.text("events.actions_taken"),
        institution_efforts=v.text("events.institution_efforts"),
        assessment=v.text("events.assessment"),
        worry_level=level.id if level else None,
    )


def _professionals(v: _Visible) -> list[OtherProfessional]:
    return [
        OtherProfessional(
            name=v.sub_text(group, item, "name") or "",
            role=v.sub_text(group, item, "role"),
            organisation=v.sub_text(group, item, "organisation"),
            contact=v.sub_text(group, item, "contact"),
        )
        for group, item in v.items("others.professionals")
    ]


def _earlier(v: _Visible) -> EarlierNotifications | None:
    known = v.code("others.earlier_known")
    if known is None:
        return None
    return EarlierNotifications(known=YesNoUnknown(known), details=v.text("others.earlier_notifications"))
