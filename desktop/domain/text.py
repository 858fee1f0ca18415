"""Texts in both product languages (Danish and English).

Every text that a form or a guideline pack shows to a user is a
:class:`Localised` with a non-empty Danish and English version. Making both
languages required fields (instead of a free ``dict``) is what lets a pack
with a missing translation be refused with a precise path such as
``signals[12].help.en``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Language = Literal["da", "en"]
LANGUAGES: tuple[Language, ...] = ("da", "en")
DEFAULT_LANGUAGE: Language = "da"


class Localised(BaseModel):
    """One text in Danish and English; both are required and non-empty."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    da: str = Field(min_length=1)
    en: str = Field(min_length=1)

    def __getitem__(self, lang: str) -> str:
        if lang == "da":
            return self.da
        if lang == "en":
            return self.en
        raise KeyError(lang)

    def get(self, lang: str, default: str | None = None) -> str | None:
        """The text in ``lang``, or ``default`` for an unknown language."""
        try:
            return self[lang]
        except KeyError:
            return default

    def as_dict(self) -> dict[str, str]:
        """The plain ``{"da": ..., "en": ...}`` form."""
        return {"da": self.da, "en": self.en}


def localise(text: Localised | Mapping[str, str] | None, lang: str) -> str:
    """The text in ``lang``; Danish when ``lang`` is unknown; "" for no text."""
    if text is None:
        return ""
    if isinstance(text, Localised):
        return text.get(lang) or text.da
    return text.get(lang) or text.get(DEFAULT_LANGUAGE) or ""
