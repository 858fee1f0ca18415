"""A complete, fictitious notification as the wizard stores it: its answers, keyed by field path.

One copy for every test folder (and the benchmarks) that needs a notification which
passes validation. Import it (``from tests.support.answers import complete_answers_for``)
or ask for the ``complete_answers`` / ``answers_for`` fixtures in ``tests/conftest.py``.
A test that relies on a particular value (a name with æøå, no other professionals)
sets it on its own copy: every call returns a new dictionary, so changes stay local.
"""

from __future__ import annotations

from typing import Any, Literal

#: How the child is identified: by CPR number, by birth date, or as an unborn child.
ChildIdentity = Literal["cpr", "birth_date", "unborn"]

#: A fictitious CPR number: a real date, but it fails modulus 11 and is not a 1 January number.
FICTITIOUS_CPR = "150317-4001"


def complete_answers_for(identity: ChildIdentity = "cpr") -> dict[str, Any]:
    """Answers a careful teacher would give for a 9-year-old (fictitious CPR number), or for an
    unborn child; every required field filled, every name and number invented.

    JSON values, typed as the vault stores them (``create_draft(answers: dict[str, Any], ...)``),
    so a test can reach into a nested answer (``answers["family.custody_holders"][0]``).
    """
    answers: dict[str, Any] = {
        "meta.form_version": "2.0.0",
        "acute.in_danger": False,
        "child.identity": identity,
        "child.name": "Emma Louise Hansen",
        "child.address": "Skolevej 1, 9999 Demoby",
        "child.institution": "Demo Skole",
        "child.group_or_class": "3.B",
        "child.languages": "dansk, arabisk",
        "child.siblings": [{"name": "Oskar Hansen", "birth_date": "2020-05-01"}],
        # Demo Kommune (999), the demo pack's own municipality.
        "child.municipality": "999",
        "knowledge.role": "Klasselærer",
        "knowledge.duration": "years_1_to_3",
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
        "grounds.section_133": ["special_support", "abuse"],
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
        answers["child.cpr"] = FICTITIOUS_CPR
    elif identity == "birth_date":
        answers["child.birth_date"] = "2017-03-15"
    else:
        answers["child.due_date"] = "2027-03-01"
        del answers["child.name"]
        del answers["child.address"]
        answers["mother.name"] = "Karin Hansen"
        answers["mother.cpr"] = "010190-4002"
        answers["mother.address"] = "Skolevej 1, 9999 Demoby"
        answers["signals.checked"] = ["unborn.substance"]
        answers["grounds.section_133"] = ["unborn_child", "abuse"]
    return answers
