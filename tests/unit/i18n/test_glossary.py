"""Every Danish text a user meets keeps to the glossary (i18n/GLOSSARY.md; rules: desktop/domain/glossary.py).

Over the Danish UI translations (i18n/*_da.ts), the form, the code lists, the guideline packs, the
training cases, the printed copy's labels and the secure e-mail's fixed text: a ruled-out term
(»arbejdsdage«, »bekræftelse« for the kvittering, »Journalnummer«, »krypteret«, straight or curly
quotes, ...) fails the test, which names the file, the place and the whole text.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from desktop.desk import report_labels
from desktop.documents import attachment_listing, labels
from desktop.domain import glossary
from desktop.outbox import mail

ROOT = Path(__file__).resolve().parents[3]
YAML_FILES = sorted([ROOT / "forms" / "notification.yaml", *(ROOT / "forms" / "packs").glob("*.yaml"),
                     *(ROOT / "forms" / "demo").glob("*.yaml"), *(ROOT / "forms" / "codes").glob("*.yaml"),
                     *(ROOT / "forms" / "directory").glob("*.yaml")])


def _ts_texts(path: Path) -> Iterator[tuple[str, str]]:
    name = path.relative_to(ROOT).as_posix()
    for context in ET.parse(path).getroot().iter("context"):
        where = f"{name}:{context.findtext('name')}"
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None:
                continue
            forms = translation.findall("numerusform")
            for text in [f.text or "" for f in forms] if forms else [translation.text or ""]:
                yield f"{where}: {message.findtext('source')!r}", text


def _python_texts() -> Iterator[tuple[str, str]]:
    tables = {"desktop/documents/labels.py": labels.LABELS,
              "desktop/documents/attachment_listing.py": attachment_listing.LABELS,
              "desktop/desk/report_labels.py": report_labels.LABELS}
    for name, table in tables.items():
        for key, text in table.get("da", {}).items():
            yield f"{name}:da:{key}", text
    # The secure e-mail's fixed Danish text (the municipality reads it in its mailbox).
    yield "desktop/outbox/mail.py:da:body", mail.BODY_TEXT.split("This secure e-mail", 1)[0]
    yield "desktop/outbox/mail.py:da:signed", mail.PROTECTION_SIGNED[0]
    yield "desktop/outbox/mail.py:da:unsigned", mail.PROTECTION_UNSIGNED[0]


def danish_texts() -> list[tuple[str, str]]:
    """Every Danish text the test covers, with its place."""
    texts = [t for path in sorted((ROOT / "i18n").glob("*_da.ts")) for t in _ts_texts(path)]
    for path in YAML_FILES:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        texts.extend(glossary.danish_texts(data, path.relative_to(ROOT).as_posix()))
    texts.extend(_python_texts())
    return texts


def test_the_test_reads_every_kind_of_danish_text() -> None:
    places = [where for where, _ in danish_texts()]
    for expected in ("i18n/underret_delivery_da.ts", "i18n/underret_shell_da.ts",
                     "forms/notification.yaml", "forms/packs/national.yaml", "forms/demo/baby-bruise.yaml",
                     "desktop/documents/labels.py", "desktop/outbox/mail.py"):
        assert any(p.startswith(expected) for p in places), expected
    assert len(places) > 2000


def test_no_danish_text_uses_a_term_the_glossary_rules_out() -> None:
    hits = [hit for where, text in danish_texts() for hit in glossary.find(where, text)]
    assert not hits, f"{len(hits)} ruled-out term(s):\n" + "\n".join(str(h) for h in hits)


@pytest.mark.parametrize(("text", "rule"), [
    ("Kommunen har ikke bekræftet underretning %1 inden for 6 arbejdsdage.", "arbejdsdage"),
    ("Kommunen har ikke bekræftet underretning %1.", "bekraefte-kommune"),
    ("Du får en bekræftelse fra kommunen.", "bekraeftelse"),
    ("Svar senest", "svar-senest"),
    ("Journalnummer", "journalnummer"),
    ("Journalnr. 12", "journalnummer"),
    ("Den sendes ukrypteret.", "krypteret"),
    ("Fingeraftrykket står under afsendernøglen.", "noegle"),
    ("Kontrollér SHA-256-værdien.", "kontrolsum"),
    ("Afslut underretningen", "afsluttet"),
    ("Vælg bekymringssignaler.", "signaler"),
    ("Den nye retningslinjepakke", "vejledningspakke"),
    ("IT-afdelingen", "IT"),
    ("Dine underretninger gemmes krypteret på denne pc.", "krypteret"),
    ("Gem den i pc'ens adgangskodelager", "adgangskodelager"),
    ("Fingeraftryk af afsendernøglen", "fingeraftryk"),
    ("Kontrolsum (SHA-256) af notification.json", "kontrolsum"),
    ('Vælg "Send nu".', "straight-quote"),
    ("Vælg “Send nu”.", "curly-quote"),
    ("DEMO — fiktive data", "em-dash"),
    ("&Afslut og send", "afslut-og-send"),
    ("Underretningen er afsluttet", "afsluttet"),
    ("Vælg de signaler, du har set.", "signaler"),
    ("Det er altid et tegn på bekymring.", "tegn-paa-bekymring"),
    ("Barnet fortæller om seksuelle krænkelser.", "seksuelle-kraenkelser"),
    ("Vejledningspakken kan ikke bruges.", "vejledningspakke"),
    ("Brug aldrig standardpakken.", "vejledningspakke"),
    ("Den seneste gode pakke bruges fortsat.", "vejledningspakke"),
    ("Kontakt IT.", "IT"),
    ("fx 24-12-2019 08:15", "klokkeslaet"),
    ("Se kommunens vejledning.", "kommunens-vejledning"),
    ("Udskriv…", "ellipsis-space"),
    ("Profilens nøgle er gemt på denne pc.", "noegle"),
    ("Du får svar inden for 6 hverdage.", "tal-hverdage"),
    ("Windows' gemte adgangskoder kan ikke bruges lige nu.", "windows-adgangskoder"),
    ("Modtagesystemets kvittering er beskadiget.", "modtagesystemets-kvittering"),
    ("Adgangssætningen skal være mindst 12 tegn.", "adgangssaetning"),
    ("Kuverten indeholder en anden underretning.", "kuvert"),
    ("Her skal man ringe til kommunen.", "man"),
    ("Man skal altid underrette.", "man"),
])
def test_each_rule_catches_what_the_review_found(text: str, rule: str) -> None:
    assert rule in [hit.rule.id for hit in glossary.find("i18n/underret_x_da.ts:X", text)]


@pytest.mark.parametrize("text", [
    "Kommunen skal sende dig en kvittering inden for seks hverdage. Får du ingen, så ring til kommunen.",
    "Kvittering senest", "Referencenummer", "Gør færdig og send", "Underretningen er færdig og låst",
    "Vælg »Send nu«.", "DEMO – fiktive data", "Indstillinger …", "Bekymringstegn",
    "Barnet fortæller om seksuelle overgreb.", "Kommunens retningslinjer",
    '<a href="https://example.org/">Læs mere</a>', "Kontakt it-afdelingen.", "&Afslut",
    "fx 24-12-2019 08.15", "kl. 8.15",
    "Forældrene kan kræve at få underretningen at se – det må de som regel.",
    "Grundene i barnets lov § 133, som underretteren har valgt.",
    "Barnet er nøglebarn og har madpakke med.", "Afsenderens signatur", "Afslut Underret",
    "Mandag kl. 8.15 havde Emma et blåt mærke.", "Manglende madpakke",
])
def test_the_glossary_words_pass(text: str) -> None:
    assert glossary.find("i18n/underret_x_da.ts:X", text) == []


def test_a_hit_names_the_place_the_term_and_the_text() -> None:
    (hit,) = glossary.find("forms/packs/x.yaml:signals[3].label.da", "Journalnummer: 12")
    assert str(hit).startswith("forms/packs/x.yaml:signals[3].label.da: »Journalnummer«")
    assert "referencenummer" in str(hit) and "'Journalnummer: 12'" in str(hit)


def test_every_allowance_is_narrow_and_says_why() -> None:
    rule_ids = {rule.id for rule in glossary.RULES}
    for allowance in glossary.ALLOWANCES:
        assert allowance.rule in rule_ids
        assert allowance.where not in {"", "*"} and len(allowance.reason) > 40


def test_the_receiving_system_s_automatic_answer_is_never_called_a_kvittering() -> None:
    # The kvittering is what the municipality must send within six hverdage; a trainee who sees
    # "Kvittering" the moment a demo notification is delivered learns that it comes by itself.
    automatic = {
        "Delivered to Demo Kommune: reference %1, received %2.",
        "Confirmation of delivery sent to the notifier",
        "Sent, not yet confirmed as received",
        "the confirmation of delivery could not be checked as the municipality's",
        "the confirmation of delivery did not match this notification",
        "the confirmation of delivery was damaged",
    }
    found = {where.split(": ", 1)[1][1:-1]: text for where, text in danish_texts()
             if where.startswith("i18n/") and where.split(": ", 1)[1][1:-1] in automatic}
    assert set(found) == automatic
    assert not [text for text in found.values() if "kvittering" in text.lower()], found
    assert all("besked om modtagelse" in text.lower() for source, text in found.items()
               if not source.startswith("Delivered")), found
