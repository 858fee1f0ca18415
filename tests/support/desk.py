"""Fictitious received notifications for the desk's tests (pure rules, vault, windows).

``received(...)`` builds a :class:`ReceivedNotification` directly; ``document_about(...)`` a
``notification.json`` (schema version 1, as the app writes today) about a child, for tests that
go through decryption and the adapter. Every name and CPR number here is invented; the CPR numbers
are of the fictitious kind (``desktop.domain.cpr.make_fictitious``).
"""

from __future__ import annotations

import json
import uuid
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from desktop.desk.received import ReceivedNotification, from_document
from desktop.desk.store.received import IncomingNotification
from desktop.domain.cpr import make_fictitious
from tests.support.document import sample_document

if TYPE_CHECKING:
    from desktop.desk.store.vault import DeskVault

#: A marker that must never appear outside the desk's vault (scanned for on disk and at the intake).
MARKER = "ZQXJ-DESK-MARKER-7731"


def fictitious_cpr(birth: date, serial: int = 0) -> str:
    """A fictitious CPR number (ten digits) for a child born on ``birth``."""
    return make_fictitious(birth, serial).digits


def received(*, when: datetime, cpr: str | None = None, name: str = "Ada Ærø", acute: bool = False,
             unborn: bool = False, mother_cpr: str | None = None, parents: tuple[str, ...] = (),
             due: date | None = None, birth: date | None = None,
             grounds: tuple[str, ...] = ("special_support",),
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
    """A schema-2 ``notification.json`` (as a dict) about one child, built from the shared sample."""
    document = sample_document().model_dump(mode="json")
    document["notification_id"] = notification_id or str(uuid.uuid4())
    document["acute"] = acute
    document["grounds"] = ["special_support"]
    document["child"].update({"name": name, "cpr": f"{cpr[:6]}-{cpr[6:]}", "birth_date": birth.isoformat(),
                              "age_band": "6-12"})
    document["notifier"]["role"] = role
    # The sample's parents' CPR would make every child here a sibling of every other: none given.
    document["custody_holders"] = [holder | {"cpr": None} for holder in document["custody_holders"]]
    document["siblings"] = []
    document["attachments"] = []  # the sample lists a PDF these notifications do not carry
    document["concern"]["signals"] = [{"id": "neglect.hunger", "category_id": category, "acute": acute}]
    if observations:
        document["concern"]["observations"] = observations
    document["finalised_at"] = datetime(2026, 3, 3, 13, 5, tzinfo=UTC).isoformat()
    return document


def incoming(seq: int, *, name: str, cpr: str, birth: date, received: datetime, acute: bool = False,
             role: str = "Pædagog", observations: str = "") -> IncomingNotification:
    """A decrypted notification as the desk keeps it (document and a stand-in PDF)."""
    document = document_about(name=name, cpr=cpr, birth=birth, acute=acute, role=role,
                              observations=observations)
    facts = from_document(document, reference=f"AERO-2026-{seq:06d}", received_at=received)
    files = {"notification.json": json.dumps(document, ensure_ascii=False).encode("utf-8"),
             "notification.pdf": b"%PDF-1.7 fictitious"}
    return IncomingNotification(facts, seq, files, "aero-2026", "AB12 CD34", "00" * 32)


def seed_desk(vault: DeskVault, now: datetime) -> dict[str, str]:
    """Five notifications as a desk holds them at ``now``: an acute one just in, one past 24 hours
    unassessed, the third in 12 months about one child (the first two done), by role in the story."""
    from desktop.desk.store.handling import Step

    child = fictitious_cpr(date(2018, 4, 2))
    items = [
        incoming(1, name="Ida Ærø", cpr=child, birth=date(2018, 4, 2), received=now - timedelta(days=200),
                 role="Lærer"),
        incoming(2, name="Ida Ærø", cpr=child, birth=date(2018, 4, 2), received=now - timedelta(days=90),
                 role="Sundhedsplejerske"),
        incoming(3, name="Ida Ærø", cpr=child, birth=date(2018, 4, 2), received=now - timedelta(hours=2),
                 role="Pædagog", observations=f"Observation {MARKER}"),
        incoming(4, name="Bo Søndergaard", cpr=fictitious_cpr(date(2020, 6, 7)), birth=date(2020, 6, 7),
                 received=now - timedelta(hours=30)),
        incoming(5, name="Alma Østergaard", cpr=fictitious_cpr(date(2026, 8, 9)), birth=date(2026, 8, 9),
                 received=now - timedelta(minutes=20), acute=True),
    ]
    vault.received.add_many(items)
    for item in items[:2]:
        nid = item.facts.notification_id
        vault.handling.mirror(nid, Step.ASSESSED, item.facts.received_at + timedelta(hours=3), "KL")
        vault.handling.mirror(nid, Step.ACKNOWLEDGED, item.facts.received_at + timedelta(days=2), "KL")
    vault.settings.set("initials", "MK")
    vault.settings.set("unit", "Ærø Kommune, Børn og Familie")
    return {"acute_new": items[4].facts.notification_id, "overdue": items[3].facts.notification_id,
            "third_about_child": items[2].facts.notification_id, "assessed": items[0].facts.notification_id}


def seed_repeated(vault: DeskVault, now: datetime) -> str:
    """The "eleven unheeded" case (FOB 2014-19): eleven earlier notifications about one child over four
    years (three in the last 12 months), then a twelfth at ``now``; its id. The oldest eight were assessed
    and receipted and the first two handed over; nothing was done with the three since."""
    from desktop.desk.store.handling import Assessment, Step

    birth = date(2016, 9, 12)
    cpr = fictitious_cpr(birth, 3)
    days_ago = [1400, 1300, 1150, 1000, 900, 800, 650, 500, 300, 200, 100, 0]
    items = [incoming(100 + n, name="Storm Ærø", cpr=cpr, birth=birth, role=f"Lærer {n + 1}",
                      received=now - timedelta(days=ago, hours=1)) for n, ago in enumerate(days_ago)]
    vault.received.add_many(items)
    for n, item in enumerate(items[:8]):
        nid, at = item.facts.notification_id, item.facts.received_at
        vault.handling.record_assessment(nid, Assessment.NO_IMMEDIATE_DANGER, "")
        vault.handling.mirror(nid, Step.ASSESSED, at + timedelta(hours=5), "KL")
        vault.handling.mirror(nid, Step.ACKNOWLEDGED, at + timedelta(days=3), "KL")
        if n < 2:
            vault.handling.mirror(nid, Step.HANDED_OVER, at + timedelta(days=9), "KL")
    return items[-1].facts.notification_id
