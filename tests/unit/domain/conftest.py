"""Shared fixtures for the domain tests: the shipped form and packs, a fixed 'today'."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.domain.forms import FormDefinition, load_form
from desktop.domain.packs import GuidelinePack, national_pack

TODAY = date(2026, 11, 23)


@pytest.fixture(scope="session")
def form() -> FormDefinition:
    return load_form()


@pytest.fixture(scope="session")
def national() -> GuidelinePack:
    return national_pack()


@pytest.fixture
def today() -> date:
    return TODAY


def complete_answers_for(identity: str = "cpr") -> dict[str, object]:
    """Answers a careful teacher would give for a 9-year-old (fictitious CPR number)."""
    answers: dict[str, object] = {
        "acute.in_danger": False,
        "child.identity": identity,
        "child.name": "Emma Louise Hansen",
        "child.address": "Skolevej 1, 9999 Demoby",
        "child.institution": "Demo Skole",
        "child.group_or_class": "3.B",
        "child.languages": "dansk, arabisk",
        "child.siblings": [{"name": "Oskar Hansen", "birth_date": "2020-05-01"}],
        "signals.checked": ["neglect.hunger", "violence.child_tells"],
        "events.observations": "Mandag kl. 8.15 havde Emma et blåt mærke på venstre kind.",
        "events.sources": ["seen", "child_told"],
        "events.when": "2026-11-16T08:15",
        "events.where": "Klasseværelset",
        "events.frequency": "several",
        "events.child_words": "Far bliver sur, når jeg spilder.",
        "events.actions_taken": "Jeg talte med Emma og med min leder.",
        "events.assessment": "Jeg er bekymret for, hvad der sker derhjemme.",
        "events.worry_level": "red",
        "family.abuse_in_household": True,
        "family.custody_holders": [
            {
                "name": "Karin Hansen",
                "relation": "mor",
                "has_custody": True,
                "informed": {"value": False, "why_not": "Mistanke om vold i hjemmet."},
            },
        ],
        "others.professionals": [{"name": "Sundhedsplejerske Demo", "role": "Sundhedsplejerske"}],
        "others.earlier_known": "no",
        "notifier.name": "Lærer Demo",
        "notifier.role": "Lærer",
        "notifier.workplace": "Demo Skole",
        "notifier.work_address": "Skolevej 1, 9999 Demoby",
        "notifier.phone": "+45 00 00 00 00",
        "notifier.email": "laerer@demo-skole.invalid",
        "notifier.duty": "enhanced",
        "notifier.manager_informed": True,
        "notifier.manager": {"name": "Skoleleder Demo", "role": "Skoleleder", "phone": "", "email": ""},
        "notifier.manager_cosigns": True,
    }
    if identity == "cpr":
        answers["child.cpr"] = "150317-4001"  # fictitious: fails modulus 11, not 1 January
    elif identity == "birth_date":
        answers["child.birth_date"] = "2017-03-15"
    else:
        answers["child.due_date"] = "2027-03-01"
        del answers["child.name"]
        answers["signals.checked"] = ["unborn.substance"]
    return answers


@pytest.fixture
def complete_answers() -> dict[str, object]:
    return complete_answers_for("cpr")


@pytest.fixture
def answers_for() -> object:
    """``answers_for("cpr" | "birth_date" | "unborn")``: complete answers for that kind of child."""
    return complete_answers_for
