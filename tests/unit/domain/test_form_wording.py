"""The form's Danish says what the law and the municipality do, in the words of the wording review.

Each test names the finding in /work/shared/reviews/danish-wording.md (December 2026) it holds to: a
promise the municipality may not keep, a sentence a pædagog reads the wrong way, a term the glossary
replaced. The texts are read from the shipped form and code lists, as the wizard and the documents show them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, date, datetime
from typing import Any

import yaml

from desktop.domain.forms import FormDefinition, FormField, load_form
from desktop.paths import forms_dir
from protocol.codes import code_list, code_lists

FORM: FormDefinition = load_form()


def _da(field_id: str, part: str = "help") -> str:
    field = FORM.field(field_id)
    text = getattr(field, part)
    assert text is not None, f"{field_id} has no {part}"
    return str(text.da)


def _sub(group_id: str, sub_id: str) -> FormField:
    sub = FORM.field(group_id).sub_field(sub_id)
    assert sub is not None
    return sub


def _danish_texts(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "da" and isinstance(value, str):
                yield value
            else:
                yield from _danish_texts(value)
    elif isinstance(node, list):
        for value in node:
            yield from _danish_texts(value)


def _all_danish() -> list[str]:
    files = [forms_dir() / "notification.yaml", *sorted((forms_dir() / "codes").glob("*.yaml"))]
    return [text for path in files for text in _danish_texts(yaml.safe_load(path.read_text("utf-8")))]


def test_what_happens_next_says_the_kvittering_is_the_municipality_s_duty_and_names_the_137_message() -> None:
    # Finding 4 and 40: "Du får en kvittering inden for 6 hverdage" promised what not every
    # municipality delivers, and left out the message about what the notification led to.
    text = " ".join(_da("review.next_steps").split())
    assert "Du får en kvittering" not in text
    assert "6 hverdage" not in text
    assert ("Kommunen skal sende dig en kvittering inden for seks hverdage. "
            "Får du ingen, så ring til kommunen.") in text
    assert ("Senere skal kommunen give dig besked om, hvorvidt underretningen har ført til "
            "en undersøgelse eller støtte") in text
    english = " ".join(str(FORM.field("review.next_steps").help.en).split())  # type: ignore[union-attr]
    assert "must send you a receipt within six working days" in english
    assert "led to an investigation or support" in english


def test_about_you_says_the_parents_usually_learn_who_wrote_it() -> None:
    # Finding 5: upset users should hear this before sending, not from the parents.
    intro = FORM.section("notifier").intro
    assert intro is not None
    assert ("Forældrene kan som regel læse underretningen og får at vide, "
            "at det er dig, der har skrevet den.") in (
        " ".join(intro.da.split()))
    assert "The parents can usually read the notification and are told that it is you who wrote it." in (
        " ".join(intro.en.split()))


def test_what_happened_asks_to_write_the_own_assessment_separately_not_to_keep_it() -> None:
    # Finding 6: "Hold din egen vurdering for sig" reads as "keep it to yourself".
    intro = FORM.section("events").intro
    assert intro is not None
    assert "Hold din egen vurdering" not in intro.da
    assert "Skriv din egen vurdering for sig, i feltet længere nede." in " ".join(intro.da.split())


def test_the_duty_question_says_professional_or_private_person_and_explains_both() -> None:
    # Findings 8 and 9: legal jargon with no help for the option that invites a wrong answer,
    # and private schools and daycare left out.
    assert _da("notifier.duty", "label") == (
        "Underretter du som fagperson (skærpet underretningspligt) eller som privatperson?")
    duty = code_list("duty")
    enhanced, general = duty.get("enhanced"), duty.get("general")
    assert enhanced is not None and general is not None
    assert enhanced.help is not None and general.help is not None
    assert "også ansatte i private skoler og private dagtilbud" in enhanced.help["da"]
    assert "privat" in general.label["da"].lower()
    assert "dit arbejde" in general.help["da"]


def test_the_parents_not_told_guidance_says_wait_and_names_honour_in_correct_danish() -> None:
    # Findings 12 and 13: what "først" means was unclear; "familiens ærens navn" is a double genitive.
    assert _da("family.protect_guidance", "label") == "Vent med at fortælle forældrene om underretningen"
    help_text = " ".join(_da("family.protect_guidance").split())
    assert "ærens" not in help_text
    assert "trusler med henvisning til familiens ære" in help_text


def test_the_child_s_words_help_is_grammatical() -> None:
    # Finding 14.
    text = " ".join(_da("events.child_words").split())
    assert "også selv om det er groft sprog eller grammatisk forkert" in text


def test_the_manager_writes_under_the_notification() -> None:
    # Finding 15 and the glossary: "lederen skriver under", not "står med på".
    assert _da("notifier.manager_cosigns", "label") == "Skriver din leder også under på underretningen?"
    assert "skriver under" in _da("notifier.manager")
    assert not [text for text in _all_danish() if "står med på" in text]


def test_glossary_terms_in_the_form_and_its_code_lists() -> None:
    # Findings 36, 37, 39 and the glossary (stilling, klasse/stue/gruppe, position not trin, »…«).
    assert _da("signals.checked", "label") == "Bekymringstegn"
    frequency = code_list("frequency").get("several")
    assert frequency is not None and frequency.label["da"] == "Et par gange"
    assert code_list("frequency").code_for_label("Nogle gange") == "several"  # v1 notifications still read
    assert _sub("family.custody_holders", "interpreter_language").label.da == (
        "Har forælderen brug for tolk? Hvilket sprog?")
    assert _sub("others.professionals", "role").label.da == "Stilling"
    assert _da("child.group_or_class", "label") == "Klasse, stue eller gruppe"
    assert "trin" not in _da("events.worry_level").split()
    texts = _all_danish()
    odd_marks = [text for text in texts if '"' in text or "“" in text or "—" in text]
    assert not odd_marks, "quotes are »…«, dashes –"
    assert not [text for text in texts if "Tegn på bekymring" in text]
    assert not [text for text in texts if re.search(r"\bman\b", text)], "du, not man (finding 40)"
    assert all(code.label["da"] for codes in code_lists().values() for code in codes)


def test_a_notification_answered_as_a_private_person_still_builds_and_prints(
        complete_answers: dict[str, Any]) -> None:
    # Finding 8 kept the code "general" (rephrased, with help on both options, not removed): drafts and
    # notifications written with it still validate, build and print.
    import io

    import pypdf

    from desktop.documents.pdf import render_pdf
    from desktop.domain.building import build_document
    from desktop.domain.document import DutyType
    from desktop.domain.packs import national_pack
    from desktop.domain.validation import validate

    answers = {**complete_answers, "notifier.duty": "general"}
    assert [p for p in validate(FORM, national_pack(), answers, today=date(2026, 11, 23)) if p.blocking] == []
    document = build_document(FORM, national_pack(), answers,
                              notification_id="0b7f1f2e-3c1a-4d1e-9a51-5e3b0a4f9c11",
                              created_at=datetime(2026, 11, 20, 9, 0, tzinfo=UTC),
                              finalised_at=datetime(2026, 11, 23, 10, 30, tzinfo=UTC), language="da")
    assert document.notifier.duty is DutyType.GENERAL
    pdf = render_pdf(document)
    text = " ".join(" ".join(p.extract_text().split()) for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    assert "Underretningspligt Almindelig underretningspligt" in text  # the municipality's legal term
