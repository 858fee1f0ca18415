"""A received notification as the desk lists, links and counts it.

The desk reads ``notification.json`` from a decrypted envelope and keeps, beside the whole
document, the few fields it sorts, links and counts by: the child's identifiers (CPR, birth
date, the unborn child's expectant mother's CPR, the parents' CPR numbers), the § 133 grounds,
the concern categories, the notifier and the acute flag. :func:`from_document` is the one place
that knows the document's layout: schema version 2 (codes; ``desktop.domain.document``), and
version 1 read through ``protocol.notification_v1.upgrade_v1`` (its grounds derived, as marked
``upgraded_from: 1``; its category labels kept from the v1 signals).

Pure Python: no Qt, no store, no network.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any

from desktop.errors import UnderretError

_CPR_DIGITS = re.compile(r"^(\d{6})-?(\d{4})$")


class DocumentUnreadable(UnderretError):  # noqa: N818 - house style: errors named for what happened
    """A decrypted ``notification.json`` the desk cannot read (not JSON, unknown version, fields missing)."""

    message_id = "desk.document_unreadable"


class Ground(StrEnum):
    """The grounds of barnets lov § 133, stk. 1 (the v2 document's codes, code list ``grounds``)."""

    SPECIAL_SUPPORT = "special_support"  # nr. 1: may need special support
    UNBORN_CHILD = "unborn_child"  # nr. 2: may need support right after birth (the expectant parents)
    SCHOOL_ABSENCE = "school_absence"  # nr. 3: unlawful absence / compulsory education
    ABUSE = "abuse"  # nr. 4: has been subjected to abuse (overgreb)


class Profession(StrEnum):
    """The notifier's profession, for the council's yearly report (never a name or a free text)."""

    TEACHER = "teacher"
    EDUCATOR = "educator"  # pædagog, dagplejer, medhjælper in daycare
    HEALTH = "health"  # sundhedsplejerske, læge, sygeplejerske, jordemoder, tandpleje
    SOCIAL = "social"  # socialrådgiver, PPR, psykolog
    LEADER = "leader"  # skoleleder, dagtilbudsleder
    OTHER = "other"


#: A v1 notifier's free-text role, matched by word stem (lower case) to a profession.
_PROFESSION_STEMS: tuple[tuple[str, Profession], ...] = (
    ("leder", Profession.LEADER),
    ("lærer", Profession.TEACHER), ("teacher", Profession.TEACHER), ("underviser", Profession.TEACHER),
    ("pædagog", Profession.EDUCATOR), ("dagplejer", Profession.EDUCATOR), ("educator", Profession.EDUCATOR),
    ("medhjælper", Profession.EDUCATOR),
    ("sundhedsplejerske", Profession.HEALTH), ("læge", Profession.HEALTH),
    ("sygeplejerske", Profession.HEALTH),
    ("jordemoder", Profession.HEALTH), ("nurse", Profession.HEALTH), ("doctor", Profession.HEALTH),
    ("health", Profession.HEALTH), ("tandlæge", Profession.HEALTH), ("midwife", Profession.HEALTH),
    ("socialrådgiver", Profession.SOCIAL), ("psykolog", Profession.SOCIAL), ("ppr", Profession.SOCIAL),
    ("social", Profession.SOCIAL), ("psycholog", Profession.SOCIAL),
)


@dataclass(frozen=True)
class ReceivedNotification:
    """What the desk knows of one received notification (the whole document is kept beside it).

    CPR numbers are ten digits without a dash; ``received_at`` is the intake's signed receipt time.
    """

    notification_id: str
    reference: str
    received_at: datetime
    acute: bool
    child_name: str
    child_cpr: str | None
    child_birth_date: date | None
    unborn: bool
    due_date: date | None
    mother_cpr: str | None
    parent_cprs: tuple[str, ...]
    age_band: str
    grounds: tuple[str, ...]
    categories: tuple[str, ...]
    #: One per category, in the same order ("" where the document gives no label, as v2 documents).
    category_labels: tuple[str, ...]
    notifier_name: str
    notifier_role: str
    profession: str
    workplace: str
    municipality_code: str
    schema_version: int = 1
    sibling_cprs: tuple[str, ...] = field(default=())
    #: The intake's sequence number (its order of receipt; 0 until the desk keeps it).
    seq: int = 0

    def __repr__(self) -> str:
        # Keeps names and CPR numbers out of tracebacks and debug output.
        return f"ReceivedNotification({self.notification_id})"


def cpr_digits(value: object) -> str | None:
    """Ten digits from ``DDMMYYSSSS`` or ``DDMMYY-SSSS``; None for anything else."""
    if not isinstance(value, str):
        return None
    match = _CPR_DIGITS.match(value.strip())
    return match.group(1) + match.group(2) if match else None


def profession_of(role: str) -> Profession:
    """The profession a notifier's role names (first matching word stem), else OTHER."""
    text = role.casefold()
    for stem, profession in _PROFESSION_STEMS:
        if stem in text:
            return profession
    return Profession.OTHER


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def _date(value: object) -> date | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _unique(values: Sequence[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v for v in values if v))


def _mapping(value: object, what: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise DocumentUnreadable(f"notification.json has no {what}", field=what)
    return value


def _list(value: object) -> list[Any]:
    return list(value) if isinstance(value, list) else []


def _code(value: object) -> str:
    """A coded answer in v2 is a string code or an object with a ``code``."""
    if isinstance(value, Mapping):
        return _text(value.get("code"))
    return _text(value)


def _labels_v1(document: Mapping[str, Any]) -> dict[str, str]:
    """A v1 document's category labels (v1 carried them; v2 has codes only)."""
    concern = document.get("concern")
    labels: dict[str, str] = {}
    if isinstance(concern, Mapping):
        for signal in _list(concern.get("signals")):
            if isinstance(signal, Mapping):
                labels.setdefault(_text(signal.get("category_id")), _text(signal.get("category_label")))
    return labels


def _category_label(pack: Mapping[str, Any], language: str, category_id: str) -> str:
    """A category's label from the guideline pack the notification names (the code when unknown)."""
    from desktop.domain.vocabulary import vocabulary_for

    try:
        vocabulary = vocabulary_for(_text(pack.get("id")), language, _text(pack.get("version")) or None)
    except (OSError, ValueError, KeyError):
        return ""
    label = vocabulary.category(category_id)
    return "" if label == category_id else label


def from_document(document: Mapping[str, Any], *, reference: str,
                  received_at: datetime) -> ReceivedNotification:
    """Read the fields the desk needs from a ``notification.json`` (schema version 2, or 1 upgraded).

    Raises DocumentUnreadable naming the missing part; never includes content in the message.
    """
    from protocol.notification_v1 import (
        NotificationUnreadable,
        derived_grounds,
        schema_version_of,
        upgrade_v1,
    )

    try:
        version = schema_version_of(document)
    except NotificationUnreadable as exc:
        raise DocumentUnreadable("notification.json has an unknown schema version",
                                 field="schema_version") from exc
    labels = _labels_v1(document) if version == 1 else {}
    if version == 1:
        # A v1 answer no code list knows: the desk still lists and links it from the fields it reads
        # (the same names in v1), and shows the document as it came. Nothing is lost.
        with contextlib.suppress(NotificationUnreadable):
            document = upgrade_v1(document)
    notification_id = _text(document.get("notification_id"))
    if not notification_id:
        raise DocumentUnreadable("notification.json has no notification_id", field="notification_id")
    child = _mapping(document.get("child"), "child")
    notifier = _mapping(document.get("notifier"), "notifier")
    concern = _mapping(document.get("concern"), "concern")
    pack = document.get("pack") if isinstance(document.get("pack"), Mapping) else {}
    assert isinstance(pack, Mapping)
    language = _text(document.get("language")) or "da"
    identity = _code(child.get("identity"))
    unborn = identity == "unborn"
    signals = [s for s in _list(concern.get("signals")) if isinstance(s, Mapping)]
    categories = _unique([_text(s.get("category_id")) for s in signals])
    category_labels = tuple(labels.get(c) or _category_label(pack, language, c) for c in categories)
    parents = [p for p in _list(document.get("custody_holders")) if isinstance(p, Mapping)]
    parent_cprs = _unique([d for d in (cpr_digits(p.get("cpr")) for p in parents) if d])
    mother = child.get("expectant_mother")
    identifying = mother if isinstance(mother, Mapping) else {}
    mother_cpr = cpr_digits(identifying.get("cpr"))
    grounds = _unique([_code(g) for g in _list(document.get("grounds"))]) or tuple(
        derived_grounds(identity, set(categories)))
    role = _text(notifier.get("role"))
    child_cpr = cpr_digits(child.get("cpr"))
    birth = _date(child.get("birth_date"))
    if birth is None and child_cpr is not None:
        birth = _birth_date_of(child_cpr)
    siblings = [s for s in _list(document.get("siblings")) if isinstance(s, Mapping)]
    return ReceivedNotification(
        notification_id=notification_id,
        reference=reference,
        received_at=received_at.astimezone(UTC),
        acute=document.get("acute") is True,
        child_name=_text(child.get("name")) or _text(identifying.get("name")),
        child_cpr=child_cpr,
        child_birth_date=birth,
        unborn=unborn,
        due_date=_date(child.get("due_date")),
        mother_cpr=mother_cpr,
        parent_cprs=parent_cprs,
        age_band=_code(child.get("age_band")),
        grounds=grounds,
        categories=categories,
        category_labels=category_labels,
        notifier_name=_text(notifier.get("name")),
        notifier_role=role,
        profession=profession_of(role).value,
        workplace=_text(notifier.get("workplace")),
        municipality_code=_text(child.get("municipality_code")) or _text(pack.get("municipality_code")),
        schema_version=version,
        sibling_cprs=_unique([d for d in (cpr_digits(s.get("cpr")) for s in siblings) if d]),
    )


def _birth_date_of(digits: str) -> date | None:
    from desktop.domain.cpr import CprInvalid, parse_cpr

    try:
        return parse_cpr(digits).birth_date
    except CprInvalid:
        return None


def age_text_parts(notification: ReceivedNotification, today: date) -> tuple[str, int]:
    """How old the child is on ``today``: ("unborn", 0), ("months", n) under one year, or ("years", n);
    ("unknown", 0) without a birth date."""
    if notification.unborn:
        return "unborn", 0
    birth = notification.child_birth_date
    if birth is None or birth > today:
        return "unknown", 0
    months = (today.year - birth.year) * 12 + today.month - birth.month - (today.day < birth.day)
    if months < 12:
        return "months", months
    return "years", months // 12
