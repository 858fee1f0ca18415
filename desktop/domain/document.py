"""The structured notification document (``notification.json``), schema version 2.

This is what a municipality receives: plain typed data, produced from the
wizard's answers when a notification is finalised, validated against the
versioned JSON Schema in ``forms/schema/notification.schema.json`` (generated
from these models; a test keeps the two in step). Schema v1 stays published
beside it (``notification.v1.schema.json``); :mod:`protocol.notification_v1`
upgrades a v1 document for readers.

Every answer from a fixed list is a stable **code** (from ``forms/codes`` or,
for signals and the worry scale, from the guideline pack named in ``pack``),
never a label: a Danish and an English notification about the same child hold
the same codes. Windows, copies and exports show the labels for them. Free
text is kept as written; the child's own words exactly.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, model_validator

from desktop.domain.age_bands import AgeBand
from desktop.domain.observations import AttachmentRef, BodyMap

__all__ = ["AgeBand", "AttachmentRef", "BodyMap", "NotificationDocument"]

SCHEMA_VERSION: Literal[2] = 2
SCHEMA_ID = "https://schemas.underret.dk/notification/2"

#: A CPR number as the document stores it: ``DDMMYY-SSSS`` (the date is checked before finalising).
CPR_PATTERN = r"^(0[1-9]|[12][0-9]|3[01])(0[1-9]|1[0-2])[0-9]{2}-[0-9]{4}$"
#: A UUID version 4 in its canonical lower-case form.
UUID4_PATTERN = r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"
#: A Danish municipality code (kommunekode): three digits (the list: forms/codes/municipality.yaml).
MUNICIPALITY_PATTERN = r"^[0-9]{3}$"
#: A code from a code list in forms/codes (or a pack's id for a signal, category or scale level).
CODE_PATTERN = r"^[a-z0-9][a-z0-9_.-]*$"
#: The version of the form definition the notification was written with.
FORM_VERSION_PATTERN = r"^[0-9]+\.[0-9]+(\.[0-9]+)?$"
#: The form version a schema v2 document written by Underret carries: the form's own three parts
#: (the envelope's ``form_version`` is the same string). Only an upgraded v1 document may have "1.0".
FORM_VERSION_V2_PATTERN = r"^[0-9]+\.[0-9]+\.[0-9]+$"
#: The national pack's municipality code: a pack for the whole country, never where a child lives.
NO_MUNICIPALITY = "000"
#: Validation context for the lenient preview of a notification still being written
#: (``model_validate(..., context=PREVIEW)``): the rules of a finished document are not applied.
PREVIEW = {"preview": True}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ChildIdentity(StrEnum):
    """How the child is identified (code list ``child_identity``)."""

    CPR = "cpr"
    BIRTH_DATE = "birth_date"
    UNBORN = "unborn"


class DutyType(StrEnum):
    """Which duty to notify applies to the notifier (code list ``duty``)."""

    ENHANCED = "enhanced"  # skærpet underretningspligt (professionals)
    GENERAL = "general"


class Ground(StrEnum):
    """The grounds of barnets lov § 133, stk. 1, nr. 1-4 (code list ``grounds``)."""

    SPECIAL_SUPPORT = "special_support"
    UNBORN_CHILD = "unborn_child"
    SCHOOL_ABSENCE = "school_absence"
    ABUSE = "abuse"


class YesNoUnknown(StrEnum):
    """Yes, no, or don't know (code list ``yes_no_unknown``)."""

    YES = "yes"
    NO = "no"
    UNKNOWN = "unknown"


Code = str
CprNumber = str


class FormRef(_Strict):
    """The form definition a notification was written with."""

    id: str
    version: str = Field(pattern=FORM_VERSION_PATTERN)


class PackRef(_Strict):
    """The guideline pack the notification was written under: it names the signal and scale codes."""

    id: str
    version: str
    municipality_code: str = Field(pattern=MUNICIPALITY_PATTERN,
                                   description="The pack's own municipality ('000' for the national pack)")


class ExpectantMother(_Strict):
    """The expectant mother of an unborn child: how the municipality identifies the child."""

    name: str = Field(min_length=1)
    cpr: CprNumber | None = Field(default=None, pattern=CPR_PATTERN)
    address: str | None = None


