"""Help for the place a person is in the app (F1): the guideline pack's text for that place, with the
municipality's local procedure, its contacts and the legal references under it.

Every word comes from the pack (``help_pages``, ``procedure``, ``contacts``,
``legal_references``), so a municipality writes its own help without a new
release. A pack written before packs had help pages still gets help: the
national pack's text for the place, with the pack's own procedure, contacts
and references. Pure Python: the window that shows it is
:mod:`desktop.ui.help.viewer`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from desktop.domain.packs import NATIONAL_PACK_ID, GuidelinePack, HelpPage, known_pack
from desktop.domain.text import localise

#: The places outside the notification window that have help of their own.
MAIN = "main"
UNLOCK = "unlock"
SETTINGS = "settings"
FIXED_TOPICS = (MAIN, UNLOCK, SETTINGS)
_WIZARD_PREFIX = "wizard."


def wizard_topic(section_id: str) -> str:
    """The help topic of a page of the notification window (``wizard.signals``)."""
    return f"{_WIZARD_PREFIX}{section_id}"


def help_topics(section_ids: Iterable[str]) -> list[str]:
    """Every topic the app opens help for: the fixed places and one per form page."""
    return [*FIXED_TOPICS, *(wizard_topic(s) for s in section_ids)]


@dataclass(frozen=True)
class HelpBlock:
    """A paragraph, or a list of points (``items``) when the pack's lines start with "- "."""

    text: str = ""
    items: tuple[str, ...] = ()


@dataclass(frozen=True)
class HelpContact:
    """A number to call, as the pack gives it."""

    name: str
    phone: str
    hours: str
    note: str
    email: str


@dataclass(frozen=True)
class HelpReference:
    """A provision of law or guidance (``url`` may be empty)."""

    citation: str
    title: str
    url: str


@dataclass(frozen=True)
class HelpText:
    """What the help window shows for one topic, in one language."""

    topic: str
    title: str
    blocks: tuple[HelpBlock, ...]
    guidelines: str
    guidelines_version: str
    municipality: str
    procedure: tuple[tuple[str, str], ...]
    contacts: tuple[HelpContact, ...]
    legal: tuple[HelpReference, ...]

    @property
    def has_page_text(self) -> bool:
        """False when neither the pack nor the national pack has text for this place."""
        return bool(self.blocks)

    def plain(self) -> str:
        """All of it as plain text (tests, screen readers' summaries)."""
        parts = [self.title]
        for block in self.blocks:
            parts.append(block.text or "\n".join(block.items))
        parts += [f"{title}: {text}" for title, text in self.procedure]
        parts += [" ".join(p for p in (c.name, c.phone, c.hours, c.note, c.email) if p)
                  for c in self.contacts]
        parts += [f"{r.citation} {r.title}" for r in self.legal]
        return "\n".join(parts)


def blocks_of(text: str) -> tuple[HelpBlock, ...]:
    """Paragraphs split at empty lines; a paragraph whose lines start with "- " is a list."""
    blocks: list[HelpBlock] = []
    for chunk in text.replace("\r\n", "\n").split("\n\n"):
        lines = [line.strip() for line in chunk.strip().splitlines() if line.strip()]
        if not lines:
            continue
        if all(line.startswith("- ") for line in lines):
            blocks.append(HelpBlock(items=tuple(line[2:].strip() for line in lines)))
        else:
            blocks.append(HelpBlock(text=" ".join(lines)))
    return tuple(blocks)


def page_for(topic: str, pack: GuidelinePack) -> HelpPage | None:
    """The pack's help page for the topic, else the national pack's (a pack from before help pages)."""
    page = pack.help_page(topic)
    if page is None and pack.id != NATIONAL_PACK_ID:
        national = known_pack(NATIONAL_PACK_ID)
        page = national.help_page(topic) if national is not None else None
    return page


def help_text(topic: str, pack: GuidelinePack, lang: str) -> HelpText:
    """The help for ``topic`` from ``pack`` in ``lang`` (Danish for an unknown language)."""
    page = page_for(topic, pack)
    return HelpText(
        topic=topic,
        title=localise(page.title, lang) if page is not None else "",
        blocks=blocks_of(localise(page.text, lang)) if page is not None else (),
        guidelines=localise(pack.name, lang),
        guidelines_version=pack.version,
        municipality=pack.municipality.name,
        procedure=tuple((localise(s.title, lang), localise(s.text, lang)) for s in pack.procedure),
        contacts=tuple(
            HelpContact(name=localise(c.name, lang), phone=c.phone or "", hours=localise(c.hours, lang),
                        note=localise(c.note, lang), email=c.email or "")
            for c in pack.contacts
        ),
        legal=tuple(HelpReference(r.citation, localise(r.title, lang), r.url or "")
                    for r in pack.legal_references),
    )
