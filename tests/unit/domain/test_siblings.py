"""A notification about a sibling starts with the family filled in and nothing of the first child's story."""

from __future__ import annotations

from typing import Any

from desktop.domain.forms import FormDefinition
from desktop.domain.siblings import known_siblings, sibling_answers


def test_the_chosen_sibling_becomes_the_child_and_the_family_part_is_kept(
    form: FormDefinition, complete_answers: dict[str, Any]
) -> None:
    complete_answers["family.custody_holders"][0].update(cpr="010190-4002", reaction="Vred",
                                                          address="Skolevej 1, 9999 Demoby")
    assert known_siblings(complete_answers) == ["Oskar Hansen"]

    new = sibling_answers(complete_answers, form.version, 0)

    assert new["meta.form_version"] == form.version
    assert (new["child.name"], new["child.identity"], new["child.birth_date"]) == (
        "Oskar Hansen", "birth_date", "2020-05-01")
    # The first child is now one of the new child's siblings.
    assert new["child.siblings"] == [{"name": "Emma Louise Hansen", "cpr": "150317-4001"}]
    for same in ("child.address", "child.municipality", "child.languages", "family.abuse_in_household",
                 "notifier.name", "notifier.email", "notifier.manager"):
        assert new[same] == complete_answers[same], same
    # Each parent as they are; whether they were told, and how they took it, is asked again.
    assert new["family.custody_holders"] == [{"name": "Karin Hansen", "relation": "mor", "cpr": "010190-4002",
                                              "has_custody": True, "address": "Skolevej 1, 9999 Demoby"}]
    for story in ("events.observations", "events.child_words", "signals.checked", "events.worry_level",
                  "grounds.section_133", "acute.in_danger", "child.cpr", "knowledge.role"):
        assert story not in new, story


def test_another_child_in_the_family_starts_with_the_child_left_blank(
    form: FormDefinition, complete_answers: dict[str, Any]
) -> None:
    new = sibling_answers(complete_answers, form.version, None)
    assert "child.name" not in new and "child.identity" not in new
    assert [s["name"] for s in new["child.siblings"]] == ["Emma Louise Hansen", "Oskar Hansen"]


def test_an_unborn_child_is_no_sibling_yet(form: FormDefinition,
                                          answers_for: Any) -> None:
    unborn = answers_for("unborn")
    new = sibling_answers(unborn, form.version, 0)
    assert new["child.name"] == "Oskar Hansen"
    assert "child.siblings" not in new
