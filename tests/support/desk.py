"""Fictitious received notifications for the desk's tests (pure rules, vault, windows).

``received(...)`` builds a :class:`ReceivedNotification` directly; ``document_about(...)`` a
``notification.json`` (schema version 1, as the app writes today) about a child, for tests that
go through decryption and the adapter. Every name and CPR number here is invented; the CPR numbers
are of the fictitious kind (``desktop.domain.cpr.make_fictitious``).
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Any

from desktop.desk.received import ReceivedNotification
from desktop.domain.cpr import make_fictitious
from tests.support.document import sample_document_v1

#: A marker that must never appear outside the desk's vault (scanned for on disk and at the intake).
MARKER = "ZQXJ-DESK-MARKER-7731"


def fictitious_cpr(birth: date, serial: int = 0) -> str:
    """A fictitious CPR number (ten digits) for a child born on ``birth``."""
    return make_fictitious(birth, serial).digits


def received(*, when: datetime, cpr: str | None = None, name: str = "Ada Ærø", acute: bool = False,
             unborn: bool = False, mother_cpr: str | None = None, parents: tuple[str, ...] = (),
             due: date | None = None, birth: date | None = None, grounds: tuple[str, ...] = ("support",),
             categories: tuple[str, ...] = ("neglect",), profession: str = "teacher",
             age_band: str = "6-12", notification_id: str | None = None,
             role: str = "Lærer", workplace: str = "Ærøskøbing Skole") -> ReceivedNotification:
    """A received notification with only what the rules look at."""
    return ReceivedNotification(
        notification_id=notification_id or str(uuid.uuid4()), reference="DEMO-2026-000001",
        received_at=when.astimezone(UTC), acute=acute, child_name=name, child_cpr=cpr,
        child_birth_date=birth, unborn=unborn, due_date=due, mother_cpr=mother_cpr, parent_cprs=parents,
        age_band=age_band, grounds=grounds, categories=categories, category_labels=(),
        notifier_name="Mette Sørensen", notifier_role=role, profession=profession, workplace=workplace,
        municipality_code="492")


def document_about(*, name: str, cpr: str, birth: date, acute: bool = False,
                   notification_id: str | None = None, observations: str = "",
                   role: str = "Pædagog", category: str = "neglect") -> dict[str, Any]:
    """A schema-1 ``notification.json`` (as a dict) about one child, built from the shared sample."""
    document = sample_document_v1()
    document["notification_id"] = notification_id or str(uuid.uuid4())
    document["acute"] = acute
    document["child"].update({"name": name, "cpr": cpr, "birth_date": birth.isoformat()})
    document["notifier"]["role"] = role
    document["concern"]["signals"] = [{"id": f"{category}.sign", "category_id": category,
                                       "label": "Et tegn", "category_label": category.title(),
                                       "acute": acute}]
    if observations:
        document["concern"]["observations"] = observations
    document["finalised_at"] = datetime(2026, 3, 3, 13, 5, tzinfo=UTC).isoformat()
    return document