class Child(_Strict):
    """The child the concern is about, and where the child lives (the recipient municipality)."""

    identity: ChildIdentity
    cpr: CprNumber | None = Field(default=None, pattern=CPR_PATTERN,
                                  description="DDMMYY-SSSS; only when identity is cpr")
    name: str | None = None
    birth_date: date | None = None
    due_date: date | None = Field(default=None, description="Expected birth date of an unborn child")
    age_band: AgeBand
    address: str | None = None
    municipality_code: str = Field(pattern=MUNICIPALITY_PATTERN,
                                   description="Where the child lives: the municipality it is for")
    expectant_mother: ExpectantMother | None = Field(default=None, description="Only for an unborn child")
    institution: str | None = Field(default=None, description="School or daycare")
    group_or_class: str | None = None
    languages: list[str] = Field(default_factory=list)
    informed: bool | None = Field(default=None, description="Whether the child knows about the notification")
    not_informed_reason: str | None = Field(default=None, description="Why the child was not told")
    own_view: str | None = Field(default=None, description="The child's view in the child's words, verbatim")


class Sibling(_Strict):
    """A known sibling (the municipality assesses siblings too)."""

    name: str
    birth_date: date | None = None
    cpr: CprNumber | None = Field(default=None, pattern=CPR_PATTERN)
    notes: str | None = None


class CustodyHolder(_Strict):
    """A parent or custody holder, and whether they were told about the notification."""

    name: str
    relation: str | None = None
    cpr: CprNumber | None = Field(default=None, pattern=CPR_PATTERN)
    address: str | None = None
    phone: str | None = None
    has_custody: bool | None = None
    informed: bool
    reaction: str | None = Field(default=None, description="Their reaction, when informed")
    not_informed_reason: str | None = Field(default=None, description="Why not, when not informed")
    interpreter_language: str | None = None


class Notifier(_Strict):
    """The professional who notifies. Never anonymous; work contact details only."""

    name: str
    role: str
    workplace: str
    work_address: str | None = None
    phone: str
    email: str
    duty: DutyType
    manager_informed: bool | None = None
    manager_name: str | None = None
    manager_role: str | None = None
    manager_cosigns: bool | None = Field(default=None, description="The manager co-signs the notification")


class Knowledge(_Strict):
    """What the notifier knows of the child over time."""

    role: str | None = Field(default=None, description="How the notifier knows the child (free text)")
    duration: Code | None = Field(default=None, pattern=CODE_PATTERN, description="Code list known_duration")
    development: str | None = None
    wellbeing: str | None = None
    earlier_support: str | None = None


class SignalMark(_Strict):
    """A concern signal the notifier recognised: the pack's ids, so it can be counted."""

    id: str = Field(pattern=CODE_PATTERN)
    category_id: str = Field(pattern=CODE_PATTERN)
    acute: bool = False


class Concern(_Strict):
    """What was seen and heard, kept apart from the notifier's own assessment."""

    signals: list[SignalMark] = Field(default_factory=list)
    observations: str
    sources: list[Annotated[Code, Field(pattern=CODE_PATTERN)]] = Field(
        default_factory=list, description="Code list observation_source")
    observed_when: str | None = None
    observed_where: str | None = None
    frequency: Code | None = Field(default=None, pattern=CODE_PATTERN, description="Code list frequency")
    child_words: str | None = Field(default=None, description="The child's own words, verbatim")
    actions_taken: str | None = None
    institution_efforts: str | None = None
    assessment: str | None = Field(default=None, description="The notifier's assessment, labelled")
    worry_level: Code | None = Field(default=None, pattern=CODE_PATTERN,
                                     description="The id of the pack's scale level")


class OtherProfessional(_Strict):
    """Another professional involved with the child."""

    name: str
    role: str | None = None
    organisation: str | None = None
    contact: str | None = None


class EarlierNotifications(_Strict):
    """Whether the notifier knows of earlier notifications about the child, and what."""

    known: YesNoUnknown
    details: str | None = None


