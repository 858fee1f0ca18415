"""The Danish UI says what the wording review (issue 19) asked for, finding by finding.

Read straight from the committed translations (i18n/*_da.ts), so a later edit that brings an old
wording back fails here with the finding's number. The receipt texts are also checked on screen, in
Danish and English (tests/ui/shell/test_receipt_wording.py); the copy's labels in
tests/unit/documents/test_labels.py.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path

import pytest
import yaml

from desktop.domain import glossary

ROOT = Path(__file__).resolve().parents[3]


@cache
def danish(area: str) -> dict[str, str]:
    """Source text -> Danish translation for one UI area."""
    tree = ET.parse(ROOT / "i18n" / f"underret_{area}_da.ts")
    return {m.findtext("source") or "": "".join(m.find("translation").itertext())  # type: ignore[union-attr]
            for m in tree.getroot().iter("message")}


@pytest.mark.parametrize(("finding", "area", "source", "expected"), [
    (1, "delivery", "%1 has not sent a receipt within six working days.",
     "%1 har ikke sendt kvittering inden for seks hverdage."),
    (1, "delivery", "I have received the municipality's &receipt", "Jeg har fået kommunens &kvittering"),
    (2, "shell", "Receipt due", "Kvittering senest"),
    (3, "delivery", "Secure e-mail gives no automatic message of receipt.",
     "Sikker mail giver ingen automatisk besked om modtagelse."),
    (7, "wizard", "&Finish and send", "&Gør færdig og send"),
    (7, "shell", "Finalised", "Færdig"),
    (7, "shell", "&Quit", "&Afslut"),
    (16, "wizard", "With this birth date the child is 18 or older. A notification must be about a "
     "child under 18. Please check that it is typed correctly.",
     "Med denne fødselsdato er barnet 18 år eller ældre. En underretning skal handle om et barn "
     "under 18 år. Tjek, at det er skrevet rigtigt."),
    (17, "wizard", "You have answered that you suspect violence or abuse at home, and that a parent "
     "knows about the notification. Please write under “What happened?” when and how the parent "
     "came to know.",
     "Du har svaret, at du har mistanke om vold eller overgreb i hjemmet, og at en forælder kender til "
     "underretningen. Skriv under »Hvad er der sket?«, hvornår og hvordan forælderen fik det at vide."),
    (18, "demo", "Reference", "Referencenummer"),
    (18, "shell", "Reference number", "Referencenummer"),
    (20, "delivery", "Code for IT (sender key fingerprint)", "Kode til it-afdelingen"),
    (22, "shell", "The guideline pack {file} cannot be used ({path}: {problem}). "
     "The last good pack stays in use.",
     "Retningslinjerne i {file} kan ikke bruges ({path}: {problem}). "
     "De seneste brugbare retningslinjer bruges fortsat."),
    (39, "shell", "The guided notification form will open here.", "Underretningen åbner her."),
    (40, "documents", "Print…", "Udskriv …"),
    (40, "wizard", "Write the date and time as day-month-year hours:minutes, e.g. 24-12-2019 08:15.",
     "Skriv dato og klokkeslæt som dag-måned-år time.minut, fx 24-12-2019 08.15."),
])
def test_the_finding_is_worded_as_the_review_asked(finding: int, area: str, source: str,
                                                   expected: str) -> None:
    assert danish(area)[source] == expected, f"wording review finding {finding}"


@pytest.mark.parametrize(("finding", "area", "source", "contains"), [
    (7, "wizard", "This notification is finished and locked; it can no longer be changed. "
     "To correct it, write a correction: a new notification that refers to this one.",
     "Underretningen er færdig og låst"),
    (14, "delivery", "the receiving service could not prove it is the municipality's (wrong certificate), so "
     "nothing was sent", "at det er kommunens"),
    (19, "shell", "Your notifications are kept safe on this PC in your own profile, so only you can "
     "open them. Type your name (it names the profile) and choose how the profile is protected.",
     "gemmes sikkert på denne pc i din egen profil, så kun du kan åbne dem"),
    (19, "delivery", "Sending is not set up on this PC yet, so the notification cannot be sealed for the "
     "municipality. What you wrote is kept. Please contact IT, and phone the municipality if the matter is "
     "urgent.", "kan ikke sendes sikkert til kommunen"),
    (20, "shell", "This PC's password storage cannot give Underret the key right now. Type your recovery "
     "passphrase to open your notifications.", "Pc'ens gemte adgangskoder kan ikke åbne din profil"),
])
def test_the_finding_s_words_are_in_the_sentence(finding: int, area: str, source: str, contains: str) -> None:
    assert contains in danish(area)[source], f"wording review finding {finding}"


def test_quit_and_finalise_are_never_the_same_word() -> None:
    # Finding 7: "Afslut" is Quit; finalising is "gøre færdig" everywhere.
    for area in ("shell", "wizard", "delivery"):
        for source, text in danish(area).items():
            if "quit" in source.lower():
                assert "afslut" in text.lower(), source
            elif "finalis" in source.lower() or "finish" in source.lower():
                assert "afslut" not in text.lower() and "færdig" in text.lower(), source


# The re-check after the review (issue 19, cases not in the review's list).

@cache
def english(area: str) -> dict[str, str]:
    """Source text -> English translation for one UI area."""
    tree = ET.parse(ROOT / "i18n" / f"underret_{area}_en.ts")
    return {m.findtext("source") or "": "".join(m.find("translation").itertext())  # type: ignore[union-attr]
            for m in tree.getroot().iter("message")}


AREAS = sorted(p.name.removeprefix("underret_").removesuffix("_da.ts")
               for p in (ROOT / "i18n").glob("*_da.ts"))


def test_the_intake_s_automatic_answer_is_a_message_of_receipt_at_the_desk_too() -> None:
    # The desk's staff send the kvittering themselves; the intake's signed answer is another thing.
    for source, text in danish("desk").items():
        if "confirmation of delivery" in source:
            assert "besked om modtagelse" in text and "kvittering" not in text.lower(), source
    assert not [s for s in danish("desk") if "intake's receipt" in s]


def test_a_purged_notification_does_not_claim_a_kvittering_is_kept() -> None:
    # Only the intake's message of receipt is kept (if one came: never for secure e-mail).
    (text,) = [t for s, t in danish("shell").items()
               if s.startswith("The content of this notification was removed")]
    assert "kvittering" not in text.lower() and "besked om modtagelse" in text


def test_the_english_ui_says_receipt_not_kvittering() -> None:
    left = [(area, s) for area in AREAS for s, t in english(area).items() if "kvittering" in t.lower()]
    assert not left, left


def test_the_pc_s_saved_passwords_are_not_called_windows_on_every_system() -> None:
    # Underret runs on Linux and macOS too (GNOME keyring, Keychain).
    said = [t for area in AREAS for t in danish(area).values() if "gemte adgangskoder" in t]
    assert said and not [t for t in said if "Windows" in t]


def _yaml_danish(name: str) -> list[tuple[str, str]]:
    data = yaml.safe_load((ROOT / "forms" / name).read_text(encoding="utf-8"))
    return list(glossary.danish_texts(data, name))


PACKS = ("packs/national.yaml", "packs/demo-kommune.yaml")


@pytest.mark.parametrize("pack", PACKS)
def test_the_unlock_help_does_not_promise_a_recovery_passphrase_for_a_forgotten_one(pack: str) -> None:
    # A recovery passphrase exists only beside "Remember on this PC"; a forgotten personal passphrase
    # cannot be got back (the first-run window says so).
    (text,) = [t for w, t in _yaml_danish(pack) if w.endswith("help_pages[1].text.da")]
    assert "kan du bruge din reserveadgangskode" not in text
    assert "Har du glemt din personlige adgangskode, kan ingen" in text


@pytest.mark.parametrize("name", ["notification.yaml", *PACKS])
def test_the_section_137_message_is_the_municipality_s_duty_not_a_promise(name: str) -> None:
    texts = [t for _, t in _yaml_danish(name)]
    assert not [t for t in texts if "Senere får du besked" in t]
    assert [t for t in texts if "Senere skal kommunen give dig besked om, hvorvidt" in t]


def test_in_doubt_the_form_says_the_municipality_you_work_in() -> None:
    # »Din egen kommune« reads as where you live; the law lets you send it to where you work.
    texts = [t for _, t in _yaml_danish("notification.yaml")]
    assert not [t for t in texts if "din egen kommune" in t]
    assert [t for t in texts if "vælg den kommune, du arbejder i" in t]


def test_parents_may_read_it_is_not_said_as_they_do_read_it() -> None:
    for name in ("notification.yaml", *PACKS):
        assert not [t for _, t in _yaml_danish(name) if "det gør de som regel" in t], name


def test_the_demo_municipality_s_model_matches_the_scale_it_shows() -> None:
    # Its scale has three positions; »BTI i fire niveauer« alone read as a second, missing scale.
    (text,) = [t for w, t in _yaml_danish("packs/demo-kommune.yaml")
               if w.endswith("notifying_in_local_model.da")]
    assert "tre positioner" in text and "uanset position og niveau" in text


def test_the_bruised_baby_debrief_does_not_make_the_trainee_take_him_to_a_doctor() -> None:
    # Parents are not told yet: the pædagog cannot see to a doctor's visit; the municipality decides.
    (text,) = [t for w, t in _yaml_danish("demo/baby-bruise.yaml") if w.endswith("debrief.da")]
    assert "sørg for, at Noah" not in text
    assert "kommunen beslutter" in text and "112" in text


def test_the_copy_s_own_number_is_not_called_the_referencenummer() -> None:
    # The copy prints the first block of the notification's id before it is sent; the list, the delivery
    # panel and the desk show the receiving system's referencenummer (»DEMO-2026-000418«): one name for
    # two numbers sent a notifier on the phone to read out the wrong one.
    from desktop.documents.labels import LABELS
    assert LABELS["da"]["doc.reference"] == "Underretningsnummer"
    assert danish("shell")["Reference number"] == "Referencenummer"


def test_demo_kommune_keeps_the_same_opening_hours_in_its_pack_and_in_the_training_directory() -> None:
    # A trainee sees both (whom to call; the municipality picker): one said 8–15 every weekday.
    forms = ROOT / "forms"
    pack = yaml.safe_load((forms / "packs" / "demo-kommune.yaml").read_text(encoding="utf-8"))
    directory = yaml.safe_load((forms / "directory" / "demo-municipalities.yaml").read_text(encoding="utf-8"))
    (office,) = [c for c in pack["contacts"]
                 if c["name"]["da"] == "Demo Kommune, børne- og familieafdelingen"]
    (demo,) = [m for m in directory["municipalities"] if m["code"] == "999"]
    assert office["hours"]["da"].lower() in demo["phones"]["office_hours"]["hours"]["da"].replace("kl. ", "")


@pytest.mark.parametrize("pack", PACKS)
@pytest.mark.parametrize("signal", ["violence.shaken_baby", "substance.intoxicated_parent",
                                    "selfharm.wants_to_die"])
def test_a_sign_that_needs_an_ambulance_or_the_police_says_112(pack: str, signal: str) -> None:
    # »Barnet skal til læge med det samme« left a pædagog with a limp baby wondering who takes it.
    data = yaml.safe_load((ROOT / "forms" / pack).read_text(encoding="utf-8"))
    (sign,) = [s for s in data["signals"] if s["id"] == signal]
    assert sign["acute"] and "112" in sign["help"]["da"] and "112" in sign["help"]["en"]


def test_one_english_text_has_one_danish_text_in_every_area() -> None:
    # »Annuller« in the notifier's app, »Annullér« at the desk: the same button, two spellings.
    seen: dict[str, set[str]] = {}
    for area in AREAS:
        for source, text in danish(area).items():
            seen.setdefault(source.replace("&", ""), set()).add(text.replace("&", ""))
    assert {s: t for s, t in seen.items() if len(t) > 1} == {}


def test_the_sender_s_signature_has_one_name_on_the_municipality_s_side() -> None:
    # The demo's »Kommunen« window, the desk and the secure e-mail show the same thing.
    assert danish("demo")["Sender's signature"] == "Afsenderens signatur"
    assert danish("desk")["The sender's signature does not match: the envelope was changed on the way."] \
        .startswith("Afsenderens signatur")


def test_the_review_page_owes_the_receipt_and_the_section_137_message_to_a_professional_only() -> None:
    # A private person may notify with this form too; the law owes them neither (the finish question
    # says so as well, tests/ui/wizard/test_finalise_summary.py).
    (text,) = [t for w, t in _yaml_danish("notification.yaml") if ".fields[0].help.da" in w
               and "Når underretningen er sendt" in t]
    assert "Har du underrettet som fagperson" in text
    assert text.index("som fagperson") < text.index("kvittering") < text.index("besked om, hvorvidt")
