"""The age bands guideline packs key their signals on (code list ``age_band``).

In a module of its own so the document model and the parts it is built from
(:mod:`desktop.domain.observations`, :mod:`desktop.domain.bodymap`) can all use
it without importing each other in a circle.
"""

from __future__ import annotations

from enum import StrEnum


class AgeBand(StrEnum):
    """Age bands that guideline packs key their signals on (code list ``age_band``)."""

    UNBORN = "unborn"
    AGE_0_2 = "0-2"
    AGE_3_5 = "3-5"
    AGE_6_12 = "6-12"
    AGE_13_17 = "13-17"
