"""The words for a notification's codes, in the language it is shown in.

``notification.json`` v2 holds codes only. Whatever shows one to a person (the
copy, the review page, the finalised view, an export) asks a
:class:`Vocabulary`: code lists from ``forms/codes``, signals, categories and
scale levels from the guideline pack the notification names (the one loaded
in this run, else the shipped one). A code nobody knows is shown as itself,
never dropped.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.domain.age_bands import AgeBand
from desktop.domain.codes import shipped_code_lists
from desktop.domain.packs import GuidelinePack, known_pack
from desktop.domain.text import localise


@dataclass(frozen=True)
class Vocabulary:
    """Labels in one language for the codes of one guideline pack and the shipped code lists."""

    language: str
    pack: GuidelinePack | None = None

    def code(self, list_id: str, code: str) -> str:
        """The label of ``code`` in code list ``list_id``."""
        code_list = shipped_code_lists().get(list_id)
        return code_list.label(code, self.language) if code_list is not None else code

    def national(self, list_id: str, code: str) -> str | None:
        """The Danish national form's wording for ``code``, where it has one."""
        code_list = shipped_code_lists().get(list_id)
        entry = code_list.get(code) if code_list is not None else None
        return entry.national if entry is not None else None

    def municipality(self, code: str) -> str:
        """A municipality's name from its code."""
        return self.code("municipality", code)

    def signal(self, signal_id: str, band: AgeBand | None = None) -> str:
        """A signal's label in the pack, in the words the pack uses for the child's age ``band``
        (»Barnet …« for a 7-year-old, »Den unge …« for a 15-year-old; the general label if unknown)."""
        if self.pack is not None and self.pack.has_signal(signal_id):
            return localise(self.pack.signal(signal_id).label_for(band), self.language)
        return signal_id

    def category(self, category_id: str) -> str:
        """A signal category's label in the pack."""
        if self.pack is not None:
            try:
                return localise(self.pack.category(category_id).label, self.language)
            except KeyError:
                pass
        return category_id

    def level(self, level_id: str) -> str:
        """A level of the pack's scale of concern."""
        if self.pack is not None:
            for level in self.pack.scale.levels:
                if level.id == level_id:
                    return localise(level.label, self.language)
        return level_id


def vocabulary_for(pack_id: str, language: str, version: str | None = None) -> Vocabulary:
    """The vocabulary of the pack with ``pack_id`` (codes only when no such pack is known)."""
    return Vocabulary(language="en" if language == "en" else "da", pack=known_pack(pack_id, version))