class NotificationDocument(_Strict):
    """A finalised notification of concern, as the municipality reads it."""

    schema_version: Literal[2] = SCHEMA_VERSION
    notification_id: str = Field(pattern=UUID4_PATTERN,
                                 description="UUID4, also the envelope id and Idempotency-Key")
    language: Literal["da", "en"] = Field(description="The language the free texts are written in")
    created_at: datetime
    finalised_at: datetime
    form: FormRef
    pack: PackRef
    corrects: str | None = Field(default=None, pattern=UUID4_PATTERN,
                                 description="UUID of a notification this one corrects")
    acute: bool = Field(description="The notifier judged the child in danger right now")
    grounds: list[Ground] = Field(default_factory=list,
                                  description="The § 133 grounds, suggested from the answers and confirmed")
    child: Child
    siblings: list[Sibling] = Field(default_factory=list)
    custody_holders: list[CustodyHolder] = Field(default_factory=list)
    notifier: Notifier
    knowledge: Knowledge = Field(default_factory=Knowledge)
    concern: Concern
    body_map: BodyMap | None = None
    other_professionals: list[OtherProfessional] = Field(default_factory=list)
    earlier_notifications: EarlierNotifications | None = None
    attachments: list[AttachmentRef] = Field(default_factory=list)
    upgraded_from: Literal[1] | None = Field(
        default=None,
        description="Set by a reader that converted a schema v1 document; its grounds are then derived, "
        "not confirmed by the notifier")

    @model_validator(mode="after")
    def _finished(self, info: ValidationInfo) -> NotificationDocument:
        """What a case system relies on in a finished document, beyond each field's own form."""
        if isinstance(info.context, dict) and info.context.get("preview"):
            return self
        problem = finished_document_problem(self)
        if problem is not None:
            raise ValueError(problem)
        return self

    def to_json_bytes(self) -> bytes:
        """The canonical bytes that go into the envelope (UTF-8, stable key order)."""
        return self.model_dump_json(indent=2).encode("utf-8")


def finished_document_problem(document: NotificationDocument) -> str | None:
    """Why ``document`` is not a whole notification (the rules :func:`json_schema` publishes too), or None."""
    child = document.child
    if not document.grounds:
        return "grounds: at least one ground of § 133"
    if (child.identity is ChildIdentity.CPR) != (child.cpr is not None):
        return "child.cpr: given exactly when the child is identified by CPR number"
    if child.identity is not ChildIdentity.UNBORN and child.expectant_mother is not None:
        return "child.expectant_mother: only for an unborn child"
    if document.upgraded_from is None:
        if child.identity is ChildIdentity.UNBORN and child.expectant_mother is None:
            return "child.expectant_mother: an unborn child is identified by the expectant mother"
        if not re.fullmatch(FORM_VERSION_V2_PATTERN, document.form.version):
            return "form.version: the form's version in three parts, e.g. 2.0.0"
        if child.municipality_code == NO_MUNICIPALITY:
            return "child.municipality_code: the municipality the child lives in"
    return None


def _child_is(identity: ChildIdentity) -> dict[str, object]:
    return {"properties": {"child": {"properties": {"identity": {"const": identity.value}}}}}


def _child_has(**properties: object) -> dict[str, object]:
    return {"properties": {"child": {"properties": properties}}}


#: The rules of :func:`finished_document_problem`, as JSON Schema conditions.
_FINISHED_RULES: list[dict[str, object]] = [
    {"if": _child_is(ChildIdentity.CPR), "then": _child_has(cpr={"type": "string"}),
     "else": _child_has(cpr={"type": "null"})},
    {"if": _child_is(ChildIdentity.UNBORN), "else": _child_has(expectant_mother={"type": "null"})},
    {"if": {"allOf": [_child_is(ChildIdentity.UNBORN), {"properties": {"upgraded_from": {"type": "null"}}}]},
     "then": _child_has(expectant_mother={"type": "object"})},
    {"if": {"properties": {"upgraded_from": {"type": "null"}}},
     "then": {"properties": {
         "form": {"properties": {"version": {"pattern": FORM_VERSION_V2_PATTERN}}},
         "child": {"properties": {"municipality_code": {"not": {"const": NO_MUNICIPALITY}}}}}}},
]


def json_schema() -> dict[str, object]:
    """The JSON Schema for ``notification.json``, as published in ``forms/schema/``."""
    schema = NotificationDocument.model_json_schema()
    schema["$id"] = SCHEMA_ID
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "notification.json (Underret notification of concern), schema version 2"
    # The version is in every document (the model writes its default), so a reader can tell v1 from v2.
    required = schema.setdefault("required", [])
    assert isinstance(required, list)
    if "schema_version" not in required:
        required.insert(0, "schema_version")
    properties = schema["properties"]
    assert isinstance(properties, dict)
    properties["grounds"]["minItems"] = 1
    # Rules across fields (written by Underret, not by an upgrade of a v1 document): see
    # finished_document_problem, which the model applies.
    schema["allOf"] = _FINISHED_RULES
    return schema
