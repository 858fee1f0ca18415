"""Shared fixtures for the domain tests: the shipped form and packs, a fixed 'today'.

The complete, fictitious answers (``complete_answers``, ``answers_for``) come from
``tests/conftest.py``, shared with the other folders.
"""

from __future__ import annotations

from datetime import date

import pytest

from desktop.domain.forms import FormDefinition, load_form
from desktop.domain.packs import GuidelinePack, national_pack

TODAY = date(2026, 11, 23)


@pytest.fixture(scope="session")
def form() -> FormDefinition:
    return load_form()


@pytest.fixture(scope="session")
def national() -> GuidelinePack:
    return national_pack()


@pytest.fixture
def today() -> date:
    return TODAY
