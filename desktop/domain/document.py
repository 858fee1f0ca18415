"""The structured notification document (``notification.json``).

This is what a municipality receives: plain typed data, produced from the
wizard's answers when a notification is finalised, validated against the
versioned JSON Schema in ``forms/schema/notification.schema.json`` (generated
from these models; a test keeps the two in step). Labels of signals and
categories are copied in, in the language the notification was written in,
so the document reads on its own without the guideline pack.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION: Literal[1] = 1
SCHEMA_ID = "https://schemas.underret.dk/notification/1"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ChildIdentity(StrEnum):
    """How the child is identified."""

    CPR = "cpr"
    BIRTH_DATE = "birth_date"
    UNBORN = "unborn"


class AgeBand(StrEnum):
    """Age bands that guideline packs key their signals on."""

    UNBORN = "unborn"
    AGE_0_2 = "0-2"
    AGE_3_5 = "3-5"
    AGE_6_12 = "6-12"
    AGE_13_17 = "13-17"


class DutyType(StrEnum):
    """Which duty to notify applies to the notifier."""

    ENHANCED = "enhanced"  # skærpet underretningspligt (professionals)
    GENERAL = "general"


class FormRef(_Strict):
    """The form definition a notification was written with."""

    id: str
    version: str


class PackRef(_Strict):
    """The guideline pack (municipality) a notification was written under."""

    id: str
    version: str
    municipality_name: str
    municipality_code: str


class Child(_Strict):
    """The child the concern is about."""

    identity: ChildIdentity
    cpr: str | None = Field(default=None, description="10 digits, no dash; only when identity is cpr")
    name: str | None = None
    birth_date: date | None = None
    due_date: date | None = Field(default=None, description="Expected birth date of an unborn child")
    age_band: AgeBand
    address: str | None = None
    institution: str | None = Field(default=None, description="School or daycare")
    group_or_class: str | None = None
    languages: list[str] = Field(default_factory=list)


class Sibling(_Strict):
    """A known sibling (the municipality assesses siblings too)."""

    name: str
    birth_date: date | None = None
    cpr: str | None = None
    notes: str | None = None


class CustodyHolder(_Strict):
    """A parent or custody holder, and whether they were told about the notification."""

    name: str
    relation: str | None = None
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
    relation_to_child: str | None = None
    duty: DutyType
    manager_informed: bool | None = None
    manager_name: str | None = None
    manager_role: str | None = None
    manager_cosigns: bool | None = Field(default=None, description="The manager co-signs the notification")


class SignalMark(_Strict):
    """A concern signal the notifier recognised, with the pack's ids so it can be counted."""

    id: str
    category_id: str
    label: str
    category_label: str
    acute: bool = False


class Concern(_Strict):
    """What was seen and heard, kept apart from the notifier's own assessment."""

    signals: list[SignalMark] = Field(default_factory=list)
    observations: str
    sources: list[str] = Field(default_factory=list, description="How the notifier knows (labels)")
    observed_when: str | None = None
    observed_where: str | None = None
    frequency: str | None = None
    child_words: str | None = Field(default=None, description="The child's own words, verbatim")
    actions_taken: str | None = None
    institution_efforts: str | None = None
    assessment: str | None = Field(default=None, description="The notifier's assessment, labelled")
    worry_level: str | None = Field(default=None, description="The pack's scale level, as a label")
    worry_level_id: str | None = Field(default=None, description="The scale level's id in the pack")


class OtherProfessional(_Strict):
    """Another professional involved with the child."""

    name: str
    role: str | None = None
    organisation: str | None = None
    contact: str | None = None


class AttachmentRef(_Strict):
    """An attachment carried in the envelope beside the document."""

    name: str
    media_type: str
    sha256: str


class NotificationDocument(_Strict):
    """A finalised notification of concern, as the municipality reads it."""

    schema_version: Literal[1] = SCHEMA_VERSION
    notification_id: str = Field(description="UUID4, also the envelope id and Idempotency-Key")
    language: Literal["da", "en"]
    created_at: datetime
    finalised_at: datetime
    form: FormRef
    pack: PackRef
    corrects: str | None = Field(default=None, description="UUID of a notification this one corrects")
    acute: bool = Field(description="The notifier judged the child in danger right now")
    child: Child
    siblings: list[Sibling] = Field(default_factory=list)
    custody_holders: list[CustodyHolder] = Field(default_factory=list)
    notifier: Notifier
    concern: Concern
    other_professionals: list[OtherProfessional] = Field(default_factory=list)
    earlier_notifications: str | None = None
    attachments: list[AttachmentRef] = Field(default_factory=list)

    def to_json_bytes(self) -> bytes:
        """The canonical bytes that go into the envelope (UTF-8, stable key order)."""
        return self.model_dump_json(indent=2).encode("utf-8")


def json_schema() -> dict[str, object]:
    """The JSON Schema for ``notification.json``, as published in ``forms/schema/``."""
    schema = NotificationDocument.model_json_schema()
    schema["$id"] = SCHEMA_ID
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema
