"""The Danish terms the glossary rules out, as data: one list for the test and for ``underret-pack verify``.

``i18n/GLOSSARY.md`` explains each concept and its one Danish term for people who write a pack or a
translation; this module is its machine-readable half. :func:`find` reports every ruled-out term in a
Danish text; :func:`danish_texts` walks a form, pack or scenario (already parsed YAML) and yields the
``da:`` texts with where they are. Exceptions are narrow (one place, one text) and say why.

Plain Python: no Qt, no store, no network (the test, the pack tool and the app may all use it).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from fnmatch import fnmatchcase
from typing import Final


@dataclass(frozen=True)
class Rule:
    """A ruled-out term: ``pattern`` finds it, ``use`` says what to write instead and ``why``, why."""

    id: str
    pattern: str
    use: str
    why: str
    case_sensitive: bool = False

    def compiled(self) -> re.Pattern[str]:
        return re.compile(self.pattern, 0 if self.case_sensitive else re.IGNORECASE)


@dataclass(frozen=True)
class Allowance:
    """Allows ``rule`` where ``where`` (a glob over the place name) matches and the text contains ``text``."""

    rule: str
    where: str
    text: str
    reason: str


@dataclass(frozen=True)
class Hit:
    """One ruled-out term found: the place, the rule, the words matched and the whole text."""

    where: str
    rule: Rule
    found: str
    text: str

    def __str__(self) -> str:
        return (f"{self.where}: »{self.found}« ({self.rule.id}) – skriv {self.rule.use}. "
                f"{self.rule.why} Tekst: {self.text!r}")


_W = r"(?<![\wæøåÆØÅ])"   # a word starts here (\b knows æ, ø, å too, but spelled out for the reader)
_E = r"(?![\wæøåÆØÅ])"    # a word ends here

RULES: Final[tuple[Rule, ...]] = (
    Rule("arbejdsdage", _W + r"arbejdsdag\w*", "»hverdage« (»seks hverdage«)",
         "Loven, skemaet og retningslinjerne regner fristen for kvitteringen i hverdage."),
    Rule("bekraeftelse", _W + r"bekræftelse\w*", "»kvittering« (kommunen sender dig en kvittering)",
         "Kommunens svar på en underretning hedder en kvittering overalt i Underret."),
    Rule("bekraefte-kommune", r"(kommunen\w*|modtagesystem\w*)\s+(\w+\s+){0,3}bekræft\w*|"
         + _W + r"bekræft\w*\s+(\w+\s+){0,2}(underretning\w*|modtagelse\w*)",
         "»sende en kvittering« / »kontrollere«",
         "At kommunen »bekræfter« blander kvitteringen sammen med andet; skriv kvittering."),
    Rule("svar-senest", _W + r"svar senest" + _E, "»Kvittering senest«",
         "»Svar« lyder, som om kommunen skal svare eller træffe afgørelse inden fristen."),
    Rule("journalnummer", _W + r"(journalnummer\w*|journalnr\w*)", "»referencenummer«",
         "Journalnummeret er kommunens eget sagsnummer; Underrets nummer hedder referencenummer."),
    Rule("krypteret", r"\w*krypter\w*", "»sikkert« (»gemmes sikkert«, »sendes sikkert«)",
         "Teknisk ord, som en pædagog ikke skal kende."),
    Rule("adgangskodelager", _W + r"adgangskodelage\w*", "»pc'ens gemte adgangskoder«",
         "Teknisk ord; brugeren kender »gemte adgangskoder«."),
    Rule("fingeraftryk", _W + r"fingeraftryk\w*", "»kode til it-afdelingen«",
         "Teknisk ord (nøglens fingeraftryk); hører til i kommunens tekniske kontrol."),
    Rule("kontrolsum", _W + r"(kontrolsum\w*|checksum\w*|hashværdi\w*|SHA-?256)",
         "»teknisk kontrol (til kommunen)«",
         "Teknisk ord; værdien står kun i afsnittet til kommunen."),
    Rule("noegle", r"\w*(nøgle|nøglen|nøglens|nøgler|nøglerne|nøglefil\w*|nøglering\w*)" + _E,
         "»adgangskode«, »det, der er gemt på denne pc«",
         "Underretteren kender adgangskoder, ikke nøgler (gælder ikke modtagelsens tekster til kommunen)."),
    Rule("straight-quote", r"\"", "»…«", "Danske anførselstegn er »…« overalt."),
    Rule("curly-quote", r"[“”„]", "»…«", "Danske anførselstegn er »…« overalt."),
    Rule("em-dash", r"—", "»–« (tankestreg)", "Al dansk tekst i Underret bruger tankestregen »–«."),
    Rule("ellipsis-space", r"[\wæøå]…(?=$|&|\s)", "»Udskriv …« (mellemrum før …)",
         "Menupunkter skrives »Indstillinger …« med mellemrum, ens overalt."),
    Rule("afslut-og-send", _W + r"afslut og send", "»Gør færdig og send«",
         "»Afslut« er kommandoen, der lukker Underret."),
    Rule("afsluttet", _W + r"(afsluttet|afsluttede|afslut(te|ter)? underretning\w*)" + _E,
         "»færdig«, »gjort færdig«",
         "»Afsluttet« lyder som en lukket sag, og »Afslut« er kommandoen, der lukker Underret."),
    Rule("signaler", r"\w*signal(er|erne|et)?" + _E, "»tegn« / »bekymringstegn«",
         "Skærmen og retningslinjerne kalder dem tegn."),
    Rule("tegn-paa-bekymring", _W + r"tegn på bekymring", "»bekymringstegn«",
         "»Tegn på bekymring« betyder tegn på, at nogen er bekymret."),
    Rule("seksuelle-kraenkelser", _W + r"seksuel\w*\s+krænkel\w*|" + _W + r"krænkelse\w*",
         "»seksuelle overgreb«", "Barnets lov § 133 og kategorien siger overgreb."),
    Rule("vejledningspakke",
         _W + r"(vejledningspakke\w*|standardpakke\w*|retningslinjepakke\w*|pakkeversion\w*"
         r"|pakke|pakken|pakkens|pakker|pakkerne)" + _E,
         "»retningslinjer« (kommunens retningslinjer)",
         "Samme ting har ét navn: retningslinjer."),
    Rule("kommunens-vejledning", _W + r"(kommunens|kommunernes) vejledning\w*",
         "»kommunens retningslinjer«", "Samme ting har ét navn: retningslinjer."),
    Rule("indberetning", _W + r"(indberetning\w*|bekymringsmelding\w*)", "»underretning«",
         "Loven og Underret siger underretning."),
    Rule("IT", _W + r"IT" + _E, "»it-afdelingen«", "Dansk retskrivning: it med små bogstaver.",
         case_sensitive=True),
    Rule("forvaltningen", _W + r"forvaltningen" + _E, "»kommunen« / »børne- og familieafdelingen«",
         "Ét navn for modtageren."),
    Rule("Familieafdeling", r"Børne- og Familieafdeling", "»børne- og familieafdelingen« (små bogstaver)",
         "Ikke et egennavn i løbende tekst.", case_sensitive=True),
    Rule("staar-med-paa", _W + r"står med på", "»skriver under«", "Ikke idiomatisk dansk."),
    Rule("gymnastik", _W + r"gymnastik\w*", "»idræt«", "Skolefaget hedder idræt."),
    Rule("guidede", _W + r"guidede? underretning", "»underretningen«", "Oversat fra engelsk."),
    Rule("tal-hverdage", _W + r"\d+ hverdage", "»seks hverdage«", "Tal under tretten skrives med bogstaver."),
    Rule("klokkeslaet", _W + r"\d{1,2}:\d{2}" + _E, "»kl. 8.15« / »08.15«",
         "Danske klokkeslæt skrives med punktum, ens overalt."),
    Rule("grund-til-at-tro", _W + r"grund til at tro", "»grund til at antage«", "Lovens ord."),
    Rule("windows-adgangskoder", _W + r"Windows'?\s+gemte\s+adgangskode\w*", "»pc'ens gemte adgangskoder«",
         "Underret kører også på Linux og macOS; »pc'ens« passer overalt og er modtagelsens ord."),
    Rule("modtagesystemets-kvittering", _W + r"modtagesystem\w*\s+kvittering\w*",
         "»modtagesystemets besked om modtagelse«",
         "Kvitteringen er den, kommunen sender inden for seks hverdage; modtagesystemets automatiske svar "
         "er en besked om modtagelse."),
    Rule("adgangssaetning", _W + r"adgangssætning\w*", "»adgangskode«",
         "Samme ting har ét navn i hele Underret, også i modtagelsen."),
    Rule("man", _W + r"man" + _E, "»du«",
         "Teksterne taler til den, der læser: du, ikke man (hjælp, øvelsescases, gennemgange)."),
    Rule("kuvert", _W + r"kuvert\w*", "»forsendelse«",
         "Den krypterede fil hedder forsendelsen på kopien og i kommunens visning."),
)

#: Narrow exceptions: each names the one place and the text, and says why the term is right there.
ALLOWANCES: Final[tuple[Allowance, ...]] = (
    Allowance("noegle", "i18n/underret_desk_da.ts*", "",
               "Modtagelsen (underret-desk) bruges af kommunens medarbejdere, som selv henter kommunens "
               "nøglefiler ind fra it-afdelingen."),
    Allowance("kontrolsum", "desktop/documents/attachment_listing.py:da:received.*", "",
               "Kommunens egen visning af de modtagne bilag (demotilstandens »Kommunen«), "
               "ikke underretterens."),
    Allowance("kontrolsum", "desktop/documents/labels.py:da:technical.*", "SHA-256",
               "Afsnittet »Teknisk kontrol (til kommunen)« sidst i kopien: værdien er kommunens, og "
               "afsnittet siger, at underretteren ikke skal bruge den."),
    Allowance("kontrolsum", "desktop/documents/labels.py:da:attachment.sha256", "SHA-256",
               "Står kun i afsnittet »Teknisk kontrol (til kommunen)« ved hvert bilag (outline._technical)."),
    Allowance("krypteret", "desktop/outbox/mail.py:da:body", "krypteret til kommunens modtagenøgle",
              "Den sikre mails tekst læses i kommunens postkasse og fortæller kommunens it, hvordan den "
              "vedhæftede fil åbnes med underret-intake: kommunens egne ord for kommunens egen nøgle."),
    Allowance("noegle", "desktop/outbox/mail.py:da:body", "modtagenøgle",
              "Samme tekst til kommunen: det er kommunens modtagenøgle, der åbner filen."),
    Allowance("noegle", "i18n/underret_demo_da.ts:MunicipalityView*", "",
               "Viser det, kommunen ser (åbnet med kommunens nøgle), og er markeret som kommunens visning."),
)


def _visible(text: str) -> str:
    """The words a reader sees: HTML tags and entities out (a help text's <a href="..."> is no quote)."""
    text = re.sub(r"<[^>]*>", " ", text)
    return re.sub(r"&(quot|amp|lt|gt|nbsp|#\d+);", " ", text)


def _excepted(rule: Rule, where: str, text: str, exceptions: Sequence[Allowance]) -> bool:
    return any(e.rule == rule.id and fnmatchcase(where, e.where) and e.text in text for e in exceptions)


def find(where: str, text: str, exceptions: Sequence[Allowance] = ALLOWANCES) -> list[Hit]:
    """Every ruled-out term in the Danish ``text`` found at ``where`` (a file and place, for the report)."""
    seen = _visible(text)
    hits = []
    for rule in RULES:
        match = rule.compiled().search(seen)
        if match and not _excepted(rule, where, text, exceptions):
            hits.append(Hit(where, rule, match.group(0).strip(), text))
    return hits


def danish_texts(data: object, where: str) -> Iterator[tuple[str, str]]:
    """``(place, text)`` for every ``da:`` text in parsed YAML (a form, a pack, a scenario), depth first.

    The place is ``where`` plus the path (``forms/packs/x.yaml:signals[3].label.da``)."""
    def walk(node: object, path: str) -> Iterator[tuple[str, str]]:
        if isinstance(node, dict):
            for key, value in node.items():
                sub = f"{path}.{key}" if path else str(key)
                if key == "da" and isinstance(value, str):
                    yield f"{where}:{sub}", value
                else:
                    yield from walk(value, sub)
        elif isinstance(node, list):
            for index, value in enumerate(node):
                yield from walk(value, f"{path}[{index}]")
    yield from walk(data, "")


def check_yaml(data: object, where: str) -> list[Hit]:
    """Every ruled-out term in the Danish texts of parsed YAML (what ``underret-pack verify`` warns about)."""
    return [hit for place, text in danish_texts(data, where) for hit in find(place, text)]
